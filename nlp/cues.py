"""The small phrases that qualify a number: stars, comparator, target, addition, year.

Each function reads a stretch of one sentence (the text just before or just
after a counted number) and returns what it states, or None when it states
nothing, so the caller can fall back to the enclosing clause or sentence.
"""
from __future__ import annotations

import re

from .fold import folded

I = re.IGNORECASE

# -- stars ---------------------------------------------------------------
_S = r"0?([3-5])"
_STARS = [  # (pattern, handler) tried in order on the text after a count
    (folded(rf"(?:nâng\s+(?:cấp|hạng)\s+)?từ\s+{_S}\s*sao\s+lên\s+(?:hạng\s+)?{_S}\s*sao"), lambda m: (int(m[2]), int(m[2]))),
    (folded(rf"nâng\s+(?:cấp|hạng)\s+lên\s+(?:hạng\s+)?{_S}\s*sao"), lambda m: (int(m[1]), int(m[1]))),
    (folded(rf"{_S}\s*sao\s*(?:đến|-|tới)\s*{_S}\s*sao"), lambda m: (int(m[1]), int(m[2]))),
    (folded(rf"{_S}\s*(?:-|đến|tới|,|và|hoặc)\s*{_S}\s*sao"), lambda m: (int(m[1]), int(m[2]))),
    (folded(rf"{_S}\s*sao\s*(?:,|và)\s*{_S}\s*sao"), lambda m: (int(m[1]), int(m[2]))),
    (folded(rf"{_S}\s*sao(?:\s+OCOP)?\s+trở\s+lên"), lambda m: (int(m[1]), 5)),
    (folded(rf"{_S}\s*sao"), lambda m: (int(m[1]), int(m[1]))),
]
_STAR_ANY = folded(r"\d\s*sao\b")
_STAR_LEVELS = folded(r"(?<!\d)0?([1-5])\s*(?:sao\s*)?(?:(?:-|–|đến|tới)\s*0?[1-5]\s*)?sao\b(?!\s*lên)")


def below_three(text: str) -> bool:
    """Does the first star phrase of ``text`` count 1- or 2-star products ("đạt 2 sao", "từ 2 - 4 sao")?"""
    m = _STAR_LEVELS.search(text)
    return bool(m) and int(m[1]) < 3


_STAR_WORDS = re.compile(r"\b(ba|bốn|năm)(?=\s*sao\b)", I)
_STAR_WORD_DIGIT = {"ba": "3", "bốn": "4", "năm": "5"}


def stars(text: str):
    """(stars_min, stars_max) of the first star phrase in ``text``, else None ("ba sao" counts as "3 sao")."""
    if "sao" in text and _STAR_WORDS.search(text):
        text = _STAR_WORDS.sub(lambda m: _STAR_WORD_DIGIT[m[1].lower()].ljust(len(m[1])), text)
    first = _STAR_ANY.search(text)
    if not first:
        return None
    best = None
    for pattern, handler in _STARS:
        m = pattern.search(text)
        if m and m.start() <= first.start() + 6 and (best is None or m.start() < best[0]):
            lo, hi = handler(m)
            if 3 <= lo <= hi <= 5:
                best = (m.start(), (lo, hi))
    return best[1] if best else None


# -- comparator ----------------------------------------------------------
_COMP_BEFORE = [
    (folded(r"(?:tối thiểu|ít nhất|thấp nhất)(?:\s+(?:là|có|đạt))?(?:\s+từ)?\s*$"), "gte"),
    (folded(r"(?:hơn|trên|vượt|vượt mức)\s*$"), "gt"),
    (folded(r"(?:khoảng|gần|xấp xỉ|chừng|khoảng chừng|ước|ước tính|ước đạt|độ)(?:\s+từ)?\s*$"), "approx"),
    (folded(r"(?:tối đa|không quá|không vượt quá|nhiều nhất)\s*$"), "lte"),
    (folded(r"(?:dưới|chưa tới|chưa đến)\s*$"), "lt"),
    (folded(r"(?:có|thêm|đạt|là|cần|mới|phấn đấu|tối thiểu|ít nhất)\s+từ\s*$"), "gte"),
]


_ANY_COMP_BEFORE = folded("|".join(f"(?:{p.pattern})" for p, _ in _COMP_BEFORE))   # one pass: most counts have none


def comparator_before(left: str):
    """Comparator stated right before a number ("ít nhất", "hơn", "khoảng" ...)."""
    tail = left[-40:]
    if not _ANY_COMP_BEFORE.search(tail):
        return None
    for pattern, comp in _COMP_BEFORE:
        if pattern.search(tail):
            return comp
    return None


TRO_LEN = folded(r"^\s*[^\d,;()]{0,40}?trở\s+lên")   # "từ 120 sản phẩm OCOP trở lên"

# -- kind (target) -------------------------------------------------------
_TARGET = folded(
    r"phấn đấu|mục tiêu|chỉ tiêu|kế hoạch|\bKH\b|dự kiến|định hướng|đặt ra|đề ra|hướng tới|"
    r"nhằm đạt|\bsẽ\b|cần đạt|phải đạt")
_NOT_TARGET = folded(r"mục tiêu quốc gia|MTQG|(?:đạt|vượt|so với)\s+(?:\d+(?:[.,]\d+)?\s*%\s*)?(?:kế hoạch|chỉ tiêu|mục tiêu)"
                         r"|kế hoạch số|\d+\s*/\s*KH")


def target_cue(text: str):
    """Position just after the last target cue in ``text``, or None."""
    # none of the target words: masking cannot make one (it blanks runs of 4 or more
    # characters, and no required string holds two spaces in a row), so skip the mask
    if not _TARGET.possible(text):
        return None
    cleaned = _NOT_TARGET.mask(text)
    last = None
    for m in _TARGET.finditer(cleaned):
        last = m.end()
    return last


# -- increment -----------------------------------------------------------
_INC = [  # (pattern, increment?) - the last cue before a number wins
    (folded(r"từ đầu năm(?:\s+\d{4})?(?:\s+(?:đến|tới)\s+(?:nay|hiện tại|thời điểm này))?"), True),
    (folded(r"lũy kế|luỹ kế|tổng số|tổng cộng|nâng tổng|hiện có|hiện nay|hiện tại|(?<!thực )(?<!xuất )(?<!thể )(?<!phát )\bhiện\b|đến nay|tới nay|"
                r"(?:tính )?(?:đến|tới) (?:hết |cuối )?(?:quý [IVX\d]+|tháng \d+)(?: năm (?:nay|\d{4})|\s*/\s*\d{4})?|tính (?:đến|tới)(?: hết| cuối)?(?: năm)?(?: \d{4})?|(?:đến|tới) (?:hết |cuối )?năm(?: \d{4})?|đến hết|đến cuối|đến thời điểm|đến tháng(?: \d+)?(?: năm \d{4}|/\d{4})?|"
                r"từ khi triển khai|từ lúc triển khai|sau \S+ năm|toàn tỉnh đã có|giai đoạn"), False),
    (folded(r"\bthêm\b|\bmới\b|\btăng(?! trưởng| cường| giá| thu| lên| từ)\b|trong năm|\bnăm (?:19|20)\d\d|năm nay|năm qua|\bquý\b|\bđợt\b|"
                r"lần này|đánh giá lại|công nhận cho|chứng nhận cho|trao (?:giấy )?chứng nhận|công bố|kết quả|"
                r"qua \S+ tháng|\d+ tháng đầu năm|"
                r"\bvừa\s+(?:được\s+)?(?:ban hành|công nhận|chứng nhận|phê duyệt|trao|cấp|xếp hạng|phân hạng)|"
                r"\bqua (?:đánh giá|chấm điểm|thẩm định|xét chọn)|^\W*theo đó\b|"
                r"(?:sau|trong) (?:năm đầu tiên|năm đầu|một năm|1 năm)\b"), True),   # a programme's first year
]


# "Đến nay", "hiện có": a running total as of the time of writing
AS_OF_NOW = folded(r"\b(?:đến nay|tới nay|hiện nay|hiện có|hiện tại|đến thời điểm (?:này|hiện tại))\b")

# "từ năm 2019 đến nay, huyện đã trao chứng nhận cho 38 sản phẩm": counted since, a running total
_CUMULATIVE = folded(r"(?:từ|kể từ)\s+(?:năm\s+)?(?:19|20)\d\d\s*(?:,\s*)?(?:đến|tới)\s+(?:nay|hiện nay|hiện tại)|"
                         r"tính từ\s+(?:năm\s+)?(?:19|20)\d\d|"
                         r"(?:từ|kể từ)\s+khi\s+(?:triển khai|thực hiện|bắt đầu)|lũy kế|luỹ kế")


def increment_cue(left: str):
    """True (an addition), False (a running total) or None, from the last cue in ``left``
    (a count "since" a year or the programme's start is a running total whatever follows)."""
    if _CUMULATIVE.search(left):
        return False
    best = None
    for pattern, value in _INC:
        for m in pattern.finditer(left):
            if best is None or m.end() > best[0] or (m.end() == best[0] and m.start() < best[1]):
                best = (m.end(), m.start(), value)
    return None if best is None else best[2]


_NEW_AFTER = folded(r"^\s*(?:OCOP\s+)?(?:mới\b|được\s+công\s+nhận\s+mới|công\s+nhận\s+mới|đánh\s+giá\s+lại|"
                        r"được\s+(?:công\s+nhận|chứng\s+nhận|cấp[^,;]{0,30})\s+(?:trong\s+)?năm\s+\d{4})")


def increment_after(tail: str):
    """An addition stated right after the noun ("sản phẩm mới", "... đánh giá lại")."""
    return True if _NEW_AFTER.search(tail) else None


# -- years ---------------------------------------------------------------
_Y = r"((?:19|20)\d\d)"
_YEARS = [
    (folded(rf"giai đoạn(?:\s+từ)?(?:\s+năm)?\s+{_Y}\s*(?:-|đến|tới)\s*(?:năm\s+)?{_Y}"), lambda m: int(m[2])),
    (folded(rf"(?<!\d){_Y}\s*-\s*{_Y}(?!\d)"), lambda m: int(m[2])),
    (folded(rf"\bnăm\s+{_Y}(?!\d)"), lambda m: int(m[1])),
    (folded(rf"\b(?:quý|tháng|Q|đợt|lần)\s*[IVX\d]+\s*[/-]\s*{_Y}(?!\d)"), lambda m: int(m[1])),
    (folded(rf"\b\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*{_Y}(?!\d)"), lambda m: int(m[1])),
    (folded(rf"\b\d{{1,2}}\s*-\s*\d{{1,2}}\s*-\s*{_Y}(?!\d)"), lambda m: int(m[1])),
]
_REL_YEARS = [
    (folded(r"năm nay|năm này|trong năm qua|năm qua"), 0),
    (folded(r"năm ngoái|năm trước|năm vừa qua"), -1),
    (folded(r"năm tới|năm sau"), 1),
]
EVERY_YEAR = folded(r"hàng năm|hằng năm|mỗi năm|bình quân")
_BASELINE = folded(r"so với(?: cùng kỳ)?(?: thời điểm)?(?: đầu)?(?: năm| giai đoạn)?\s*(?:từ\s*)?[\d\s/-]*")
_DECREE = folded(r"(?:quyết định|kế hoạch|nghị quyết|công văn|thông báo|chỉ thị)(?:\s+số)?\s+\d+[\w/.-]*"
                     r"(?:\s+ngày\s+[\d/.-]+)?")
# "giai đoạn 2021 - 2025, đến nay, …": the programme's phase, the count is as of now
_PHASE_NOW = folded(r"giai đoạn(?:\s+từ)?(?:\s+năm)?\s+(?:19|20)\d\d\s*(?:-|–|đến|tới)\s*(?:năm\s+)?(?:19|20)\d\d"
                        r"(?=[\s,)]*(?:và\s+)?(?:đến nay|đến thời điểm này|hiện nay|hiện tại|tính đến nay))")
_SINCE = folded(r"(?:từ|kể từ)\s+(?:năm\s+)?(?:19|20)\d\d\s*(?:,\s*)?(?:đến|tới)\s+(?:nay|hiện nay|hiện tại)|"
                    r"tính từ\s+(?:năm\s+)?(?:19|20)\d\d")


def years(text: str, published_year: int | None = None):
    """Every (position, year) stated in ``text``, decree numbers and dates excluded."""
    found, taken, masked = _explicit_years(text)
    if not published_year:
        return list(found)
    found = list(found)
    if masked is None:          # no year written: only decrees and baselines to mask
        masked = _BASELINE.mask(_DECREE.mask(text))
    for pattern, delta in _REL_YEARS:
        for m in pattern.finditer(masked):
            if not any(a <= m.start() < b for a, b in taken):
                found.append((m.start(), published_year + delta))
    return sorted(found)


_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_LAST_READ: list = [None, None]    # the text last read and its years: a sentence is read twice in a row


def _explicit_years(text: str):
    """(sorted (position, year) list, spans taken, the text with decrees/baselines/"since" masked,
    or None for a text with no year written: ``years`` masks it only if it needs it)."""
    if _LAST_READ[0] == text:
        return _LAST_READ[1]
    if not _YEAR_DIGITS.search(text):    # every pattern here needs one (most sentences have none)
        result = ((), [], None)
        _LAST_READ[0], _LAST_READ[1] = text, result
        return result
    masked = _DECREE.mask(text)
    masked = _BASELINE.mask(masked)
    masked = _SINCE.mask(masked)    # "từ năm 2019 đến nay": since, not as of
    masked = _PHASE_NOW.mask(masked)
    found = []
    taken = []
    for pattern, get in _YEARS:
        for m in pattern.finditer(masked):
            if any(a <= m.start() < b for a, b in taken):
                continue
            year = get(m)
            if 2000 <= year <= 2040:
                found.append((m.start(), year))
                taken.append((m.start(), m.end()))
    result = (tuple(sorted(found)), taken, masked)
    _LAST_READ[0], _LAST_READ[1] = text, result
    return result


_CERT_BEFORE = folded(r"(?<!lũy kế )(?:công nhận|chứng nhận|trao (?:giấy )?chứng nhận)(?:\s+(?:cho|thêm))?\s*(?:các\s+)?$")
_CERT_AFTER = folded(r"^[^,;.]{0,40}?\bđược\s+(?:phân hạng|xếp hạng|công nhận|chứng nhận|(?:cấp|trao) (?:giấy )?chứng nhận)")
TOTAL_AFTER = folded(r"nâng tổng số")


def certified_event(left: str, tail: str) -> bool:
    """A certification round: "công nhận 18 sản phẩm", "518 sản phẩm ... được phân hạng" (not "có N ...")."""
    if _CERT_BEFORE.search(left[-40:]):
        return True
    return bool(_CERT_AFTER.search(tail)) and not re.search(r"\bcó\s*(?:thêm\s*)?$", left[-12:], I)
