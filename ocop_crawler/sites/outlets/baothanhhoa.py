"""Báo Thanh Hóa (baothanhhoa.vn): party newspaper of Thanh Hóa.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baothanhhoa",
    title="Báo Thanh Hóa",
    base_url="https://baothanhhoa.vn",
    province="Thanh Hóa",
    kind="provincial",
    feeds=("https://baothanhhoa.vn/rss",),
    sitemaps=("https://baothanhhoa.vn/sitemap.xml",),
    search="https://baothanhhoa.vn/tim-kiem?q={query}",
    article_pattern=r"-\d{5,}\.html?$",
    verified=False,
    notes=(
        "Articles have ended in '-<id>.htm'. Entry points are best guesses from the outlet's "
        "usual CMS paths; none could be checked from the project's machines. Search results "
        "are assumed to page with '&page=N' or a 'next' link. The crawler also discovers "
        "feeds and sitemaps itself (robots.txt, <link rel=alternate>, /rss)."
    ),
)
