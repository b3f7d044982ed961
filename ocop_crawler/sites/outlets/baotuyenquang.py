"""Báo Tuyên Quang (baotuyenquang.com.vn): party newspaper of Tuyên Quang.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baotuyenquang",
    title="Báo Tuyên Quang",
    base_url="https://baotuyenquang.com.vn",
    province="Tuyên Quang",
    kind="provincial",
    feeds=("https://baotuyenquang.com.vn/rss",),
    sitemaps=("https://baotuyenquang.com.vn/sitemap.xml",),
    search="https://baotuyenquang.com.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes=UNVERIFIED,
)
