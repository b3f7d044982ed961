"""Báo Vĩnh Long (baovinhlong.com.vn): party newspaper of Vĩnh Long.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import UNVERIFIED

SITE = Site(
    name="baovinhlong",
    title="Báo Vĩnh Long",
    base_url="https://baovinhlong.com.vn",
    province="Vĩnh Long",
    kind="provincial",
    feeds=("https://baovinhlong.com.vn/rss",),
    sitemaps=("https://baovinhlong.com.vn/sitemap.xml",),
    search="https://baovinhlong.com.vn/tim-kiem?q={query}",
    verified=False,
    notes=UNVERIFIED,
)
