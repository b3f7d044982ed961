"""Downloader middlewares that keep the crawl on the outlet's hosts and polite under throttling.

- ``OutletHostsMiddleware``: a redirect (3xx or ``<meta http-equiv=refresh>``) to a
  host that is not the outlet's is not followed: the request raises
  ``OffsiteRedirect`` before anything is sent to the other host (not even its
  robots.txt), and the spider records it as skipped with the target.
- ``RetryAfterMiddleware``: a 429 or 503 with ``Retry-After`` (seconds or an HTTP
  date) holds every request to that host for the time asked, up to
  ``OCOP_RETRY_AFTER_MAX`` seconds, then retries the page (within ``RETRY_TIMES``).
  A longer wait is not retried in this run: the failure says why. Scrapy's own
  RetryMiddleware keeps handling 5xx without ``Retry-After`` and network errors.
"""
from __future__ import annotations

import time
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import IgnoreRequest


class OffsiteRedirect(IgnoreRequest):
    """A redirect left the outlet's hosts; ``target`` is where it pointed."""

    def __init__(self, target: str, origin: str):
        super().__init__(f"redirect to {target} is off the outlet's hosts: not followed")
        self.target, self.origin = target, origin


class OutletHostsMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        redirects = request.meta.get("redirect_urls")
        if not redirects:
            return None
        spider = self.crawler.spider
        crawls = getattr(spider, "crawls", {})
        state = crawls.get(request.meta.get("site"))
        if state is None:   # e.g. RobotsTxtMiddleware's own robots.txt request: find its outlet
            state = next((sc for sc in crawls.values() if sc.on_outlet(redirects[0])), None)
        if state is None or state.on_outlet(request.url):
            return None
        self.crawler.stats.inc_value("ocop/offsite_redirects")
        raise OffsiteRedirect(request.url, redirects[0])


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds asked by a ``Retry-After`` header (delay-seconds or HTTP-date), None if unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


class RetryAfterMiddleware:
    CODES = (429, 503)

    def __init__(self, crawler):
        self.crawler = crawler
        self.cap = crawler.settings.getfloat("OCOP_RETRY_AFTER_MAX", 120.0)
        self.hold: dict[str, float] = {}      # host -> monotonic time before which we wait

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @staticmethod
    def _host(url: str) -> str:
        return urlsplit(url).netloc.lower()

    async def process_request(self, request, spider=None):
        until = self.hold.get(self._host(request.url))
        wait = (until - time.monotonic()) if until else 0
        if wait > 0:
            from twisted.internet import reactor
            from twisted.internet.task import deferLater

            from scrapy.utils.defer import maybe_deferred_to_future
            self.crawler.stats.inc_value("ocop/retry_after_waits")
            await maybe_deferred_to_future(deferLater(reactor, wait, lambda: None))
        return None

    def process_response(self, request, response, spider=None):
        if response.status not in self.CODES or request.meta.get("dont_retry"):
            return response
        asked = retry_after_seconds(response.headers.get("Retry-After"))
        if asked is None:
            return response               # Scrapy's RetryMiddleware retries it as usual
        host = self._host(request.url)
        self.hold[host] = max(self.hold.get(host, 0), time.monotonic() + min(asked, self.cap))
        spider = self.crawler.spider
        if asked > self.cap:
            request.meta["dont_retry"] = True
            request.meta["ocop_retry_after_refused"] = (
                f"Retry-After {asked:.0f} s is over the {self.cap:.0f} s cap "
                "(OCOP_RETRY_AFTER_MAX): not retried in this run")
            return response
        retry = get_retry_request(request, spider=spider, reason=f"{response.status} Retry-After")
        if retry is None:
            return response               # retries used up: the spider records the failure
        note = getattr(spider, "note_fetch", None)
        if note is not None:
            from ocop_crawler.fetchlog import http_reason
            note(request, "retried", f"{http_reason(response.status)}, Retry-After {asked:.0f} s: "
                                     f"asked again after {asked:.0f} s", status=response.status)
        return retry
