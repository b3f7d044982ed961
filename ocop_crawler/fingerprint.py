"""Content fingerprints: a 64-bit SimHash that links syndicated copies of one story.

    >>> a = fingerprint(body_from_origin_paper)
    >>> b = fingerprint(body_from_aggregator)
    >>> near_duplicate(a, b)          # same story, edited headline and credits
    True

The text is normalised (NFC, lower-case, diacritics kept but old and new tone
placement made one -- "hoà"/"hòa", "thuỷ"/"thủy" --, credit lines such as
"Nguồn: ..." / "Theo ..." / "Ảnh: ..." dropped, and, when enough prose remains,
lines that are not sentences -- headlines, headings, teaser titles, menus --
left out), split into words, and every
word 3-shingle is hashed (BLAKE2b, 64 bits) into Charikar's SimHash. A changed
headline, an added source line or different boilerplate touches only a few
shingles, so copies stay within a few bits; different stories land about 32
bits apart. ``NEAR_DUPLICATE_BITS`` was chosen by measurement (docs/parsing.md,
tests/test_fingerprint.py). The all-zero fingerprint means "no text" and is
never a near duplicate of anything.

A near SimHash is only a candidate: templated reports ("Huyện A có 12 sản phẩm
OCOP…", "Huyện B có 19 sản phẩm OCOP…") share most shingles. ``same_text`` then
compares the two texts word by word (difflib): a syndicated copy has the same
text -- at least ``SAME_TEXT_SHARE`` of the shorter one's words in common -- and
the same figures and places; a number or the name after "huyện"/"tỉnh"/"xã"
changed in place means another report.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["fingerprint", "distance", "near_duplicate", "same_text", "NEAR_DUPLICATE_BITS", "EMPTY",
           "SAME_TEXT_SHARE"]

#: Largest Hamming distance still counted as the same story (measured, see docs/parsing.md).
NEAR_DUPLICATE_BITS = 10
#: Share of the shorter text's words a syndicated copy has in common with its original.
SAME_TEXT_SHARE = 0.8
#: Words after which a changed word is a changed place ("huyện Anh Sơn" / "huyện Con Cuông").
_AREA_WORDS = frozenset({"huyện", "tỉnh", "xã", "phường", "quận", "thị", "phố", "trấn", "thành"})
#: Fingerprint of a text without words.
EMPTY = "0" * 16

_CREDIT = re.compile(
    r"^\s*\(?(?:nguồn|theo)\b[^.!?]{0,60}\)?\s*$"
    r"|^\s*(?:ảnh|video|clip|đồ họa|đồ hoạ|tin|bài|bài và ảnh|tin và ảnh|tin, ảnh|bài, ảnh)"
    r"\s*:.{0,80}$", re.I)
_WORD = re.compile(r"\w+")
_MASK = (1 << 64) - 1


def _sentence_like(line: str) -> bool:
    line = line.strip()
    return line.endswith((".", "!", "?", "…", '."', ".”", ".)")) or len(line.split()) >= 25


def _words(text: str) -> list[str]:
    from nlp.normalize import canonical_tones  # one tone placement: "hoà"/"hòa", "thuỷ"/"thủy"
    text = canonical_tones(unicodedata.normalize("NFC", text or "").lower())
    lines = [ln for ln in text.splitlines() if ln.strip() and not _CREDIT.match(ln)]
    # headlines, section headings, teaser titles and menus are not sentences: leave them out
    prose = [ln for ln in lines if _sentence_like(ln)]
    words = _WORD.findall("\n".join(prose))
    return words if len(words) >= 20 else _WORD.findall("\n".join(lines))


def _hash(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big")


def fingerprint(text: str) -> str:
    """64-bit SimHash (16 hex digits) over the word 3-shingles of ``text``."""
    if text is not None and not isinstance(text, str):
        raise TypeError(f"fingerprint() wants text, got {type(text).__name__}")
    words = _words(text)
    if not words:
        return EMPTY
    if len(words) < 3:
        shingles = [" ".join(words)]
    else:
        shingles = {" ".join(words[i:i + 3]) for i in range(len(words) - 2)}
    hashes = [_hash(sh) for sh in shingles]
    half = len(hashes) / 2
    value = 0
    for bit in range(64):  # Charikar: a bit is set when most shingle hashes have it set
        if sum((h >> bit) & 1 for h in hashes) > half:
            value |= 1 << bit
    if value == 0:  # astronomically rare; keep EMPTY meaning "no text"
        value = 1
    return f"{value:016x}"


def _int(fp: str) -> int:
    try:
        value = int(fp, 16)
    except (TypeError, ValueError):
        raise ValueError(f"not a fingerprint: {fp!r}") from None
    if value > _MASK:
        raise ValueError(f"not a 64-bit fingerprint: {fp!r}")
    return value


def distance(a: str, b: str) -> int:
    """Hamming distance between two fingerprints (0..64)."""
    return (_int(a) ^ _int(b)).bit_count()


def near_duplicate(a: str, b: str, max_distance: int = NEAR_DUPLICATE_BITS) -> bool:
    """True when both fingerprints come from the same story (and neither is EMPTY)."""
    if _int(a) == 0 or _int(b) == 0:
        return False
    return distance(a, b) <= max_distance


def same_text(a: str, b: str) -> bool:
    """True when ``b`` is the same text as ``a`` (a syndicated copy), not a report on its template.

    Compares the words ``fingerprint`` hashes (credits, headlines and menus left out):
    at least ``SAME_TEXT_SHARE`` of the shorter text's words in common, and no figure
    or place name replaced by another.
    """
    from difflib import SequenceMatcher
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    matcher = SequenceMatcher(None, wa, wb, autojunk=False)
    common = sum(block.size for block in matcher.get_matching_blocks())
    if common < SAME_TEXT_SHARE * min(len(wa), len(wb)):
        return False
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace":
            continue   # a paragraph added or dropped by the copy, not a figure changed
        if _figures(wa[i1:i2]) != _figures(wb[j1:j2]):
            return False
        if i1 > 0 and wa[i1 - 1] in _AREA_WORDS:
            return False
    return True


def _figures(words: list[str]) -> list[str]:
    return sorted(w for w in words if w.isdigit())
