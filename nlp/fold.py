"""Case-insensitive patterns at the speed of case-sensitive ones.

Python's ``re`` with IGNORECASE compares every character through case folding
and cannot use its fast literal scan, which makes the rules' Vietnamese cues
("mục tiêu", "đến nay" …) two to three times slower than the same pattern run
case-sensitively. ``folded(pattern)`` compiles the pattern twice: as written
with IGNORECASE, and with its literals lowercased and no flag, to be run on
``text.lower()``. Lowercasing keeps every character's position (checked: for
the rare text where it does not, e.g. "İ", the IGNORECASE pattern runs on the
text itself), so positions, spans and yes/no answers are those of the
IGNORECASE pattern. Matched *text* comes back lowercased: use a folded pattern
only where the caller needs positions, numbers or a yes/no.

The last text lowered is kept, since one stretch of a sentence is tested
against many patterns in a row.
"""
from __future__ import annotations

import re

_text: str | None = None      # the last text lowered, and its lowercase (None: not position-safe)
_low: str | None = None


def lower(text: str) -> str | None:
    """``text.lower()`` when it keeps every position, else None."""
    global _text, _low
    if text is _text or text == _text:
        return _low
    low = text.lower()
    if len(low) != len(text):
        low = None
    _text, _low = text, low
    return low


def lower_source(pattern: str) -> str:
    """The pattern for lowercased text: literals lowercased; escapes (``\\S``, ``\\W``) and
    group names (``(?P<noun>``) kept; a character class with letters made case-insensitive
    on its own (``[IVX\\d]`` -> ``(?i:[IVX\\d])``), since lowering a range changes it."""
    out, i, n = [], 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif pattern.startswith("(?P<", i) or pattern.startswith("(?P=", i):
            j = pattern.index(">" if pattern[i + 3] == "<" else ")", i) + 1
            out.append(pattern[i:j])
            i = j
        elif c == "[":
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1                      # "[]...]": a literal "]" first
            while pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            cls = pattern[i:j + 1]
            # a class with letters keeps its own case-insensitive test ("À-ỹ" lowercased
            # would be "à-ỹ", which loses "×"); one without letters stays as it is
            letters = re.sub(r"\\.", "", cls)
            out.append(f"(?i:{cls})" if letters.lower() != letters.upper() else cls)
            i = j + 1
        else:
            out.append(c.lower())
            i += 1
    return "".join(out)


class Folded:
    """A pattern matched case-insensitively on lowercased text (see the module docstring)."""

    __slots__ = ("pattern", "_ci", "_cs")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self._ci = re.compile(pattern, flags | re.IGNORECASE)
        self._cs = re.compile(lower_source(pattern), flags & ~re.IGNORECASE)

    # each method inlines the cache test: these run ~100,000 times on a 200 KB report
    def search(self, text: str, *pos):
        low = _low if text is _text else lower(text)
        return self._cs.search(low, *pos) if low is not None else self._ci.search(text, *pos)

    def match(self, text: str, *pos):
        low = _low if text is _text else lower(text)
        return self._cs.match(low, *pos) if low is not None else self._ci.match(text, *pos)

    def fullmatch(self, text: str, *pos):
        low = _low if text is _text else lower(text)
        return self._cs.fullmatch(low, *pos) if low is not None else self._ci.fullmatch(text, *pos)

    def finditer(self, text: str, *pos):
        low = _low if text is _text else lower(text)
        return self._cs.finditer(low, *pos) if low is not None else self._ci.finditer(text, *pos)

    def mask(self, text: str) -> str:
        """``text`` with every match blanked out by spaces (lowercased; same length)."""
        low = _low if text is _text else lower(text)
        pat, t = (self._cs, low) if low is not None else (self._ci, text)
        return pat.sub(_blank, t)


def _blank(m) -> str:
    return " " * (m.end() - m.start())


def folded(pattern: str, flags: int = 0) -> Folded:
    return Folded(pattern, flags)
