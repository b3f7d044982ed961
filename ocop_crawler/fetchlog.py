"""The crawl's fetch log: every request that failed or was refused, and pages read with care.

One row per event in the ``fetch_log`` table (shown in Datasette), written as it
happens so that a killed crawl keeps its log:

==========  ====================================================================
event       what happened
==========  ====================================================================
failed      no usable answer: HTTP status, timeout, connection reset, truncated
            body, oversize page, undecodable bytes (counted in the run's errors
            and listed in ``crawl_runs.error_log`` too)
retried     a 429/503 with ``Retry-After``: asked again after the wait
skipped     refused on purpose: a redirect off the outlet's hosts, a robots.txt
            ``Sitemap:`` line on another host, a page robots.txt forbids
charset     the declared charset did not fit the bytes: the one used instead
malformed   the HTML lost most of its paragraphs to a markup error
==========  ====================================================================

``describe(failure)`` turns a Scrapy/Twisted failure into ``(status, reason)``.
"""
from __future__ import annotations

import re
from http import HTTPStatus

from .storage import utcnow

TABLE = "fetch_log"
COLUMNS = {"id": int, "run_id": int, "source_id": str, "url": str, "kind": str, "event": str,
           "status": int, "reason": str, "at": str}
EVENTS = ("failed", "retried", "skipped", "charset", "malformed")


def ensure(db) -> None:
    """Create the ``fetch_log`` table if it is missing (a small, self-contained migration)."""
    if TABLE not in db.table_names():
        db[TABLE].create(COLUMNS, pk="id", foreign_keys=[("run_id", "crawl_runs", "id"),
                                                        ("source_id", "sources", "id")])
        db[TABLE].create_index(["run_id", "event"], if_not_exists=True)
        db[TABLE].create_index(["url"], if_not_exists=True)


def record(db, run_id, source_id, url, kind, event, reason, status=None) -> None:
    ensure(db)
    db[TABLE].insert({"run_id": run_id, "source_id": source_id, "url": url, "kind": kind,
                      "event": event, "status": status, "reason": reason, "at": utcnow()})


def http_reason(status: int) -> str:
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def describe(failure) -> tuple[int | None, str]:
    """(HTTP status or None, a readable reason) of a failed request."""
    from scrapy import exceptions as ex
    from scrapy.spidermiddlewares.httperror import HttpError
    from twisted.internet import error as tx

    exc = failure.value
    if failure.check(HttpError):
        response = exc.response
        reason = http_reason(response.status)
        note = response.request.meta.get("ocop_retry_after_refused") if response.request else None
        if note:
            reason += f" ({note})"
        return response.status, reason
    if failure.check(ex.DownloadTimeoutError, tx.TimeoutError):
        m = re.search(r"longer than ([\d.]+) seconds", str(exc))
        limit = f" ({m.group(1)} s, DOWNLOAD_TIMEOUT)" if m else ""
        return None, f"timeout: no complete answer within the download timeout{limit}"
    if failure.check(ex.ResponseDataLossError):
        return None, "truncated: the connection closed before the whole body arrived"
    if failure.check(ex.DownloadCancelledError) or "larger than download max size" in str(exc):
        m = re.search(r"(\d+) bytes which is larger than download max size \((\d+)\)", str(exc))
        size = f"{m.group(1)} bytes, over the {m.group(2)}-byte cap (DOWNLOAD_MAXSIZE)" if m \
            else "over the download cap (DOWNLOAD_MAXSIZE)"
        return None, f"oversize: {size}: not downloaded"
    if failure.check(ex.DownloadConnectionRefusedError, tx.ConnectionRefusedError):
        return None, "connection refused"
    if failure.check(ex.CannotResolveHostError, tx.DNSLookupError):
        return None, "host not found (DNS)"
    if failure.check(tx.ConnectionLost, tx.ConnectionDone) or (
            failure.check(ex.DownloadFailedError) and "ConnectionLost" in str(exc)):
        return None, "connection reset: the server closed the connection without an answer"
    return None, f"{type(exc).__name__}: {exc}"
