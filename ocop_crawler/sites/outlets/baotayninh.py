"""Báo Tây Ninh (baotayninh.vn): party newspaper of Tây Ninh.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baotayninh",
    title="Báo Tây Ninh",
    base_url="https://baotayninh.vn",
    province="Tây Ninh",
    kind="provincial",
    feeds=("https://baotayninh.vn/rss",),
    sitemaps=("https://baotayninh.vn/sitemap.xml",),
    search="https://baotayninh.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
