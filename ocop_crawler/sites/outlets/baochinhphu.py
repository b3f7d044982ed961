"""Báo Điện tử Chính phủ (baochinhphu.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import ISSUE10_CONFIG, UNVERIFIED

SITE = Site(
    name="baochinhphu",
    title="Báo Điện tử Chính phủ",
    base_url="https://baochinhphu.vn",
    province=None,
    kind="national",
    feeds=("https://baochinhphu.vn/home.rss",),
    sitemaps=("https://baochinhphu.vn/sitemap.xml",),
    search="https://baochinhphu.vn/tim-kiem.htm?keywords={query}",
    article_pattern=r"-\d{15,}\.htm$",
    verified=False,
    verified_from=(ISSUE10_CONFIG + ": the feed /home.rss; "
                   "real page 2026-03-08 (meth04/tracking_news-mcp test fixture): article URLs "
                   "'-<18 digits>.htm'; sitemap and search written from memory, unverified"),
    notes='Government portal news; carries the decisions and conferences of the national OCOP programme. ' + UNVERIFIED,
)
