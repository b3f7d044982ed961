"""Báo Sóc Trăng (baosoctrang.org.vn): party newspaper of Sóc Trăng.

Sóc Trăng became part of Cần Thơ province on 1/7/2025 and its paper was folded into
that province's paper (`baocantho`); the entry is kept for the archive it still serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baosoctrang",
    title="Báo Sóc Trăng",
    base_url="https://baosoctrang.org.vn",
    province="Sóc Trăng",
    kind="provincial",
    feeds=("https://baosoctrang.org.vn/rss",),
    sitemaps=("https://baosoctrang.org.vn/sitemap.xml",),
    search="https://baosoctrang.org.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baocantho",
    notes=UNVERIFIED,
)
