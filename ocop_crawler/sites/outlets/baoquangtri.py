"""Báo Quảng Trị (baoquangtri.vn): party newspaper of Quảng Trị.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baoquangtri",
    title="Báo Quảng Trị",
    base_url="https://baoquangtri.vn",
    province="Quảng Trị",
    kind="provincial",
    feeds=("https://baoquangtri.vn/rss",),
    sitemaps=("https://baoquangtri.vn/sitemap.xml",),
    search="https://baoquangtri.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes=UNVERIFIED,
)
