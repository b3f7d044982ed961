"""Báo Bình Phước (baobinhphuoc.com.vn): party newspaper of Bình Phước.

Bình Phước became part of Đồng Nai province on 1/7/2025 and its paper was folded into
that province's paper (`baodongnai`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site

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
    successor="baodongnai",
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
