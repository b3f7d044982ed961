"""Báo Phú Thọ (baophutho.vn): party newspaper of Phú Thọ.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baophutho",
    title="Báo Phú Thọ",
    base_url="https://baophutho.vn",
    province="Phú Thọ",
    kind="provincial",
    feeds=("https://baophutho.vn/rss",),
    sitemaps=("https://baophutho.vn/sitemap.xml",),
    search="https://baophutho.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
