"""Báo Cần Thơ (baocantho.com.vn): party newspaper of Cần Thơ.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import UNVERIFIED

SITE = Site(
    name="baocantho",
    title="Báo Cần Thơ",
    base_url="https://baocantho.com.vn",
    province="Cần Thơ",
    kind="provincial",
    feeds=("https://baocantho.com.vn/rss",),
    sitemaps=("https://baocantho.com.vn/sitemap.xml",),
    search="https://baocantho.com.vn/tim-kiem?q={query}",
    verified=False,
    notes=UNVERIFIED,
)
