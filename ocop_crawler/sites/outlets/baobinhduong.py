"""Báo Bình Dương (baobinhduong.vn): party newspaper of Bình Dương.

Bình Dương became part of Hồ Chí Minh province on 1/7/2025 and its paper was folded
into that province's paper (`sggp`); the entry is kept for the archive it still serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baobinhduong",
    title="Báo Bình Dương",
    base_url="https://baobinhduong.vn",
    province="Bình Dương",
    kind="provincial",
    feeds=("https://baobinhduong.vn/rss",),
    sitemaps=("https://baobinhduong.vn/sitemap.xml",),
    search="https://baobinhduong.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="sggp",
    notes=UNVERIFIED,
)
