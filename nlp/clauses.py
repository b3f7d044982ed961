"""Read one sentence: its counted mentions become draft facts.

A mention after "trong đó", "gồm" or "(" is a *part* of the count before it (its
head) and inherits the head's area, kind, addition and year. Every other mention
reads them from its own clause (";"-separated), then the sentence, then the
article (``nlp.context.Doc``). Each step below is one small method:
structure, filter, stars, comparator, kind, increment, year, area.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .fold import folded
from . import cues, fold
from .context import Area, Doc
from .mentions import Mention, find_mentions
from .places import Place
from .segments import segment_of
from .sentences import BULLET

I = re.IGNORECASE

_BREAKDOWN = folded(r"trong đó|trong số (?:này|đó)|bao gồm|\bgồm\b|\(|cụ thể|chia ra|riêng")
_CONTINUATION = folded(r"^\s*(?:trong đó|trong số (?:này|đó)|cụ thể|bao gồm|gồm|đồng thời|riêng|ngoài ra|trong cơ cấu)")
_PARTS_START = folded(r"^\s*(?:trong đó|trong số (?:này|đó)|bao gồm|gồm|trong cơ cấu|cụ thể|chia ra|"
                      r"nhiều nhất là|dẫn đầu là|đứng đầu là|"
                      r"(?:các|những) sản phẩm(?: OCOP)?[^\d.;:]{0,60}?(?:bao gồm|gồm|như sau|thuộc)\b\s*:?)")
# ", huyện Hàm Yên 12 sản phẩm": the next item of a list of areas, said like the one before it
_LIST_ITEM = folded(r"[,;]\s*(?:và\s+)?[^\d,;.()]{1,30}?\s*(?:có|với)?\s*$")
_OF_THESE = folded(r"^\s*trong\s+(?:tổng\s+)?(?:số\s+)?$")
_NEW_SUBJECT = folded(r"lũy kế|luỹ kế|đến nay|tính đến|hiện nay|hiện có|^\s*năm \d{4}")
_PLAN_BEFORE = folded(r"(?:kế hoạch|KH|chỉ tiêu)(?:\s+năm)?(?:\s+\d{4})?\s*[(:]?\s*$")
_CHANGE_BEFORE = folded(r"\b(?:tăng|giảm)\s*(?:thêm\s*)?$|nâng tổng số[^,;]{0,60}$")
_ACTUAL_AFTER_TARGET = folded(r"đến nay|hiện có|hiện nay|lũy kế|luỹ kế|đã (?:có|được|công nhận|chứng nhận|cấp)|"
                                  r"tính đến|kết quả")
_EXCL_PRODUCT = folded(r"tiềm năng|tham gia(?!\s+(?:vào\s+)?(?:các\s+)?(?:kênh|sàn|hội chợ|hệ thống|thị trường|chuỗi|xúc tiến))|"
    r"đăng ký|đề nghị|đề xuất|dự thi|\bchờ\b|(?<!chương )\btrình\b|hết hạn|không đạt|chưa đạt|"
    r"đưa ra đánh giá|đưa vào đánh giá|hồ sơ|lựa chọn|được chọn|"
    r"được đánh giá(?![^.;]{0,40}(?:phân hạng|xếp hạng|công nhận|chứng nhận))|"
    r"đang (?:hoàn thiện|đánh giá|xây dựng)")
_EXCL_SUBJECT = folded(r"tiềm năng")
_ENTERED_THEN_RESULT = re.compile(r"(?:tham gia|dự thi|đăng ký)[^.;]{0,60}?(?=\bđạt\s+(?:tiêu\s+)?chuẩn|\bđạt\s+(?:hạng\s+)?\d\s*sao|"
                                  r"\bđược\s+(?:công nhận|chứng nhận|xếp hạng))", I)
# "quyết định công nhận kết quả đánh giá, phân hạng … đối với 40 sản phẩm": the result, not an intake
_RESULT_DECIDED = folded(r"(?:công nhận|chứng nhận|phê duyệt)\s+kết quả")
_UP_TO = folded(r"\blên\s+(?:mức\s+|con số\s+)?(?:khoảng\s+|hơn\s+|gần\s+|trên\s+)?$")
_CERTIFIED_IN_YEAR = folded(r"(?:công nhận|chứng nhận|xếp hạng|phân hạng|đạt)[^,;]{0,40}năm \d{4}|trong năm")
_RECERTIFIED = folded(r"(?:công nhận|chứng nhận|cấp|đánh giá)\s+lại\s*(?:cho\s+)?$")
_NOT_OCOP_PRODUCT = folded(r"^\s*(?:OCOP\s+)?(?:và\s+(?:nông sản|sản phẩm|đặc sản|hàng)|địa phương|nông sản|"
                           r"hàng hóa|hàng hoá|du lịch|công nghiệp|CNNT|tiêu biểu|đặc sản|khác)")
_PROPOSED = folded(r"(?:đề nghị|đề xuất|hồ sơ|trình|xin)\s+(?:công nhận|chứng nhận|xét|đánh giá|phân hạng)"
                   r"[^.;,]{0,20}$")
_EVALUATED_FOR = folded(r"(?:đánh giá|phân hạng|thẩm định|xét|chấm)(?:(?!công nhận|chứng nhận)[^.;]){0,50}"
                        r"\b(?:cho|đối với)\s*(?:các\s+)?$|\bhồ sơ\s+(?:của\s+)?(?:các\s+)?$")
_PRODUCER = re.compile(r"\b(?:Công ty|HTX|Hợp tác xã|Doanh nghiệp|Cơ sở|Hộ kinh doanh|Tổ hợp tác|THT)\s+"
                       r"(?:[A-ZĐ]|TNHH|CP|Cổ phần)[^;]*?\b(?:có|với|đạt)\b(?![^;]*\btrong\s*$)")
_PARTICIPATION = folded(r"đăng ký|tham gia|tham dự")
_CERTIFIED = folded(r"được (?:[^,;]{0,30}?(?:xếp hạng|phân hạng)\s+(?:đạt\s+)?\d\s*sao|công nhận|chứng nhận|cấp)|đạt chuẩn|đạt (?:hạng )?(?:từ )?\d(?:\s*-\s*\d)?\s*sao")
_SUBJECT_LINK = folded(r"^\s*(?:,\s*)?(?:(?:OCOP\s+)?(?:đạt\s+)?(?:hạng\s+)?(?:từ\s+)?0?[3-5](?:\s*[-–]\s*0?[3-5])?\s*sao\s+)?"
                       r"(?:của|từ|thuộc)\s+(?:các\s+)?$")
_AVERAGE = folded(r"(?:bình quân|trung bình)\s+(?:mỗi\s+\w+\s+)?(?:có\s+)?$")
_PER_UNIT = folded(r"^\s*/\s*(?:huyện|xã|đơn vị|địa phương|năm|chủ thể)")
_SUBJECT_OCOP = folded(r"^[^.;]{0,60}?(?:OCOP|tham gia (?:vào )?(?:chương trình|Chương trình)|có sản phẩm|"
                       r"được công nhận|đạt chuẩn)")
_DISTRIBUTE = folded(r"mỗi\s+(?:huyện|đơn vị|địa phương|thị xã|thành phố)")
_STARS_THEN_NEXT = folded(r"(?:từ\s+)?(?:hạng\s+)?0?[3-5]\s*(?:-\s*0?[3-5]\s*)?sao[^,;]{0,40}?(?:nhất\s+)?"
                          r"\b(?:với|cho|là)\s*(?:các\s+)?$")
_STAR_BLOCK = folded(r"tiềm năng|chờ|trình|đề nghị|dự thi|đăng ký")
_OF_PLACE = folded(r"^\s*(?:OCOP\s+)?(?:của|thuộc|tại|ở)\s+(?:các\s+)?$")
_NAMED_PRODUCER_AFTER = re.compile(r"^[^;.\d]{0,120}?\bcủa\s+(?:Công ty|HTX|Hợp tác xã|Doanh nghiệp|DNTN|Cơ sở|Hộ kinh doanh|"
                                   r"hộ (?:ông|bà|anh|chị)|Tổ hợp tác|THT)\s+(?:TNHH|CP|Cổ phần|[A-ZĐ\"“])")
_INTAKE_PREAMBLE = folded(r"(?:(?:sản phẩm|chủ thể)\s+(?:được\s+)?(?:tham gia|đăng ký|dự thi|đề nghị|đề xuất)|"
                          r"^\W*(?:tham gia|tham dự|đăng ký)\s+(?:đánh giá|phân hạng|xét chọn|chấm điểm|kỳ))"
                          r"(?:(?!công nhận|chứng nhận|đạt\b|xếp hạng)[^;.\d]){0,80}$")
_OF_PLAN_AFTER = folded(r"^[^.;]{0,30}?\b(?:đạt|bằng)\s+\d+(?:[.,]\d+)?\s*%\s*(?:so với\s+)?(?:kế hoạch|KH|chỉ tiêu)")
_COUNCIL = re.compile(r"\bHội đồng\b")
_NATIONAL_COUNCIL = folded(r"\bHội đồng\b[^.;]{0,80}?\b(?:cấp\s+)?(?:Trung ương|quốc gia)\b")
_NATIONAL_PROGRAMME = folded(r"/QĐ-TTg|Thủ tướng Chính phủ|Chương trình (?:OCOP )?(?:quốc gia|toàn quốc)")
_PAIRED_ROUND = folded(r"(?:đánh giá|công nhận|cấp|chứng nhận) lại|nâng hạng|nâng cấp|nâng sao")
_SEMICOLON = re.compile(";")
_CLAUSE_END = re.compile(r"[,;()]")
_EXCL_END = folded(r"[;.]|\btrong đó\b|\bgồm\b|\bbao gồm\b")
_PARTS_SPLIT = folded(r"\btrong đó\b|\btrong số\b|\bbao gồm\b|\bgồm\b")


def _before(pattern, text: str) -> str:
    """``text`` up to the first match of ``pattern`` (all of it if none): ``split(text, 1)[0]``."""
    m = pattern.search(text)
    return text[:m.start()] if m else text


@dataclass
class Draft:
    mention: Mention
    area: Area | None = None
    kind: str = "actual"
    increment: bool = False
    comparator: str = "eq"
    comp_prefix: bool = False          # the comparator was a word before the number (it may distribute)
    stars: tuple = (3, 5)
    stars_explicit: bool = False
    stars_inherited: bool = False      # the stars of the round this is a part of
    year: int | None = None
    year_explicit: bool = False
    child: bool = False                # a part of the head's count
    aside: bool = False                # a plan, a share, a denominator, a change: never a head
    drop: bool = False                 # not a fact
    extra_areas: list = field(default_factory=list)
    segment: str | None = None         # the subset counted (FACTS.md), None for all products/subjects
    why: list = field(default_factory=list)        # reasons of a kept draft, for --explain and facts.why
    rejected: list = field(default_factory=list)   # why a dropped draft is not a fact

    def because(self, reason: str) -> None:
        if reason not in self.why:
            self.why.append(reason)

    def reject(self, reason: str) -> None:
        """Not a fact, for ``reason``."""
        self.drop = True
        if reason not in self.rejected:
            self.rejected.append(reason)


@dataclass
class _View:
    """The stretches of the sentence around one mention."""
    i: int
    m: Mention
    between: str       # since the previous mention
    left: str          # since the sentence start
    tail: str          # up to the next mention
    tail_clause: str   # ... up to the first , ; ( )
    excl_tail: str     # ... up to ; . or a breakdown, 90 chars at most
    star_tail: str     # ... without a following breakdown or a star phrase of the next count
    cstart: int        # start of the ";"-clause
    nxt: int           # start of the next mention
    linked: bool       # "N sản phẩm của M chủ thể": the M
    plan: bool         # "kế hoạch (30 sản phẩm)", "KH 34"
    clause_places: list = field(default_factory=list)   # places of the clause before the number


class SentenceReader:
    def __init__(self, s: str, places: list[Place], doc: Doc, ocop_para: bool):
        self.s, self.places, self.doc, self.ocop_para = s, places, doc, ocop_para
        self.mentions = find_mentions(s)
        # several counts: each cue is tested once per count on stretches of s (nlp.fold)
        if len(self.mentions) > 1:
            fold.focus(s)
        else:
            fold.unfocus()
        if _NATIONAL_COUNCIL.search(s):
            doc.national_council = True        # a later "Hội đồng đã công nhận …" is that council
        if not self.mentions:
            return                             # nothing to read (read_sentence returns no drafts)
        self.clause_starts = [0] + [m.end() for m in _SEMICOLON.finditer(s)]
        self.years = cues.years(s, doc.pub_year or doc.last_year)   # undated: "năm nay" is the year last named
        self.every_year = bool(cues.EVERY_YEAR.search(s))
        self.continuation = bool(_CONTINUATION.match(s)) and bool(doc.prev_heads)
        parts = bool(_PARTS_START.match(s)) and bool(doc.prev_heads)
        self.head: Draft | None = doc.prev_heads[-1] if parts else None
        self.bullet = bool(BULLET.match(s))
        if self.bullet and doc.list_head is not None:   # "– 80 chủ thể …:" then "+ 35 doanh nghiệp, chiếm 43,8%."
            parts, self.head = True, doc.list_head
        self.in_breakdown = parts
        self.drafts: list[Draft] = []
        self.prev_end = 0
        self.claimed: set = set()          # places already taken as a count's area ("17 sản phẩm của huyện A")
        self.paired_round = _PAIRED_ROUND.search(s) is not None   # "… mới, … đánh giá lại": "mới" is a segment

    # -- driver -------------------------------------------------------------
    def read(self) -> list[Draft]:
        for i, m in enumerate(self.mentions):
            v = self._view(i, m)
            d = Draft(m)
            self._structure(d, v)
            self._filter(d, v)
            self._stars(d, v)
            self._comparator(d, v)
            self._kind(d, v)
            self._increment(d, v)
            self._year(d, v)
            self._area(d, v)
            self._segment(d, v)
            self._finish(d, v)
        self._remember()
        return self.drafts

    def _view(self, i, m) -> _View:
        s, ms = self.s, self.mentions
        nxt = ms[i + 1].start if i + 1 < len(ms) else len(s)
        tail = s[m.end:nxt]
        if m.range_role == "low" and i + 1 < len(ms):      # a range shares its noun phrase
            tail = s[ms[i + 1].end:(ms[i + 2].start if i + 2 < len(ms) else len(s))]
        star_tail = _before(_PARTS_SPLIT, tail)
        sb = _STARS_THEN_NEXT.search(star_tail) if i + 1 < len(ms) else None
        if sb:
            star_tail = star_tail[:sb.start()]
        between = s[self.prev_end:m.start]
        return _View(
            i=i, m=m, between=between, left=s[:m.start], tail=tail,
            tail_clause=_CLAUSE_END.split(tail, maxsplit=1)[0],
            excl_tail=_before(_EXCL_END, tail)[:90],
            star_tail=star_tail, cstart=max(c for c in self.clause_starts if c <= m.start), nxt=nxt,
            linked=bool(i > 0 and _SUBJECT_LINK.match(between) and ms[i - 1].metric == "products"
                        and m.metric == "subjects"),
            plan=bool(_PLAN_BEFORE.search(s[:m.start])) or m.plan)

    def _predicate_tail(self, v: _View) -> str:
        """The words after a count up to the next one, its linked subjects included:
        "518 sản phẩm của 19 chủ thể được phân hạng …" -> "của 19 chủ thể được phân hạng …"."""
        ms = self.mentions
        if v.i + 1 < len(ms) and ms[v.i + 1].metric == "subjects" and _SUBJECT_LINK.match(v.tail):
            return self.s[v.m.end:ms[v.i + 2].start if v.i + 2 < len(ms) else len(self.s)]
        return v.tail

    def _anchor(self, m) -> Draft | None:
        """The draft of the count a share is announced after ("…, chiếm 22%")."""
        if m.anchored and "anchor" in m.extra:
            return next((x for x in self.drafts if x.mention is m.extra["anchor"]), None)
        return None

    # -- steps --------------------------------------------------------------
    def _structure(self, d: Draft, v: _View) -> None:
        m, head = v.m, self.head
        if m.anchored or m.denominator:
            d.child = False
        elif _BREAKDOWN.search(v.between) and head is not None:
            self.in_breakdown = True
            d.child = True
        elif self.in_breakdown and head is not None and not _NEW_SUBJECT.search(v.between) and not any(
                self.prev_end <= p.start < m.start and p.level in ("province", "national") for p in self.places):
            d.child = True
        else:
            # "Trong 53 sản phẩm được công nhận, có 12 …": the counts after it are its parts
            self.in_breakdown = v.i == 0 and bool(_OF_THESE.match(v.left))
        if d.child and head.drop and head.mention.unit != "percent" and not _CERTIFIED.search(v.tail_clause):
            # parts of a non-fact ("48 sản phẩm tham gia, gồm …") are not facts either
            d.reject("part of a count that is not a fact (an intake, a proposal)")
        d.aside = v.plan or m.anchored or m.denominator or bool(_CHANGE_BEFORE.search(v.left))

    def _filter(self, d: Draft, v: _View) -> None:
        """Drop what FACTS.md says is not a fact."""
        m = v.m
        if m.metric == "products" and not m.anchored:
            recertified = _RECERTIFIED.search(v.left[-30:])       # "công nhận lại 7 sản phẩm hết hạn"
            excl = _ENTERED_THEN_RESULT.sub(" ", v.excl_tail)    # "6 sản phẩm tham gia đánh giá … đạt tiêu chuẩn 3 sao"
            if _EXCL_PRODUCT.search(excl) and not recertified:
                d.reject("an intake or no result: potential, registered, proposed, evaluated")
            if _NOT_OCOP_PRODUCT.search(v.tail) or not self.ocop_para:
                d.reject("not a count of OCOP products")
            if (_EVALUATED_FOR.search(v.left[-80:]) and not _RESULT_DECIDED.search(v.left[-120:])) \
                    or _PROPOSED.search(v.left[-60:]) or (
                    v.i > 0 and _PARTICIPATION.search(v.between.rsplit(";", 1)[-1])
                    and not _CERTIFIED.search(v.tail_clause)):
                d.reject("an intake: evaluated, proposed or entered, no result stated")
        if m.metric == "subjects" and not m.anchored:
            if _EXCL_SUBJECT.search(v.tail_clause[:40]):
                d.reject("potential subjects")
            ocop_subjects = (m.noun.lower() == "chủ thể" or v.linked or (d.child and self.head is not None)
                             or _SUBJECT_OCOP.search(v.tail) or "chủ thể" in v.left.lower())
            if not ocop_subjects:
                d.reject("not a count of OCOP subjects")
        if m.unit == "count" and not m.anchored and _PRODUCER.search(_strip_parens(v.between)):
            d.reject("products of one named producer")
        if m.unit == "count" and not m.anchored and not d.child and _NAMED_PRODUCER_AFTER.match(v.tail):
            d.reject("products of one named producer")    # "2 sản phẩm “…” của Công ty TNHH X"
        if m.metric == "products" and not m.anchored and v.i + 1 < len(self.mentions) \
                and _SUBJECT_LINK.match(v.tail) and self.mentions[v.i + 1].metric == "subjects":
            nxt = self.mentions[v.i + 1]               # "62 sản phẩm của 31 chủ thể tham gia Chương trình"
            after = self.s[nxt.end:(self.mentions[v.i + 2].start if v.i + 2 < len(self.mentions) else len(self.s))]
            after = re.split(r"[;.]|\btrong đó\b|\bgồm\b", after, maxsplit=1, flags=I)[0][:90]
            certified = _CERTIFIED.search(after) or cues.stars(self.s[m.end:nxt.start]) or (
                d.child and self.head is not None and not self.head.drop)   # "4 sản phẩm 5 sao của 448 chủ thể tham gia"
            if (_EXCL_PRODUCT.search(after) or re.search(r"đủ điều kiện", after, I)) and not certified:
                d.reject("an intake (products and their subjects entered a round)")
        if v.linked and self.drafts and self.drafts[-1].drop:
            d.reject("the subjects of products that are not a fact")
        if v.i == 0 and not d.child and _INTAKE_PREAMBLE.search(v.left) and not _CERTIFIED.search(v.tail_clause):
            # "các địa phương có nhiều sản phẩm tham gia là: huyện A (15 …)"
            d.reject("a list of products entered in a round")
        if _AVERAGE.search(v.left[-30:]) or _PER_UNIT.match(v.tail):
            d.reject("an average per unit")              # "bình quân 2 sản phẩm/huyện"

    def _stars(self, d: Draft, v: _View) -> None:
        s, m, ms = self.s, v.m, self.mentions
        st = cues.stars(v.star_tail)
        if not st:                                     # "… đạt hạng 4 sao nhất với 17 sản phẩm"
            before = _STARS_THEN_NEXT.search(v.between)
            if before and not re.search(r"\d", v.between[before.end():]):
                st = cues.stars(before.group(0))
        if st and _STAR_BLOCK.search(v.star_tail[: v.star_tail.find("sao")] if "sao" in v.star_tail else v.star_tail):
            d.reject("a star level not yet reached (potential, awaiting, proposed)")   # "tiềm năng 5 sao"
        if cues.below_three(v.star_tail):
            d.reject("1- or 2-star products, or a range that includes them")
        if st:
            d.stars, d.stars_explicit = st, True
        elif v.i + 1 < len(ms) and _SUBJECT_LINK.match(s[m.end:ms[v.i + 1].start]):
            # "10 sản phẩm của 8 chủ thể đạt 3 sao": the star phrase after the subjects
            nxt_tail = s[ms[v.i + 1].end:(ms[v.i + 2].start if v.i + 2 < len(ms) else len(s))]
            st2 = cues.stars(nxt_tail)
            if st2:
                d.stars, d.stars_explicit = st2, True
        head = self.head
        if not d.stars_explicit and d.child and head is not None and head.stars_explicit \
                and (not head.child or head.stars_inherited) and head.mention.unit == "count":
            d.stars, d.stars_explicit, d.stars_inherited = head.stars, True, True
            d.because("stars from the count it is a part of")
        if v.linked and self.drafts and self.drafts[-1].stars_explicit and not st:
            # "40 sản phẩm của 29 chủ thể đạt 3 sao": the producers of those products; but the producers of
            # a list by stars ("799 sản phẩm 3 sao, 199 … 4 sao và 4 … 5 sao của 448 chủ thể") are of all of it
            since = max([v.cstart] + [x.mention.end for x in self.drafts if x.mention.metric == "subjects"])
            levels = {x.stars for x in self.drafts if x.mention.metric == "products" and x.stars_explicit
                      and x.mention.start >= since}        # "41 … 4 sao của 10 chủ thể và 109 … 3 sao của 58 chủ thể"
            if len(levels) <= 1:
                d.stars, d.stars_explicit = self.drafts[-1].stars, True
        if m.anchored and "anchor" in m.extra:
            anchor = self._anchor(m)
            own = s[m.extra["anchor"].end:m.start]
            parts = _PARTS_SPLIT.search(own)
            st4 = cues.stars(own[parts.end():]) if parts else None
            if st4:                                    # "…, trong đó số sản phẩm 4 sao chiếm khoảng 15%"
                d.stars, d.stars_explicit = st4, True
            elif anchor:
                d.stars, d.stars_explicit = anchor.stars, anchor.stars_explicit
        elif m.anchored and "tyle" in m.extra:         # "tỷ lệ sản phẩm OCOP 4 sao … chiếm 33%"
            st3 = cues.stars(s[m.extra["tyle"]:m.start])
            if st3:
                d.stars, d.stars_explicit = st3, True

    def _comparator(self, d: Draft, v: _View) -> None:
        s, m, drafts = self.s, v.m, self.drafts
        comp = cues.comparator_before(s[max(self.prev_end, m.start - 40):m.start])
        if m.range_role == "low":
            d.comparator = "approx" if comp == "approx" else "gte"
        elif m.range_role == "high":
            low = drafts[-1] if drafts else None
            d.comparator = "approx" if low and low.comparator == "approx" else "lte"
        elif comp:
            d.comparator, d.comp_prefix = comp, True
        elif cues.TRO_LEN.search(v.tail) and not cues.stars(v.tail[:v.tail.find("trở lên")]):
            d.comparator = "gte"                       # "từ 120 sản phẩm OCOP trở lên"
        elif (drafts and not d.child and not drafts[-1].child and drafts[-1].comp_prefix
              and drafts[-1].mention.unit == m.unit and drafts[-1].comparator in ("gte", "gt", "approx")
              and len(v.between) < 45 and not re.search(r"\d", re.sub(r"\d\s*sao", "", v.between))):
            d.comparator = drafts[-1].comparator       # "ít nhất 40% …; 30% …": the word distributes
        if v.linked or m.denominator:
            d.comparator = "eq"

    def _kind(self, d: Draft, v: _View) -> None:
        m, doc = v.m, self.doc
        tpos = cues.target_cue(v.left)
        apos = max((x.end() for x in _ACTUAL_AFTER_TARGET.finditer(v.left) if x.start() >= v.cstart), default=-1)
        # "… cho 43/34 sản phẩm, đạt 126,5% kế hoạch": the denominator is the plan
        v.plan = v.plan or bool(m.denominator and _OF_PLAN_AFTER.match(v.tail))
        own_target = v.plan or (tpos is not None and tpos > apos)
        anchor = self._anchor(m)
        if d.child and self.head is not None:
            d.kind = "target" if (v.plan or cues.target_cue(v.between) is not None) else self.head.kind
        elif m.anchored and "anchor" in m.extra:
            d.kind = anchor.kind if anchor else ("target" if own_target else "actual")
        elif own_target:
            d.kind = "target"
        elif (self.continuation and doc.prev_kind == "target" or doc.list_target) and tpos is None and apos < 0:
            d.kind = "target"
        else:
            d.kind = "actual"

    def _increment(self, d: Draft, v: _View) -> None:
        s, m = self.s, v.m
        after = cues.increment_after(v.tail)
        if m.unit == "percent" and not m.anchored:
            cue = cues.increment_cue(s[v.cstart:m.start])
            d.increment = bool(after) or bool(cue is True and re.search(r"được công nhận năm|trong năm", v.tail, I))
        elif m.anchored and "anchor" in m.extra:
            anchor = self._anchor(m)
            d.increment = anchor.increment if anchor else False
        elif m.denominator:
            d.increment = v.plan                       # a plan for the period counts what it adds
        elif d.child and self.head is not None:
            own = cues.increment_cue(v.between)
            if after or (self.head.drop and cues.certified_event(v.left, v.tail)) or (
                    own is None and _CERTIFIED_IN_YEAR.search(v.tail_clause[:80])):
                d.increment = True                     # "Trong đó có 15 sản phẩm …, được công nhận" after an intake,
                                                       # "Cụ thể: 61 sản phẩm được chứng nhận năm 2023"
            elif own is None or (own is False and not _NEW_SUBJECT.search(v.between)):
                d.increment = self.head.increment
            else:
                d.increment = own
        else:
            cue = cues.increment_cue(v.left)
            if _UP_TO.search(v.left[-25:]):            # "… lên 312 sản phẩm": the total reached
                cue = False
            if after or (cue is None and cues.certified_event(v.left, self._predicate_tail(v))) or (
                    cues.TOTAL_AFTER.search(s[m.end:m.end + 200]) and d.kind == "target"):
                d.increment = True                     # "… thêm 246 …, nâng tổng số lên 395"
            elif cue is None:
                d.increment = bool(_CERTIFIED_IN_YEAR.search(v.tail_clause[:80])) and d.kind == "actual"
            else:
                d.increment = cue
            if v.linked and self.drafts:
                d.increment = self.drafts[-1].increment
            elif cue is None and not after and self.drafts and not self.drafts[-1].child \
                    and _LIST_ITEM.search(v.between) and any(v.m.start - len(v.between) <= p.start < v.m.start
                                                            for p in self.places):
                d.increment = self.drafts[-1].increment
        if v.plan and not d.increment and re.search(r"năm", v.left[-20:], I):
            d.increment = True                         # "kế hoạch năm (30 sản phẩm)"

    def _year(self, d: Draft, v: _View) -> None:
        m, doc, head, years = v.m, self.doc, self.head, self.years
        ys_left = [y for pos, y in years if pos < m.start]
        ys_tail = [y for pos, y in years if m.end <= pos < v.nxt]
        ys_next = [y for pos, y in years if m.end <= pos < m.end + min(len(v.tail_clause), 25)]
        if ys_next and not d.child:                    # "… lên 312 sản phẩm năm 2024"
            d.year, d.year_explicit = ys_next[0], True
        elif ys_left and (not d.child or any(pos >= self.prev_end for pos, _ in years if pos < m.start)):
            d.year, d.year_explicit = ys_left[-1], True
        elif ys_tail and not d.child:
            d.year, d.year_explicit = ys_tail[0], True
        elif d.child and head is not None and head.year is not None:
            d.year, d.year_explicit = head.year, head.year_explicit
        elif years:
            d.year, d.year_explicit = years[0][1], True
        elif self.every_year:
            d.year = None
        elif d.kind == "target":
            d.year = doc.year_target or doc.pub_year or doc.last_year
        elif d.increment or cues.TOTAL_AFTER.search(self.s[v.cstart:m.start]):
            # an addition, or the total it raised ("Qua đó, nâng tổng số … lên 611"): the round's year
            d.year = doc.year_actual or doc.round_year or doc.pub_year
        elif doc.asof_year and not cues.AS_OF_NOW.search(self.s[:m.start]):
            d.year = doc.asof_year                     # "đến cuối năm 2024, cả nước có …" frames the totals after it
        else:
            d.year = doc.pub_year or doc.year_actual
        if self.every_year and d.kind == "target" and not ys_left:
            d.year = None                              # "chỉ tiêu hàng năm": no single year

    def _area(self, d: Draft, v: _View) -> None:
        s, m, doc, drafts = self.s, v.m, self.doc, self.drafts
        clause_places = [p for p in self.places if v.cstart <= p.start < m.start and p.start not in self.claimed
                         and not _inside_closed_paren(s, p.start, m.start)]
        v.clause_places = clause_places
        post = next((p for p in self.places if m.end <= p.start <= m.end + 14 and p.level in ("district", "province")
                     and _OF_PLACE.match(s[m.end:p.start])), None)
        if post is not None and not m.denominator and not (m.anchored and "anchor" in m.extra):
            self.claimed.add(post.start)               # "17 sản phẩm của thành phố Yên Bái; 2 sản phẩm của …"
            d.area = doc.resolve(post)
            d.because("area named after the count")
        elif m.denominator:                              # "2.167/9.852 sản phẩm, chiếm 22% của cả nước"
            clause_end = min([c for c in self.clause_starts if c > m.start], default=len(s))
            national = re.search(r"cả nước|toàn quốc", s[v.cstart:clause_end], I)
            d.area = Area("national", None) if national else (drafts[-1].area if drafts else None)
        elif m.anchored and "anchor" in m.extra:
            anchor = self._anchor(m)
            d.area = anchor.area if anchor else None
        elif d.child and self.head is not None and not [p for p in clause_places if p.start >= self.prev_end]:
            d.area = self.head.area
        elif clause_places:
            last = clause_places[-1]
            if last.level == "region":
                d.reject("a region is not an area of a fact")   # "vùng Đồng bằng sông Hồng"
            d.area = doc.resolve(last)
            if last.level == "province-ref" and d.area is None:
                d.reject("'toàn tỉnh' of an article whose province is unknown")
            if last.level == "district-ref":           # "Thanh Sơn là huyện có …"
                named = [p for p in self.places if p.level == "district" and p.start < last.start]
                if named:
                    d.area = doc.resolve(named[-1])
            if _DISTRIBUTE.search(s[last.end:m.start]):  # "các huyện A, B, C mỗi huyện 4 sản phẩm"
                run = [p for p in clause_places if p.level == "district" and p.start >= self.prev_end]
                d.extra_areas = [doc.resolve(p) for p in run[:-1]]
        elif v.linked and drafts:
            d.area = drafts[-1].area
        else:
            kept_before = [x for x in drafts if not x.drop and x.area is not None]
            earlier = [p for p in self.places if p.start < v.cstart and p.level != "region"
                       and not _inside_closed_paren(s, p.start, m.start)]
            if kept_before:
                d.area = kept_before[-1].area
            elif _NATIONAL_COUNCIL.search(s[v.cstart:m.start]) or (
                    doc.national_council and _COUNCIL.search(s[v.cstart:m.start])):
                d.area = Area("national", None)        # "Hội đồng … cấp Trung ương đã công nhận 28 sản phẩm"
                d.because("area: the national council certifies")
                if not d.stars_explicit:               # the national tier is the 5-star level (FACTS: tiers)
                    d.stars, d.stars_explicit = (5, 5), True
            elif _NATIONAL_PROGRAMME.search(s[:m.start]):  # "Theo Quyết định 919/QĐ-TTg …, mục tiêu … 10.000 sản phẩm"
                d.area = Area("national", None)
                d.because("area: the national programme the sentence cites")
            elif earlier:
                d.area = doc.resolve(earlier[-1])
            else:
                d.area = doc.main
        if d.area is None:
            d.area = doc.main

    def _segment(self, d: Draft, v: _View) -> None:
        m = v.m
        anchor = self._anchor(m)
        if m.anchored and anchor is not None:
            d.segment = anchor.segment
        else:
            left = self.s[self.prev_end:m.start]
            # a part with an area of its own ("huyện A 7 sản phẩm mới") is that area's count, not a subset
            own_area = self.head is not None and d.area != self.head.area
            d.segment = segment_of(m.noun, left, v.tail, part=d.child and not own_area,
                                   paired_round=self.paired_round and not (d.child and own_area))
            if d.segment is None and d.child and self.head is not None and self.head.mention.metric == m.metric:
                d.segment = self.head.segment
            if v.linked and d.segment and self.drafts and self.drafts[-1].segment is None \
                    and self.drafts[-1].mention.metric == "products":
                self.drafts[-1].segment = d.segment         # "110 sản phẩm của 89 tổ hợp tác, hợp tác xã"
        if d.segment:
            d.because(f"segment «{d.segment}»")

    def _finish(self, d: Draft, v: _View) -> None:
        doc = self.doc
        if v.linked and self.drafts:
            prev = self.drafts[-1]
            d.kind, d.year, d.year_explicit = prev.kind, prev.year, prev.year_explicit
        # "Huyện A có …; Huyện B có …" continuing a district breakdown of a round: the same round
        if (not d.child and not d.increment and d.area is not None and d.area.level == "district"
                and doc.district_round and cues.increment_cue(v.left) is None and d.kind == "actual"):
            d.increment = True
        self.drafts.append(d)
        own_place = any(self.prev_end <= p.start < v.m.start for p in v.clause_places)
        opens_parts = _BREAKDOWN.match(v.tail[len(v.tail_clause):len(v.tail_clause) + 12].lstrip(" ,")
                                       if v.tail_clause else "")
        if not d.aside and (not d.child or own_place or opens_parts):
            self.head = d
        self.prev_end = v.m.end

    def _remember(self) -> None:
        """What the next sentence needs: heads, kind, years, open target lists, district rounds."""
        doc, s = self.doc, self.s
        kept = [d for d in self.drafts if not d.drop]
        ends_open = bool(re.search(r"[;:]\s*$", s))
        if kept:
            doc.district_round = all(x.area is not None and x.area.level == "district" and x.increment
                                     and x.kind == "actual" for x in kept)
        doc.open_target = (bool(kept) and kept[-1].kind == "target" and ends_open) or \
            (doc.list_target and not kept and ends_open)
        if re.search(r":\s*$", s) and kept and not kept[-1].child:
            doc.list_head = kept[-1]                   # the head of the bullet list that follows
        elif not self.bullet:
            doc.list_head = None
        if not kept:
            dropped = [d for d in self.drafts if not d.child and not d.aside and d.mention.unit == "count"]
            if dropped and _PARTICIPATION.search(s) and not re.search(r"tiềm năng", s, I):
                # "Trong đó, …" after an intake ("… tham gia Chương trình"): its parts are no facts
                doc.prev_heads = dropped[-1:]
            return
        heads = [d for d in kept if not d.child and not d.aside]
        doc.prev_heads = heads[-1:] or doc.prev_heads
        doc.prev_kind = kept[-1].kind
        for d in kept:
            if d.year_explicit and d.kind == "actual" and not d.increment and not d.child:
                doc.asof_year = d.year
            if d.year_explicit or d.year:
                if d.kind == "target":
                    doc.year_target = d.year or doc.year_target
                else:
                    doc.year_actual = d.year or doc.year_actual


def read_sentence(s: str, places: list[Place], doc: Doc, ocop_para: bool) -> list[Draft]:
    """Draft facts of one sentence (dropped ones included, with ``drop`` set)."""
    reader = SentenceReader(s, places, doc, ocop_para)
    return reader.read() if reader.mentions else []


def _strip_parens(text: str) -> str:
    return re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), text)


def _inside_closed_paren(s, pos, limit):
    """Is ``pos`` inside a parenthesis that closes before ``limit``?"""
    opened = s.rfind("(", 0, pos)
    if opened < 0:
        return False
    closed = s.find(")", opened)
    return closed != -1 and pos < closed < limit and s.rfind(")", 0, pos) < opened
