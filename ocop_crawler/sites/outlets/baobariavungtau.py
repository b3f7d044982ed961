"""Báo Bà Rịa - Vũng Tàu (baobariavungtau.com.vn): party newspaper of Bà Rịa - Vũng Tàu.

Bà Rịa - Vũng Tàu became part of Hồ Chí Minh province on 1/7/2025 and its paper was
folded into that province's paper (`sggp`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baobariavungtau",
    title="Báo Bà Rịa - Vũng Tàu",
    base_url="https://baobariavungtau.com.vn",
    province="Bà Rịa - Vũng Tàu",
    kind="provincial",
    feeds=("https://baobariavungtau.com.vn/rss",),
    sitemaps=("https://baobariavungtau.com.vn/sitemap.xml",),
    search="https://baobariavungtau.com.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="sggp",
    notes=UNVERIFIED,
)
