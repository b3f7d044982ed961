"""Downloader middleware: never download an article page that is already stored.

The spider checks the store before scheduling, but requests restored from a
JOBDIR queue after a hard kill (``ocop crawl --resume``) may point at pages the
killed run had already stored; this check, at download time, keeps them from
being fetched twice. ``--refresh`` turns it off.
"""
from __future__ import annotations

from scrapy.exceptions import IgnoreRequest


class SeenFilterMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        spider = self.crawler.spider
        if request.meta.get("kind") != "article" or getattr(spider, "refresh", False):
            return None
        from ocop_crawler.urls import canonical_url
        if canonical_url(request.url) in getattr(spider, "seen", ()):
            self.crawler.stats.inc_value("ocop/already_stored")
            raise IgnoreRequest(f"already stored: {request.url}")
        return None
