"""Báo Ninh Bình (baoninhbinh.org.vn): party newspaper of Ninh Bình.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baoninhbinh",
    title="Báo Ninh Bình",
    base_url="https://baoninhbinh.org.vn",
    province="Ninh Bình",
    kind="provincial",
    feeds=("https://baoninhbinh.org.vn/rss",),
    sitemaps=("https://baoninhbinh.org.vn/sitemap.xml",),
    search="https://baoninhbinh.org.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
