"""Báo Bắc Kạn (baobackan.vn): party newspaper of Bắc Kạn.

Bắc Kạn became part of Thái Nguyên province on 1/7/2025 and its paper was folded into
that province's paper (`baothainguyen`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baobackan",
    title="Báo Bắc Kạn",
    base_url="https://baobackan.vn",
    province="Bắc Kạn",
    kind="provincial",
    feeds=("https://baobackan.vn/rss",),
    sitemaps=("https://baobackan.vn/sitemap.xml",),
    search="https://baobackan.vn/tim-kiem?q={query}",
    verified=False,
    successor="baothainguyen",
    notes=(
        "Older address: baobackan.org.vn. Entry points are best guesses from the outlet's "
        "usual CMS paths; none could be checked from the project's machines. Search results "
        "are assumed to page with '&page=N' or a 'next' link. The crawler also discovers "
        "feeds and sitemaps itself (robots.txt, <link rel=alternate>, /rss)."
    ),
)
