"""Báo Thanh Hóa (baothanhhoa.vn): party newspaper of Thanh Hóa.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baothanhhoa",
    title="Báo Thanh Hóa",
    base_url="https://baothanhhoa.vn",
    province="Thanh Hóa",
    kind="provincial",
    feeds=("https://baothanhhoa.vn/rss",),
    sitemaps=("https://baothanhhoa.vn/sitemap.xml",),
    search="https://baothanhhoa.vn/tim-kiem?q={query}",
    article_pattern=r"-\d{5,}\.html?$",
    verified=False,
    verified_from=FROM_MEMORY,
    notes="Articles have ended in '-<id>.htm'. " + UNVERIFIED,
)
