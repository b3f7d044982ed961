"""Báo Công Thương (congthuong.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="congthuong",
    title="Báo Công Thương",
    base_url="https://congthuong.vn",
    province=None,
    kind="national",
    feeds=("https://congthuong.vn/rss/home.rss",),
    sitemaps=("https://congthuong.vn/sitemap.xml",),
    search="https://congthuong.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Ministry of Industry and Trade daily; covers OCOP fairs and trade promotion. Entry "
        "points are best guesses from the outlet's usual CMS paths; none could be checked "
        "from the project's machines. Search results are assumed to page with '&page=N' or a "
        "'next' link. The crawler also discovers feeds and sitemaps itself (robots.txt, <link "
        "rel=alternate>, /rss)."
    ),
)
