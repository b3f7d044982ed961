"""Báo An Giang (baoangiang.com.vn): party newspaper of An Giang.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baoangiang",
    title="Báo An Giang",
    base_url="https://baoangiang.com.vn",
    province="An Giang",
    kind="provincial",
    feeds=("https://baoangiang.com.vn/rss",),
    sitemaps=("https://baoangiang.com.vn/sitemap.xml",),
    search="https://baoangiang.com.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
