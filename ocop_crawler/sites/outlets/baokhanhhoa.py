"""Báo Khánh Hòa (baokhanhhoa.vn): party newspaper of Khánh Hòa.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baokhanhhoa",
    title="Báo Khánh Hòa",
    base_url="https://baokhanhhoa.vn",
    province="Khánh Hòa",
    kind="provincial",
    feeds=("https://baokhanhhoa.vn/rss",),
    sitemaps=("https://baokhanhhoa.vn/sitemap.xml",),
    search="https://baokhanhhoa.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
