"""Báo Cao Bằng (baocaobang.vn): party newspaper of Cao Bằng.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baocaobang",
    title="Báo Cao Bằng",
    base_url="https://baocaobang.vn",
    province="Cao Bằng",
    kind="provincial",
    feeds=("https://baocaobang.vn/rss",),
    sitemaps=("https://baocaobang.vn/sitemap.xml",),
    search="https://baocaobang.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
