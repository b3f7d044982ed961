"""Báo Đồng Tháp (baodongthap.vn): party newspaper of Đồng Tháp.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baodongthap",
    title="Báo Đồng Tháp",
    base_url="https://baodongthap.vn",
    province="Đồng Tháp",
    kind="provincial",
    feeds=("https://baodongthap.vn/rss",),
    sitemaps=("https://baodongthap.vn/sitemap.xml",),
    search="https://baodongthap.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Older address: baodongthap.com.vn. Entry points are best guesses from the outlet's "
        "usual CMS paths; none could be checked from the project's machines. Search results "
        "are assumed to page with '&page=N' or a 'next' link. The crawler also discovers "
        "feeds and sitemaps itself (robots.txt, <link rel=alternate>, /rss)."
    ),
)
