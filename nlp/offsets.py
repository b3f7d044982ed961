"""Evidence offsets in the caller's own text.

The extractor reads ``normalize(text)`` (NFC, plain spaces, "Ð" -> "Đ", no
zero-width characters, hard-wrapped lines re-joined), but a fact's
``sent_start``/``sent_end`` index the string the caller passed, and its
``evidence`` is exactly ``text[sent_start:sent_end]``:

* NFD input: the offsets count the caller's code points (a decomposed "ả" is
  two), and the evidence is the caller's decomposed slice, its combining marks
  included. (The crawler stores NFC bodies, so stored evidence is NFC.)
* "Ð"/"ð" written for "Đ"/"đ", zero-width spaces, soft hyphens, non-breaking
  spaces, typographic quotes and dashes, line breaks inside a sentence: the
  slice keeps them as the caller wrote them.
* Evidence that cannot be found (text inside tags, entities split across a
  match) gets no offsets (None) rather than wrong ones.

``locate(original, evidence, hint)`` finds the span: the exact slice at the hint,
else the first match of the evidence's *key* (letters and digits without
diacritics, "đ"/"ð" as "d", spaces and invisible characters left out, quotes and
dashes unified, dots left out) at or after the hint. ``Keyed`` builds the original's key once,
in linear time, for all the facts of an article.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_left
from itertools import compress

_SKIP = set(" \t\n\r\f\v\u00a0\u00ad\u200b\u200c\u200d\u2060\ufeff\u202f\u205f\u3000.…") \
    | {chr(c) for c in range(0x2000, 0x200b)}
_SAME = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'",
         "–": "-", "—": "-", "−": "-", "‐": "-", "‑": "-", "ð": "d", "đ": "d"}


def _key_of(ch: str) -> str:
    """The key of one character: one character, or "" (spaces, dots, combining marks)."""
    if ch in _SKIP:
        return ""
    low = ch.lower()
    if low in _SAME:
        return _SAME[low]
    if ord(ch) < 128:
        return low[:1]
    if unicodedata.combining(ch):
        return ""
    base = unicodedata.normalize("NFD", low)
    return ("".join(c for c in base if not unicodedata.combining(c)) or low)[:1]


class _Table(dict):
    """str.translate table computing each character's key once."""

    def __missing__(self, code: int) -> str:
        key = self[code] = _key_of(chr(code))
        return key


_TABLE = _Table()


class Keyed:
    """The key of a text, with the position in the text of every key character."""

    def __init__(self, text: str):
        self.text = text
        self.key = text.translate(_TABLE)                  # one key char per kept char (C speed)
        table = _TABLE
        self.pos = list(compress(range(len(text)), map(table.__getitem__, map(ord, text))))  # C loop

    def find(self, evidence: str, hint: int | None = None):
        """(start, end) of ``evidence`` in the text, searching from near ``hint``; or None."""
        key = key_of(evidence)
        if not key:
            return None
        at = -1
        if hint is not None:
            at = self.key.find(key, bisect_left(self.pos, max(0, hint - 1000)))
        if at < 0:
            at = self.key.find(key)
        if at < 0:
            return None
        start, end = self.pos[at], self.pos[at + len(key) - 1] + 1
        dots = evidence.rstrip()[-1:] in (".", "…")
        while end < len(self.text) and (unicodedata.combining(self.text[end])
                                        or (dots and self.text[end] in ".…")):
            end += 1                       # the marks of a decomposed last letter, the final stop
        return start, end


def key_of(text: str) -> str:
    return text.translate(_TABLE)


def locate(original: str, evidence: str, hint: int | None, keyed: Keyed | None = None):
    """(start, end) with ``original[start:end]`` the evidence as the caller wrote it, or None."""
    if hint is not None and original[hint:hint + len(evidence)] == evidence:
        return hint, hint + len(evidence)
    keyed = keyed or Keyed(original)
    return keyed.find(evidence, hint)
