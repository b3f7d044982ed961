"""Báo Quảng Trị (baoquangtri.vn): party newspaper of Quảng Trị.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baoquangtri",
    title="Báo Quảng Trị",
    base_url="https://baoquangtri.vn",
    province="Quảng Trị",
    kind="provincial",
    feeds=("https://baoquangtri.vn/rss",),
    sitemaps=("https://baoquangtri.vn/sitemap.xml",),
    search="https://baoquangtri.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
