"""Báo Lai Châu (baolaichau.vn): party newspaper of Lai Châu.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baolaichau",
    title="Báo Lai Châu",
    base_url="https://baolaichau.vn",
    province="Lai Châu",
    kind="provincial",
    feeds=("https://baolaichau.vn/rss",),
    sitemaps=("https://baolaichau.vn/sitemap.xml",),
    search="https://baolaichau.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
