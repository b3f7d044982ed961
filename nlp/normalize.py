"""Text normalisation: NFC, one spelling of look-alike characters, matching keys.

``normalize(text)`` is what every other module sees: NFC, non-breaking and odd
spaces made plain, zero-width characters removed, typographic quotes and dashes made ASCII, the Icelandic
"Ð/ð" that some CMSs use for "Đ/đ" corrected, leftover tags and entities removed.

``name_key(name)`` is the key names are compared on: lower case, diacritics
folded away and "đ" -> "d", so "Hoà"/"Hòa", "Thuỷ"/"Thủy" and "Đăk"/"Đắk"/"Đak"
meet. ``canonical_tones(name)`` writes a name with the tone mark on the first
vowel of "oa/oe/uy" (Hòa, Thủy, Khánh Hòa), the spelling FACTS.md uses.
"""
from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\r\f\v]+")
_TAGS = re.compile(r"<[^>]{1,200}>")
_CHARS = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'",
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u00d0": "Đ", "\u00f0": "đ", "\u2026": "...", "\u00ad": None,
    # zero-width characters vanish (pasted into words they would split them: "s\u200bản")
    "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
})


def normalize(text: str) -> str:
    """NFC text with plain spaces, ASCII quotes/dashes, no tags or entities."""
    if not text:
        return ""
    if "<" in text:
        text = _TAGS.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", text).translate(_CHARS)
    text = _SPACES.sub(" ", text)
    return re.sub(r" {2,}", " ", text)


def fold(text: str) -> str:
    """Lower case without diacritics, "đ" -> "d" (same length as the NFC input)."""
    out = []
    for ch in text.lower():
        if ch == "đ":
            out.append("d")
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base)
    return "".join(out)


@lru_cache(maxsize=16384)
def name_key(name: str) -> str:
    """Comparison key of a place name: folded, single-spaced, hyphens as spaces."""
    return " ".join(fold(normalize(name)).replace("-", " ").split())


_TONE_FIX = re.compile(r"(?i)(?<![a-zđ])([^\W\d_]*?)(o|u)([\u0300\u0301\u0303\u0309\u0323])?([ay]|e)([\u0300\u0301\u0303\u0309\u0323])(?![^\W\d_])")


def canonical_tones(name: str) -> str:
    """Move a tone from the second to the first vowel of a final oa/oe/uy (Hoà -> Hòa)."""
    if not name:
        return name
    nfd = unicodedata.normalize("NFD", name)

    def fix(m):
        head, v1, t1, v2, t2 = m.groups()
        if v1.lower() == "u" and v2.lower() == "a":   # "ua" (Chùa) keeps its tone placement
            return m.group(0)
        return head + v1 + t2 + v2
    return unicodedata.normalize("NFC", _TONE_FIX.sub(fix, nfd))
