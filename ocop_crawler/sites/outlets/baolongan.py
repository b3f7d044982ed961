"""Báo Long An (baolongan.vn): party newspaper of Long An.

Long An became part of Tây Ninh province on 1/7/2025 and its paper was folded into that
province's paper (`baotayninh`); the entry is kept for the archive it still serves.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baolongan",
    title="Báo Long An",
    base_url="https://baolongan.vn",
    province="Long An",
    kind="provincial",
    feeds=("https://baolongan.vn/rss",),
    sitemaps=("https://baolongan.vn/sitemap.xml",),
    search="https://baolongan.vn/tim-kiem?q={query}",
    verified=False,
    successor="baotayninh",
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
