"""Area mentions in a sentence: provinces, districts, "toàn tỉnh", "cả nước", regions.

``find_places(sentence, province=...)`` returns ``Place`` objects in text order.
A place is ``level`` national/province/district/region, or a *reference*
("toàn tỉnh", "huyện", "thành phố") that the caller resolves against the
article's province and the last district or city it named.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import areas
from .normalize import canonical_tones, name_key

_SYL = r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ][\wÀ-ỹ']*"
_NAME = rf"{_SYL}(?:(?:\s+|\s*-\s*){_SYL}){{0,3}}"
_PREFIX = re.compile(
    rf"\b(?P<p>(?i:tỉnh|thành phố|tp\.?|huyện|thị xã|tx\.?|quận|thị trấn|xã|phường))\s*(?P<n>{_NAME})")
_BARE = re.compile(rf"(?<![\w])(?P<n>TP\.\s?HCM|TPHCM|BR-VT|{_NAME})")
_REFS = [
    (re.compile(r"\b(?:cả nước|toàn quốc|trên toàn quốc|cấp quốc gia toàn quốc|Việt Nam có)\b", re.I), "national"),
    (re.compile(r"\b(?:toàn|địa bàn|cả|của)\s+tỉnh\b(?!\s+(?-i:[A-ZĐ]))|^\s*(?:Tỉnh|tỉnh)\b|\btỉnh\s+(?=đã|có|phấn đấu|đặt|đề ra|sẽ|hiện|vừa|công nhận|tổ chức)", re.I), "province-ref"),
    (re.compile(r"\b(?:toàn|địa bàn|cả)\s+huyện\b|^\s*Huyện\b(?!\s+(?-i:[A-ZĐ]))|\bhuyện\s+(?=đã|có|phấn đấu|đặt|sẽ|hiện|vừa)", re.I), "district-ref"),
    (re.compile(r"\b(?:toàn|địa bàn|cả)\s+(?:thành phố|thị xã)\b|(?<![\w])(?:Thành phố|thành phố|TP|thị xã)\s+(?=đã|có|phấn đấu|đặt|sẽ|hiện|vừa|công nhận)", re.I), "city-ref"),
    (re.compile(r"\b(?:vùng|khu vực|miền)\s+(?:Đồng bằng|đồng bằng|Tây Nguyên|Đông Nam Bộ|Bắc Trung Bộ|duyên hải|trung du|miền núi|Tây Bắc|Đông Bắc|ĐBSCL|Nam Bộ)|\bĐBSCL\b|Đồng bằng sông (?:Hồng|Cửu Long)", re.I), "region"),
]


_REF_WORDS = [("cả nước", "quốc", "việt nam"), ("tỉnh",), ("huyện",), ("thành phố", "thị xã", "tp"),
              ("vùng", "khu vực", "miền", "đbscl", "đồng bằng")]   # a word each pattern of _REFS needs

_ORG = re.compile(r"\b(?:Công ty|công ty|HTX|Hợp tác xã|hợp tác xã|Doanh nghiệp|Tổ hợp tác|Cơ sở|cơ sở)"
                  r"(?:\s+(?!(?:là|có|được|đạt|tại|ở|với|của|thuộc|và|đã|vừa|trong|cho|sản xuất|huyện|tỉnh|xã)\b)[\wÀ-ỹ&.'-]+){1,8}")
_COMPLEMENT = re.compile(r"(?:OCOP|trong|nhất|cho|với|khắp|đầu|%)\s+$|%\s+của\s+$", re.I)


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    level: str            # national | province | district | region | province-ref | district-ref | city-ref
    province: str | None = None
    district: str | None = None


@lru_cache(maxsize=4096)
def _district(name: str, province: str | None):
    found = areas.districts_named(name)
    local = [d for d in found if d.province == province] if province else []
    return (local or found or [None])[0], bool(local)


def _prefix_place(m, province):
    p = m["p"].lower().rstrip(".")
    words, start = m["n"], m.start("n")
    # try the longest gazetteer name first
    parts = re.split(r"(\s+|\s*-\s*)", words)
    syl = parts[0::2]
    if len(syl) > 1 and _ACRONYM.fullmatch(syl[0]) and not all(_ACRONYM.fullmatch(x) for x in syl):
        start += len(syl[0]) + len(parts[1])   # "huyện UBND Krông Pa": an organisation's acronym is no name
        parts, syl = parts[2:], syl[1:]
    for k in range(len(syl), 0, -1):
        cand = "".join(parts[: 2 * k - 1])
        end = start + len(cand)
        if p == "tỉnh":
            prov = areas.find_province(cand)
            if prov:
                return Place(m.start(), end, "province", prov)
        elif p in ("thành phố", "tp"):
            prov = areas.find_province(cand)
            if prov and prov in areas.CENTRAL_CITIES | {"Thừa Thiên Huế"} and not (prov == "Thừa Thiên Huế" and province == "Thừa Thiên Huế" and name_key(cand) == "hue"):
                return Place(m.start(), end, "province", prov)
            d, _ = _district(cand, province)
            if d:
                return Place(m.start(), end, "district", d.province, canonical_tones(cand))
        elif p in ("huyện", "thị xã", "tx", "quận"):
            d, _ = _district(cand, province)
            if d:
                return Place(m.start(), end, "district", d.province, canonical_tones(cand))
    if p in ("huyện", "thị xã", "tx") and len(syl) >= 2:   # not in the gazetteer: keep the name as written
        cand = "".join(parts[:3])
        return Place(m.start(), start + len(cand), "district", province, canonical_tones(cand))
    return None


_ACRONYM = re.compile(r"[A-ZĐ]{2,}")
_WIDGET = re.compile(r"\s*[:\-–]?\s*-?\d+(?:[.,]\d+)?\s*(?:°|º|độ C\b|℃)")


def find_places(sentence: str, province: str | None = None) -> list[Place]:
    """Area mentions in ``sentence``; ``province`` is the article's province (for bare district names)."""
    return list(_find_places(sentence, province))


@lru_cache(maxsize=1024)   # a one-sentence paragraph is read twice: for the article's province, then for its facts
def _find_places(sentence: str, province: str | None) -> tuple[Place, ...]:
    out: list[Place] = []
    taken: list[tuple[int, int]] = []

    def free(a, b):
        return all(b <= x or a >= y for x, y in taken)

    for m in _PREFIX.finditer(sentence):
        if m["p"].lower() in ("xã", "phường", "thị trấn"):
            taken.append((m.start(), m.end()))   # communes are not areas of a fact
            continue
        place = _prefix_place(m, province)
        if place:
            out.append(place)
            taken.append((place.start, place.end))
    lower = sentence.lower()
    for (pattern, level), words in zip(_REFS, _REF_WORDS):
        if not any(w in lower for w in words):
            continue                              # the cheap test first: most sentences name no reference
        for m in pattern.finditer(sentence):
            if level in ("national", "province-ref") and not m.group(0).lower().startswith("của") and _COMPLEMENT.search(sentence[max(0, m.start() - 12):m.start()]):
                continue   # "chương trình OCOP toàn tỉnh", "22% của cả nước": not the subject
            if free(m.start(), m.end()):
                out.append(Place(m.start(), m.end(), level))
                taken.append((m.start(), m.end()))
    for m in _ORG.finditer(sentence):          # "Công ty CP Nông nghiệp Hương Sơn" names a firm, not an area
        taken.append((m.start(), m.end()))
    for m in _BARE.finditer(sentence):
        words = m["n"]
        parts = re.split(r"(\s+|\s*-\s*)", words)
        syl = parts[0::2]
        for k in range(len(syl), 0, -1):
            cand = "".join(parts[: 2 * k - 1])
            a, b = m.start(), m.start() + len(cand)
            if not free(a, b):
                continue
            prov = areas.find_province(cand) if (k > 1 or cand in ("Huế", "TPHCM", "BR-VT") or cand.startswith("TP")) else None
            if prov:
                out.append(Place(a, b, "province", prov))
                taken.append((a, b))
                break
            if k > 1 and province:
                d, local = _district(cand, province)
                if d and local:
                    out.append(Place(a, b, "district", province, canonical_tones(cand)))
                    taken.append((a, b))
                    break
    out.sort(key=lambda p: p.start)
    return tuple(p for p in out if not _WIDGET.match(sentence, p.end))   # "Hà Nội 20°C": a weather widget
