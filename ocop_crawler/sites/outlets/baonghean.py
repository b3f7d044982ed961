"""Báo Nghệ An (baonghean.vn): party newspaper of Nghệ An.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import ISSUE10_CONFIG, UNVERIFIED

SITE = Site(
    name="baonghean",
    title="Báo Nghệ An",
    base_url="https://baonghean.vn",
    province="Nghệ An",
    kind="provincial",
    feeds=("https://baonghean.vn/rss/home.rss",),
    sitemaps=("https://baonghean.vn/sitemap.xml",),
    search="https://baonghean.vn/tim-kiem?q={query}",
    article_pattern=r"-\d{4,}\.html$",
    verified=False,
    verified_from=(ISSUE10_CONFIG + ": article URLs end in '-<id>.html'; feeds, sitemap "
                   "and search written from memory, unverified"),
    notes="Articles end in '-<id>.html' (not the '-post<id>.html' the registry assumed). " + UNVERIFIED,
)
