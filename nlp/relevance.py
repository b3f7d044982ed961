"""Is an article about OCOP? A cheap, auditable regex filter.

    >>> is_ocop("Hà Tĩnh có thêm 25 sản phẩm OCOP", "...")
    (True, 'ocop: title')
    >>> is_ocop("Mưa lớn ở miền Trung", "Giao thông ... gian hàng OCOP ...")
    (False, 'skip: 1 passing mention')

A *mention* is "OCOP" (also "O.C.O.P", "Ocop"), "Mỗi xã một sản phẩm" (any case,
with or without diacritics, "mỗi xã, phường một sản phẩm"), or a star phrase
("đạt 3 sao", "sản phẩm đạt chuẩn 4 sao", "4 sao OCOP"; not hotels). Mentions
closer than ``MERGE_CHARS`` count once ("Mỗi xã một sản phẩm (OCOP)" is one).
An article is kept when its title has a mention, or its body (already free of
boilerplate) has at least ``MIN_BODY_MENTIONS`` mentions, or
``MIN_BODY_MENTIONS - 1`` with one of them in the lead (first ``LEAD_CHARS``
characters). The reason string says which rule decided.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["is_ocop", "mentions", "fold"]

MIN_BODY_MENTIONS = 3
LEAD_CHARS = 400
MERGE_CHARS = 20

_OCOP = re.compile(r"(?<!\w)o(?:\.\s?)?c(?:\.\s?)?o(?:\.\s?)?p(?!\w)", re.I)
_MXMSP = re.compile(
    r"(?<!\w)moi\s+xa(?:\s*[,/-]?\s*(?:phuong|thi\s+tran|phuong\s*,\s*thi\s+tran))*\s*,?\s+"
    r"mot\s+san\s+pham(?!\w)")
_STARS = re.compile(
    r"(?<!\w)(?:dat|dat\s+chuan|dat\s+hang|xep\s+hang|cong\s+nhan|chung\s+nhan|san\s+pham)"
    r"(?:\s+[a-z]+){0,3}?\s+(?:tu\s+)?[3-5]\s*(?:-\s*[3-5]\s*)?sao(?!\w)")
_NOT_PRODUCT = re.compile(
    r"(?<!\w)(?:khach\s+san|resort|nha\s+hang|homestay|luu\s+tru|nha\s+nghi|du\s+thuyen|hang\s+khong|"
    r"tau|ben\s+xe|sao\s+vang|ngoi\s+sao|nghi\s+duong|khu\s+du\s+lich|villa|can\s+ho|chung\s+cu|"
    r"san\s+golf|benh\s+vien|truong\s+hoc|nha\s+hang)(?!\w)[^.]{0,40}$")


def fold(text: str) -> str:
    """NFC text -> lower-case ASCII-ish, same length: "Đạt chuẩn" -> "dat chuan"."""
    out = []
    for ch in unicodedata.normalize("NFC", text or "").lower():
        if ch == "đ":
            out.append("d")
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base if base.isascii() else ch)
    return "".join(out)


def mentions(text: str) -> list[tuple[int, int, str]]:
    """OCOP mentions in ``text`` as (start, end, kind), merged when close together."""
    folded = fold(text)
    found = [(m.start(), m.end(), "ocop") for m in _OCOP.finditer(folded)]
    found += [(m.start(), m.end(), "mxmsp") for m in _MXMSP.finditer(folded)]
    for m in _STARS.finditer(folded):
        if not _NOT_PRODUCT.search(folded[max(0, m.start() - 60):m.end()]):
            found.append((m.start(), m.end(), "stars"))
    found.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        if merged and start - merged[-1][1] <= MERGE_CHARS:
            s0, e0, k0 = merged[-1]
            merged[-1] = (s0, max(e0, end), k0)
        else:
            merged.append((start, end, kind))
    return merged


def is_ocop(title: str, body: str) -> tuple[bool, str]:
    """(keep, reason): is the article about OCOP? See the module docstring."""
    title = title or ""
    body = body or ""
    if not isinstance(title, str) or not isinstance(body, str):
        raise TypeError("is_ocop(title, body) wants two strings")
    if not title.strip() and not body.strip():
        return False, "skip: empty page"
    if mentions(title):
        return True, "ocop: title"
    found = mentions(body)
    n = len(found)
    if n >= MIN_BODY_MENTIONS:
        return True, f"ocop: {n} mentions in body"
    if n >= MIN_BODY_MENTIONS - 1 and found[0][0] < LEAD_CHARS:
        return True, f"ocop: {n} mentions in body, one in the lead"
    if n == 0:
        return False, "skip: no OCOP mention"
    return False, f"skip: {n} passing mention" + ("s" if n > 1 else "")
