"""Báo Lạng Sơn (baolangson.vn): party newspaper of Lạng Sơn.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baolangson",
    title="Báo Lạng Sơn",
    base_url="https://baolangson.vn",
    province="Lạng Sơn",
    kind="provincial",
    feeds=("https://baolangson.vn/rss",),
    sitemaps=("https://baolangson.vn/sitemap.xml",),
    search="https://baolangson.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
