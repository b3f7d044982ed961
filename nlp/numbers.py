"""Numbers as the Vietnamese press writes them.

"1.250" -> 1250 ("." groups thousands), "1,5" -> 1.5 ("," is the decimal
mark), "01" -> 1, "2 nghìn" -> 2000, "ba" -> 3, "hai mươi" -> 20,
"59.18%" -> 59.18 (a "." before other than three digits is a decimal point).
"hàng trăm", "hàng chục", "một số" are not numbers.
"""
from __future__ import annotations

import re

DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_UNITS = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
          "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9, "mười": 10}
_MULT = {"mươi": 10, "trăm": 100, "nghìn": 1000, "ngàn": 1000, "triệu": 1_000_000}
# Number words accepted before a counted noun (not "năm", which is mostly "year").
WORD_NUMBERS = r"mười một|mười hai|hai mươi|ba mươi|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười"
SCALE = {"nghìn": 1000, "ngàn": 1000, "triệu": 1_000_000}


def parse_number(token: str) -> float | None:
    """Value of a digit string ("1.002", "12,26", "01"); None if it is not one."""
    token = token.strip()
    if not token:
        return None
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


def parse_words(words: str) -> float | None:
    """Value of Vietnamese number words: "ba" -> 3, "hai mươi lăm" -> 25, "một trăm" -> 100."""
    total, current = 0, 0
    seen = False
    for w in words.lower().split():
        if w in _UNITS:
            current += _UNITS[w]
            seen = True
        elif w == "mươi":
            current = (current or 1) * 10
        elif w in ("trăm",):
            current = (current or 1) * 100
        elif w in ("nghìn", "ngàn", "triệu"):
            total += (current or 1) * _MULT[w]
            current = 0
        elif w in ("lẻ", "linh"):
            continue
        else:
            return None
    return _tidy(float(total + current)) if seen or total else None


def _tidy(value: float):
    return int(value) if value == int(value) else value
