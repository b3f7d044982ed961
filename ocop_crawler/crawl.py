"""Run crawls: ``ocop crawl`` (``run_crawl``) and ``ocop demo`` (``run_demo``).

    >>> from ocop_crawler.crawl import run_crawl
    >>> run_crawl("ocop.db", sites=["baohatinh"], since="2024-01-01")   # exit status

The ``news`` spider runs in-process under Scrapy's ``CrawlerProcess`` (one crawl
per process: Twisted's reactor cannot be restarted). Every run keeps its state in
a Scrapy JOBDIR (``--jobdir``) so that ``--resume`` continues a run that was killed
or stopped; the JOBDIR is removed when a run finishes. While it runs,
``ProgressReporter`` prints one line per site on stderr every
``OCOP_PROGRESS_INTERVAL`` seconds; at the end it records ``crawl_runs`` /
``crawl_run_sites`` rows (with drift flags) and ``run_crawl`` prints a summary table.
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from scrapy import signals

from . import fetchlog
from .storage import Store, utcnow

RUN_FILE = "ocop-run.json"
CLEAN_MARK = "ocop-clean-stop"   # written when a run's process ended normally
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}
COUNT_KEYS = ("pages", "links_found", "articles_fetched", "kept", "skipped", "duplicates", "facts", "errors",
              "no_body", "no_date", "malformed")


# -- drift ---------------------------------------------------------------------
def drift_flags(c: dict, mode: str = "full", finished: bool = True) -> list[str]:
    """Signs that a site changed its layout: article pages without body, date or facts.

    ``c`` holds one site's counts for a run. Flags need at least 3 article pages
    so that one odd page does not raise an alarm.
    """
    flags = []
    parsed = c.get("articles_fetched", 0)
    if parsed >= 3 and c.get("no_body", 0) * 2 >= parsed:
        flags.append("no body")
    if parsed >= 3 and c.get("no_date", 0) * 2 >= parsed:
        flags.append("no date")
    if c.get("kept", 0) >= 3 and c.get("facts", 0) == 0:
        flags.append("no facts")
    if parsed >= 3 and c.get("malformed", 0) * 2 >= parsed:
        flags.append("malformed HTML")
    if finished and mode == "full" and c.get("pages", 0) > 0 and not c.get("links_found", 0):
        flags.append("no article links")
    return flags


# -- Scrapy extension: progress lines and run records ----------------------------
class ProgressReporter:
    """Periodic per-site progress on stderr; run and per-site rows at the end."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.interval = crawler.settings.getfloat("OCOP_PROGRESS_INTERVAL", 15.0)
        self.task = None
        self.last: dict[str, tuple] = {}
        self.result: dict = {}

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.item_error, signal=signals.item_error)
        crawler.signals.connect(ext.spider_error, signal=signals.spider_error)
        return ext

    def _error(self, site, message: str) -> None:
        """Count an error against its site and keep its message for crawl_runs.error_log."""
        stats = self.crawler.stats
        if site:
            stats.inc_value(f"ocop/{site}/errors")
        stats.inc_value("ocop/errors")
        log = stats.get_value("ocop/error_log") or []
        if len(log) < 200:
            log.append(message)
            stats.set_value("ocop/error_log", log)

    def item_error(self, item, response, spider=None, failure=None):
        """A pipeline failed on an item: nothing may be lost silently."""
        site = item.get("site") if hasattr(item, "get") else None
        self._error(site, f"{site} pipeline {item.get('url') if hasattr(item, 'get') else ''}: "
                          f"{failure.getErrorMessage() if failure else 'error'}")

    def spider_error(self, failure, response, spider=None):
        site = response.meta.get("site") if response is not None else None
        self._error(site, f"{site} parse {getattr(response, 'url', '')}: {failure.getErrorMessage()}")

    def counts(self, site: str) -> dict:
        stats = self.crawler.stats
        return {k: stats.get_value(f"ocop/{site}/{k}", 0) for k in COUNT_KEYS}

    def spider_opened(self, spider=None):
        if self.interval > 0:
            from twisted.internet import task
            self.task = task.LoopingCall(self.report)
            self.task.start(self.interval, now=False)

    def report(self):
        spider = self.crawler.spider
        stamp = datetime.now().strftime("%H:%M:%S")
        for name in getattr(spider, "sites", {}):
            c = self.counts(name)
            key = tuple(c.values())
            if key == self.last.get(name) or not c["pages"]:
                continue
            self.last[name] = key
            print(f"[{stamp}] {name}: {c['pages']} pages, {c['kept']} kept, {c['skipped']} skipped, "
                  f"{c['facts']} facts, {c['errors']} errors", file=sys.stderr, flush=True)

    def spider_closed(self, spider=None, reason="finished"):
        if self.task is not None and self.task.running:
            self.task.stop()
        spider = self.crawler.spider
        store, run_id = spider.store, spider.run_id
        stats = self.crawler.stats
        totals = dict.fromkeys(("pages_fetched", "articles_kept", "articles_skipped",
                                "duplicates", "facts", "errors"), 0)
        finished = reason == "finished"
        now = utcnow()
        for name in spider.sites:
            c = self.counts(name)
            c["facts"] = store.db.execute(
                "select count(*) from facts f join articles a on a.id = f.article_id "
                "where a.run_id = ? and a.source_id = ?", [run_id, name]).fetchone()[0]
            sc = spider.crawls.get(name)
            mode = sc.mode if sc else "full"
            if sc and sc.escalated:
                mode = "full"
            flags = drift_flags(c, mode, finished)
            store.record_run_site(run_id, name, {
                "pages_fetched": c["pages"], "articles_kept": c["kept"],
                "articles_skipped": c["skipped"], "facts": c["facts"], "errors": c["errors"],
                "no_body": c["no_body"], "no_date": c["no_date"],
                "drift": ", ".join(flags) or None,
            })
            totals["pages_fetched"] += c["pages"]
            totals["articles_kept"] += c["kept"]
            totals["articles_skipped"] += c["skipped"]
            totals["duplicates"] += c["duplicates"]
            totals["facts"] += c["facts"]
            totals["errors"] += c["errors"]
            if sc is not None:
                state = {"last_crawl_at": now, "entry_cache": sc.cache}
                if sc.good_feeds:       # feeds that answered with a feed this run
                    state["feeds"] = sorted(sc.good_feeds)
                if sc.good_sitemaps:    # top-level sitemaps (indexes or urlsets) that worked
                    state["sitemaps"] = sorted(sc.good_sitemaps)
                if finished and mode == "full":
                    state["full_crawl_at"] = now
                if finished or sc.mode == "incremental":
                    store.save_site_state(name, **state)
        totals["requests"] = stats.get_value("downloader/request_count", 0)
        errors = stats.get_value("ocop/error_log") or []
        totals["error_log"] = "\n".join(errors) or None
        status = "finished" if finished else f"stopped: {reason}"
        store.finish_run(run_id, totals, status=status)
        self.result = dict(totals, status=status, reason=reason)


# -- running a crawl -------------------------------------------------------------
def _settings(overrides: dict):
    from scrapy.settings import Settings
    settings = Settings()
    settings.setmodule("ocop_crawler.settings", priority="project")
    for key, value in overrides.items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_spider(spider_cls, overrides: dict, **kwargs):
    """Run one spider to the end in a CrawlerProcess: (crawler, the ProgressReporter's result
    ({} when the crawl never opened), seconds elapsed)."""
    from scrapy.crawler import CrawlerProcess
    started = time.monotonic()
    process = CrawlerProcess(_settings(overrides))
    crawler = process.create_crawler(spider_cls)
    process.crawl(crawler, **kwargs)
    process.start()
    ext = next((e for e in crawler.extensions.middlewares if isinstance(e, ProgressReporter)), None)
    return crawler, (ext.result if ext else {}), time.monotonic() - started


def _is_loopback(site) -> bool:
    return (urlsplit(site.base_url).hostname or "") in LOOPBACK_HOSTS


def resolve_sites(sites=(), base_urls: dict | None = None, *, include_samples=False):
    """Site objects for names or Sites; ``base_urls`` moves entries (sample site ports).

    An unknown name raises ``KeyError`` with the registry's closest names.
    """
    from . import sites as registry
    chosen = []
    for s in sites or ():
        if not isinstance(s, str):
            chosen.append(s)
            continue
        try:
            chosen.append(registry.get(s))
        except KeyError:
            raise KeyError(unknown_site_message(s)) from None
    if not chosen:
        chosen = registry.all_sites(include_samples=include_samples)
    base_urls = base_urls or {}
    return [s.with_base(base_urls[s.name]) if s.name in base_urls else s for s in chosen]


def unknown_site_message(name: str) -> str:
    """"unknown site 'baohatin'; did you mean baohatinh? ..." (difflib over the registry)."""
    import difflib

    from . import sites as registry
    names = [s.name for s in registry.all_sites(include_samples=True)]
    close = difflib.get_close_matches(str(name).strip().lower(), names, n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    return f"unknown site {name!r}{hint} (`ocop sites` lists the registry)"


def run_crawl(db_path, sites=(), since=None, refresh=False, resume=False, jobdir=".ocop-job",
              http_cache=False, max_pages=0, log_level="WARNING", *, base_urls=None,
              settings=None, progress_interval=None, out=None, warc_dir=None,
              warc_max_size=None) -> int:
    """Crawl registry sites into ``db_path``; returns the exit status.

    ``warc_dir``: also write every response and its request as WARC records there
    (``ocop_crawler.warc``), files rotated at ``warc_max_size`` bytes (default 1 GB).

    0: finished (or stopped by ``max_pages``), 1: finished with errors, 2: bad arguments,
    130: stopped by Ctrl-C or ``kill`` (continue with ``resume=True``).
    """
    out = out or sys.stdout
    if since:
        try:
            since = date.fromisoformat(str(since)[:10]).isoformat()
        except ValueError:
            print(f"ocop crawl: --since must be a date YYYY-MM-DD, not {since!r}", file=sys.stderr)
            return 2
    jobdir = Path(jobdir)
    saved = {}
    if resume:
        run_file = jobdir / RUN_FILE
        if not run_file.is_file():
            print(f"ocop crawl: --resume: no interrupted crawl in {jobdir}/ (nothing to resume); "
                  "run `ocop crawl` without --resume to start one", file=sys.stderr)
            return 2
        try:
            saved = json.loads(run_file.read_text(encoding="utf-8"))
            if not isinstance(saved, dict):
                raise ValueError("not a JSON object")
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            print(f"ocop crawl: --resume: {run_file} is not a readable job file ({exc}); "
                  f"remove {jobdir}/ and start a new crawl", file=sys.stderr)
            return 2
        sites = sites or saved.get("sites") or ()
        since = since or saved.get("since")
        refresh = refresh or saved.get("refresh", False)
        base_urls = dict(saved.get("base_urls") or {}, **(base_urls or {}))
    # the sites are checked before anything is touched: a typo never costs the job or the db
    try:
        chosen = resolve_sites(sites, base_urls)
    except KeyError as exc:
        print(f"ocop crawl: {exc.args[0]}", file=sys.stderr)
        return 2
    if not chosen:
        print("ocop crawl: no site to crawl", file=sys.stderr)
        return 2
    if resume and not (jobdir / CLEAN_MARK).exists():
        # killed hard (SIGKILL, power loss): Scrapy's disk queue was not closed and
        # cannot be trusted; the resumed run rediscovers what is missing instead
        print("ocop crawl: the interrupted crawl did not stop cleanly; rebuilding its "
              "queue from the sites (articles already stored are not fetched again)",
              file=sys.stderr)
        for name in ("requests.queue", "requests.seen", "spider.state"):
            path = jobdir / name
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
    elif not resume and jobdir.exists():
        if (jobdir / RUN_FILE).exists():
            print(f"ocop crawl: a new crawl: the interrupted one in {jobdir}/ is dropped "
                  "(`ocop crawl --resume` would have continued it)", file=sys.stderr)
        shutil.rmtree(jobdir)   # a new crawl: forget an old interrupted one

    store = Store(db_path)
    fetchlog.ensure(store.db)
    for site in chosen:
        store.upsert_source(site)
    args = {"sites": [s.name for s in chosen], "since": since, "refresh": refresh,
            "resume": resume, "http_cache": http_cache, "max_pages": max_pages}
    if warc_dir:
        args["warc"] = str(warc_dir)
    run_id = store.start_run(sites=[s.name for s in chosen], args=args)
    jobdir.mkdir(parents=True, exist_ok=True)
    (jobdir / CLEAN_MARK).unlink(missing_ok=True)
    (jobdir / RUN_FILE).write_text(json.dumps({
        "sites": [s.name for s in chosen], "since": since, "refresh": refresh,
        "base_urls": {s.name: s.base_url for s in chosen if s.kind == "sample"},
        "db": str(db_path)}, ensure_ascii=False), encoding="utf-8")

    overrides = {"LOG_LEVEL": log_level, "JOBDIR": str(jobdir)}
    if all(_is_loopback(s) for s in chosen):
        from .settings import loopback_overrides
        overrides.update(loopback_overrides())
    if http_cache:
        overrides["HTTPCACHE_ENABLED"] = True
        overrides["HTTPCACHE_DIR"] = str(Path("httpcache").resolve())   # ./httpcache/
    if max_pages:
        overrides["CLOSESPIDER_PAGECOUNT"] = int(max_pages)
    if warc_dir:
        overrides["OCOP_WARC_DIR"] = str(warc_dir)
        if warc_max_size:
            overrides["OCOP_WARC_MAX_SIZE"] = int(warc_max_size)
    if progress_interval is not None:
        overrides["OCOP_PROGRESS_INTERVAL"] = progress_interval
    overrides.update(settings or {})

    from spiders.news import NewsSpider
    crawler, result, elapsed = run_spider(NewsSpider, overrides, sites=chosen, since=since, refresh=refresh,
                                          resume=resume, store=store, run_id=run_id)
    (jobdir / CLEAN_MARK).write_text(utcnow(), encoding="utf-8")
    if not result:   # the crawl never opened (bad settings, reactor failure)
        store.finish_run(run_id, {}, status="failed")
        print("ocop crawl: the crawl did not run (see the log above)", file=sys.stderr)
        return 1
    if result.get("reason") == "finished":
        shutil.rmtree(jobdir, ignore_errors=True)
    else:
        print(f"ocop crawl: stopped ({result.get('reason')}); continue it with "
              f"`ocop crawl --resume --jobdir {jobdir}`", file=sys.stderr)
    print_summary(store, run_id, elapsed=elapsed, out=out)
    if warc_dir:
        print(f"WARC: {crawler.stats.get_value('ocop/warc_records', 0)} records in "
              f"{crawler.stats.get_value('ocop/warc_files', 0)} file(s) under {warc_dir}", file=out)
    if result.get("reason") == "shutdown":
        return 130          # stopped by Ctrl-C / kill: resumable
    return 1 if result.get("errors") else 0


def print_summary(store: Store, run_id: int, *, elapsed: float | None = None, out=None) -> None:
    """The end-of-crawl table: one row per site, then the run's totals."""
    out = out or sys.stdout
    rows = list(store.db.query(
        "select s.source_id, s.pages_fetched, s.articles_kept, s.articles_skipped, s.facts, "
        "s.errors, s.drift from crawl_run_sites s where s.run_id = ? order by s.source_id", [run_id]))
    dups = dict(store.db.execute(
        "select source_id, count(*) from articles where run_id = ? and duplicate_of is not null "
        "group by source_id", [run_id]).fetchall())
    head = ("site", "pages", "kept", "skipped", "duplicates", "facts", "errors", "drift")
    table = [head] + [(r["source_id"], r["pages_fetched"], r["articles_kept"], r["articles_skipped"],
                       dups.get(r["source_id"], 0), r["facts"], r["errors"], r["drift"] or "")
                      for r in rows]
    run = store.db["crawl_runs"].get(run_id)
    table.append(("TOTAL", run["pages_fetched"], run["articles_kept"], run["articles_skipped"],
                  sum(dups.values()), run["facts"], run["errors"], ""))
    widths = [max(len(str(row[i])) for row in table) for i in range(len(head))]
    for i, row in enumerate(table):
        cells = [str(v).ljust(w) if j in (0, 7) else str(v).rjust(w)
                 for j, (v, w) in enumerate(zip(row, widths))]
        print("  ".join(cells).rstrip(), file=out)
        if i == 0 or i == len(table) - 2:
            print("  ".join("-" * w for w in widths), file=out)
    took = f" in {elapsed:.1f} s" if elapsed is not None else ""
    print(f"run {run_id}: {run['status']}, {run['requests']} requests{took}", file=out)
    events = dict(store.db.execute(
        "select event, count(*) from fetch_log where run_id = ? group by event", [run_id]).fetchall()) \
        if "fetch_log" in store.db.table_names() else {}
    if events:
        print("fetch log: " + ", ".join(f"{n} {e}" for e, n in sorted(events.items()))
              + " (table fetch_log)", file=out)
    if run["error_log"]:
        lines = run["error_log"].splitlines()
        print(f"errors ({len(lines)}):", file=out)
        for line in lines[:10]:
            print(f"  {line}", file=out)


# -- the demo ------------------------------------------------------------------
def _demo_db_ok(db_path: Path) -> bool:
    """An existing file may be rebuilt only if it holds nothing but sample sources."""
    import sqlite3
    try:
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            kinds = {r[0] for r in con.execute("select distinct kind from sources")}
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return kinds <= {"sample"}


def run_demo(db_path="ocop.db", serve=True, port=8001, warc_dir=None) -> int:
    """Crawl the bundled sample site into ``db_path``, print a summary, serve Datasette.

    ``warc_dir``: keep the crawled pages as WARC files there too (``ocop demo --warc``)."""
    from . import samplesite
    from .sites import all_sites
    db_path = Path(db_path)
    if db_path.exists():
        if not _demo_db_ok(db_path):
            print(f"ocop demo: {db_path} holds real crawl data; give the demo another file "
                  "with --db demo.db", file=sys.stderr)
            return 2
        for suffix in ("", "-wal", "-shm"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
    samples = [s for s in all_sites(include_samples=True) if s.kind == "sample"]
    with samplesite.start() as server, tempfile.TemporaryDirectory(prefix="ocop-demo-") as tmp:
        print("Sample newspapers on loopback:", file=sys.stderr)
        for name, url in sorted(server.urls.items()):
            print(f"  {name:18} {url}", file=sys.stderr)
        status = run_crawl(db_path, sites=samples, base_urls=server.urls,
                           jobdir=str(Path(tmp) / "job"), progress_interval=2.0,
                           warc_dir=warc_dir)
    if status not in (0, 1):      # bad arguments, or Ctrl-C during the crawl: no server
        return status
    print_demo_summary(Store(db_path))
    if not serve:
        return status
    from .serve import serve as run_serve
    return run_serve(str(db_path), port=port)


def print_demo_summary(store: Store, out=None) -> None:
    out = out or sys.stdout
    db = store.db
    kept = db.execute("select count(*) from articles").fetchone()[0]
    copies = db.execute("select count(*) from articles where duplicate_of is not null").fetchone()[0]
    skipped = db.execute("select count(*) from skipped").fetchone()[0]
    facts = db.execute("select count(*) from facts").fetchone()[0]
    print(f"\nArticles fetched: {kept + skipped}  kept (OCOP): {kept} "
          f"(of which syndicated copies: {copies})  skipped: {skipped}", file=out)
    for reason, n in db.execute("select reason, count(*) from skipped group by reason "
                                "order by 2 desc"):
        print(f"  skipped {n:3}  {reason}", file=out)
    print(f"Facts: {facts}", file=out)
    for kind, n in db.execute("select kind, count(*) from facts group by kind order by 2 desc"):
        print(f"  {kind or '?':10} {n}", file=out)
    print("Facts by province:", file=out)
    for prov, n in db.execute("select coalesce(province, '(national)'), count(*) from facts "
                              "group by 1 order by 2 desc, 1"):
        print(f"  {prov:22} {n}", file=out)
