"""Báo Hậu Giang (baohaugiang.com.vn): party newspaper of Hậu Giang.

Hậu Giang became part of Cần Thơ province on 1/7/2025 and its paper was folded into
that province's paper (`baocantho`); the entry is kept for the archive it still serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baohaugiang",
    title="Báo Hậu Giang",
    base_url="https://baohaugiang.com.vn",
    province="Hậu Giang",
    kind="provincial",
    feeds=("https://baohaugiang.com.vn/rss",),
    sitemaps=("https://baohaugiang.com.vn/sitemap.xml",),
    search="https://baohaugiang.com.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baocantho",
    notes=UNVERIFIED,
)
