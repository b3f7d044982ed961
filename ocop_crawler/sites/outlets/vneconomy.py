"""VnEconomy (vneconomy.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="vneconomy",
    title="VnEconomy",
    base_url="https://vneconomy.vn",
    province=None,
    kind="national",
    feeds=("https://vneconomy.vn/tin-moi.rss",),
    sitemaps=("https://vneconomy.vn/sitemap.xml",),
    search="https://vneconomy.vn/tim-kiem.htm?q={query}",
    verified=False,
    notes=(
        "Economic news site of the Vietnam Economic Association. Entry points are best "
        "guesses from the outlet's usual CMS paths; none could be checked from the project's "
        "machines. Search results are assumed to page with '&page=N' or a 'next' link. The "
        "crawler also discovers feeds and sitemaps itself (robots.txt, <link rel=alternate>, "
        "/rss)."
    ),
)
