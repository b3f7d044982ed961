"""Báo Công Thương (congthuong.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

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
    verified_from=FROM_MEMORY,
    notes='Ministry of Industry and Trade daily; covers OCOP fairs and trade promotion. ' + UNVERIFIED,
)
