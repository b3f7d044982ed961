"""Báo Cần Thơ (baocantho.com.vn): party newspaper of Cần Thơ.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baocantho",
    title="Báo Cần Thơ",
    base_url="https://baocantho.com.vn",
    province="Cần Thơ",
    kind="provincial",
    feeds=("https://baocantho.com.vn/rss",),
    sitemaps=("https://baocantho.com.vn/sitemap.xml",),
    search="https://baocantho.com.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
