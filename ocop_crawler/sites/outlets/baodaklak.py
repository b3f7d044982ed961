"""Báo Đắk Lắk (baodaklak.vn): party newspaper of Đắk Lắk.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baodaklak",
    title="Báo Đắk Lắk",
    base_url="https://baodaklak.vn",
    province="Đắk Lắk",
    kind="provincial",
    feeds=("https://baodaklak.vn/rss",),
    sitemaps=("https://baodaklak.vn/sitemap.xml",),
    search="https://baodaklak.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
