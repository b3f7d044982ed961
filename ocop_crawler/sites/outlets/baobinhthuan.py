"""Báo Bình Thuận (baobinhthuan.com.vn): party newspaper of Bình Thuận.

Bình Thuận became part of Lâm Đồng province on 1/7/2025 and its paper was folded into
that province's paper (`baolamdong`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site

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
    successor="baolamdong",
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
