"""Báo Bình Phước (baobinhphuoc.com.vn): party newspaper of Bình Phước.

Bình Phước became part of Đồng Nai province on 1/7/2025 and its paper was folded into
that province's paper (`baodongnai`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baobinhphuoc",
    title="Báo Bình Phước",
    base_url="https://baobinhphuoc.com.vn",
    province="Bình Phước",
    kind="provincial",
    feeds=("https://baobinhphuoc.com.vn/rss",),
    sitemaps=("https://baobinhphuoc.com.vn/sitemap.xml",),
    search="https://baobinhphuoc.com.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baodongnai",
    notes=UNVERIFIED,
)
