"""Báo Hà Nội Mới (hanoimoi.vn): party newspaper of Hà Nội.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="hanoimoi",
    title="Báo Hà Nội Mới",
    base_url="https://hanoimoi.vn",
    province="Hà Nội",
    kind="provincial",
    feeds=("https://hanoimoi.vn/rss",),
    sitemaps=("https://hanoimoi.vn/sitemap.xml",),
    search="https://hanoimoi.vn/tim-kiem?q={query}",
    article_pattern=r"-\d{5,}\.html$",
    verified=False,
    notes=(
        "Party paper of Hà Nội. Articles end in '-<id>.html'. Entry points are best guesses "
        "from the outlet's usual CMS paths; none could be checked from the project's "
        "machines. Search results are assumed to page with '&page=N' or a 'next' link. The "
        "crawler also discovers feeds and sitemaps itself (robots.txt, <link rel=alternate>, "
        "/rss)."
    ),
)
