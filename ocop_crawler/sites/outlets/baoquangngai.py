"""Báo Quảng Ngãi (baoquangngai.vn): party newspaper of Quảng Ngãi.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baoquangngai",
    title="Báo Quảng Ngãi",
    base_url="https://baoquangngai.vn",
    province="Quảng Ngãi",
    kind="provincial",
    feeds=("https://baoquangngai.vn/rss",),
    sitemaps=("https://baoquangngai.vn/sitemap.xml",),
    search="https://baoquangngai.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes='Older address: baoquangngai.com.vn. ' + UNVERIFIED,
)
