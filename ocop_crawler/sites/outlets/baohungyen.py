"""Báo Hưng Yên (baohungyen.vn): party newspaper of Hưng Yên.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baohungyen",
    title="Báo Hưng Yên",
    base_url="https://baohungyen.vn",
    province="Hưng Yên",
    kind="provincial",
    feeds=("https://baohungyen.vn/rss",),
    sitemaps=("https://baohungyen.vn/sitemap.xml",),
    search="https://baohungyen.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
