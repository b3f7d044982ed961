"""Numbers as the Vietnamese press writes them.

"1.250" -> 1250 ("." groups thousands), "1,5" -> 1.5 ("," is the decimal
mark), "01" -> 1, "2 nghìn" -> 2000, "ba" -> 3, "hai mươi" -> 20,
"59.18%" -> 59.18 (a "." before other than three digits is a decimal point).
"hàng trăm", "hàng chục", "một số" are not numbers. Number words are read
with vn-numberwords.
"""
from __future__ import annotations

import re
from functools import lru_cache

DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
# The same number with nothing of a word or a number before it: (?<![\w.,/%-])(?:DIGITS).
# Written digit first, so that ``re`` scans for a digit instead of trying a match at every
# character (a pattern that opens with a lookbehind gives it nothing to scan for): same matches.
FREE_DIGITS = r"\d(?<![\w.,/%-]\d)(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:[.,]\d+)?)"
# Number words accepted before a counted noun ("một" and "năm" only in a counting context: see mentions).
MAX_DIGITS = 15     # more digits than any count or share: not a number of anything OCOP
WORD_NUMBERS = r"mười một|mười hai|hai mươi|ba mươi|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười"


def parse_number(token: str) -> float | None:
    """Value of a digit string ("1.002", "12,26", "01"); None if it is not one."""
    token = token.strip()
    if token.isdigit() and token.isascii() and len(token) <= MAX_DIGITS:
        return int(token)                          # the common case: "56", "01"
    if not token or sum(c.isdigit() for c in token) > MAX_DIGITS:
        return None     # no count has that many digits (and 309 of them overflow a float)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", token):
        whole, _, frac = token.partition(",")
        value = float(whole.replace(".", "") + ("." + frac if frac else ""))
        return _tidy(value)
    if re.fullmatch(r"\d+,\d+", token):
        return _tidy(float(token.replace(",", ".")))
    if re.fullmatch(r"\d+\.\d+", token):          # "59.18" (not a thousands group)
        return _tidy(float(token))
    if re.fullmatch(r"\d+", token):
        return _tidy(float(token))
    return None


_WORD = re.compile(r"(?:một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|bẩy|tám|chín|mười|mươi|trăm|nghìn|ngàn|triệu|lẻ|linh)"
                   r"(?:\s+(?:một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|bẩy|tám|chín|mười|mươi|trăm|nghìn|ngàn|triệu|lẻ|linh))*")


@lru_cache(maxsize=512)
def parse_words(words: str) -> float | None:
    """Value of Vietnamese number words: "ba" -> 3, "hai mươi lăm" -> 25, "một trăm" -> 100.

    The arithmetic is vn-numberwords'; only strings made of number words are passed to it.
    """
    from vn_numberwords import words_to_number
    words = " ".join(words.lower().split())
    if not _WORD.fullmatch(words):
        return None
    value = words_to_number(words)
    return _tidy(float(value)) if value else None


def _tidy(value: float):
    if value != value or value in (float("inf"), float("-inf")):
        return None
    return int(value) if value == int(value) else value
