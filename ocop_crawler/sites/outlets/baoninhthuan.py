"""Báo Ninh Thuận (baoninhthuan.com.vn): party newspaper of Ninh Thuận.

Ninh Thuận became part of Khánh Hòa province on 1/7/2025 and its paper was folded into
that province's paper (`baokhanhhoa`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baoninhthuan",
    title="Báo Ninh Thuận",
    base_url="https://baoninhthuan.com.vn",
    province="Ninh Thuận",
    kind="provincial",
    feeds=("https://baoninhthuan.com.vn/rss",),
    sitemaps=("https://baoninhthuan.com.vn/sitemap.xml",),
    search="https://baoninhthuan.com.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baokhanhhoa",
    notes=UNVERIFIED,
)
