"""Báo Đồng Tháp (baodongthap.vn): party newspaper of Đồng Tháp.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baodongthap",
    title="Báo Đồng Tháp",
    base_url="https://baodongthap.vn",
    province="Đồng Tháp",
    kind="provincial",
    feeds=("https://baodongthap.vn/rss",),
    sitemaps=("https://baodongthap.vn/sitemap.xml",),
    search="https://baodongthap.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes='Older address: baodongthap.com.vn. ' + UNVERIFIED,
)
