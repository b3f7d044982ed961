"""The publication date: site ``date`` selector, metadata, ``<time>``, Vietnamese date lines
near the headline (read with :func:`ocop_crawler.dates.parse_vn_datetime`), then htmldate.

Dates more than a day after the fetch time are not publication dates.
"""
from __future__ import annotations

import copy
import logging
import re
from datetime import datetime, timedelta
from functools import lru_cache

import lxml.etree

from ..dates import parse_vn_datetime
from .html import _classes, _headline_element, _in_boilerplate, _select, _squash, _text
from .meta import _ld_get

log = logging.getLogger(__package__)  # the logger of ocop_crawler.parse, as before the split


_DATE_CLASS = re.compile(r"date|time|publish|ngay|thoi-?gian|post-?meta|meta|byline|info", re.I)
_META_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "article.published", "pubdate", "publishdate", "publish-date",
    "publish_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created",
    "sailthru.date", "date", "article:published", "citation_publication_date",
    "parsely-pub-date", "cxenseparse:recs:publishtime",
)


_DATE_CANDIDATES = lxml.etree.XPath("//*[@class or @id or self::time or self::h1]")


@lru_cache(maxsize=8192)
def _date_classes(classes: str) -> bool:
    return bool(_DATE_CLASS.search(classes))


def _date_from_element(el, now) -> datetime | None:
    for attr in ("datetime", "content", "data-time", "data-date", "title"):
        v = el.get(attr)
        if v:
            dt = parse_vn_datetime(v, now=now)
            if dt:
                return dt
    text = _text(el)
    return parse_vn_datetime(text, now=now) if 0 < len(text) <= 160 else None


def _plausible(dt: datetime | None, now: datetime) -> datetime | None:
    if dt is None:
        return None
    return dt if dt <= now + timedelta(days=1) else None


def _dated(dt: datetime | None) -> bool:
    """A date with its time of day (not a bare date read as 00:00)."""
    return dt is not None and (dt.hour, dt.minute, dt.second) != (0, 0, 0)


def _published(tree, meta, ld, selectors, now: datetime, title: str = "",
               url: str | None = None) -> datetime | None:
    for el in _select(tree, selectors.get("date"), "date"):
        dt = _plausible(_date_from_element(el, now), now)
        if dt:
            return dt
    # structured metadata (carries the time and offset); a bare date ("2024-02-12") waits
    # for a visible date line of the same day that gives the time
    day_only = None
    structured = [meta[key] for key in _META_DATE_KEYS if key in meta]
    v = _ld_get(ld, "datePublished") or _ld_get(ld, "dateCreated")
    if isinstance(v, str):
        structured.append(v)
    for raw in structured:
        dt = _plausible(parse_vn_datetime(raw, now=now), now)
        if _dated(dt):
            return dt
        day_only = day_only or dt
    for el in tree.iter("time"):
        if el.get("pubdate") is not None or (el.get("itemprop") or "").lower() == "datepublished":
            dt = _plausible(_date_from_element(el, now), now)
            if _dated(dt) and (day_only is None or dt.date() == day_only.date()):
                return dt
            day_only = day_only or dt

    def accept(dt):
        return dt is not None and (day_only is None or dt.date() == day_only.date())

    # visible date lines near the headline (not the header's "today" clock)
    h1 = _headline_element(tree, title)
    after, before = [], []
    seen_h1 = h1 is None
    scan = _DATE_CANDIDATES(tree)  # the elements a date line can be, and the <h1>s, in order
    if h1 is not None and not any(el is h1 for el in scan):
        scan = tree.iter()
    for el in scan:
        if el is h1:
            seen_h1 = True
            continue
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "html", "body", "head"):
            continue
        if el.tag != "time" and not _date_classes(_classes(el)):
            continue
        if _in_boilerplate(el) or len(_text(el)) > 160 and el.tag != "time":
            continue
        (after if seen_h1 else before).append(el)
    for el in after[:12] + before[-5:]:
        dt = _plausible(_date_from_element(el, now), now)
        if accept(dt):
            return dt
    # a short line after the headline that is a Vietnamese date ("Cập nhật: 16/06/2023")
    if h1 is not None:
        for n, el in enumerate(h1.itersiblings()):
            if n >= 6:
                break
            for sub in el.iter():
                if not isinstance(sub.tag, str) or _in_boilerplate(sub):
                    continue
                text = _squash(sub.text)
                if 6 <= len(text) <= 100 and any(c.isdigit() for c in text):
                    dt = _plausible(parse_vn_datetime(text, now=now), now)
                    if accept(dt):
                        return dt
    if day_only is not None:
        return day_only
    # htmldate, the field's standard generic date finder (date only). Its extensive search
    # hands odd strings to dateparser with every locale (over a second a page), so it runs
    # in its fast mode here, after the Vietnamese-aware steps above.
    try:
        from htmldate import find_date
        found = find_date(copy.deepcopy(tree), original_date=True, extensive_search=False, url=url,
                          max_date=(now + timedelta(days=1)).strftime("%Y-%m-%d"))
    except Exception as exc:  # htmldate is robust, but never let it break a crawl
        log.debug("htmldate failed: %s", exc)
        found = None
    if found:
        return parse_vn_datetime(found, now=now)
    return None
