"""Báo Điện Biên Phủ (baodienbienphu.com.vn): party newspaper of Điện Biên.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import UNVERIFIED

SITE = Site(
    name="baodienbienphu",
    title="Báo Điện Biên Phủ",
    base_url="https://baodienbienphu.com.vn",
    province="Điện Biên",
    kind="provincial",
    feeds=("https://baodienbienphu.com.vn/rss",),
    sitemaps=("https://baodienbienphu.com.vn/sitemap.xml",),
    search="https://baodienbienphu.com.vn/tim-kiem?q={query}",
    verified=False,
    notes='Party paper of Điện Biên province. ' + UNVERIFIED,
)
