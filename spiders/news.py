"""The ``news`` spider: crawl registry outlets for OCOP articles.

Driven by ``ocop_crawler.sites`` entries. Per site it:

1. reads robots.txt (``Sitemap:`` lines; Scrapy's RobotsTxtMiddleware obeys it),
2. discovers article URLs from RSS/Atom feeds, XML sitemaps (Scrapy's sitemap
   machinery), the OCOP listings and the site search for "OCOP" with their
   pagination, and the home page; feeds and sitemaps the registry does not list
   are found on the home page (``<link rel="alternate">``), in robots.txt, or by
   probing common paths (``/rss``, ``/rss.xml``, ``/feed``, ``/sitemap.xml``),
3. canonicalises every URL before scheduling (tracking parameters, AMP/mobile
   variants) and never schedules a URL already stored (unless ``refresh``),
4. parses each article page (``ocop_crawler.parse.parse_article`` with the site's
   CSS overrides) and yields an ``ArticleItem``, kept when it is about OCOP
   (``nlp.relevance.is_ocop``) or skipped with its reason.

Every failed request, refused redirect, off-site ``Sitemap:`` line, charset
fallback and malformed page is recorded (``note_fetch`` -> ``ocop_crawler.fetchlog``);
``spiders.middlewares`` keeps redirects on the outlet's hosts and honours
``Retry-After``, ``spiders.charset`` decodes pages whose declared charset is wrong.

A site crawled in full before is re-crawled incrementally: only its feeds (or,
without feeds, its sitemaps with ``lastmod``, or the first listing pages) are
fetched, and paging stops as soon as a page brings nothing new; a feed whose
every item is new (the site published more than the feed holds) falls back to
full discovery. ``since`` skips older articles and stops paging past them.

Run it through ``ocop crawl`` (``ocop_crawler.crawl.run_crawl``); ``scrapy crawl
news -a site=NAME -a db=ocop.db`` also works from the repository root.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timezone

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import TextResponse

from ocop_crawler.items import ArticleItem
from ocop_crawler.urls import canonical_url, same_site

from . import discovery as disc
from . import freshness
from .charset import declared_charset, decode_page, lost_paragraphs

DEFAULT_ARTICLE_PATTERN = r"(?:[-/_]\d{4,}(?:\.html?|\.aspx|\.htm)?/?$)|(?:\.html?$)"
NON_ARTICLE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|zip|rar|mp[34]|css|js|xml|rss)$",
                         re.I)
MAX_LISTING_PAGES = 300


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


class SiteCrawl:
    """What the spider knows about one site during a run."""

    def __init__(self, site, state: dict, mode: str):
        self.site = site
        self.mode = mode                      # "full" | "incremental"
        self.pattern = re.compile(site.article_pattern or DEFAULT_ARTICLE_PATTERN)
        self.deny = [re.compile(p) for p in site.deny_patterns]
        self.known_feeds = list(dict.fromkeys(list(site.feeds) + list(state.get("feeds") or [])))
        self.known_sitemaps = list(dict.fromkeys(list(site.sitemaps) + list(state.get("sitemaps") or [])))
        self.last_crawl = _as_date((state.get("last_crawl_at") or "")[:10] or None)
        self.good_feeds: set[str] = set()
        self.good_sitemaps: set[str] = set()
        self.pending_feeds = 0
        self.pending_sitemaps = 0
        self.home_done = False
        self.robots_done = False
        self.probed_feeds = False
        self.probed_sitemaps = False
        self.escalated = mode == "full"
        self.unreachable = False              # the host refused or timed out: do not probe
        self.requested: set[str] = set()      # entry points requested this run
        self.cache: dict = dict(state.get("entry_cache") or {})  # HTTP validators per entry point

    def on_outlet(self, url: str) -> bool:
        """Is ``url`` on one of the outlet's hosts (``Site.owns``)?"""
        return self.site.owns(url)

    def is_article(self, url: str) -> bool:
        if not same_site(url, self.site.base_url) or NON_ARTICLE.search(url.split("?")[0]):
            return False
        if any(p.search(url) for p in self.deny):
            return False
        return bool(self.pattern.search(url.split("?")[0].split("#")[0]))


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(self, sites=None, site=None, since=None, refresh=False, resume=False,
                 store=None, run_id=None, db=None, **kwargs):
        super().__init__(**kwargs)
        from ocop_crawler import sites as registry
        chosen = list(sites or [])
        if site:  # `scrapy crawl news -a site=a,b`
            chosen += [s.strip() for s in str(site).split(",") if s.strip()]
        chosen = [registry.get(s) if isinstance(s, str) else s for s in chosen]
        if not chosen:
            chosen = registry.all_sites()
        self.sites = {s.name: s for s in chosen}
        self.since = _as_date(since) if since else None
        self.refresh = bool(refresh) and str(refresh).lower() not in ("0", "false", "no")
        self.resume = bool(resume) and str(resume).lower() not in ("0", "false", "no")
        if store is None:
            from ocop_crawler.storage import Store
            store = Store(db or "ocop.db")
            for s in self.sites.values():
                store.upsert_source(s)
        self.store = store
        if run_id is None:
            run_id = store.start_run(sites=list(self.sites), args={"via": "scrapy crawl"})
        self.run_id = run_id
        self.seen: set[str] = set() if self.refresh else store.seen_urls()
        self.stored_urls: set[str] = store.seen_urls() if self.refresh else self.seen
        self.scheduled: set[str] = set()      # canonical article URLs scheduled by this process
        self.crawls: dict[str, SiteCrawl] = {}
        self._reconciled = False

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        return spider

    # -- bookkeeping ----------------------------------------------------------
    def _inc(self, site: str, key: str, n: int = 1) -> None:
        self.crawler.stats.inc_value(f"ocop/{site}/{key}", n)

    def _state(self, name: str) -> SiteCrawl:
        if name not in self.crawls:
            site = self.sites[name]
            state = self.store.site_state(name)
            mode = "full"
            if state.get("full_crawl_at") and not self.refresh and not self.resume:
                mode = "incremental"
            self.crawls[name] = SiteCrawl(site, state, mode)
        return self.crawls[name]

    def _req(self, url, callback, site, kind, *, priority=0, dont_filter=False, **meta):
        meta.update(site=site, kind=kind)
        return scrapy.Request(url, callback=callback, errback=self.on_error, meta=meta,
                              priority=priority, dont_filter=dont_filter)

    def _entry(self, sc: SiteCrawl, url, callback, kind, *, conditional=False, **meta):
        """Request an entry point (feed, sitemap, listing, home) once per run.

        ``conditional``: send the validators of the last response (304 if unchanged).
        """
        if url in sc.requested:
            return None
        sc.requested.add(url)
        req = self._req(url, callback, sc.site.name, kind, priority=10, dont_filter=True, **meta)
        if conditional and freshness.conditional_headers(sc.cache.get(url)):
            req.meta["handle_httpstatus_list"] = [304]
            for key, value in freshness.conditional_headers(sc.cache.get(url)).items():
                req.headers[key] = value
        return req

    def _remember(self, sc: SiteCrawl, response) -> bool:
        """Keep an entry point's validators; True when it answered 304 Not Modified."""
        url = response.request.url
        if response.status in (200, 304):
            entry = dict(sc.cache.get(url) or {})
            entry.update(freshness.validators(response))
            sc.cache[url] = entry
        if response.status == 304:
            self._inc(sc.site.name, "not_modified")
            return True
        return False

    def _fresh(self, sc: SiteCrawl, url: str) -> bool:
        """Still fresh from the last run (HTTP caching rules): no need to ask again."""
        if freshness.is_fresh(sc.cache.get(url)):
            self._inc(sc.site.name, "fresh_entry_points")
            return True
        return False

    def _article(self, sc: SiteCrawl, url: str, when: date | None = None, *, force=False,
                 priority=0):
        """Schedule an article URL (canonicalised) unless stored, scheduled or too old.

        Articles of the OCOP listings and search come first (``priority``); the rest of
        a sitemap is fetched after them.
        """
        try:
            url = canonical_url(url)
        except ValueError:
            return None
        self._inc(sc.site.name, "links_found")
        if url in self.scheduled or (url in self.seen and not self.refresh):
            return None
        if self.since and when and when < self.since:
            self._inc(sc.site.name, "too_old_unfetched")
            return None
        self.scheduled.add(url)
        # a resumed crawl's second pass bypasses the JOBDIR dupefilter: the store
        # (checked above) is then the record of what was fetched
        return self._req(url, self.parse_article, sc.site.name, "article", priority=priority,
                         dont_filter=force or self._reconciled,
                         refresh=url in self.stored_urls)

    # -- start ----------------------------------------------------------------
    async def start(self):
        if self.resume:
            # The JOBDIR queue holds what the interrupted run had left; once it is
            # drained, _on_idle re-runs discovery and fetches anything still missing.
            return
        for name in self.sites:
            sc = self._state(name)
            for req in self._start_requests(sc):
                yield req

    def _start_requests(self, sc: SiteCrawl):
        base = sc.site.base_url.rstrip("/")
        if sc.mode == "full":
            yield self._req(base + "/robots.txt", self.parse_robots, sc.site.name, "robots",
                            priority=20, dont_filter=True, dont_obey_robotstxt=True)
            return
        # incremental: the cheapest entry points that tell whether anything is new,
        # asked only when stale, and then conditionally
        if sc.known_feeds:
            for url in sc.known_feeds:
                if not self._fresh(sc, url):
                    sc.pending_feeds += 1
                    yield self._entry(sc, url, self.parse_feed, "feed", conditional=True)
        elif sc.known_sitemaps:
            for url in sc.known_sitemaps:
                if not self._fresh(sc, url):
                    sc.pending_sitemaps += 1
                    yield self._entry(sc, url, self.parse_sitemap, "sitemap", conditional=True)
        else:
            for url in self._listing_starts(sc):
                if not self._fresh(sc, url):
                    yield self._entry(sc, url, self.parse_listing, "listing", page=1,
                                      conditional=True)

    def _listing_starts(self, sc: SiteCrawl):
        out = list(sc.site.listings)
        if sc.site.search:
            out.append(sc.site.search.format(query="OCOP"))
        return out

    def _full_discovery(self, sc: SiteCrawl, robots_sitemaps=()):
        """Every entry point of a site: home, feeds, sitemaps, listings, search."""
        sc.escalated = True
        base = sc.site.base_url.rstrip("/")
        reqs = [self._entry(sc, base + "/", self.parse_home, "home")]
        for url in sc.known_feeds:
            sc.pending_feeds += 1
            reqs.append(self._entry(sc, url, self.parse_feed, "feed"))
        for url in dict.fromkeys(list(sc.known_sitemaps) + list(robots_sitemaps)):
            sc.pending_sitemaps += 1
            reqs.append(self._entry(sc, url, self.parse_sitemap, "sitemap"))
        for url in self._listing_starts(sc):
            reqs.append(self._entry(sc, url, self.parse_listing, "listing", page=1))
        reqs += self._maybe_probe(sc)
        return [r for r in reqs if r is not None]

    def _maybe_probe(self, sc: SiteCrawl):
        """Probe common feed/sitemap paths when none is known or all known ones failed."""
        base = sc.site.base_url.rstrip("/")
        out = []
        if sc.unreachable:
            return out
        if (sc.home_done and not sc.probed_feeds and sc.pending_feeds == 0 and not sc.good_feeds):
            sc.probed_feeds = True
            for path in disc.COMMON_FEEDS:
                sc.pending_feeds += 1
                out.append(self._entry(sc, base + path, self.parse_feed, "probe"))
        if (sc.robots_done and not sc.probed_sitemaps and sc.pending_sitemaps == 0
                and not sc.good_sitemaps):
            sc.probed_sitemaps = True
            for path in disc.COMMON_SITEMAPS:
                sc.pending_sitemaps += 1
                out.append(self._entry(sc, base + path, self.parse_sitemap, "probe"))
        return [r for r in out if r is not None]

    # -- discovery callbacks --------------------------------------------------
    def parse_robots(self, response):
        sc = self._state(response.meta["site"])
        self._inc(sc.site.name, "pages")
        sitemaps = []
        if response.status == 200 and isinstance(response, TextResponse):
            sitemaps = disc.robots_sitemaps(response.text, response.url)
        for url in [u for u in sitemaps if not sc.on_outlet(u)]:
            sitemaps.remove(url)    # another host's sitemap is not this outlet's to read
            self.note_fetch(response.request, "skipped",
                            "robots.txt Sitemap: line on another host: ignored", url=url,
                            kind="sitemap")
        sc.robots_done = True
        yield from self._full_discovery(sc, sitemaps)

    def parse_home(self, response):
        sc = self._state(response.meta["site"])
        self._inc(sc.site.name, "pages")
        sc.home_done = True
        if isinstance(response, TextResponse):
            for url in disc.feed_links(response):
                if same_site(url, sc.site.base_url) and url not in sc.requested:
                    sc.pending_feeds += 1
                    yield self._entry(sc, url, self.parse_feed, "feed")
            for url in disc.page_links(response):
                if sc.is_article(url):
                    req = self._article(sc, url)
                    if req:
                        yield req
        yield from self._maybe_probe(sc)

    def parse_feed(self, response):
        sc = self._state(response.meta["site"])
        self._inc(sc.site.name, "pages")
        sc.pending_feeds -= 1
        if self._remember(sc, response):
            sc.good_feeds.add(response.request.url)
            return          # 304: unchanged since the last crawl
        if not disc.looks_like_feed(response):
            yield from self._maybe_probe(sc)
            return
        sc.good_feeds.add(response.request.url)
        entries = [(u, d) for u, d in disc.feed_entries(response) if sc.is_article(u)]
        new = 0
        for url, when in entries:
            req = self._article(sc, url, when)
            if req:
                new += 1
                yield req
        if not sc.escalated and entries and new == len(entries):
            # every item is new: the feed may have overflowed since the last crawl
            yield from self._full_discovery(sc)

    def parse_sitemap(self, response):
        sc = self._state(response.meta["site"])
        self._inc(sc.site.name, "pages")
        top = response.meta.get("top", True)
        if response.meta.get("kind") in ("sitemap", "probe") and top:
            sc.pending_sitemaps -= 1
        if top and self._remember(sc, response):
            sc.good_sitemaps.add(response.request.url)
            return          # 304: unchanged since the last crawl
        entries = disc.sitemap_entries(response, self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        if entries is None:
            yield from self._maybe_probe(sc)
            return
        if response.meta.get("top", True):
            sc.good_sitemaps.add(response.request.url)
        cutoff = self.since
        if sc.mode == "incremental" and not sc.escalated and sc.last_crawl:
            cutoff = max(cutoff, sc.last_crawl) if cutoff else sc.last_crawl
        for kind, loc, lastmod in entries:
            if kind == "sitemap":
                if not same_site(loc, sc.site.base_url):
                    continue
                if cutoff and lastmod and lastmod < cutoff:
                    continue  # nothing in it changed since the cutoff
                req = self._entry(sc, loc, self.parse_sitemap, "sitemap", top=False)
                if req:
                    yield req
            elif sc.is_article(loc):
                if self.since and lastmod and lastmod < self.since:
                    continue
                req = self._article(sc, loc, None)
                if req:
                    yield req

    def parse_listing(self, response):
        sc = self._state(response.meta["site"])
        self._inc(sc.site.name, "pages")
        if response.meta.get("page", 1) == 1 and self._remember(sc, response):
            return          # 304: unchanged since the last crawl
        if not isinstance(response, TextResponse):
            return
        items = disc.listing_items(response, sc.is_article)
        new = old = 0
        for url, when in items:
            if self.since and when and when < self.since:
                old += 1
                continue
            req = self._article(sc, url, when, priority=5)
            if req:
                new += 1
                yield req
        page = response.meta.get("page", 1)
        if not items or page >= MAX_LISTING_PAGES:
            return
        if self.since and old == len(items):
            return          # the whole page is older than --since: stop paging
        if sc.mode == "incremental" and not sc.escalated and new == 0:
            return          # nothing new on this page: the rest was seen before
        nxt = disc.next_page(response)
        if nxt and same_site(nxt, sc.site.base_url):
            req = self._entry(sc, nxt, self.parse_listing, "listing", page=page + 1)
            if req:
                yield req

    # -- articles -------------------------------------------------------------
    def parse_article(self, response):
        from nlp.relevance import is_ocop
        from ocop_crawler.parse import parse_article

        name = response.meta["site"]
        sc = self._state(name)
        self._inc(name, "pages")
        self._inc(name, "articles_fetched")
        if not isinstance(response, TextResponse):
            self.note_fetch(response.request, "failed", "not a text page "
                            f"({response.headers.get('Content-Type', b'').decode('latin-1') or 'no type'})",
                            url=response.url)
            return
        html, used, note = decode_page(response.body, response.encoding, declared_charset(response))
        if html is None:
            self.note_fetch(response.request, "failed", note, url=response.url)
            return
        if note is None:            # the declared charset was right: Scrapy's decoding
            html, paragraphs = response.text, len(response.xpath("//p"))
        else:
            self.note_fetch(response.request, "charset", note, url=response.url)
            self._inc(name, "charset_fallbacks")
            paragraphs = len(scrapy.Selector(text=html).xpath("//p"))
        warning = lost_paragraphs(html, paragraphs)
        if warning:
            self.note_fetch(response.request, "malformed", warning, url=response.url)
            self._inc(name, "malformed")
        fetched = datetime.now(timezone.utc).replace(microsecond=0)
        parsed = parse_article(html, response.url, selectors=sc.site.selectors or None,
                               fetched_at=fetched)
        url = canonical_url(response.url)
        canon = parsed.get("canonical_url")
        if canon and canon != url and same_site(canon, sc.site.base_url):
            if canon in self.scheduled or (canon in self.seen and not self.refresh):
                self._inc(name, "duplicates")
                return      # the same page under another URL, already handled
            self.scheduled.add(canon)
            url = canon
        title = parsed.get("title") or ""
        body = parsed.get("body") or ""
        published = parsed.get("published")
        if not body.strip():
            self._inc(name, "no_body")
        if not published:
            self._inc(name, "no_date")
        keep, reason = is_ocop(title, body)
        if not body.strip():
            keep, reason = False, "skip: no body"
        status = "kept" if keep else "skipped"
        if self.since and published and _as_date(published) < self.since:
            # not stored: a later crawl with an earlier --since must still fetch it
            status, reason = "old", f"published before --since {self.since.isoformat()}"
        return ArticleItem(
            site=name, url=url, request_url=response.url, title=title, published=published,
            author=parsed.get("author"), body=body, fetched_at=fetched.isoformat(),
            status=status, reason=reason,
            home_province=sc.site.province, refresh=bool(response.meta.get("refresh")),
        )

    # -- errors and idle ------------------------------------------------------
    def note_fetch(self, request, event: str, reason: str, *, status=None, url=None, kind=None):
        """Record a fetch event (``ocop_crawler.fetchlog``); a failure also counts as an error
        of its site and goes to ``crawl_runs.error_log``."""
        from ocop_crawler import fetchlog
        name = request.meta.get("site")
        kind = kind or request.meta.get("kind")
        url = url or request.url
        fetchlog.record(self.store.db, self.run_id, name if name in self.sites else None, url,
                        kind, event, reason, status)
        self.crawler.stats.inc_value(f"ocop/fetch_log/{event}")
        if event != "failed":
            return
        if name:
            self._inc(name, "errors")
        self.crawler.stats.inc_value("ocop/errors")
        log = self.crawler.stats.get_value("ocop/error_log") or []
        if len(log) < 200:
            log.append(f"{name} {kind} {url}: {reason}")
            self.crawler.stats.set_value("ocop/error_log", log)

    def on_error(self, failure):
        from scrapy.spidermiddlewares.httperror import HttpError

        from ocop_crawler.fetchlog import describe

        from .middlewares import OffsiteRedirect
        request = failure.request
        name, kind = request.meta.get("site"), request.meta.get("kind")
        if name not in self.sites:
            return None
        sc = self._state(name)
        status = getattr(getattr(failure.value, "response", None), "status", None)
        if kind in ("feed", "probe") and request.callback == self.parse_feed:
            sc.pending_feeds -= 1
        if kind in ("sitemap", "probe") and request.callback == self.parse_sitemap \
                and request.meta.get("top", True):
            sc.pending_sitemaps -= 1
        http_error = bool(failure.check(HttpError))    # HttpError is an IgnoreRequest too
        ignored = not http_error and bool(failure.check(scrapy.exceptions.IgnoreRequest))
        if status is None and not ignored and kind in ("robots", "home"):
            sc.unreachable = True     # a network failure, not an HTTP answer
        if failure.check(OffsiteRedirect):
            origin = failure.value.origin
            self.note_fetch(request, "skipped", f"redirected off the outlet's hosts to "
                            f"{failure.value.target}: not followed", url=origin)
            if kind == "article":   # remembered as a skipped page: not asked again next crawl
                self.store.add_skipped(origin, name, "skip: redirected to another host",
                                       run_id=self.run_id)
                self.seen.add(origin)
        elif ignored and "robots.txt" in str(failure.value):
            self.note_fetch(request, "skipped", "forbidden by robots.txt")
        elif kind == "robots" and status and 400 <= status < 500:
            pass    # no robots.txt: everything is allowed (RFC 9309), not a failure
        elif not ignored and kind != "probe":
            status, reason = describe(failure)
            self.note_fetch(request, "failed", reason, status=status)
        if kind == "robots":
            sc.robots_done = True
            return self._full_discovery(sc)
        if kind == "home":
            sc.home_done = True
        return self._maybe_probe(sc)

    def _on_idle(self, spider=None):
        """After a resumed crawl's queue is drained, rediscover and fetch what is missing."""
        if not self.resume or self._reconciled:
            return
        self._reconciled = True
        self.logger.info("resumed crawl: queue drained, checking every site for missing articles")
        self.seen = self.store.seen_urls() if not self.refresh else set()
        # URLs scheduled before now may have been dropped by the restored dupefilter:
        # from here on the store is the record of what was fetched
        self.scheduled = set()
        self.crawls = {}    # entry points requested so far are asked again
        n = 0
        for name in self.sites:
            sc = self._state(name)
            base = sc.site.base_url.rstrip("/")
            req = self._req(base + "/robots.txt", self.parse_robots, name, "robots",
                            priority=20, dont_filter=True, dont_obey_robotstxt=True)
            self.crawler.engine.crawl(req)
            n += 1
        if n:
            raise DontCloseSpider
