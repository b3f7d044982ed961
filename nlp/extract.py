"""The chain: normalise -> paragraphs -> candidate sentences -> mentions -> facts.

``extract_facts(text, title=, published=, url=, home_province=)`` returns the
OCOP facts an article states, one dict per fact with every FACTS.md field,
``province_2025`` and the evidence sentence's offsets in ``text``.

Each sentence that passes the cheap filter is split into counted mentions
(nlp.mentions). A mention after "trong đó", "gồm" or "(" is a *part* of the
count before it and inherits its area, kind, addition and year; every other
mention reads them from its own clause, then the sentence, then the article
(title, body, the source's home province, the publication date).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import areas, cues
from .mentions import Mention, find_mentions
from .normalize import normalize
from .places import Place, find_places
from .sentences import is_candidate, paragraphs, sentences

EXTRACTOR_VERSION = "1.0.0"
I = re.IGNORECASE

_OCOP = re.compile(r"ocop|\bsao\b|mỗi xã,? (?:phường )?một sản phẩm|công nhận|chứng nhận|phân hạng|đạt chuẩn", I)
_BREAKDOWN = re.compile(r"trong đó|trong số (?:này|đó)|bao gồm|\bgồm\b|\(|cụ thể|chia ra|riêng", I)
_CONTINUATION = re.compile(r"^\s*(?:trong đó|trong số (?:này|đó)|cụ thể|bao gồm|gồm|đồng thời|riêng|ngoài ra|trong cơ cấu)", I)
_PARTS_START = re.compile(r"^\s*(?:trong đó|trong số (?:này|đó)|bao gồm|gồm|trong cơ cấu)", I)
_NEW_SUBJECT = re.compile(r"lũy kế|luỹ kế|đến nay|tính đến|hiện nay|hiện có|^\s*năm \d{4}", I)
_PLAN_BEFORE = re.compile(r"(?:kế hoạch|KH|chỉ tiêu)(?:\s+năm)?(?:\s+\d{4})?\s*[(:]?\s*$", I)
_ACTUAL_AFTER_TARGET = re.compile(r"đến nay|hiện có|hiện nay|lũy kế|luỹ kế|đã (?:có|được|công nhận|chứng nhận|cấp)|tính đến|kết quả", I)
_EXCL_PRODUCT = re.compile(
    r"tiềm năng|tham gia(?!\s+(?:vào\s+)?(?:các\s+)?(?:kênh|sàn|hội chợ|hệ thống|thị trường|chuỗi|xúc tiến))|đăng ký|đề nghị|đề xuất|dự thi|\bchờ\b|\btrình\b|hết hạn|không đạt|chưa đạt|"
    r"(?<!kênh )đưa ra đánh giá|đưa vào đánh giá|hồ sơ|lựa chọn|được chọn|được đánh giá(?![^.;]{0,40}(?:phân hạng|xếp hạng|công nhận|chứng nhận))|"
    r"đang (?:hoàn thiện|đánh giá|xây dựng)", I)
_EXCL_SUBJECT = re.compile(r"tiềm năng", I)
_NOT_OCOP_PRODUCT = re.compile(r"^\s*(?:OCOP\s+)?(?:và\s+(?:nông sản|sản phẩm|đặc sản|hàng)|địa phương|nông sản|hàng hóa|hàng hoá|"
                               r"du lịch|công nghiệp|CNNT|tiêu biểu|đặc sản|khác)", I)
_PROPOSED = re.compile(r"(?:đề nghị|đề xuất|hồ sơ|trình|xin)\s+(?:công nhận|chứng nhận|xét|đánh giá|phân hạng)[^.;,]{0,20}$", I)
_EVALUATED_FOR = re.compile(r"(?:đánh giá|phân hạng|thẩm định|xét|chấm)(?:(?!công nhận|chứng nhận)[^.;]){0,50}\bcho\s*(?:các\s+)?$", I)
_PRODUCER = re.compile(r"\b(?:Công ty|HTX|Hợp tác xã|Doanh nghiệp|Cơ sở|Hộ kinh doanh|Tổ hợp tác|THT)\s+(?:[A-ZĐ]|TNHH|CP|Cổ phần)"
                       r"[^;]*?\b(?:có|với|đạt)\b(?![^;]*\btrong\s*$)")
_PARTICIPATION = re.compile(r"đăng ký|tham gia", I)
_CERTIFIED = re.compile(r"được (?:công nhận|chứng nhận|cấp)|đạt chuẩn|đạt (?:từ )?\d\s*sao", I)
_SUBJECT_LINK = re.compile(r"^\s*(?:,\s*)?(?:của|từ|thuộc)\s+(?:các\s+)?$", I)
_SUBJECT_OCOP = re.compile(r"^[^.;]{0,60}?(?:OCOP|tham gia (?:vào )?(?:chương trình|Chương trình)|có sản phẩm|được công nhận|đạt chuẩn)", I)
_DISTRIBUTE = re.compile(r"mỗi\s+(?:huyện|đơn vị|địa phương|thị xã|thành phố)", I)
_STARS_THEN_NEXT = re.compile(r"(?:từ\s+)?(?:hạng\s+)?0?[3-5]\s*(?:-\s*0?[3-5]\s*)?sao[^,;]{0,40}?(?:nhất\s+)?\b(?:với|cho|là)\s*(?:các\s+)?$", I)
_STAR_BLOCK = re.compile(r"tiềm năng|chờ|trình|đề nghị|dự thi|đăng ký", I)


@dataclass
class Area:
    level: str
    province: str | None
    district: str | None = None


@dataclass
class Draft:
    mention: Mention
    area: Area | None = None
    kind: str = "actual"
    increment: bool = False
    comparator: str = "eq"
    comp_prefix: bool = False
    stars: tuple = (3, 5)
    stars_explicit: bool = False
    year: int | None = None
    year_explicit: bool = False
    child: bool = False
    aside: bool = False
    drop: bool = False
    extra_areas: list = field(default_factory=list)


class _Doc:
    """What the article says about itself: its province, main area, dates, running context."""

    def __init__(self, title, body, published, home_province):
        self.pub_year = int(published[:4]) if published and re.match(r"\d{4}", str(published)) else None
        self.home = areas.find_province(home_province) if home_province else None
        self.province = None
        self.main = None
        self.last_district: Area | None = None
        self.last_city: Area | None = None
        self.year_actual = None
        self.year_target = None
        self.prev_heads: list[Draft] = []
        self.prev_kind = None
        self.open_target = False   # the last paragraph set targets and ended on ";" or ":"
        self.list_target = False
        self.district_round = False  # the last sentence gave district parts of a certification round


def _doc_province(title_places, body_places, home):
    for p in title_places:
        if p.level in ("province", "district") and p.province:
            return p.province
    counts = {}
    for i, p in enumerate(body_places):
        if p.level in ("province", "district") and p.province:
            counts[p.province] = counts.get(p.province, 0) + (3 if p.level == "province" else 1)
    if counts:
        return max(counts.items(), key=lambda kv: kv[1])[0]
    return home


def extract_facts(text, *, title=None, published=None, url=None, home_province=None):
    """Return the OCOP facts stated in an article (a list of FACTS.md dicts).

    ``text`` is the body (the title may also be its first line); ``published`` an
    ISO date or datetime string; ``home_province`` the source's home province.
    Each fact carries every FACTS.md field plus ``province_2025``,
    ``sent_start``/``sent_end`` (character offsets of the evidence in ``text``).
    """
    body = normalize(text or "")
    title = normalize(title or "").strip()
    paras = paragraphs(body)
    if title and not body.lstrip().startswith(title[:60]):
        paras = [(-1, title)] + paras
    if not paras:
        return []
    if not published and url:
        m = re.search(r"/(20[0-4]\d)/", url)
        published = m.group(1) if m else None
    doc = _Doc(title, body, published, home_province)
    first = paras[0][1]
    head_text = first if (paras[0][0] < 0 or (len(first) < 220 and not re.search(r"[.;]\s*$", first))) else ""
    title_places = find_places(head_text) if head_text else []
    place_cache = {}
    body_places = []
    for off, para in paras:
        if "OCOP" in para or "sản phẩm" in para or off == paras[0][0]:
            pl = find_places(para, None)
            place_cache[off] = pl
            body_places.extend(pl)
    doc.province = _doc_province(title_places, body_places, doc.home)
    if head_text and doc.province:   # bare district names need the province to be recognised
        title_places = find_places(head_text, doc.province) or title_places
    doc.main = Area("province", doc.province) if doc.province else Area("national", None)
    lead = title_places or next((pl for pl in place_cache.values() if pl), [])
    if lead and lead[0].level == "national":
        doc.main = Area("national", None)
    for p in title_places:
        if p.level == "district":
            doc.main = Area("district", p.province or doc.province, p.district)
            doc.last_district = doc.main
            if p.province and not doc.province:
                doc.province = p.province
            break
    facts = []
    cue = [bool(_OCOP.search(p)) for _, p in paras]
    for n, (off, para) in enumerate(paras):
        ocop_para = cue[n] or (n > 0 and cue[n - 1]) or (n + 1 < len(cue) and cue[n + 1])
        doc.list_target = doc.open_target
        doc.open_target = False
        if not is_candidate(para):
            _update_context(doc, find_places(para, doc.province))
            continue
        for s_off, sent in sentences(para):
            start = None if off < 0 else off + s_off
            places = find_places(sent, doc.province)
            if is_candidate(sent):
                drafts = _sentence_drafts(sent, places, doc, ocop_para)
                for d in drafts:
                    if not d.drop:
                        facts.extend(_emit(d, sent, start, headline=bool(head_text) and off == paras[0][0]))
            _update_context(doc, places)
            opening = cues.years(sent[:30])
            if opening and not doc.year_actual:
                doc.year_actual = opening[0][1]
    return _merge(facts)


def _update_context(doc, places):
    for p in places:
        if p.level == "district":
            doc.last_district = Area("district", p.province or doc.province, p.district)
            if areas.find_district(p.district, p.province) and areas.find_district(p.district, p.province).type == "Thành phố":
                doc.last_city = doc.last_district
        elif p.level == "province" and p.province in areas.CENTRAL_CITIES:
            doc.last_city = Area("province", p.province)


def _resolve(place: Place, doc) -> Area | None:
    if place.level == "national":
        return Area("national", None)
    if place.level == "province":
        return Area("province", place.province)
    if place.level == "district":
        return Area("district", place.province or doc.province, place.district)
    if place.level == "province-ref":
        return Area("province", doc.province) if doc.province else None
    if place.level == "district-ref":
        return doc.last_district or (doc.main if doc.main.level == "district" else None)
    if place.level == "city-ref":
        if doc.last_city:
            return doc.last_city
        if doc.province in areas.CENTRAL_CITIES:
            return Area("province", doc.province)
        return doc.main if doc.main.level == "district" else None
    return None


def _strip_parens(text: str) -> str:
    return re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), text)


def _sentence_drafts(s: str, places: list[Place], doc, ocop_para: bool) -> list[Draft]:
    mentions = find_mentions(s)
    if not mentions:
        return []
    clause_starts = [0] + [m.end() for m in re.finditer(r";", s)]

    def clause_of(pos):
        return max(c for c in clause_starts if c <= pos)

    sent_years = cues.years(s, doc.pub_year)
    every_year = bool(cues.EVERY_YEAR.search(s))
    continuation = bool(_CONTINUATION.match(s)) and doc.prev_heads
    parts = bool(_PARTS_START.match(s)) and doc.prev_heads
    drafts: list[Draft] = []
    head: Draft | None = doc.prev_heads[-1] if parts else None
    in_breakdown = bool(parts)
    prev_end = 0
    for i, m in enumerate(mentions):
        d = Draft(m)
        between = s[prev_end:m.start]
        nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(s)
        tail = s[m.end:nxt]
        if m.range_role == "low" and i + 1 < len(mentions):   # a range shares its noun phrase
            tail = s[mentions[i + 1].end:(mentions[i + 2].start if i + 2 < len(mentions) else len(s))]
        tail_clause = re.split(r"[,;()]", tail, maxsplit=1)[0]
        excl_tail = re.split(r"[;.]|\btrong đó\b|\bgồm\b|\bbao gồm\b", tail, maxsplit=1, flags=I)[0][:90]
        star_tail = re.split(r"\btrong đó\b|\btrong số\b|\bbao gồm\b|\bgồm\b", tail, maxsplit=1, flags=I)[0]
        sb = _STARS_THEN_NEXT.search(star_tail) if i + 1 < len(mentions) else None
        if sb:
            star_tail = star_tail[:sb.start()]
        left = s[:m.start]
        cstart = clause_of(m.start)
        # --- structure: part of a breakdown, an aside, a linked subject ------------
        if m.anchored or m.denominator:
            d.child = False
        elif _BREAKDOWN.search(between) and (head is not None):
            in_breakdown = True
            d.child = True
            if head.drop and not head.mention.unit == "percent":
                d.drop = True
        elif in_breakdown and head is not None and not _NEW_SUBJECT.search(between) and \
                not any(p.start >= prev_end and p.start < m.start and p.level in ("province", "national") for p in places):
            d.child = True
        else:
            in_breakdown = False
        plan = bool(_PLAN_BEFORE.search(left)) or m.plan
        d.aside = plan or m.anchored or m.denominator or bool(
            re.search(r"\b(?:tăng|giảm)\s*(?:thêm\s*)?$", left, I) or re.search(r"nâng tổng số[^,;]{0,60}$", left, I))
        linked = i > 0 and _SUBJECT_LINK.match(between) and mentions[i - 1].metric == "products" and m.metric == "subjects"
        # --- is it a fact at all? ---------------------------------------------------
        if m.metric == "products" and not m.anchored:
            if _EXCL_PRODUCT.search(excl_tail) or _NOT_OCOP_PRODUCT.search(tail) or not ocop_para:
                d.drop = True
            if _EVALUATED_FOR.search(left[-80:]) or _PROPOSED.search(left[-60:]) or (
                    i > 0 and _PARTICIPATION.search(between) and not _CERTIFIED.search(tail_clause)):
                d.drop = True
        if m.metric == "subjects" and not m.anchored:
            if _EXCL_SUBJECT.search(tail_clause[:40]):
                d.drop = True
            ok = (m.noun.lower() == "chủ thể" or linked or (d.child and head is not None)
                  or _SUBJECT_OCOP.search(tail) or "chủ thể" in left.lower())
            if not ok:
                d.drop = True
        if m.unit == "count" and not m.anchored and _PRODUCER.search(_strip_parens(between)):
            d.drop = True
        st = cues.stars(star_tail)
        if not st:
            sbefore = _STARS_THEN_NEXT.search(between)
            if sbefore and not re.search(r"\d", between[sbefore.end():]):
                st = cues.stars(sbefore.group(0))
        if st and _STAR_BLOCK.search(star_tail[: star_tail.find("sao")] if "sao" in star_tail else star_tail):
            d.drop = True
        # --- stars ------------------------------------------------------------------
        if st:
            d.stars, d.stars_explicit = st, True
        elif i + 1 < len(mentions) and _SUBJECT_LINK.match(s[m.end:mentions[i + 1].start]):
            nxt_tail = s[mentions[i + 1].end:(mentions[i + 2].start if i + 2 < len(mentions) else len(s))]
            st2 = cues.stars(nxt_tail)
            if st2:
                d.stars, d.stars_explicit = st2, True
        if linked and drafts and drafts[-1].stars_explicit and not st:
            d.stars, d.stars_explicit = drafts[-1].stars, True
        if m.anchored and "anchor" in m.extra:
            anchor = next((x for x in drafts if x.mention is m.extra["anchor"]), None)
            own = re.split(r"\btrong đó\b|\bgồm\b", s[m.extra["anchor"].end:m.start], maxsplit=1, flags=I)
            st4 = cues.stars(own[1]) if len(own) > 1 else None
            if st4:       # "…, trong đó số sản phẩm 4 sao chiếm khoảng 15%"
                d.stars, d.stars_explicit = st4, True
            elif anchor:
                d.stars, d.stars_explicit = anchor.stars, anchor.stars_explicit
        elif m.anchored and "tyle" in m.extra:
            st3 = cues.stars(s[m.extra["tyle"]:m.start])
            if st3:
                d.stars, d.stars_explicit = st3, True
        # --- comparator ----------------------------------------------------------------
        comp = cues.comparator_before(s[max(prev_end, m.start - 40):m.start])
        if m.range_role == "low":
            d.comparator = "approx" if comp == "approx" else "gte"
        elif m.range_role == "high":
            low = drafts[-1] if drafts else None
            d.comparator = "approx" if low and low.comparator == "approx" else "lte"
        elif comp:
            d.comparator, d.comp_prefix = comp, True
        elif cues.TRO_LEN.search(tail) and not cues.stars(tail[:tail.find("trở lên")]):
            d.comparator = "gte"
        elif drafts and not d.child and not drafts[-1].child and drafts[-1].comp_prefix \
                and drafts[-1].mention.unit == m.unit and drafts[-1].comparator in ("gte", "gt", "approx") \
                and len(between) < 45 and not re.search(r"\d", re.sub(r"\d\s*sao", "", between)):
            d.comparator = drafts[-1].comparator
        if linked or m.denominator:
            d.comparator = "eq" if linked or m.denominator else d.comparator
        # --- kind -----------------------------------------------------------------------
        tpos = cues.target_cue(left)
        apos = max((x.end() for x in _ACTUAL_AFTER_TARGET.finditer(left) if x.start() >= cstart), default=-1)
        own_target = plan or (tpos is not None and tpos > apos)
        if d.child and head is not None:
            own_between_target = cues.target_cue(between) is not None
            d.kind = "target" if (plan or own_between_target) else head.kind
        elif m.anchored and "anchor" in m.extra:
            anchor = next((x for x in drafts if x.mention is m.extra["anchor"]), None)
            d.kind = anchor.kind if anchor else ("target" if own_target else "actual")
        elif own_target:
            d.kind = "target"
        elif (continuation and doc.prev_kind == "target" or doc.list_target) and tpos is None and apos < 0:
            d.kind = "target"
        else:
            d.kind = "actual"
        # --- increment ------------------------------------------------------------------
        after = cues.increment_after(tail)
        if m.unit == "percent" and not m.anchored:
            cue = cues.increment_cue(s[cstart:m.start])
            d.increment = bool(after) or bool(cue is True and re.search(r"được công nhận năm|trong năm", tail, I))
        elif m.anchored and "anchor" in m.extra:
            anchor = next((x for x in drafts if x.mention is m.extra["anchor"]), None)
            d.increment = anchor.increment if anchor else False
        elif m.denominator:
            d.increment = False
        elif d.child and head is not None:
            own = cues.increment_cue(between)
            d.increment = True if after else (head.increment if own is None or own is False and not _NEW_SUBJECT.search(between) else own)
        else:
            cue = cues.increment_cue(left)
            if after or (cue is None and cues.certified_event(left, tail)) or \
                    cues.TOTAL_AFTER.search(s[m.end:m.end + 200]) and d.kind == "target":
                d.increment = True
            elif cue is None:
                d.increment = bool(re.search(r"năm \d{4}|trong năm", tail_clause[:60], I)) and d.kind == "actual"
            else:
                d.increment = cue
            if linked and drafts:
                d.increment = drafts[-1].increment
        if plan:
            d.increment = True if d.increment or re.search(r"năm", left[-20:], I) else d.increment
        # --- year -----------------------------------------------------------------------
        ys_left = [y for pos, y in sent_years if pos < m.start]
        ys_tail = [y for pos, y in sent_years if m.end <= pos < nxt]
        if ys_left and (not d.child or any(pos >= prev_end for pos, _ in sent_years if pos < m.start)):
            d.year, d.year_explicit = ys_left[-1], True
        elif ys_tail and not d.child:
            d.year, d.year_explicit = ys_tail[0], True
        elif d.child and head is not None and head.year is not None:
            d.year, d.year_explicit = head.year, head.year_explicit
        elif sent_years:
            d.year, d.year_explicit = sent_years[0][1], True
        elif every_year:
            d.year = None
        elif d.kind == "target":
            d.year = doc.year_target or doc.pub_year
        else:
            d.year = doc.pub_year or doc.year_actual
        if every_year and d.kind == "target" and not ys_left:
            d.year = None
        # --- area -----------------------------------------------------------------------
        clause_places = [p for p in places if cstart <= p.start < m.start
                         and not _inside_closed_paren(s, p.start, m.start)]
        if m.denominator:
            clause_txt = s[cstart: (min([c for c in clause_starts if c > m.start], default=len(s)))]
            d.area = Area("national", None) if re.search(r"cả nước|toàn quốc", clause_txt, I) else None
            if d.area is None and drafts:
                d.area = drafts[-1].area
        elif m.anchored and "anchor" in m.extra:
            anchor = next((x for x in drafts if x.mention is m.extra["anchor"]), None)
            d.area = anchor.area if anchor else None
        elif d.child and head is not None and not [p for p in clause_places if p.start >= prev_end]:
            d.area = head.area
        elif clause_places:
            last = clause_places[-1]
            if last.level == "region":
                d.drop = True
            d.area = _resolve(last, doc)
            if last.level == "district-ref":
                named = [p for p in places if p.level == "district" and p.start < last.start]
                if named:
                    d.area = _resolve(named[-1], doc)
            if _DISTRIBUTE.search(s[last.end:m.start]):
                run = [p for p in clause_places if p.level == "district"]
                d.extra_areas = [_resolve(p, doc) for p in run[:-1]]
        elif linked and drafts:
            d.area = drafts[-1].area
        else:
            earlier = [p for p in places if p.start < cstart and p.level not in ("region",)
                       and not _inside_closed_paren(s, p.start, m.start)]
            kept_before = [x for x in drafts if not x.drop and x.area is not None]
            if kept_before:
                d.area = kept_before[-1].area
            elif earlier:
                d.area = _resolve(earlier[-1], doc)
            else:
                d.area = doc.main if doc.main else None
        if d.area is None:
            d.area = doc.main
        if linked and drafts:
            d.kind, d.year, d.year_explicit = drafts[-1].kind, drafts[-1].year, drafts[-1].year_explicit
        # "Huyện A có …; Huyện B có …" continued from a district breakdown of a round: same round
        if (not d.child and not d.increment and d.area is not None and d.area.level == "district"
                and doc.district_round and cues.increment_cue(left) is None and d.kind == "actual"):
            d.increment = True
        drafts.append(d)
        own_place = any(prev_end <= p.start < m.start for p in clause_places)
        if not d.aside and (not d.child or own_place or _BREAKDOWN.match(tail_clause and tail[len(tail_clause):len(tail_clause) + 12].lstrip(" ,") or "")):
            head = d
        prev_end = m.end
    kept = [d for d in drafts if not d.drop]
    if kept:
        doc.district_round = all(x.area is not None and x.area.level == "district" and x.increment
                                 and x.kind == "actual" for x in kept)
    doc.open_target = bool(kept) and kept[-1].kind == "target" and bool(re.search(r"[;:]\s*$", s)) or \
        (doc.list_target and not kept and bool(re.search(r"[;:]\s*$", s)))
    if kept:
        heads = [d for d in kept if not d.child and not d.aside]
        doc.prev_heads = heads[-1:] or doc.prev_heads
        doc.prev_kind = kept[-1].kind
        for d in kept:
            if d.year_explicit or d.year:
                if d.kind == "target":
                    doc.year_target = d.year or doc.year_target
                else:
                    doc.year_actual = d.year or doc.year_actual
    return drafts


def _inside_closed_paren(s, pos, limit):
    """Is ``pos`` inside a parenthesis that closes before ``limit``?"""
    opened = s.rfind("(", 0, pos)
    if opened < 0:
        return False
    closed = s.find(")", opened)
    return closed != -1 and pos < closed < limit and s.rfind(")", 0, pos) < opened


def _emit(d: Draft, sent: str, start, headline=False):
    out = []
    for area in [d.area] + list(d.extra_areas):
        if area is None:
            continue
        level = area.level
        province = area.province if level != "national" else None
        district = area.district if level == "district" else None
        if level in ("province", "district") and not province:
            continue
        value = d.mention.value
        out.append({
            "level": level, "province": province, "district": district,
            "metric": d.mention.metric, "unit": d.mention.unit, "kind": d.kind,
            "increment": bool(d.increment), "value": value, "comparator": d.comparator,
            "stars_min": d.stars[0], "stars_max": d.stars[1], "year": d.year,
            "evidence": sent,
            "province_2025": areas.province_2025(province) if province else None,
            "sent_start": start, "sent_end": None if start is None else start + len(sent),
            "_explicit": (d.stars_explicit, d.comparator != "eq", d.year_explicit), "_headline": headline,
        })
    return out


def _merge(facts):
    """One fact per figure: repeated statements merge into the most specific one.

    Body sentences are merged first; a headline figure then folds into the body
    fact with the same area, metric, unit and value (the body says more: its
    target or addition cue, its star range), or stands alone if the body lacks it.
    """
    key = lambda f: (f["level"], f["province"], f["district"], f["metric"], f["unit"], f["kind"], f["value"])
    loose = lambda f: (f["level"], f["province"], f["district"], f["metric"], f["unit"], f["value"])
    body = [f for f in facts if not f["_headline"]]
    title = [f for f in facts if f["_headline"]]
    out = []
    for f in body:
        same = [g for g in out if key(g) == key(f)]
        target = next((g for g in same if (g["stars_min"], g["stars_max"]) == (f["stars_min"], f["stars_max"])), None)
        if target is None:
            # the same figure with and without a star range, stated in different sentences
            target = next((g for g in same if g["evidence"] != f["evidence"]
                           and (not g["_explicit"][0] or not f["_explicit"][0])
                           and f["value"] >= 10 and f["increment"] == g["increment"]), None)
        if target is None:
            out.append(f)
        else:
            _specialise(target, f)
    for f in title:
        target = next((g for g in out if loose(g) == loose(f) and (
            (g["stars_min"], g["stars_max"]) == (f["stars_min"], f["stars_max"])
            or not g["_explicit"][0] or not f["_explicit"][0])), None)
        if target is None:
            out.append(f)
        else:
            _specialise(target, f)
    for f in out:
        f.pop("_explicit", None)
        f.pop("_headline", None)
    return out


def _specialise(target, f):
    """Give ``target`` whatever ``f`` states more precisely: stars, comparator, year."""
    stars, comp, year = target["_explicit"]
    if f["_explicit"][0] and not stars:
        target.update(stars_min=f["stars_min"], stars_max=f["stars_max"])
        stars = True
    if f["_explicit"][1] and not comp:
        target["comparator"] = f["comparator"]
        comp = True
    if f["_explicit"][2] and not year:
        target["year"] = f["year"]
        year = True
    target["_explicit"] = (stars, comp, year)
