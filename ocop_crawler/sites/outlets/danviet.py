"""Báo Dân Việt (danviet.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="danviet",
    title="Báo Dân Việt",
    base_url="https://danviet.vn",
    province=None,
    kind="national",
    feeds=("https://danviet.vn/rss/home.rss",),
    sitemaps=("https://danviet.vn/sitemap.xml",),
    search="https://danviet.vn/tim-kiem.htm?keywords={query}",
    article_pattern=r"-\d{17,}\.htm$",
    verified=False,
    notes=(
        "Farmers' union daily (Hội Nông dân Việt Nam); long numeric article ids "
        "('-5002024….htm'). Entry points are best guesses from the outlet's usual CMS paths; "
        "none could be checked from the project's machines. Search results are assumed to "
        "page with '&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps "
        "itself (robots.txt, <link rel=alternate>, /rss)."
    ),
)
