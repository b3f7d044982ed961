"""Báo Lai Châu (baolaichau.vn): party newspaper of Lai Châu.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baolaichau",
    title="Báo Lai Châu",
    base_url="https://baolaichau.vn",
    province="Lai Châu",
    kind="provincial",
    feeds=("https://baolaichau.vn/rss",),
    sitemaps=("https://baolaichau.vn/sitemap.xml",),
    search="https://baolaichau.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes=UNVERIFIED,
)
