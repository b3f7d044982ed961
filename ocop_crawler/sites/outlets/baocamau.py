"""Báo Cà Mau (baocamau.vn): party newspaper of Cà Mau.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baocamau",
    title="Báo Cà Mau",
    base_url="https://baocamau.vn",
    province="Cà Mau",
    kind="provincial",
    feeds=("https://baocamau.vn/rss",),
    sitemaps=("https://baocamau.vn/sitemap.xml",),
    search="https://baocamau.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes='Older address: baocamau.com.vn. ' + UNVERIFIED,
)
