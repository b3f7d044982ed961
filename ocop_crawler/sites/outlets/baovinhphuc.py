"""Báo Vĩnh Phúc (baovinhphuc.com.vn): party newspaper of Vĩnh Phúc.

Vĩnh Phúc became part of Phú Thọ province on 1/7/2025 and its paper was folded into
that province's paper (`baophutho`); the entry is kept for the archive it still serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baovinhphuc",
    title="Báo Vĩnh Phúc",
    base_url="https://baovinhphuc.com.vn",
    province="Vĩnh Phúc",
    kind="provincial",
    feeds=("https://baovinhphuc.com.vn/rss",),
    sitemaps=("https://baovinhphuc.com.vn/sitemap.xml",),
    search="https://baovinhphuc.com.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baophutho",
    notes=UNVERIFIED,
)
