"""Báo Lâm Đồng (baolamdong.vn): party newspaper of Lâm Đồng.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baolamdong",
    title="Báo Lâm Đồng",
    base_url="https://baolamdong.vn",
    province="Lâm Đồng",
    kind="provincial",
    feeds=("https://baolamdong.vn/rss",),
    sitemaps=("https://baolamdong.vn/sitemap.xml",),
    search="https://baolamdong.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
