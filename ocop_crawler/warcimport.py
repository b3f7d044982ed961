"""``ocop import-warc``: articles from WARC files (CC-NEWS, ours, any crawler's) into the database.

    >>> from ocop_crawler.warcimport import run_import
    >>> run_import("ocop.db", ["CC-NEWS-20240115031512-00042.warc.gz"])   # exit status

The records go through the crawl's own chain: ``WarcImportSpider`` is the
``news`` spider whose pages come from WARC records instead of the network, so
each kept record is parsed and judged by ``NewsSpider.parse_article`` (the
outlet's selectors, ``parse_article``, ``is_ocop``, rel=canonical) and its item
goes through the same item pipelines (normalise, dedup, extract, store), the same
progress lines (``ProgressReporter``) and ends in a ``crawl_runs`` row and a
summary table, as a crawl does.

Kept: ``response`` records with status 200 and an HTML payload whose host is a
registry outlet's (its base URL's host or one of its ``old_hosts``), or with
``--filter-host`` only those hosts, or with ``--all-vn`` any ``.vn`` host too
(an outlet the registry does not know is stored under its host name, kind
``unlisted``), and whose URL looks like an article (the outlet's
``article_pattern``). Everything else is counted and passed over: other hosts,
requests, revisits (no payload), non-HTML, errors, duplicates (a URL already
stored or seen in the run), corrupt or cut gzip members (reading resumes at the next
member).

Idempotent and resumable: a URL already stored is never stored again, and the
``warc_files`` table records per file (name, size) the offset up to which every
record has been handled; a second import of a file skips it, an interrupted one
carries on from that offset.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter, deque
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.http import HtmlResponse, Request

from spiders.news import DEFAULT_ARTICLE_PATTERN, NON_ARTICLE, NewsSpider, SiteCrawl

from .sites import Site, host_index, site_for_host
from .storage import Store, utcnow
from .urls import canonical_url
from .warc import read_records

HTML_TYPES = ("text/html", "application/xhtml+xml")
SAVE_EVERY = 200          # records between two writes of the per-file offset


def _ensure_progress_table(store: Store) -> None:
    store.db["warc_files"].create({
        "name": str, "size": int, "path": str, "offset": int, "records": int, "done": int,
        "run_id": int, "updated_at": str,
    }, pk="name", if_not_exists=True)


class FileProgress:
    """Which records of one WARC file are handled; the offset below which all are."""

    def __init__(self, store: Store, path: Path, run_id: int):
        self.store, self.path, self.run_id = store, path, run_id
        self.name, self.size = path.name, path.stat().st_size
        row = store.db.execute("select size, offset, records, done from warc_files where name = ?",
                               [self.name]).fetchone()
        self.start = 0
        self.records = 0
        self.already_done = False
        if row:
            size, offset, records, done = row
            if size == self.size and done:
                self.already_done = True
            if size <= self.size:            # same file (or grown since): carry on
                self.start, self.records = offset or 0, records or 0
        self.committed = self.start
        self.open: deque = deque()        # [end offset, handled?] in file order
        self.since_save = 0
        self.file_read = False            # every record read (some may still be in the pipelines)

    def add(self, end: int, handled: bool) -> list:
        entry = [end, handled]
        self.open.append(entry)
        self.records += 1
        self._advance()
        return entry

    def handled(self, entry: list) -> None:
        entry[1] = True
        self._advance()

    def _advance(self) -> None:
        while self.open and self.open[0][1]:
            self.committed = self.open.popleft()[0]
            self.since_save += 1
        if self.since_save >= SAVE_EVERY:
            self.save()

    def save(self, done: bool = False) -> None:
        self.since_save = 0
        self.store.db["warc_files"].upsert({
            "name": self.name, "size": self.size, "path": str(self.path.resolve()),
            "offset": self.committed, "records": self.records,
            "done": int(done and not self.open), "run_id": self.run_id, "updated_at": utcnow(),
        }, pk="name")


class WarcImportSpider(NewsSpider):
    """The ``news`` spider reading its pages from WARC records (no network)."""

    name = "warc-import"

    def __init__(self, paths=(), known=(), filter_hosts=(), all_vn=False, **kwargs):
        super().__init__(sites=list(known), **kwargs)
        self.sites = {}                          # the outlets met so far (for the run rows)
        self.index = host_index(known)
        self.filter_hosts = [h.lower().removeprefix("www.") for h in filter_hosts]
        self.all_vn = all_vn
        self.paths = [Path(p) for p in paths]
        self.counts = Counter()
        self.files: list[FileProgress] = []
        self.pending: dict[int, tuple] = {}     # id(item) -> (FileProgress, entry)
        self.import_states: dict[str, SiteCrawl] = {}
        self.messages: list[str] = []
        self.corrupt: list[str] = []            # unreadable stretches, for error_log

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        for sig in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(spider._item_done, signal=sig)
        return spider

    # outlets and their state (never the crawl state a real crawl relies on)
    def _state(self, name):
        if name not in self.import_states:
            site = self.sites[name]
            sc = SiteCrawl(site, {}, "full")
            if not site.article_pattern:
                sc.pattern = re.compile(DEFAULT_ARTICLE_PATTERN)
            self.import_states[name] = sc
        return self.import_states[name]

    def _outlet(self, netloc: str, scheme: str = "https"):
        host = netloc.lower().removeprefix("www.")
        bare = host.split(":", 1)[0]
        if self.filter_hosts and not any(bare == h or bare.endswith("." + h) or host == h
                                         for h in self.filter_hosts):
            return None
        site = site_for_host(netloc, self.index)
        if site is None and (self.filter_hosts or (self.all_vn and bare.endswith(".vn"))):
            port = host.split(":", 1)[1] if ":" in host else ""
            site = self._unlisted(host if port not in ("", "80", "443") else bare, scheme)
        if site is not None and site.name not in self.sites:
            self.sites[site.name] = site
            self.store.upsert_source(site)
        return site

    def _unlisted(self, host: str, scheme: str = "https"):
        """A source for a host outside the registry, named by the host (and its port)."""
        from nlp.source import province_from_host
        if host not in self.index:
            self.index[host] = Site(
                name=host, title=host, base_url=f"{scheme}://{host}",
                province=province_from_host(host.split(":", 1)[0]), kind="unlisted",
                verified_from="seen in an imported WARC file",
                notes="Not in the registry: imported from a WARC file with --all-vn or --filter-host.")
        return self.index[host]

    def _wanted(self, rec) -> bool:
        """Decide on a response record before its payload is read."""
        if rec.status != 200:
            self.counts["not 200"] += 1
            return False
        ctype = (rec.content_type or "").split(";")[0].strip().lower()
        if ctype and ctype not in HTML_TYPES:
            self.counts["not HTML"] += 1
            return False
        try:
            parts = urlsplit(rec.uri or "")
        except ValueError:
            parts = None
        if not parts or parts.scheme not in ("http", "https") or not parts.netloc:
            self.counts["bad URI"] += 1
            return False
        site = self._outlet(parts.netloc, parts.scheme)
        if site is None:
            self.counts["other hosts"] += 1
            return False
        path = (parts.path or "/")
        if NON_ARTICLE.search(path) or not self._state(site.name).pattern.search(path):
            self.counts["not an article URL"] += 1
            return False
        rec.meta["site"] = site
        return True

    async def start(self):
        for path in self.paths:
            prog = FileProgress(self.store, path, self.run_id)
            self.files.append(prog)
            if prog.already_done:
                self.messages.append(f"{path.name}: imported before ({prog.records} records), skipped")
                continue
            if prog.start:
                self.messages.append(f"{path.name}: resuming at byte {prog.start}")
            for rec in read_records(path, prog.start, want=self._wanted):
                item = self._handle(rec, path)
                entry = prog.add(rec.end, item is None)
                if item is not None:
                    self.pending[id(item)] = (prog, entry)
                    yield item
            prog.file_read = True
            self._maybe_done(prog)

    def _maybe_done(self, prog):
        if prog.file_read and not prog.open:
            prog.save(done=True)
        else:
            prog.save()

    def _handle(self, rec, path):
        self.counts["records"] += 1
        if rec.error:
            self.counts["corrupt"] += 1
            self.corrupt.append(f"{path.name} at byte {rec.offset}: {rec.error}")
            return None
        if rec.type == "revisit":
            self.counts["revisits"] += 1
            return None
        if rec.type != "response":
            self.counts[f"{rec.type} records"] += 1
            return None
        if rec.body is None:          # not wanted (counted by _wanted)
            return None
        site = rec.meta["site"]
        name = site.name
        try:
            url = canonical_url(rec.uri)
        except ValueError:
            self.counts["bad URI"] += 1
            return None
        self._inc(name, "links_found")
        if url in self.seen or url in self.scheduled:
            self._inc(name, "duplicates")
            self.counts["duplicates"] += 1
            return None
        self.scheduled.add(url)
        headers = {}
        for key, value in rec.headers:
            if key.lower() not in ("content-encoding", "transfer-encoding", "content-length"):
                headers.setdefault(key, value)
        response = HtmlResponse(url=rec.uri, status=200, headers=headers, body=rec.body,
                                request=Request(rec.uri, meta={"site": name, "kind": "article"}))
        item = self.parse_article(response)
        if item is None:
            return None
        self.counts["articles"] += 1
        when = _warc_date(rec.date)
        if when:
            item["fetched_at"] = when      # when the page was archived, not now
        return item

    def _item_done(self, item, *args, **kwargs):
        hit = self.pending.pop(id(item), None)
        if hit is not None:
            prog, entry = hit
            prog.handled(entry)
            if prog.file_read and not prog.open:
                prog.save(done=True)

    def closed(self, reason):
        for prog in self.files:
            if not prog.already_done:
                prog.save(done=prog.file_read and reason == "finished")


def _warc_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(microsecond=0).isoformat()
    except ValueError:
        return None


def run_import(db_path, paths, filter_hosts=(), all_vn=False, *, sites=None, base_urls=None,
               log_level="WARNING", progress_interval=None, out=None) -> int:
    """Import the articles of WARC files into ``db_path``; returns the exit status.

    ``sites``: the outlets whose records are kept (names or Sites; default the
    registry's), ``base_urls`` moves entries (the sample site's ports).
    0: done, 1: some records could not be read or stored, 2: bad arguments,
    130: stopped by Ctrl-C or ``kill`` (the same call carries on).
    """
    from .crawl import print_summary, resolve_sites, run_spider
    out = out or sys.stdout
    paths = [Path(p) for p in paths]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"ocop import-warc: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    if not paths:
        print("ocop import-warc: give one or more WARC files", file=sys.stderr)
        return 2
    try:
        known = resolve_sites(sites or (), base_urls, include_samples=bool(base_urls))
    except KeyError as exc:
        print(f"ocop import-warc: {exc.args[0]}", file=sys.stderr)
        return 2
    store = Store(db_path)
    _ensure_progress_table(store)
    args = {"via": "import-warc", "files": [p.name for p in paths],
            "filter_hosts": list(filter_hosts), "all_vn": bool(all_vn)}
    run_id = store.start_run(sites=[], args=args)
    overrides = {"LOG_LEVEL": log_level, "ROBOTSTXT_OBEY": False, "OCOP_WARC_DIR": None,
                 "HTTPCACHE_ENABLED": False}
    if progress_interval is not None:
        overrides["OCOP_PROGRESS_INTERVAL"] = progress_interval

    crawler, result, elapsed = run_spider(WarcImportSpider, overrides, paths=paths, known=known,
                                          filter_hosts=filter_hosts, all_vn=all_vn, store=store, run_id=run_id)
    spider = crawler.spider
    if not result:
        store.finish_run(run_id, {}, status="failed")
        print("ocop import-warc: the import did not run (see the log above)", file=sys.stderr)
        return 1
    store.db["crawl_runs"].update(run_id, {"sites": json.dumps(sorted(spider.sites))})
    c = spider.counts
    lines = spider.messages + spider.corrupt
    for line in lines[:20]:
        print(f"ocop import-warc: {line}", file=sys.stderr)
    if len(lines) > 20:
        print(f"ocop import-warc: ... and {len(lines) - 20} more", file=sys.stderr)
    if spider.corrupt:
        log = store.db["crawl_runs"].get(run_id)["error_log"]
        store.db["crawl_runs"].update(run_id, {
            "error_log": "\n".join(([log] if log else []) + spider.corrupt[:200])})
    print_summary(store, run_id, elapsed=elapsed, out=out)
    passed = ", ".join(f"{n} {k}" for k, n in sorted(c.items())
                       if k not in ("records", "articles"))
    print(f"records read: {c['records']}, article pages: {c['articles']}"
          + (f"; passed over: {passed}" if passed else ""), file=out)
    if result.get("reason") == "shutdown":
        print("ocop import-warc: stopped; run the same command again to carry on", file=sys.stderr)
        return 130
    return 1 if (result.get("errors") or c["corrupt"]) else 0
