"""The author: site ``author`` selector, JSON-LD / meta author, byline elements; and the
test for a trailing byline line ("Thanh Hoài", "Theo TTXVN") at the end of the body."""
from __future__ import annotations

import re

from .html import _classes, _in_boilerplate, _select, _squash, _text
from .meta import _ld_get


_AUTHOR_CLASS = re.compile(r"(?:^|\s|[-_])(?:author|byline|by|tac-?gia|tacgia|writer|reporter|"
                           r"nguoi-?viet)(?:$|\s|[-_])", re.I)


def _clean_author(text: str) -> str | None:
    t = _squash(text)
    t = re.sub(r"^(?:tác giả|bài(?: và ảnh)?|tin(?: và ảnh)?|bài, ảnh|tin, ảnh|by|phóng viên|pv)"
               r"\s*[:\-]\s*", "", t, flags=re.I)
    t = t.strip(" -–—|,.;:()")
    if not t or len(t) > 80 or t.startswith("http"):
        return None
    return t


def _looks_like_author(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > 70 or line.endswith((".", "?", "!", ":")) and not line.endswith("."):
        return False
    if re.match(r"^(?:theo|nguồn)\b", line, re.I):
        # "Theo TTXVN", "Nguồn: Báo Nhân Dân" -- not "Theo kế hoạch, năm 2025 có 40 sản phẩm."
        rest = re.sub(r"^(?:theo|nguồn)\s*:?\s*", "", line, flags=re.I)
        return (len(line.split()) <= 8 and not any(ch.isdigit() for ch in line)
                and "," not in line and not line.endswith(".")
                and bool(rest) and (rest[0].isupper() or "." in rest))
    words = line.rstrip(".").split()
    if not 1 <= len(words) <= 6 or any(ch.isdigit() for ch in line):
        return False
    return all(w[0].isupper() or w[0] in "(-–" for w in words if w)


def _author(tree, meta, ld, selectors) -> str | None:
    for el in _select(tree, selectors.get("author"), "author"):
        a = _clean_author(_text(el))
        if a:
            return a
    v = _ld_get(ld, "author")
    if isinstance(v, list) and v:
        v = v[0]
    if isinstance(v, dict):
        v = v.get("name")
    for cand in (v, meta.get("author"), meta.get("article:author"), meta.get("dc.creator")):
        if isinstance(cand, str):
            a = _clean_author(cand)
            if a and a != meta.get("og:site_name"):
                return a
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "head", "meta", "link"):
            continue
        if (el.get("rel") == "author" or (el.get("itemprop") or "").lower() == "author"
                or _AUTHOR_CLASS.search(_classes(el))):
            if _in_boilerplate(el):
                continue
            a = _clean_author(_text(el))
            if a and len(a.split()) <= 8:
                return a
    return None
