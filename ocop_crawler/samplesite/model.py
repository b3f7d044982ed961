"""Data model of the sample site: outlets, articles and hand-annotated facts.

The article texts and their facts live in ``articles_*.py`` beside this module;
this module only defines the records and the helpers that build them.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

#: province -> province on the 34-province map in force since 1 July 2025
#: (checked against vietnamadminunits' converter_2025.json).
PROVINCE_2025 = {
    "Hà Tĩnh": "Hà Tĩnh", "Thanh Hóa": "Thanh Hóa", "Lào Cai": "Lào Cai", "Yên Bái": "Lào Cai",
    "Quảng Ninh": "Quảng Ninh", "Bắc Giang": "Bắc Ninh", "Bến Tre": "Vĩnh Long",
    "Hà Nội": "Hà Nội", "Nghệ An": "Nghệ An", "Sơn La": "Sơn La", "Đắk Nông": "Lâm Đồng",
    "Hà Giang": "Tuyên Quang", "Quảng Bình": "Quảng Trị", "Tiền Giang": "Đồng Tháp",
    "Hải Dương": "Hải Phòng", "Thái Bình": "Hưng Yên", "Lâm Đồng": "Lâm Đồng",
}


VN_TZ = timezone(timedelta(hours=7))


def vn_now() -> datetime:
    """The current wall-clock time in Vietnam (naive), the clock the sample pages use."""
    return datetime.now(VN_TZ).replace(tzinfo=None, second=0, microsecond=0)


def nfc(s):
    return unicodedata.normalize("NFC", s) if isinstance(s, str) else s


@dataclass(frozen=True)
class Outlet:
    name: str           # registry name, e.g. "sample-hatinh"
    title: str          # "Báo Hà Tĩnh (mẫu)"
    province: str | None
    layout: str         # "A".."E"
    page_size: int = 5  # items per listing page
    feed_path: str = "/rss.xml"
    sitemap_index: bool = True
    categories: tuple = ("ocop", "nong-nghiep", "giao-thong", "thoi-tiet", "van-hoa")


CATEGORY_NAMES = {
    "ocop": "OCOP", "nong-nghiep": "Nông nghiệp", "giao-thong": "Giao thông",
    "thoi-tiet": "Thời tiết", "van-hoa": "Văn hóa", "ban-thao": "Bản thảo",
}


@dataclass
class Fact:
    evidence: str
    value: float
    metric: str = "products"
    unit: str = "count"
    kind: str = "actual"
    increment: bool = False
    comparator: str = "eq"
    stars: tuple = (3, 5)
    year: int | None = None
    level: str = "province"
    province: str | None = ""      # "" = the article's province
    district: str | None = None
    segment: str | None = None     # the subset counted (FACTS.md): "hợp tác xã", "nâng hạng"

    def as_dict(self, article_province):
        province = article_province if self.province == "" else self.province
        if self.level == "national":
            province = None
        v = self.value
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return {
            "level": self.level, "province": nfc(province),
            "district": nfc(self.district) if self.level == "district" else None,
            "metric": self.metric, "unit": self.unit, "kind": self.kind,
            "increment": self.increment, "value": v, "comparator": self.comparator,
            "stars_min": self.stars[0], "stars_max": self.stars[1], "year": self.year,
            "segment": nfc(self.segment), "evidence": nfc(self.evidence),
            "province_2025": PROVINCE_2025[province] if province else None,
        }


@dataclass
class Article:
    site: str
    id: int
    cat: str
    slug: str
    published: str | None       # "YYYY-MM-DD HH:MM" (Vietnam time); None = shown as "2 giờ trước"
    title: str
    sapo: str
    body: list
    author: str = ""
    province: str | None = None  # the province the article is about (for "toàn tỉnh")
    ocop: bool = False
    facts: list = field(default_factory=list)
    tags: tuple = ()
    amp: bool = False
    private: bool = False
    syndicated_from: str | None = None
    source_line: str = ""        # "Nguồn: Báo Hà Tĩnh" on syndicated copies

    @property
    def path(self):
        prefix = "/private" if self.private else ""
        return f"{prefix}/{self.cat}/{self.slug}-{self.id}.html"

    @property
    def amp_path(self):
        return f"/amp/{self.cat}/{self.slug}-{self.id}.html"

    @property
    def key(self):
        return f"{self.site}/{self.slug}-{self.id}"

    def when(self, now: datetime | None = None) -> datetime:
        if self.published is None:
            base = (now or vn_now()).replace(second=0, microsecond=0)
            return base - timedelta(hours=2)
        return datetime.strptime(self.published, "%Y-%m-%d %H:%M")

    def text(self):
        """Title + body as plain text, paragraphs joined by newlines (the gold ``text``)."""
        parts = [self.title, self.sapo, *self.body]
        return nfc("\n".join(p for p in parts if p))
