"""Báo Bắc Ninh (baobacninh.vn): party newspaper of Bắc Ninh.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baobacninh",
    title="Báo Bắc Ninh",
    base_url="https://baobacninh.vn",
    province="Bắc Ninh",
    kind="provincial",
    feeds=("https://baobacninh.vn/rss",),
    sitemaps=("https://baobacninh.vn/sitemap.xml",),
    search="https://baobacninh.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Older address: baobacninh.com.vn; the 2025 merged paper may publish under another "
        "domain. Entry points are best guesses from the outlet's usual CMS paths; none could "
        "be checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
