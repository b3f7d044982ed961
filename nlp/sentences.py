"""Paragraphs, boilerplate, sentences and the cheap candidate filter.

``paragraphs(text)`` cuts the page's tail of related-article lists ("Tin liên
quan", "Những tin mới hơn", ...), drops caption/teaser rows that end in "|",
re-joins hard-wrapped lines, and yields (offset, paragraph) pairs.
``sentences(paragraph)`` uses underthesea's splitter; ``is_candidate`` is the
regex filter that keeps underthesea away from text that cannot hold a fact.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .fold import folded

_RELATED = re.compile(
    r"^\s*(?:những\s+)?(?:tin|bài)(?:\s+bài)?\s+(?:liên quan|mới hơn|cũ hơn|khác|cùng chuyên mục|đã đưa|mới)\s*:?\s*$"
    r"|^\s*(?:đọc|xem)\s+thêm\s*:?\s*$|^\s*các tin khác\s*:?\s*$|^\s*có thể bạn quan tâm\s*:?\s*$"
    r"|^\s*bài viết liên quan\s*:?\s*$|^\s*tin tức liên quan\s*:?\s*$",
    re.IGNORECASE)
_END_PUNCT = re.compile(r"[.!?:;…\")\]]\s*$")
# folded (nlp.fold): run on the lowercase, which both share; a digit is scanned for on its own
_CUE = folded(r"ocop|sao\b|sản phẩm|chủ thể|hợp tác xã|htx|doanh nghiệp|cơ sở|tổ hợp tác|\bhộ\b|%|\bsp\b")
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = folded(r"\b(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\b")


# A list item: "+ 7 sản phẩm …", "– 80 chủ thể …", "1. …"
BULLET = re.compile(r"^\s*(?:[-–—+•*]|\d+[.)])\s")

def paragraphs(text: str):
    """(offset, paragraph) pairs of the article body, boilerplate tail removed."""
    lines = []
    pos = 0
    for raw in text.split("\n"):
        start = pos
        pos += len(raw) + 1
        line = raw.strip()
        if not line:
            lines.append(None)
            continue
        if _RELATED.match(line):
            break
        if line.endswith("|") or line.startswith("!["):
            lines.append(None)
            continue
        lines.append((start + raw.index(line[0]), line))
    out: list[tuple[int, str]] = []
    for item in lines:
        if item is None:
            out.append(None)
            continue
        off, line = item
        prev = out[-1] if out else None
        # Re-join hard-wrapped lines: previous line unfinished and this one continues it.
        if prev is not None and not _END_PUNCT.search(prev[1]) and (line[0].islower() or line[0].isdigit()):
            out[-1] = (prev[0], prev[1] + " " + line)
            continue
        out.append(item)
    return [p for p in out if p is not None]


def is_candidate(text: str) -> bool:
    """Cheap test: a number and an OCOP/count cue somewhere in the text."""
    return bool(_DIGIT.search(text) or _NUMBER_WORD.search(text)) and bool(_CUE.search(text))


@lru_cache(maxsize=1)
def _splitter():
    from underthesea import sent_tokenize
    return sent_tokenize


def sentences(paragraph: str):
    """(offset, sentence) pairs within a paragraph (underthesea's splitter)."""
    if len(paragraph) < 80 or not re.search(r"[.!?]\s", paragraph):
        return [(0, paragraph)]
    out, cursor = [], 0
    for sent in _splitter()(paragraph):
        sent = sent.strip()
        if not sent:
            continue
        idx = paragraph.find(sent, cursor)
        if idx < 0:
            idx = paragraph.find(sent[:20], cursor)
        if idx < 0:
            idx = cursor
        out.append((idx, sent))
        cursor = idx + len(sent)
    return out or [(0, paragraph)]
