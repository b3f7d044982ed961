"""Article pages -> fields: title, published, author, body, lead, canonical URL.

    >>> from ocop_crawler.parse import parse_article
    >>> art = parse_article(html, "https://baohatinh.vn/ocop-ha-tinh-123.html",
    ...                     selectors={"body": "div.detail-content"})
    >>> art["title"], art["published"], art["canonical_url"]
    ('Hà Tĩnh có thêm 25 sản phẩm OCOP', '2024-02-12T08:15:00+07:00', 'https://baohatinh.vn/...')

A site's CSS overrides (``selectors``: ``title``, ``date``, ``body``, ``author``)
are tried first; each field then falls back to a generic extractor: page
metadata (Open Graph, JSON-LD, ``<time>``) and visible date lines read with
:func:`ocop_crawler.dates.parse_vn_datetime`, htmldate for the date, and
trafilatura for the main text. Before either body extractor runs, the page is
cleaned of Vietnamese news boilerplate trafilatura lets through: "Tin liên
quan" / "Những tin mới hơn" / "Tin cũ hơn" / "Đọc thêm" / "Bài liên quan" boxes
with their teasers, share bars, tags, menus, breadcrumbs and footers.

Pure functions: no Scrapy. Odd HTML never raises (missing fields are None or
""); only a malformed CSS selector in ``selectors`` raises ``ValueError``.

Modules: :mod:`.html` (tree helpers, the article's container), :mod:`.meta` (meta
tags, JSON-LD, canonical URL), :mod:`.title`, :mod:`.published`, :mod:`.author`,
:mod:`.body` (boilerplate removal, related boxes, trafilatura, lead,
:func:`clean_lines`), :mod:`.page` (one saved page: ``ocop parse``).
"""
from __future__ import annotations

from datetime import datetime

from ..dates import VN_TZ
from ..urls import canonical_url
from .author import _author, _clean_author, _looks_like_author, _trailing_byline
from .body import RELATED_HEADINGS, _body, _lead, clean_lines
from .html import _compile, _mark_main, _parse_tree, _squash
from .meta import _canonical, _json_ld, _meta
from .published import _published
from .title import _title

__all__ = ["parse_article", "RELATED_HEADINGS", "clean_lines"]


def _lines_contain(lines: list[str], text: str) -> bool:
    key = _squash(text)[:60].lower()
    return any(key and key in line.lower() for line in lines)


def parse_article(html: str, url: str, *, selectors: dict | None = None,
                  fetched_at: datetime | None = None) -> dict:
    """Extract ``title, published, author, body, canonical_url, lead`` from an article page.

    ``published`` is an ISO 8601 string in Vietnam time (+07:00) or None; ``body``
    is plain text, lead and paragraphs joined by "\\n". See the module docstring.
    """
    selectors = {k: v for k, v in (selectors or {}).items() if v}
    unknown = set(selectors) - {"title", "date", "body", "author"}
    if unknown:
        raise ValueError(f"unknown selector keys {sorted(unknown)}; use title, date, body, author")
    for key, sel in selectors.items():
        _compile(sel, key)
    try:
        request = canonical_url(url)
    except (ValueError, TypeError):
        request = url or ""
    out = {"title": "", "published": None, "author": None, "body": "",
           "canonical_url": request, "lead": ""}
    tree = _parse_tree(html)
    if tree is None:
        return out
    now = fetched_at or datetime.now(VN_TZ)
    if now.tzinfo is None:
        now = now.replace(tzinfo=VN_TZ)

    _mark_main(tree)
    meta = _meta(tree)
    ld = _json_ld(tree)
    out["canonical_url"] = _canonical(tree, meta, url)
    out["title"] = _title(tree, meta, ld, selectors)
    dt = _published(tree, meta, ld, selectors, now, out["title"], url if isinstance(url, str) else None)
    out["published"] = dt.isoformat() if dt else None
    author = _author(tree, meta, ld, selectors, url if isinstance(url, str) else None)

    lines = _body(tree, selectors, out["title"], url)
    lead = _lead(tree, meta.get("og:description") or meta.get("description") or "", out["title"])
    if lead:
        # the lead opens the body (trafilatura sometimes moves it after the paragraphs)
        key = _squash(lead).lower()
        if not (lines and lines[0].lower().startswith(key)):
            lines = [line for line in lines if line.lower() != key]
            lines.insert(0, lead)
    if not lead and lines and len(lines[0]) >= 40:
        desc = meta.get("og:description") or meta.get("description") or ""
        if desc and _lines_contain(lines[:1], desc):
            lead = lines[0]
    # a trailing byline ("Thanh Hoài", "Theo TTXVN") is the author, not article text
    if lines and len(lines) > 1 and _looks_like_author(lines[-1]):
        byline = _clean_author(lines.pop())
        author = author or byline
    out["author"] = author or _trailing_byline(tree)
    out["lead"] = lead
    out["body"] = "\n".join(lines)
    return out
