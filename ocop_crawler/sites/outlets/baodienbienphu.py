"""Báo Điện Biên Phủ (baodienbienphu.vn): party newspaper of Điện Biên.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import ISSUE10_CONFIG, UNVERIFIED

SITE = Site(
    name="baodienbienphu",
    title="Báo Điện Biên Phủ",
    base_url="https://baodienbienphu.vn",
    province="Điện Biên",
    kind="provincial",
    feeds=("https://baodienbienphu.vn/rss",),
    sitemaps=("https://baodienbienphu.vn/sitemap.xml",),
    search="https://baodienbienphu.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=(ISSUE10_CONFIG + ": the domain baodienbienphu.vn; feeds, sitemap and "
                   "search written from memory, unverified"),
    old_hosts=("baodienbienphu.com.vn",),
    notes=("Party paper of Điện Biên province, at baodienbienphu.vn (the registry had "
           "baodienbienphu.com.vn, kept as an old host). " + UNVERIFIED),
)
