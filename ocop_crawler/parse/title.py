"""The headline: site ``title`` selector, og:title / JSON-LD headline checked against the
visible ``<h1>``, else ``<title>`` without the newspaper's name."""
from __future__ import annotations

import html
import re

from .html import _in_boilerplate, _select, _squash, _text
from .meta import _ld_get


_SITE_PART = re.compile(
    r"^(?:báo(?!\s+(?:động|cáo|giá|hiệu|thức|tin|chí\s+cách))|tạp chí|cổng thông tin|cổng tttđt|"
    r"trang tin|trang thông tin|đài phát thanh|đài truyền hình|thông tấn|www\.)\b"
    r"|\.(?:vn|com|net)\b", re.I)


def _site_like(part: str, site_name: str | None) -> bool:
    return part == site_name or bool(_SITE_PART.search(part) and len(part.split()) <= 8)


def _clean_title(title: str, site_name: str | None) -> str:
    """Drop the newspaper's name from a page title: "Báo X - Headline", "Headline | Báo X"."""
    title = _squash(title)
    parts = [p.strip() for p in re.split(r"\s+[-|–—]\s+|\s+::\s+", title) if p.strip()]
    while len(parts) > 1 and _site_like(parts[-1], site_name):
        parts.pop()
    while len(parts) > 1 and _site_like(parts[0], site_name):
        parts.pop(0)
    return " - ".join(parts) if parts else title


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _same_story(h1: str, og: str) -> bool:
    """Two wordings of one headline: most of the shorter one's words are in the other."""
    a, b = _words(h1), _words(og)
    if len(a) < 4 or len(b) < 4:
        return False
    return len(a & b) >= 0.6 * min(len(a), len(b))


def _suffixed(og: str, h1: str) -> bool:
    """og:title = the headline + " - Section - Site" (separated parts after it)."""
    return bool(re.match(r"\s*(?:[-|–—:]|::)\s", og[len(h1):])) and len(h1.split()) >= 4


def _title(tree, meta, ld, selectors) -> str:
    for el in _select(tree, selectors.get("title"), "title"):
        t = _text(el)
        if t:
            return t
    site = meta.get("og:site_name")
    h1s = [t for t in (_text(h) for h in tree.iter("h1") if not _in_boilerplate(h)) if t]
    cands = [meta.get("og:title"), _ld_get(ld, "headline"), meta.get("twitter:title")]
    for c in cands:
        if isinstance(c, str) and _squash(c):
            t = _clean_title(html.unescape(c), site)
            if h1s and _site_like(t, site) and len(t.split()) <= 5:
                continue  # og:title that is only the newspaper's name
            # the visible headline wins when og:title is another version of it: shortened,
            # suffixed with section/site names, or reworded for sharing
            for h in h1s:
                if h.startswith(t) or t.startswith(h):
                    return h if len(h) >= len(t) * 0.6 or _suffixed(t, h) else t
            for h in h1s:
                if _same_story(h, t):
                    return h
            return t
    if h1s:
        return max(h1s[:3], key=len)
    title_el = tree.find(".//title")
    return _clean_title(_text(title_el), site) if title_el is not None else ""
