"""Báo Đồng Nai (baodongnai.com.vn): party newspaper of Đồng Nai.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baodongnai",
    title="Báo Đồng Nai",
    base_url="https://baodongnai.com.vn",
    province="Đồng Nai",
    kind="provincial",
    feeds=("https://baodongnai.com.vn/rss",),
    sitemaps=("https://baodongnai.com.vn/sitemap.xml",),
    search="https://baodongnai.com.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes=UNVERIFIED,
)
