"""The ``ocop`` command line. Each command is a thin wrapper over a Python function:

    ocop demo       -> ocop_crawler.crawl.run_demo
    ocop crawl      -> ocop_crawler.crawl.run_crawl
    ocop import-warc -> ocop_crawler.warcimport.run_import
    ocop sites      -> ocop_crawler.sites.listing.print_sites (--check-live: sites.live.check_live)
    ocop extract    -> ocop_crawler.extraction.extract_paths
    ocop parse      -> ocop_crawler.parse.page.print_page
    ocop reextract  -> ocop_crawler.extraction.reextract
    ocop serve      -> ocop_crawler.serve.serve
    ocop publish    -> ocop_crawler.serve.publish

Each command first checks its input with ``ocop_crawler.checks`` (paths, databases,
ports, options); ``main`` turns a bad input into one line on stderr and exit status 2.
"""
from __future__ import annotations

import os
import sqlite3
import sys

import click

from . import __version__
from . import checks

DB_OPTION = click.option("--db", "db_path", default="ocop.db", show_default=True,
                         type=click.Path(dir_okay=False), help="SQLite database file.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ocop")
def cli():
    """Harvest OCOP ("Mỗi xã một sản phẩm") facts from the Vietnamese provincial press."""


@cli.command()
@DB_OPTION
@click.option("--no-serve", is_flag=True, help="Stop after building the database; do not start Datasette.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535),
              help="Datasette port (127.0.0.1).")
@click.option("--warc", "warc_dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Also keep every fetched response (and its request) as WARC files in DIR.")
def demo(db_path, no_serve, port, warc_dir):
    """Crawl the bundled offline sample site, extract facts, build the database, serve it.

    Starts the sample newspapers on free loopback ports, crawls them with the real
    spider, prints a summary and serves Datasette on 127.0.0.1:PORT until Ctrl-C.
    """
    from .crawl import run_demo
    checks.check_db_for_writing(db_path, tables={"sources"})   # run_demo rebuilds a sample-only one
    if not no_serve:
        checks.check_port(port)
    sys.exit(run_demo(db_path, serve=not no_serve, port=port, warc_dir=warc_dir))


@cli.command()
@DB_OPTION
@click.option("--site", "sites", multiple=True, metavar="NAME",
              help="Crawl only this registry site (repeatable). Default: every site. "
                   "An unknown name is an error that names the closest ones.")
@click.option("--since", metavar="YYYY-MM-DD", help="Skip articles published before this date; stop paging past it.")
@click.option("--refresh", is_flag=True, help="Fetch articles again even if their URL is stored.")
@click.option("--resume", is_flag=True,
              help="Continue the interrupted crawl kept in --jobdir (Scrapy JOBDIR); "
                   "an error when there is none.")
@click.option("--jobdir", default=".ocop-job", show_default=True, type=click.Path(file_okay=False),
              help="Where crawl state is kept for --resume.")
@click.option("--http-cache", is_flag=True, help="Cache HTTP responses on disk (Scrapy HTTPCACHE).")
@click.option("--max-pages", type=click.IntRange(min=0), default=0, help="Stop after this many responses (0: no limit).")
@click.option("--log-level", default="WARNING", show_default=True,
              type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"]), help="Scrapy log level.")
@click.option("--warc", "warc_dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Also write every fetched response (and its request) as WARC records "
                   "(gzip per record) into files in DIR.")
@click.option("--warc-max-size", type=click.IntRange(min=1), default=1_000_000_000,
              show_default=True, metavar="BYTES", help="Start a new WARC file past this size.")
def crawl(db_path, sites, since, refresh, resume, jobdir, http_cache, max_pages, log_level,
          warc_dir, warc_max_size):
    """Crawl the registry's outlets for OCOP articles and store articles and facts."""
    from .crawl import run_crawl
    since = checks.check_since(since)
    checks.check_jobdir(jobdir, resume=resume)
    checks.check_db_for_writing(db_path)
    sys.exit(run_crawl(db_path, sites=list(sites), since=since, refresh=refresh, resume=resume,
                       jobdir=jobdir, http_cache=http_cache, max_pages=max_pages,
                       log_level=log_level, warc_dir=warc_dir, warc_max_size=warc_max_size))


@cli.command("import-warc")
@DB_OPTION
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--filter-host", "filter_hosts", multiple=True, metavar="HOST",
              help="Keep only records of this host and its subdomains (repeatable; "
                   "a host outside the registry is stored under its own name).")
@click.option("--all-vn", is_flag=True,
              help="Keep every .vn host too, not only the registry's outlets.")
@click.option("--log-level", default="WARNING", show_default=True,
              type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"]), help="Scrapy log level.")
def import_warc(db_path, files, filter_hosts, all_vn, log_level):
    """Import the OCOP articles of WARC files (Common Crawl's CC-NEWS, `ocop crawl --warc`, ...).

    Keeps HTML responses (status 200) of the registry's outlets (or of --filter-host
    hosts, or of any .vn host with --all-vn) whose URL looks like an article, and runs
    them through the crawl's chain: parse, OCOP relevance, dedup, facts, storage, with
    the crawl's progress lines, summary and crawl_runs row. Importing a file again adds
    nothing; an interrupted import carries on where it stopped. Corrupt or cut gzip
    members, revisit and non-HTML records are counted and passed over.
    """
    from .warcimport import run_import
    sys.exit(run_import(db_path, list(files), filter_hosts=list(filter_hosts), all_vn=all_vn,
                        log_level=log_level))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the registry as JSON.")
@click.option("--samples", is_flag=True, help="Include the bundled sample sites.")
@click.option("--province", metavar="NAME", help="Only outlets of this province (diacritics optional).")
@click.option("--kind", type=click.Choice(["provincial", "national", "aggregator", "sample"]),
              help="Only outlets of this kind.")
@click.option("--check", is_flag=True, help="Check the registry's consistency instead; exit 1 on problems.")
@click.option("--check-live", is_flag=True,
              help="Fetch each outlet's base URL and entry points once (needs internet) and "
                   "report which answer, redirect (and where), are gone or fail; exit 1 "
                   "unless all answer.")
@click.option("--site", "names", multiple=True, metavar="NAME",
              help="With --check-live: only this outlet (repeatable).")
def sites(as_json, samples, province, kind, check, check_live, names):
    """List the site registry: name, province, entry points, verified, verified from."""
    from .sites.listing import print_check, print_sites
    if check:
        sys.exit(print_check(include_samples=True))
    if check_live:
        from .sites.live import print_check_live
        from .sites.listing import select_sites
        chosen = None
        if not names:
            try:
                chosen = select_sites(include_samples=samples, province=province, kind=kind)
            except ValueError as e:
                raise click.UsageError(str(e))
        sys.exit(print_check_live(sites=chosen, names=names, as_json=as_json))
    if names:
        raise click.UsageError("--site goes with --check-live")
    sys.exit(print_sites(as_json=as_json, include_samples=samples, province=province, kind=kind))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", default="-", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write JSON lines here (default: standard output).")
@click.option("--explain", is_flag=True,
              help="Print on standard output, per article, each counted number of each "
                   "candidate sentence and why it is or is not a fact. The JSON lines are "
                   "then written only with -o FILE.")
def extract(paths, output, explain):
    """Extract OCOP facts from articles: .txt/.html files or .jsonl of articles.

    A .jsonl line is an object with `id` and `text` or `html` (optional `url`,
    `published`, `title`, `province`). Writes one line per article,
    {"id": ..., "facts": [...]}, in input order; each fact has the FACTS.md
    fields plus `segment` (null: the area's whole count) and `why` (the
    extractor's reasons). Bad lines are reported on stderr with their line
    number and the exit status is 1.

    \b
    With --explain, standard output gets a report instead of the JSON lines:
      ARTICLE-ID: N facts
       s2: the sentence (shortened)
        s2 «40 sản phẩm» fact: actual addition; stars 3..3; area: Hà Tĩnh
        s3 «28 sản phẩm» not a fact: part of a count that is not a fact (...)
    and the JSON lines go to -o FILE if one is given.
    """
    from .extraction import extract_paths
    checks.check_output_path(output)
    sys.exit(extract_paths(list(paths), output, explain=explain))


@cli.command()
@click.argument("page", type=click.Path(dir_okay=True, allow_dash=False))
@click.option("--url", metavar="URL", help="Where the page was fetched from: resolves relative links "
              "and picks the registry outlet's CSS overrides, as in a crawl.")
@click.option("--json", "as_json", is_flag=True,
              help="Print one JSON object: title, published, author, lead, body, canonical.")
@click.option("--fetched-at", metavar="ISO-DATETIME",
              help="When the page was fetched (relative dates count from it). Default: now.")
def parse(page, url, as_json, fetched_at):
    """Show what the crawler's parser makes of one saved article page.

    Prints the title, publication date, author, canonical URL, lead and the body
    paragraph by paragraph (the body is what the crawler stores: lead first, one
    paragraph a line). A page saved gzipped is read too. A missing, unreadable,
    empty or binary file is one line on stderr and exit status 1.
    """
    from .parse.page import print_page
    sys.exit(print_page(page, url, as_json=as_json, fetched_at=fetched_at))


@cli.command()
@DB_OPTION
def reextract(db_path):
    """Re-run fact extraction over the stored articles (after the rules change).

    Replaces every article's facts, segment and why included (a database made
    by an older version gains those columns first), then rebuilds the summaries.
    Each article is one transaction (killed, an article keeps its old facts or
    has all the new ones); the run is a crawl_runs row (command "reextract").
    A fact read unchanged keeps its id (fact_key); a changed one gets a new id and
    its old id is listed in superseded_facts.
    """
    from .extraction import reextract as run
    sys.exit(run(db_path))      # checks the file first (checks.open_existing_db)


@cli.command()
@DB_OPTION
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535),
              help="Port on 127.0.0.1.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--immutable", is_flag=True,
              help="The file is no longer written to (a copy): serve it immutable, faster.")
def serve(db_path, port, host, immutable):
    """Serve the database with Datasette (read-only) and the project's metadata."""
    from .serve import serve as run
    checks.open_existing_db(db_path, quick_check=None)   # read-only: no 10 s page scan of a huge file
    checks.check_port(port, host)
    sys.exit(run(db_path, port=port, host=host, immutable=immutable))


@cli.command()
@DB_OPTION
@click.option("--out", "out_dir", default="publish", show_default=True, type=click.Path(file_okay=False),
              help="Directory to write the hosted deployment into.")
def publish(db_path, out_dir):
    """Prepare a hosted, read-only deployment of the database (see README)."""
    from .serve import publish as run
    checks.open_existing_db(db_path, quick_check=None)
    checks.check_output_dir(out_dir)
    sys.exit(run(db_path, out_dir))


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def main(argv=None):
    """Run ``ocop``; bad input ends in one line on stderr and a non-zero status, never a traceback.

    Usage errors (click) and ``checks.InputError`` exit 2; a file the command could not
    read or write (``OSError``, a damaged database) exits 1. ``OCOP_DEBUG=1`` re-raises
    those errors with their traceback.
    """
    name = "ocop"
    try:
        status = cli.main(args=argv, prog_name="ocop", standalone_mode=False)
    except click.UsageError as exc:
        name = exc.ctx.command_path if exc.ctx else name
        hint = f" (see `{name} --help`)" if exc.ctx else ""
        print(f"{name}: {_one_line(exc.format_message())}{hint}", file=sys.stderr)
        sys.exit(2)
    except click.ClickException as exc:
        print(f"{name}: {_one_line(exc.format_message())}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except (click.Abort, KeyboardInterrupt):
        print(f"{_command(argv)}: interrupted", file=sys.stderr)
        sys.exit(130)
    except checks.InputError as exc:
        print(f"{_command(argv)}: {_one_line(exc)}", file=sys.stderr)
        sys.exit(2)
    except (OSError, sqlite3.DatabaseError) as exc:
        if os.environ.get("OCOP_DEBUG"):
            raise
        print(f"{_command(argv)}: {_one_line(exc)}", file=sys.stderr)
        sys.exit(1)
    sys.exit(status if isinstance(status, int) else 0)


def _command(argv) -> str:
    """"ocop COMMAND" for an error line."""
    args = sys.argv[1:] if argv is None else list(argv)
    sub = next((a for a in args if a in cli.commands), None)
    return f"ocop {sub}" if sub else "ocop"


if __name__ == "__main__":
    main()
