"""Báo An Giang (baoangiang.com.vn): party newspaper of An Giang.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baoangiang",
    title="Báo An Giang",
    base_url="https://baoangiang.com.vn",
    province="An Giang",
    kind="provincial",
    feeds=("https://baoangiang.com.vn/rss",),
    sitemaps=("https://baoangiang.com.vn/sitemap.xml",),
    search="https://baoangiang.com.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes=UNVERIFIED,
)
