"""The bundled offline sample of Vietnamese provincial news, served on loopback.

    >>> from ocop_crawler import samplesite
    >>> with samplesite.start() as sites:
    ...     sites.urls            # {"sample-hatinh": "http://127.0.0.1:41234", ...}
    ...     sites.requests        # [(site_name, path_with_query), ...] served so far
    >>> samplesite.gold_path()    # hand-annotated facts of every article (FACTS.md format)
    >>> samplesite.manifest()     # one dict per served article page

Five outlets with different layouts (see docs/samplesite.md). The article texts and
their hand-written facts live in ``articles_*.py``; ``gold.jsonl`` is written from
them by ``python -m ocop_crawler.samplesite.build_gold``.
"""
from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from pathlib import Path

from .model import Article, Fact, Outlet, vn_now

__all__ = ["OUTLETS", "Article", "Fact", "Outlet", "articles", "gold_path", "manifest", "outlets", "start"]

OUTLETS = (
    Outlet("sample-hatinh", "Báo Hà Tĩnh (mẫu)", "Hà Tĩnh", "A", page_size=3),
    Outlet("sample-thanhhoa", "Báo Thanh Hóa (mẫu)", "Thanh Hóa", "B", page_size=4),
    Outlet("sample-laocai", "Báo Lào Cai (mẫu)", "Lào Cai", "C", page_size=4, feed_path="/rss"),
    Outlet("sample-nongthon", "Nông thôn mới (mẫu)", None, "D", page_size=4, sitemap_index=False),
    Outlet("sample-tonghop", "Tin tổng hợp (mẫu)", None, "E", page_size=4,
           categories=("ocop", "thoi-tiet", "van-hoa")),
)


def outlets() -> dict:
    return {o.name: o for o in OUTLETS}


@lru_cache(maxsize=1)
def articles() -> tuple:
    """Every article page of every outlet (public, private and syndicated copies)."""
    from . import articles_hatinh, articles_laocai, articles_nongthon, articles_thanhhoa, articles_tonghop
    arts = []
    for mod in (articles_hatinh, articles_thanhhoa, articles_laocai, articles_nongthon, articles_tonghop):
        arts.extend(mod.ARTICLES)
    names = outlets()
    seen = set()
    for a in arts:
        if a.site not in names:
            raise ValueError(f"article {a.key}: unknown outlet {a.site!r}")
        if (a.site, a.id) in seen:
            raise ValueError(f"duplicate article id {a.site}/{a.id}")
        seen.add((a.site, a.id))
        if a.cat not in names[a.site].categories and not a.private:
            raise ValueError(f"article {a.key}: category {a.cat!r} not served by {a.site}")
    return tuple(arts)


def start(host: str = "127.0.0.1", now: datetime | None = None):
    """Start every sample outlet on its own free port of ``host``; returns a ``SampleSites``.

    Use it as a context manager, or call ``.stop()``.
    """
    from .server import SampleSites
    return SampleSites(OUTLETS, articles(), host=host, now=now)


def gold_path() -> Path:
    return Path(__file__).with_name("gold.jsonl")


def manifest(now: datetime | None = None) -> list[dict]:
    """One dict per served article page (AMP variants and private drafts included).

    Keys: site, path, id, ocop, published (YYYY-MM-DD; for the "2 giờ trước" item the
    date two hours before ``now``), amp, syndicated_from, private, listed_in
    (listing/feed/sitemap paths that link the page, with their query strings).
    """
    from .server import Outlet as Served
    now = (now or vn_now()).replace(second=0, microsecond=0)
    arts = articles()
    out = []
    for o in OUTLETS:
        served = Served(o, arts, now)
        listed: dict = {}
        for path, items in served.listings().items():
            for a in items:
                listed.setdefault(a.key, []).append(path)
        amp_on_home = ["/"]
        for a in [x for x in arts if x.site == o.name]:
            base = {"site": a.site, "id": a.key, "ocop": a.ocop,
                    "published": a.when(now).date().isoformat(), "relative_date": a.published is None,
                    "syndicated_from": a.syndicated_from, "private": a.private}
            out.append({**base, "path": a.path, "amp": False,
                        "listed_in": ["/"] if a.private else listed.get(a.key, [])})
            if a.amp and not a.private:
                out.append({**base, "path": a.amp_path, "amp": True, "listed_in": amp_on_home})
    return out
