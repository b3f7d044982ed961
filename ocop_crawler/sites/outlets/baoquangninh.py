"""Báo Quảng Ninh (baoquangninh.vn): party newspaper of Quảng Ninh.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baoquangninh",
    title="Báo Quảng Ninh",
    base_url="https://baoquangninh.vn",
    province="Quảng Ninh",
    kind="provincial",
    feeds=("https://baoquangninh.vn/rss",),
    sitemaps=("https://baoquangninh.vn/sitemap.xml",),
    search="https://baoquangninh.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Older address: baoquangninh.com.vn. Entry points are best guesses from the outlet's "
        "usual CMS paths; none could be checked from the project's machines. Search results "
        "are assumed to page with '&page=N' or a 'next' link. The crawler also discovers "
        "feeds and sitemaps itself (robots.txt, <link rel=alternate>, /rss)."
    ),
)
