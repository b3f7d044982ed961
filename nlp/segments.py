"""The subset a count covers (FACTS.md ``segment``): None for all of an area's OCOP
products or subjects, else a short label.

``segment_of(noun, left, tail, part=, paired_round=)`` reads the counted noun and
the words right around the number:

- producer types counted as subjects ("16 hợp tác xã", "40% chủ thể là HTX");
- product groups ("43 sản phẩm thực phẩm", "nhóm đồ uống có 10 sản phẩm",
  "7 sản phẩm thuộc ngành thủ công mỹ nghệ", "22 sản phẩm từ sen");
- how a round certified it ("17 sản phẩm mới, 2 sản phẩm đánh giá lại",
  "4 sản phẩm nâng hạng từ 3 sao lên 4 sao");
- a channel or property ("được bán trên sàn thương mại điện tử", "dán tem");
- products of a producer type ("các HTX sở hữu 201 sản phẩm", "80% sản phẩm là của hợp tác xã").

>>> segment_of("hợp tác xã", "", "")
'hợp tác xã'
>>> segment_of("sản phẩm", "Nhóm ngành đồ uống có ", "")
'đồ uống'
"""
from __future__ import annotations

import re

from .fold import folded

I = re.IGNORECASE

_PRODUCERS = [
    (r"hợp tác xã|HTX", "hợp tác xã"),
    (r"tổ hợp tác|THT", "tổ hợp tác"),
    (r"doanh nghiệp|DN|công ty", "doanh nghiệp"),
    (r"cơ sở(?: sản xuất)?", "cơ sở sản xuất"),
    (r"hộ(?: gia đình| sản xuất| kinh doanh)?", "hộ sản xuất"),
    (r"tổ chức kinh tế", "tổ chức kinh tế"),
]

_GROUPS = [
    (r"thực phẩm", "thực phẩm"),
    (r"đồ uống", "đồ uống"),
    (r"thủ công mỹ nghệ|thủ công", "thủ công mỹ nghệ"),
    (r"thảo dược|dược liệu", "thảo dược"),
    (r"(?:dịch vụ )?du lịch", "dịch vụ du lịch"),
    (r"sinh vật cảnh", "sinh vật cảnh"),
    (r"vải(?:,| và) may mặc|vải, may mặc", "vải, may mặc"),
    (r"nông sản", "nông sản"),
    (r"chăn nuôi", "chăn nuôi"),
    (r"thủy sản|thuỷ sản", "thủy sản"),
]
_GROUP_WORDS = "|".join(p for p, _ in _GROUPS)

# "43 sản phẩm thực phẩm", "7 sản phẩm (OCOP) thuộc (nhóm|ngành) đồ uống"
_GROUP_AFTER = folded(rf"^\s*(?:OCOP\s+)?(?:thuộc\s+(?:các\s+)?(?:nhóm\s+)?(?:ngành\s+)?(?:hàng\s+)?)?(?P<g>{_GROUP_WORDS})\b")
# "nhóm (ngành) đồ uống có 10 sản phẩm", "đồ uống 23 sản phẩm", "Nhóm nông sản ... với 19 sản phẩm"
_GROUP_BEFORE = folded(rf"\bnhóm\s+(?:ngành\s+)?(?:hàng\s+)?(?P<g>{_GROUP_WORDS})\b[^;,\d]{{0,60}}$|"
                           rf"(?:^|[;,:]\s*)(?:nhóm\s+)?(?P<g2>{_GROUP_WORDS})(?:\s+(?:có|với|là|gồm))?\s*$")
# "22 sản phẩm từ sen", "15 sản phẩm từ hạt điều"
_FROM_COMMODITY = folded(r"^\s*(?:OCOP\s+)?(?:được làm\s+)?từ\s+(?P<c>(?:hạt\s+)?[a-zà-ỹđ]+)\b")

_ROUND_AFTER = [
    (folded(r"^\s*(?:OCOP\s+)?(?:được\s+)?(?:công nhận|cấp|đánh giá|chứng nhận)?\s*mới\b"), "cấp mới"),
    (folded(r"^\s*(?:OCOP\s+)?(?:được\s+|tham gia\s+)?(?:đánh giá|công nhận|chứng nhận)\s+lại\b|^\s*(?:OCOP\s+)?tái chứng nhận"),
     "đánh giá lại"),
    (folded(r"^\s*(?:OCOP\s+)?(?:được\s+)?cấp\s+lại\b"), "cấp lại"),
    (folded(r"^\s*(?:OCOP\s+)?(?:được\s+)?(?:nâng|nậng)\s+(?:hạng|cấp|sao)\b|^\s*(?:OCOP\s+)?(?:được\s+)?(?:nâng|nậng) lên|"
                r"^\s*(?:OCOP\s+)?(?:đạt\s+)?từ\s+[1-4]\s*sao\s+lên\s+[2-5]\s*sao"),
     "nâng hạng"),
]
_UPGRADE_BEFORE = folded(r"\b(?:nâng cấp|nâng hạng|nâng sao)\s+(?:ít nhất\s+|khoảng\s+|tối thiểu\s+)?(?:từ\s+)?$")
_CHANNELS = [
    (folded(r"sàn (?:giao dịch )?(?:thương mại điện tử|TMĐT)|thương mại điện tử|TMĐT"), "sàn thương mại điện tử"),
    (folded(r"kênh bán (?:hàng|hành) hiện đại|siêu thị"), "kênh bán hàng hiện đại"),
    (folded(r"kênh bán (?:hàng|hành) trực tuyến|trực tuyến|online"), "kênh bán hàng trực tuyến"),
    (folded(r"chuỗi giá trị"), "chuỗi giá trị"),
    (folded(r"dán tem|tem điện tử|mã số, mã vạch|mã vạch|truy xuất nguồn gốc|mã QR"), "truy xuất nguồn gốc"),
    (folded(r"xuất khẩu"), "xuất khẩu"),
]
_CHANNEL_VERB = folded(r"^\s*(?:OCOP\s+)?(?:[^,;.()]{0,25}?)\b(?:được\s+)?(?:bán|đưa|tham gia|có mặt|giới thiệu|"
                       r"xây dựng được|xây dựng|dán|có|kết nối|xuất khẩu|liên kết)\b")
_CLAUSE_STOP = folded(r"[;.]|\btrong đó\b")
_OF_PRODUCER = folded(rf"^\s*(?:OCOP\s+)?(?:là\s+)?của\s+(?:các\s+)?(?P<p>{'|'.join(p for p, _ in _PRODUCERS[:3])})\b")
_PRODUCER_OWNS = folded(r"\b(?:các\s+)?(?P<p>HTX|hợp tác xã|doanh nghiệp)\s+(?:sở hữu|có|đang có)\s+"
                            r"(?:khoảng\s+|hơn\s+|trên\s+|gần\s+)?$")
_SUBJECT_IS = folded(r"^\s*(?:OCOP\s+)?(?:tham gia\s+)?là\s+(?P<rest>[^;.()]{1,80})")


_PRODUCER_WORDS = [(folded(rf"(?<![\wÀ-ỹ])(?:{pat})(?![\wÀ-ỹ])"), label) for pat, label in _PRODUCERS]


_GENERIC = {"cơ sở sản xuất", "tổ chức kinh tế"}   # other words for "chủ thể": a segment only beside other types
_ALL_TYPES = folded(r"^\s*(?:,\s*|và\s+)(?:các\s+)?(?:hợp tác xã|HTX|tổ hợp tác|doanh nghiệp|hộ|cơ sở|trang trại)")


def _producers(text: str, part: bool = True) -> str | None:
    found = [label for pat, label in _PRODUCER_WORDS if pat.search(text)]
    if "tổ hợp tác" in found and "hợp tác xã" not in found and re.search(r"hợp tác xã|HTX", text, I):
        found.append("hợp tác xã")
    found = list(dict.fromkeys(found))
    if len(found) >= 3 or (not part and set(found) <= _GENERIC):
        return None      # "chủ thể là doanh nghiệp, hợp tác xã và hộ kinh doanh": every kind, no subset
    return ", ".join(found) or None


def _group(word: str) -> str:
    return next(label for pat, label in _GROUPS if re.fullmatch(pat, word, I))


def segment_of(noun: str, left: str, tail: str, *, part: bool = False, paired_round: bool = False) -> str | None:
    """The segment label of a count (``noun`` as written, ``left`` the words since
    the previous count, ``tail`` the words up to the next one), or None."""
    noun_l = noun.lower()
    if noun_l not in ("chủ thể", "sản phẩm", "sp", "nhóm sản phẩm", "dịch vụ"):      # "16 hợp tác xã"
        if _ALL_TYPES.match(re.sub(r"^\s*sản xuất\b", "", tail, flags=I)):
            return _producers(noun + " " + re.split(r"[;.()]|\bđược\b|\bcó\b", tail, maxsplit=1, flags=I)[0], part)
        head = tail.split(",")[0] if noun_l in ("tổ hợp tác", "tht") else ""
        return _producers(noun + (" " + head if head else ""), part)
    if noun_l == "chủ thể":
        m = _SUBJECT_IS.match(tail)
        if m:
            return _producers(m["rest"], part)
        return _channel(tail)
    if noun_l == "dịch vụ":
        return "dịch vụ du lịch" if re.match(r"^\s*(?:OCOP\s+)?du lịch", tail, I) else None
    m = _GROUP_AFTER.match(tail)
    if m:
        return _group(m["g"])
    m = _FROM_COMMODITY.match(tail)
    if m and not re.match(r"(?:năm|ngày|tháng|các|\d)", m["c"], I):
        return m["c"].lower()
    own_left = re.split(r"[;(]", left)[-1]
    m = _GROUP_BEFORE.search(own_left)
    if m:
        return _group(m["g"] or m["g2"])
    m = _OF_PRODUCER.match(tail) or _PRODUCER_OWNS.search(left[-60:])
    if m:
        return _producers(m["p"])
    for pat, label in _ROUND_AFTER:
        if pat.match(tail):
            # "mới" names a segment only beside other kinds of the round ("… mới, … đánh giá lại");
            # "phát triển thêm 35 sản phẩm mới" is an addition, not a subset
            if label != "cấp mới" or ((part or paired_round) and not re.search(r"\bthêm\s*$", left, I)):
                return label
    if _UPGRADE_BEFORE.search(left[-40:]):
        return "nâng cấp" if "cấp" in left[-40:].lower() else "nâng hạng"
    return _channel(tail)


def _channel(tail: str) -> str | None:
    # the clause up to ; . or "trong đó", 110 characters at most (a stop found within the
    # first 130 characters is the first stop of the whole tail, when it starts before 110)
    stop = _CLAUSE_STOP.search(tail[:130])
    clause = tail[:stop.start()][:110] if stop else tail[:110]
    if not _CHANNEL_VERB.match(clause):
        return None
    for pat, label in _CHANNELS:
        if pat.search(clause):
            return label
    return None
