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

Most cues are absent from most stretches. ``required(pattern)`` reads the pattern's
syntax tree for strings one of which every match must contain ("đến nay|tới nay" needs
"đến nay" or "tới nay"; "\\bthêm\\b|\\bmới\\b" needs "thêm" or "mới"), and a folded pattern
first tests those with ``str.__contains__`` (a fast C scan): none present, no match is
possible, and the regex does not run. Answers are unchanged.

A sentence with several counts has the same cues tested on stretches of it once per
count. ``focus(sentence)`` declares it: each pattern then tests its required strings
once on the whole sentence, and a stretch of a sentence that has none of them is
answered "no match" without being lowercased.
"""
from __future__ import annotations

import re

try:                                    # the regex parser (Python 3.11+: re._parser)
    from re import _constants as _C, _parser as _P
except ImportError:                     # pragma: no cover - Python < 3.11
    import sre_constants as _C
    import sre_parse as _P

_text: str | None = None      # the last text lowered, and its lowercase (None: not position-safe)
_low: str | None = None
_focus = ""                   # the sentence being read (see focus()), its lowercase, and a counter
_focus_low = ""               # that changes with it
_gen = 0
_inside = None                # the last text found inside the sentence in focus
NOWHERE = object()            # Folded._prepare's answer "no match is possible"


def focus(sentence: str) -> None:
    """Declare the sentence the next searches read stretches of.

    A folded pattern then tests its required strings once on the whole sentence:
    when none is there, no stretch of it (any text found inside it) can hold one,
    and the pattern answers "no match" without lowercasing the stretch. Exact
    whatever is searched: a text that is not inside the sentence takes the usual way.
    """
    global _focus, _focus_low, _gen, _inside
    low = sentence.lower()
    # each character lowered on its own (same length, no context-dependent final sigma):
    # then the lowercase of a stretch is the same stretch of the sentence's lowercase
    safe = len(low) == len(sentence) and "\u03a3" not in sentence
    _focus, _focus_low = (sentence, low) if safe else ("", "")
    _gen += 1
    _inside = None


def unfocus() -> None:
    """No sentence in focus (a short one: each cue is tested once or twice, not worth it)."""
    global _focus, _inside
    _focus, _inside = "", None   # "" holds no stretch but "", where no required string is


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


_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT} | ({_C.POSSESSIVE_REPEAT} if hasattr(_C, "POSSESSIVE_REPEAT") else set())


def required(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Strings one of which is inside every match of ``pattern`` (None: no such list found).

    Only what the syntax guarantees counts: a run of literal characters, a group, a
    repeat of at least one, and an alternation whose every branch has its own list.
    Parts under IGNORECASE, classes, lookarounds and optional parts add nothing.
    """
    try:
        parsed = _P.parse(pattern, flags)
    except re.error:
        return None
    state = getattr(parsed, "state", None)          # flags set inside the pattern: "(?i)…"
    return _needs(list(parsed), bool((getattr(state, "flags", 0) | flags) & re.IGNORECASE))


def _needs(items, icase: bool):
    best, run = None, []

    def keep(found):
        nonlocal best
        # the better list: its shortest string longer (rarer), then fewer strings
        if found and all(found) and (best is None or (-min(map(len, found)), len(found))
                                     < (-min(map(len, best)), len(best))):
            best = found

    for op, av in items:
        if op is _C.LITERAL and not icase:
            run.append(chr(av))
            continue
        keep(("".join(run),) if run else None)
        run = []
        if op is _C.SUBPATTERN:
            _group, add, remove, sub = av
            keep(_needs(list(sub), (icase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE))
        elif op is _C.BRANCH:
            branches = [_needs(list(b), icase) for b in av[1]]
            if all(branches):
                alts = set(x for b in branches for x in b)   # "năm" makes "năm nay" redundant
                keep(tuple(sorted(x for x in alts if not any(y != x and y in x for y in alts))))
        elif op in _REPEATS and av[0] >= 1:
            keep(_needs(list(av[2]), icase))
    keep(("".join(run),) if run else None)
    return best


class Folded:
    """A pattern matched case-insensitively on lowercased text (see the module docstring)."""

    __slots__ = ("pattern", "_ci", "_cs", "_need", "_gen", "_maybe")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self._ci = re.compile(pattern, flags | re.IGNORECASE)
        source = lower_source(pattern)
        self._cs = re.compile(source, flags & ~re.IGNORECASE)
        self._need = required(source, flags & ~re.IGNORECASE) or ()
        self._gen, self._maybe = -1, True

    def absent(self, low: str) -> bool:
        """No match is possible in ``low``: it holds none of the pattern's required strings."""
        for need in self._need:
            if need in low:
                return False
        return bool(self._need)

    def _prepare(self, text: str):
        """What to run the pattern on: the lowercase of ``text`` (the case-sensitive
        pattern), None (the IGNORECASE one on ``text`` itself: not position-safe) or
        NOWHERE (no match is possible). One call for match, fullmatch, finditer and mask;
        search, the most frequent, has the same steps inline (these run ~650,000 times per MB)."""
        global _text, _low, _inside
        if self._gen != _gen:                   # a new sentence in focus (see focus())
            self._gen = _gen
            self._maybe = not self.absent(_focus_low)
        if not self._maybe and (text is _inside or text in _focus):  # a stretch of a sentence without the cue
            _inside = text                      # (the same stretch is often searched for several cues)
            return NOWHERE
        if text is _text or text == _text:
            low = _low
        else:
            low = text.lower()
            if len(low) != len(text):
                low = None
            _text, _low = text, low
        if low is None:
            return None
        for need in self._need:
            if need in low:
                return low
        return NOWHERE if self._need else low

    def search(self, text: str, *pos):
        # _prepare inlined: the most frequent call (~60 % of them), one frame less each
        global _text, _low, _inside
        if self._gen != _gen:
            self._gen = _gen
            self._maybe = not self.absent(_focus_low)
        if not self._maybe and (text is _inside or text in _focus):
            _inside = text
            return None
        if text is _text or text == _text:
            low = _low
        else:
            low = text.lower()
            if len(low) != len(text):
                low = None
            _text, _low = text, low
        if low is None:
            return self._ci.search(text, *pos)
        for need in self._need:
            if need in low:
                return self._cs.search(low, *pos)
        return None if self._need else self._cs.search(low, *pos)

    def possible(self, text: str) -> bool:
        """False when no match is possible in ``text`` (none of the required strings is there)."""
        return self._prepare(text) is not NOWHERE

    def match(self, text: str, *pos):
        low = self._prepare(text)
        if low is None:
            return self._ci.match(text, *pos)
        return None if low is NOWHERE else self._cs.match(low, *pos)

    def fullmatch(self, text: str, *pos):
        low = self._prepare(text)
        if low is None:
            return self._ci.fullmatch(text, *pos)
        return None if low is NOWHERE else self._cs.fullmatch(low, *pos)

    def finditer(self, text: str, *pos):
        low = self._prepare(text)
        if low is None:
            return self._ci.finditer(text, *pos)
        return iter(()) if low is NOWHERE else self._cs.finditer(low, *pos)

    def mask(self, text: str) -> str:
        """``text`` with every match blanked out by spaces (lowercased; same length)."""
        low = self._prepare(text)
        if low is None:
            return self._ci.sub(_blank, text)
        if low is NOWHERE:
            return _low if text is _text else text.lower()
        return self._cs.sub(_blank, low)


def _blank(m) -> str:
    return " " * (m.end() - m.start())


def folded(pattern: str, flags: int = 0) -> Folded:
    return Folded(pattern, flags)
