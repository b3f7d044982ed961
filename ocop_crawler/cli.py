"""The ``ocop`` command line. Each command is a thin wrapper over a Python function:

    ocop demo       -> ocop_crawler.crawl.run_demo
    ocop crawl      -> ocop_crawler.crawl.run_crawl
    ocop sites      -> ocop_crawler.sites.all_sites
    ocop extract    -> ocop_crawler.extraction.extract_paths
    ocop reextract  -> ocop_crawler.extraction.reextract
    ocop serve      -> ocop_crawler.serve.serve
    ocop publish    -> ocop_crawler.serve.publish
"""
from __future__ import annotations

import sys

import click

from . import __version__

DB_OPTION = click.option("--db", "db_path", default="ocop.db", show_default=True,
                         type=click.Path(dir_okay=False), help="SQLite database file.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ocop")
def cli():
    """Harvest OCOP ("Mỗi xã một sản phẩm") facts from the Vietnamese provincial press."""


@cli.command()
@DB_OPTION
@click.option("--no-serve", is_flag=True, help="Stop after building the database; do not start Datasette.")
@click.option("--port", default=8001, show_default=True, help="Datasette port (127.0.0.1).")
def demo(db_path, no_serve, port):
    """Crawl the bundled offline sample site, extract facts, build the database, serve it.

    Starts the sample newspapers on free loopback ports, crawls them with the real
    spider, prints a summary and serves Datasette on 127.0.0.1:PORT until Ctrl-C.
    """
    from .crawl import run_demo
    sys.exit(run_demo(db_path, serve=not no_serve, port=port))


@cli.command()
@DB_OPTION
@click.option("--site", "sites", multiple=True, metavar="NAME",
              help="Crawl only this registry site (repeatable). Default: every site.")
@click.option("--since", metavar="YYYY-MM-DD", help="Skip articles published before this date; stop paging past it.")
@click.option("--refresh", is_flag=True, help="Fetch articles again even if their URL is stored.")
@click.option("--resume", is_flag=True, help="Continue the last interrupted crawl (Scrapy JOBDIR).")
@click.option("--jobdir", default=".ocop-job", show_default=True, type=click.Path(file_okay=False),
              help="Where crawl state is kept for --resume.")
@click.option("--http-cache", is_flag=True, help="Cache HTTP responses on disk (Scrapy HTTPCACHE).")
@click.option("--max-pages", type=int, default=0, help="Stop after this many responses (0: no limit).")
@click.option("--log-level", default="WARNING", show_default=True,
              type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"]), help="Scrapy log level.")
def crawl(db_path, sites, since, refresh, resume, jobdir, http_cache, max_pages, log_level):
    """Crawl the registry's outlets for OCOP articles and store articles and facts."""
    from .crawl import run_crawl
    sys.exit(run_crawl(db_path, sites=list(sites), since=since, refresh=refresh, resume=resume,
                       jobdir=jobdir, http_cache=http_cache, max_pages=max_pages,
                       log_level=log_level))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the registry as JSON.")
@click.option("--samples", is_flag=True, help="Include the bundled sample sites.")
@click.option("--province", metavar="NAME", help="Only outlets of this province (diacritics optional).")
@click.option("--kind", type=click.Choice(["provincial", "national", "aggregator", "sample"]),
              help="Only outlets of this kind.")
@click.option("--check", is_flag=True, help="Check the registry's consistency instead; exit 1 on problems.")
def sites(as_json, samples, province, kind, check):
    """List the site registry: name, province, entry points, verified."""
    from .sites.listing import print_check, print_sites
    if check:
        sys.exit(print_check(include_samples=True))
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
    sys.exit(extract_paths(list(paths), output, explain=explain))


@cli.command()
@DB_OPTION
def reextract(db_path):
    """Re-run fact extraction over the stored articles (after the rules change).

    Replaces every article's facts, segment and why included (a database made
    by an older version gains those columns first), then rebuilds the summaries.
    A fact read unchanged keeps its id (fact_key); a changed one gets a new id and
    its old id is listed in superseded_facts.
    """
    from .extraction import reextract as run
    sys.exit(run(db_path))


@cli.command()
@DB_OPTION
@click.option("--port", default=8001, show_default=True, help="Port on 127.0.0.1.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--immutable", is_flag=True,
              help="The file is no longer written to (a copy): serve it immutable, faster.")
def serve(db_path, port, host, immutable):
    """Serve the database with Datasette (read-only) and the project's metadata."""
    from .serve import serve as run
    sys.exit(run(db_path, port=port, host=host, immutable=immutable))


@cli.command()
@DB_OPTION
@click.option("--out", "out_dir", default="publish", show_default=True, type=click.Path(file_okay=False),
              help="Directory to write the hosted deployment into.")
def publish(db_path, out_dir):
    """Prepare a hosted, read-only deployment of the database (see README)."""
    from .serve import publish as run
    sys.exit(run(db_path, out_dir))


def main():
    cli(prog_name="ocop")


if __name__ == "__main__":
    main()
