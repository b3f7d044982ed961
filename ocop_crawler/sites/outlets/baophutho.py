"""Báo Phú Thọ (baophutho.vn): party newspaper of Phú Thọ.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baophutho",
    title="Báo Phú Thọ",
    base_url="https://baophutho.vn",
    province="Phú Thọ",
    kind="provincial",
    feeds=("https://baophutho.vn/rss",),
    sitemaps=("https://baophutho.vn/sitemap.xml",),
    search="https://baophutho.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes=UNVERIFIED,
)
