"""Counted numbers in a sentence: "56 sản phẩm", "40% chủ thể", "20 - 30 sản phẩm", "ít nhất một sản phẩm".

``find_mentions(sentence)`` returns ``Mention`` objects in text order. A mention
is a number (or a range, or a share in percent) tied to what it counts:
OCOP products (sản phẩm, dịch vụ) or subjects (chủ thể, HTX, doanh nghiệp, cơ
sở, hộ, tổ hợp tác). Numbers of anything else (lao động, tỷ đồng, làng nghề,
điểm bán, xã, hồ sơ ...) never become mentions. Shares announced after a count
("..., chiếm 22%", "(chiếm 6.45%)") become percent mentions anchored to it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .fold import folded
from .numbers import DIGITS, FREE_DIGITS, WORD_NUMBERS, parse_number, parse_words

_PRODUCT = r"sản phẩm|SP|nhóm sản phẩm|dịch vụ"
_SUBJECT = r"chủ thể|hợp tác xã|HTX|doanh nghiệp|cơ sở|hộ|tổ hợp tác|THT|tổ chức kinh tế|DN"
_NOUN = rf"(?P<noun>{_PRODUCT}|{_SUBJECT})(?![\wÀ-ỹ])"
_NUM = rf"(?P<n1>{FREE_DIGITS})(?:\s*(?P<scale>nghìn|ngàn))?"
_RANGE = rf"(?:\s*(?:-|đến|tới)\s*(?P<n2>{DIGITS}))?"
_SLASH = rf"(?:\s*/\s*(?P<den>{DIGITS}))?"
_PCT = r"(?P<pct>\s*%)?"
_FILL = r"\s*(?:(?:trên|của)\s+)?(?:tổng\s+)?(?:số\s+(?:lượng\s+)?)?(?:các\s+)?"
MENTION = re.compile(_NUM + _RANGE + _SLASH + _PCT + _FILL + _NOUN, re.IGNORECASE)
# folded (nlp.fold): a word-led pattern runs 1.7x faster so; its groups' text is lowercased
WORD_MENTION = folded(rf"(?<![\wÀ-ỹ])(?P<w>{WORD_NUMBERS})\s+{_NOUN}")
ANCHORED_PCT = re.compile(rf"(?:(?:chiếm|đạt|là|bằng)\s+|\(\s*)(?:khoảng\s+|hơn\s+|trên\s+|gần\s+)?(?P<n1>{DIGITS})\s*%",
                          re.IGNORECASE)   # "…, chiếm 22%", "135 sản phẩm thuộc ngành thực phẩm (92,4%)"
PLAN_AFTER = re.compile(r"^\s*(?:so với\s+)?(?:kế hoạch|KH|chỉ tiêu|mục tiêu|doanh thu|so với|lợi nhuận)", re.IGNORECASE)
# "…, trong đó 35 là hợp tác xã" (a part of a subject count named by what it is)
SUBJECT_IS = re.compile(rf"(?P<n1>{FREE_DIGITS})\s+là\s+(?P<noun>{_SUBJECT})(?![\wÀ-ỹ])", re.IGNORECASE)
# "76% sản phẩm đạt 3 sao, 23% đạt 4 sao": the noun is not repeated
ELLIPTIC_PCT = re.compile(rf"(?P<n1>{FREE_DIGITS})\s*%\s*(?=(?:đạt|là|được|xếp hạng|có)\b)", re.IGNORECASE)
KH_SLASH = re.compile(rf"/\s*(?:KH|kế hoạch)\s*(?P<n1>{DIGITS})\s*(?P<noun>{_PRODUCT})", re.IGNORECASE)


@dataclass
class Mention:
    start: int
    end: int                 # end of the counted noun
    value: float
    metric: str              # products | subjects
    unit: str                # count | percent
    noun: str
    range_role: str | None = None     # "low" / "high" bound of a range
    anchored: bool = False            # percent announced after a count ("chiếm 22%")
    denominator: bool = False         # the 9.852 of "2.167/9.852 sản phẩm"
    plan: bool = False                # "43 sản phẩm/KH 34 sản phẩm": the 34 is the plan
    word: bool = False                # written in words ("một", "hai")
    extra: dict = field(default_factory=dict)


_PRODUCT_NOUN = re.compile(_PRODUCT, re.IGNORECASE)
_ORDINAL_BEFORE = re.compile(r"(?:(?<!tổng )số|thứ|top|lần|hạng|khóa)\s*$")    # "số 5 sản phẩm", "lần 3"
_SUBJECT_WORD = folded(r"chủ thể")
_TYLE = re.compile(r"tỷ lệ\s+(?P<noun>sản phẩm|chủ thể)", re.IGNORECASE)


def _metric(noun: str) -> str:
    return "products" if _PRODUCT_NOUN.fullmatch(noun) else "subjects"


def find_mentions(s: str) -> list[Mention]:
    out: list[Mention] = []
    for m in MENTION.finditer(s):
        noun = m["noun"]
        left = s[max(0, m.start() - 12): m.start()].lower()
        if _ORDINAL_BEFORE.search(left):
            continue
        v1 = parse_number(m["n1"])
        if v1 is None:
            continue
        if m["scale"]:
            v1 *= 1000
        unit = "percent" if m["pct"] else "count"
        metric = _metric(noun)
        if m["den"] and unit == "count":
            v2 = parse_number(m["den"])
            out.append(Mention(m.start(), m.end(), v1, metric, unit, noun))
            if v2 is not None:
                out.append(Mention(m.start("den"), m.end(), v2, metric, unit, noun, denominator=True))
            continue
        if m["n2"]:
            v2 = parse_number(m["n2"])
            if v2 is not None and v2 > v1:
                out.append(Mention(m.start(), m.end(), v1, metric, unit, noun, range_role="low"))
                out.append(Mention(m.start("n2"), m.end(), v2, metric, unit, noun, range_role="high"))
                continue
            # "3-5 sản phẩm" with a smaller second number is not a range: keep the second
            out.append(Mention(m.start("n2"), m.end(), v2, metric, unit, noun))
            continue
        out.append(Mention(m.start(), m.end(), v1, metric, unit, noun))
    for m in KH_SLASH.finditer(s):
        v = parse_number(m["n1"])
        if v is not None and not any(x.start <= m.start("n1") < x.end for x in out):
            out.append(Mention(m.start("n1"), m.end(), v, "products", "count", m["noun"], plan=True))
    if _SUBJECT_WORD.search(s):
        for m in SUBJECT_IS.finditer(s):
            if not any(x.start <= m.start() < x.end for x in out):
                out.append(Mention(m.start(), m.end(), parse_number(m["n1"]), "subjects", "count", m["noun"]))
    has_pct = "%" in s                     # both share patterns need one (most sentences have none)
    for m in ELLIPTIC_PCT.finditer(s) if has_pct else ():
        earlier = [x for x in out if x.end <= m.start() and x.unit == "percent"] or \
                  [x for x in out if x.end <= m.start()]
        if earlier and not any(x.start <= m.start() < x.end for x in out):
            ref = earlier[-1]
            out.append(Mention(m.start(), m.end(), parse_number(m["n1"]), ref.metric, "percent", ref.noun))
    for m in WORD_MENTION.finditer(s):
        if any(x.start <= m.start() < x.end for x in out):
            continue
        left = s[max(0, m.start() - 25): m.start()].lower()
        word = m["w"].lower()
        if re.search(r"(?:xã|phường|thôn|mỗi|là|số)\s*$", left) or s[m.end():m.end() + 8].lower().startswith(" trong"):
            continue
        if word == "một" and not re.search(r"(?:ít nhất|tối thiểu|thêm|có thêm|đạt thêm|\bvà)\s*$", left):
            continue
        if word == "năm" and not re.search(r"(?:thêm|có|được|gồm|với|ít nhất|tối thiểu|khoảng|hơn|gần|trên|cho|và)\s*$", left):
            continue
        v = parse_words(word)
        if v:
            noun = s[m.start("noun"):m.end("noun")]
            out.append(Mention(m.start(), m.end(), v, _metric(noun), "count", noun, word=True))
    out.sort(key=lambda x: x.start)
    # shares announced after a count: "…, chiếm 22% của cả nước", "(chiếm 59.18%)"
    for m in ANCHORED_PCT.finditer(s) if has_pct else ():
        pos = m.start("n1")
        if any(x.start <= pos < x.end for x in out) or PLAN_AFTER.search(s[m.end():]):
            continue
        before = [x for x in out if x.end <= m.start() and x.unit == "count" and not x.denominator]
        tyle = _TYLE.search(s[:m.start()])
        if before and not re.search(r"[.;]", s[before[-1].end:m.start()]):
            anchor = before[-1]
            v = parse_number(m["n1"])
            out.append(Mention(pos, m.end(), v, anchor.metric, "percent", anchor.noun, anchored=True,
                               extra={"anchor": anchor}))
        elif tyle:
            v = parse_number(m["n1"])
            out.append(Mention(pos, m.end(), v, _metric(tyle["noun"]), "percent", tyle["noun"], anchored=True,
                               extra={"tyle": tyle.start()}))
    out.sort(key=lambda x: x.start)
    return [x for x in out if x.value is not None]    # a number too long to be a count is none
