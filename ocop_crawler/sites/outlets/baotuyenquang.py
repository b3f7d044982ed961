"""Báo Tuyên Quang (baotuyenquang.com.vn): party newspaper of Tuyên Quang.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baotuyenquang",
    title="Báo Tuyên Quang",
    base_url="https://baotuyenquang.com.vn",
    province="Tuyên Quang",
    kind="provincial",
    feeds=("https://baotuyenquang.com.vn/rss",),
    sitemaps=("https://baotuyenquang.com.vn/sitemap.xml",),
    search="https://baotuyenquang.com.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
