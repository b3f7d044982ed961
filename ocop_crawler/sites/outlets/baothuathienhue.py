"""Báo Thừa Thiên Huế (baothuathienhue.vn): party newspaper of Thừa Thiên Huế.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baothuathienhue",
    title="Báo Thừa Thiên Huế",
    base_url="https://baothuathienhue.vn",
    province="Thừa Thiên Huế",
    kind="provincial",
    feeds=("https://baothuathienhue.vn/rss",),
    sitemaps=("https://baothuathienhue.vn/sitemap.xml",),
    search="https://baothuathienhue.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "The province became Huế city (a centrally governed city) on 1/1/2025; the paper's "
        "name and domain may have changed with it (not checked). Entry points are best "
        "guesses from the outlet's usual CMS paths; none could be checked from the project's "
        "machines. Search results are assumed to page with '&page=N' or a 'next' link. The "
        "crawler also discovers feeds and sitemaps itself (robots.txt, <link rel=alternate>, "
        "/rss)."
    ),
)
