"""Báo Lào Cai (baolaocai.vn): party newspaper of Lào Cai.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baolaocai",
    title="Báo Lào Cai",
    base_url="https://baolaocai.vn",
    province="Lào Cai",
    kind="provincial",
    feeds=("https://baolaocai.vn/rss/home.rss",),
    sitemaps=("https://baolaocai.vn/sitemap.xml",),
    search="https://baolaocai.vn/tim-kiem?q={query}",
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
