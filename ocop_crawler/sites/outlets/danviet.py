"""Báo Dân Việt (danviet.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="danviet",
    title="Báo Dân Việt",
    base_url="https://danviet.vn",
    province=None,
    kind="national",
    feeds=("https://danviet.vn/rss/home.rss",),
    sitemaps=("https://danviet.vn/sitemap.xml",),
    search="https://danviet.vn/tim-kiem.htm?keywords={query}",
    article_pattern=r"-\d{17,}\.htm$",
    verified=False,
    verified_from=FROM_MEMORY,
    notes="Farmers' union daily (Hội Nông dân Việt Nam); long numeric article ids ('-5002024….htm'). " + UNVERIFIED,
)
