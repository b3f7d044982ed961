"""Báo Tin tức (baotintuc.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baotintuc",
    title="Báo Tin tức",
    base_url="https://baotintuc.vn",
    province=None,
    kind="national",
    feeds=("https://baotintuc.vn/rss",),
    sitemaps=("https://baotintuc.vn/sitemap.xml",),
    search="https://baotintuc.vn/tim-kiem.htm?keywords={query}",
    article_pattern=r"-\d{17,}\.htm$",
    verified=False,
    verified_from=FROM_MEMORY,
    notes='Vietnam News Agency daily (Báo Tin tức – TTXVN). ' + UNVERIFIED,
)
