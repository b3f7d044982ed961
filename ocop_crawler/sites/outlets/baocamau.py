"""Báo Cà Mau (baocamau.vn): party newspaper of Cà Mau.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baocamau",
    title="Báo Cà Mau",
    base_url="https://baocamau.vn",
    province="Cà Mau",
    kind="provincial",
    feeds=("https://baocamau.vn/rss",),
    sitemaps=("https://baocamau.vn/sitemap.xml",),
    search="https://baocamau.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Older address: baocamau.com.vn. Entry points are best guesses from the outlet's "
        "usual CMS paths; none could be checked from the project's machines. Search results "
        "are assumed to page with '&page=N' or a 'next' link. The crawler also discovers "
        "feeds and sitemaps itself (robots.txt, <link rel=alternate>, /rss)."
    ),
)
