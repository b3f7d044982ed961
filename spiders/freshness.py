"""HTTP freshness of entry points (feeds, sitemaps, first listing pages), RFC 9111.

An incremental re-crawl asks an entry point again only when the copy it saw last
time is stale, and then conditionally (``If-None-Match`` / ``If-Modified-Since``),
so an unchanged site answers ``304 Not Modified``. Freshness lifetime: the
server's ``Cache-Control: max-age`` / ``s-maxage`` or ``Expires``; without them, the
usual heuristic of 10 % of the time since ``Last-Modified`` (RFC 9111 §4.2.2),
capped at ``MAX_HEURISTIC`` so that a daily re-crawl always checks.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime, parsedate_to_datetime

MAX_HEURISTIC = timedelta(hours=6)
_MAX_AGE = re.compile(r"(?:s-maxage|max-age)\s*=\s*(\d+)", re.I)


def _header(response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def validators(response, now: datetime | None = None) -> dict:
    """What to remember of an entry point's response: validators and ``fresh_until``."""
    now = now or datetime.now(timezone.utc)
    etag = _header(response, "ETag")
    last_modified = _header(response, "Last-Modified")
    cache_control = (_header(response, "Cache-Control") or "").lower()
    date = _http_date(_header(response, "Date")) or now
    lifetime = timedelta(0)
    if "no-cache" in cache_control or "no-store" in cache_control:
        lifetime = timedelta(0)
    elif _MAX_AGE.search(cache_control):
        lifetime = timedelta(seconds=int(_MAX_AGE.search(cache_control).group(1)))
    elif _http_date(_header(response, "Expires")):
        lifetime = max(timedelta(0), _http_date(_header(response, "Expires")) - date)
    elif _http_date(last_modified):
        lifetime = min(MAX_HEURISTIC, max(timedelta(0), (date - _http_date(last_modified)) / 10))
    out = {"fresh_until": (now + lifetime).replace(microsecond=0).isoformat()}
    if etag:
        out["etag"] = etag
    if last_modified:
        out["last_modified"] = last_modified
    return out


def is_fresh(entry: dict | None, now: datetime | None = None) -> bool:
    if not entry or not entry.get("fresh_until"):
        return False
    now = now or datetime.now(timezone.utc)
    return datetime.fromisoformat(entry["fresh_until"]) > now


def conditional_headers(entry: dict | None) -> dict:
    headers = {}
    if entry and entry.get("etag"):
        headers["If-None-Match"] = entry["etag"]
    if entry and entry.get("last_modified"):
        headers["If-Modified-Since"] = entry["last_modified"]
    return headers


__all__ = ["validators", "is_fresh", "conditional_headers", "format_datetime", "MAX_HEURISTIC"]
