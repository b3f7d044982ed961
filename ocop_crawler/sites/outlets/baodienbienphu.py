"""Báo Điện Biên Phủ (baodienbienphu.com.vn): party newspaper of Điện Biên.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baodienbienphu",
    title="Báo Điện Biên Phủ",
    base_url="https://baodienbienphu.com.vn",
    province="Điện Biên",
    kind="provincial",
    feeds=("https://baodienbienphu.com.vn/rss",),
    sitemaps=("https://baodienbienphu.com.vn/sitemap.xml",),
    search="https://baodienbienphu.com.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Party paper of Điện Biên province. Entry points are best guesses from the outlet's "
        "usual CMS paths; none could be checked from the project's machines. Search results "
        "are assumed to page with '&page=N' or a 'next' link. The crawler also discovers "
        "feeds and sitemaps itself (robots.txt, <link rel=alternate>, /rss)."
    ),
)
