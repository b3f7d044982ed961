"""Báo Hà Nam (baohanam.com.vn): party newspaper of Hà Nam.

Hà Nam became part of Ninh Bình province on 1/7/2025 and its paper was folded into that
province's paper (`baoninhbinh`); the entry is kept for the archive it still serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baohanam",
    title="Báo Hà Nam",
    base_url="https://baohanam.com.vn",
    province="Hà Nam",
    kind="provincial",
    feeds=("https://baohanam.com.vn/rss",),
    sitemaps=("https://baohanam.com.vn/sitemap.xml",),
    search="https://baohanam.com.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baoninhbinh",
    notes=UNVERIFIED,
)
