"""Báo Ấp Bắc (baoapbac.vn): party newspaper of Tiền Giang.

Tiền Giang became part of Đồng Tháp province on 1/7/2025 and its paper was folded into
that province's paper (`baodongthap`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baoapbac",
    title="Báo Ấp Bắc",
    base_url="https://baoapbac.vn",
    province="Tiền Giang",
    kind="provincial",
    feeds=("https://baoapbac.vn/rss",),
    sitemaps=("https://baoapbac.vn/sitemap.xml",),
    search="https://baoapbac.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baodongthap",
    notes='Party paper of Tiền Giang province. ' + UNVERIFIED,
)
