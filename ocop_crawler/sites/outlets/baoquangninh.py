"""Báo Quảng Ninh (baoquangninh.vn): party newspaper of Quảng Ninh.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baoquangninh",
    title="Báo Quảng Ninh",
    base_url="https://baoquangninh.vn",
    province="Quảng Ninh",
    kind="provincial",
    feeds=("https://baoquangninh.vn/rss",),
    sitemaps=("https://baoquangninh.vn/sitemap.xml",),
    search="https://baoquangninh.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes='Older address: baoquangninh.com.vn. ' + UNVERIFIED,
)
