"""What an article says about itself, and what the reader remembers between sentences.

``Doc`` holds the article's province (headline, body, then the source's home
province), its main area (a district when the headline names one, the nation
when the headline or lead speaks of the whole country), the publication year,
and the running context: the last district and city named, the last years of
actual and target figures, the heads of the last breakdown.
``Doc.resolve(place)`` turns a place mention — including "toàn tỉnh",
"huyện", "thành phố" — into an ``Area``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import areas
from .places import Place


@dataclass
class Area:
    level: str                  # national | province | district
    province: str | None
    district: str | None = None


class Doc:
    def __init__(self, published=None, home_province=None):
        self.pub_year = int(published[:4]) if published and re.match(r"\d{4}", str(published)) else None
        self.home = areas.find_province(home_province) if home_province else None
        self.province: str | None = None
        self.named_province = False
        self.list_head = None              # the count a bullet list breaks down ("… 80 chủ thể:")        # does the text itself name the province?
        self.main: Area = Area("national", None)
        self.last_district: Area | None = None
        self.last_city: Area | None = None
        self.year_actual: int | None = None
        self.year_target: int | None = None
        self.round_year: int | None = None   # the first year stated beside a certification round
        self.asof_year: int | None = None     # the year a running total was stated as of ("đến cuối năm 2024")
        self.national_council = False         # the text named the national (5-star) council
        self.last_year: int | None = None    # undated articles: the last year the text named
        self.prev_heads: list = []         # heads of the last sentence's counts ("Trong đó, ..." continues them)
        self.prev_kind: str | None = None
        self.open_target = False           # the last paragraph set targets and ended on ";" or ":"
        self.list_target = False           # ... so this paragraph's list items are targets too
        self.district_round = False        # the last sentence gave district parts of a certification round

    def settle(self, title_places: list[Place], lead_places: list[Place]) -> None:
        """Choose the main area: a district the headline names, else the nation when the
        headline or lead speaks of the whole country first, else the article's province."""
        self.main = Area("province", self.province) if self.province else Area("national", None)
        lead = title_places or lead_places
        if lead and lead[0].level == "national":
            self.main = Area("national", None)
        for p in title_places or self._lead_district(lead_places):
            if p.level == "district":
                self.main = Area("district", p.province or self.province, p.district)
                self.last_district = self.main
                self.province = self.province or p.province
                break

    @staticmethod
    def _lead_district(lead_places: list[Place]) -> list[Place]:
        """The district a headline-less lead is about ("UBND huyện Krông Pa vừa trao …"),
        when the lead names no province and no other district."""
        if lead_places and lead_places[0].level == "district" \
                and all(p.level == "district" and p.district == lead_places[0].district for p in lead_places):
            return lead_places[:1]
        return []

    def note_years(self, years: list[tuple[int, int]]) -> None:
        """An undated article: remember the last year the text named (``cues.years`` output)."""
        if self.pub_year is None and years:
            self.last_year = years[-1][1]

    def remember(self, places: list[Place]) -> None:
        """Keep the last district and city named, for "huyện"/"thành phố" later on."""
        for p in places:
            if p.level == "district":
                self.last_district = Area("district", p.province or self.province, p.district)
                d = areas.find_district(p.district, p.province)
                if d and d.type == "Thành phố":
                    self.last_city = self.last_district
            elif p.level == "province" and p.province in areas.CENTRAL_CITIES:
                self.last_city = Area("province", p.province)

    def resolve(self, place: Place) -> Area | None:
        """The area a place mention stands for (None for a region or an unresolved reference)."""
        if place.level == "national":
            return Area("national", None)
        if place.level == "province":
            return Area("province", place.province)
        if place.level == "district":
            return Area("district", place.province or self.province, place.district)
        if place.level == "province-ref":
            return Area("province", self.province) if self.province else None
        if place.level == "district-ref":
            return self.last_district or (self.main if self.main.level == "district" else None)
        if place.level == "city-ref":
            if self.last_city:
                return self.last_city
            if self.province in areas.CENTRAL_CITIES:
                return Area("province", self.province)
            return self.main if self.main.level == "district" else None
        return None


def doc_province(title_places, body_places, home):
    """The article's province: the headline's, else the body's most named, else the source's."""
    for p in title_places:
        if p.level in ("province", "district") and p.province:
            return p.province
    counts: dict[str, int] = {}
    for p in body_places:
        if p.level in ("province", "district") and p.province:
            counts[p.province] = counts.get(p.province, 0) + (3 if p.level == "province" else 1)
    if counts:
        return max(counts.items(), key=lambda kv: kv[1])[0]
    return home
