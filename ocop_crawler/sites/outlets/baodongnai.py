"""Báo Đồng Nai (baodongnai.com.vn): party newspaper of Đồng Nai.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baodongnai",
    title="Báo Đồng Nai",
    base_url="https://baodongnai.com.vn",
    province="Đồng Nai",
    kind="provincial",
    feeds=("https://baodongnai.com.vn/rss",),
    sitemaps=("https://baodongnai.com.vn/sitemap.xml",),
    search="https://baodongnai.com.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
