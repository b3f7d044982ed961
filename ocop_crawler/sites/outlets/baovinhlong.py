"""Báo Vĩnh Long (baovinhlong.com.vn): party newspaper of Vĩnh Long.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baovinhlong",
    title="Báo Vĩnh Long",
    base_url="https://baovinhlong.com.vn",
    province="Vĩnh Long",
    kind="provincial",
    feeds=("https://baovinhlong.com.vn/rss",),
    sitemaps=("https://baovinhlong.com.vn/sitemap.xml",),
    search="https://baovinhlong.com.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
