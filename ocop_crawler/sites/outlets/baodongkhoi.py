"""Báo Đồng Khởi (baodongkhoi.vn): party newspaper of Bến Tre.

Bến Tre became part of Vĩnh Long province on 1/7/2025 and its paper was folded into
that province's paper (`baovinhlong`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baodongkhoi",
    title="Báo Đồng Khởi",
    base_url="https://baodongkhoi.vn",
    province="Bến Tre",
    kind="provincial",
    feeds=("https://baodongkhoi.vn/rss",),
    sitemaps=("https://baodongkhoi.vn/sitemap.xml",),
    search="https://baodongkhoi.vn/tim-kiem?q={query}",
    verified=False,
    successor="baovinhlong",
    notes=(
        "Party paper of Bến Tre province. Entry points are best guesses from the outlet's "
        "usual CMS paths; none could be checked from the project's machines. Search results "
        "are assumed to page with '&page=N' or a 'next' link. The crawler also discovers "
        "feeds and sitemaps itself (robots.txt, <link rel=alternate>, /rss)."
    ),
)
