"""Báo Gia Lai (baogialai.com.vn): party newspaper of Gia Lai.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baogialai",
    title="Báo Gia Lai",
    base_url="https://baogialai.com.vn",
    province="Gia Lai",
    kind="provincial",
    feeds=("https://baogialai.com.vn/rss/home.rss",),
    sitemaps=("https://baogialai.com.vn/sitemap.xml",),
    search="https://baogialai.com.vn/tim-kiem?q={query}",
    article_pattern=r"-post\d+\.html$",
    verified=False,
    notes=(
        "Assumed to run the '-post<id>.html' CMS shared by many papers rebuilt in 2022-2024. "
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
