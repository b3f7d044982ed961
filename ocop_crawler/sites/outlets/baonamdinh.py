"""Báo Nam Định (baonamdinh.vn): party newspaper of Nam Định.

Nam Định became part of Ninh Bình province on 1/7/2025 and its paper was folded into
that province's paper (`baoninhbinh`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baonamdinh",
    title="Báo Nam Định",
    base_url="https://baonamdinh.vn",
    province="Nam Định",
    kind="provincial",
    feeds=("https://baonamdinh.vn/rss",),
    sitemaps=("https://baonamdinh.vn/sitemap.xml",),
    search="https://baonamdinh.vn/tim-kiem?q={query}",
    verified=False,
    successor="baoninhbinh",
    notes=(
        "Older address: baonamdinh.com.vn. Entry points are best guesses from the outlet's "
        "usual CMS paths; none could be checked from the project's machines. Search results "
        "are assumed to page with '&page=N' or a 'next' link. The crawler also discovers "
        "feeds and sitemaps itself (robots.txt, <link rel=alternate>, /rss)."
    ),
)
