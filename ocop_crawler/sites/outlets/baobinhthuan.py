"""Báo Bình Thuận (baobinhthuan.com.vn): party newspaper of Bình Thuận.

Bình Thuận became part of Lâm Đồng province on 1/7/2025 and its paper was folded into
that province's paper (`baolamdong`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baobinhthuan",
    title="Báo Bình Thuận",
    base_url="https://baobinhthuan.com.vn",
    province="Bình Thuận",
    kind="provincial",
    feeds=("https://baobinhthuan.com.vn/rss",),
    sitemaps=("https://baobinhthuan.com.vn/sitemap.xml",),
    search="https://baobinhthuan.com.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baolamdong",
    notes=UNVERIFIED,
)
