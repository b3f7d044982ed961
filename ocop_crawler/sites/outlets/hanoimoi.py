"""Báo Hà Nội Mới (hanoimoi.vn): party newspaper of Hà Nội.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

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
    verified_from=FROM_MEMORY,
    notes="Party paper of Hà Nội. Articles end in '-<id>.html'. " + UNVERIFIED,
)
