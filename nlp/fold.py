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

_last = ["", ""]


def lower(text: str) -> str | None:
    """``text.lower()`` when it keeps every position, else None."""
    if text is _last[0] or text == _last[0]:
        return _last[1]
    low = text.lower()
    if len(low) != len(text):
        low = None
    _last[0], _last[1] = text, low
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

    def _pick(self, text: str):
        low = lower(text)
        return (self._cs, low) if low is not None else (self._ci, text)

    def search(self, text: str, *pos):
        pat, t = self._pick(text)
        return pat.search(t, *pos)

    def match(self, text: str, *pos):
        pat, t = self._pick(text)
        return pat.match(t, *pos)

    def fullmatch(self, text: str, *pos):
        pat, t = self._pick(text)
        return pat.fullmatch(t, *pos)

    def finditer(self, text: str, *pos):
        pat, t = self._pick(text)
        return pat.finditer(t, *pos)

    def mask(self, text: str) -> str:
        """``text`` with every match blanked out by spaces (lowercased; same length)."""
        pat, t = self._pick(text)
        return pat.sub(lambda m: " " * len(m.group(0)), t)


def folded(pattern: str, flags: int = 0) -> Folded:
    return Folded(pattern, flags)
