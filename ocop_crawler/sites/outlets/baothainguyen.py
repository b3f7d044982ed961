"""Báo Thái Nguyên (baothainguyen.vn): party newspaper of Thái Nguyên.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baothainguyen",
    title="Báo Thái Nguyên",
    base_url="https://baothainguyen.vn",
    province="Thái Nguyên",
    kind="provincial",
    feeds=("https://baothainguyen.vn/rss",),
    sitemaps=("https://baothainguyen.vn/sitemap.xml",),
    search="https://baothainguyen.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
