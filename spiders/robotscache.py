"""Downloader middleware: serve robots.txt from the database for up to 24 hours.

RFC 9309 lets a crawler cache robots.txt for a day. Scrapy's RobotsTxtMiddleware
downloads it on every run; with this middleware (ordered before it) a daily
re-crawl reuses the copy stored in ``crawl_state`` instead, and within one run the
spider's own robots.txt request (for ``Sitemap:`` lines) and the middleware's share
one download.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from scrapy.http import TextResponse

MAX_AGE = timedelta(hours=24)


class RobotsCacheMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler
        self.memory: dict[str, tuple[int, bytes]] = {}

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _site(self, url: str):
        """(registry name, store) of the site this robots.txt belongs to, if any."""
        spider = self.crawler.spider
        sites = getattr(spider, "sites", None) or {}
        netloc = urlsplit(url).netloc
        for name, site in sites.items():
            if urlsplit(site.base_url).netloc == netloc:
                return name, getattr(spider, "store", None)
        return None, None

    def process_request(self, request, spider=None):
        if not request.url.endswith("/robots.txt"):
            return None
        netloc = urlsplit(request.url).netloc
        hit = self.memory.get(netloc)
        if hit is None:
            name, store = self._site(request.url)
            if name and store is not None and not getattr(self.crawler.spider, "refresh", False):
                state = store.site_state(name)
                fetched = state.get("robots_fetched_at")
                if fetched and state.get("robots_txt") is not None and \
                        datetime.now(timezone.utc) - datetime.fromisoformat(fetched) < MAX_AGE:
                    hit = (200, state["robots_txt"].encode("utf-8"))
                    self.memory[netloc] = hit
        if hit is None:
            return None
        self.crawler.stats.inc_value("ocop/robots_cache_hits")
        return TextResponse(request.url, status=hit[0], body=hit[1], encoding="utf-8",
                            request=request, flags=["robots-cache"])

    def process_response(self, request, response, spider=None):
        if not request.url.endswith("/robots.txt") or "robots-cache" in response.flags:
            return response
        if response.status == 200 or 400 <= response.status < 500:
            # 4xx means "no robots.txt": everything allowed (RFC 9309)
            body = response.body if response.status == 200 else b""
            netloc = urlsplit(request.url).netloc
            self.memory[netloc] = (200, body)
            name, store = self._site(request.url)
            if name and store is not None:
                store.save_site_state(name, robots_txt=body.decode("utf-8", "replace"),
                                      robots_fetched_at=datetime.now(timezone.utc)
                                      .replace(microsecond=0).isoformat())
        return response
