"""Báo Quảng Ngãi (baoquangngai.vn): party newspaper of Quảng Ngãi.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baoquangngai",
    title="Báo Quảng Ngãi",
    base_url="https://baoquangngai.vn",
    province="Quảng Ngãi",
    kind="provincial",
    feeds=("https://baoquangngai.vn/rss",),
    sitemaps=("https://baoquangngai.vn/sitemap.xml",),
    search="https://baoquangngai.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Older address: baoquangngai.com.vn. Entry points are best guesses from the outlet's "
        "usual CMS paths; none could be checked from the project's machines. Search results "
        "are assumed to page with '&page=N' or a 'next' link. The crawler also discovers "
        "feeds and sitemaps itself (robots.txt, <link rel=alternate>, /rss)."
    ),
)
