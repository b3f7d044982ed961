"""Báo Lâm Đồng (baolamdong.vn): party newspaper of Lâm Đồng.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baolamdong",
    title="Báo Lâm Đồng",
    base_url="https://baolamdong.vn",
    province="Lâm Đồng",
    kind="provincial",
    feeds=("https://baolamdong.vn/rss",),
    sitemaps=("https://baolamdong.vn/sitemap.xml",),
    search="https://baolamdong.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes=UNVERIFIED,
)
