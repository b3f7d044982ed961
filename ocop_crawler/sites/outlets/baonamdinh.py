"""Báo Nam Định (baonamdinh.vn): party newspaper of Nam Định.

Nam Định became part of Ninh Bình province on 1/7/2025 and its paper was folded into
that province's paper (`baoninhbinh`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baonamdinh",
    title="Báo Nam Định",
    base_url="https://baonamdinh.vn",
    province="Nam Định",
    kind="provincial",
    feeds=("https://baonamdinh.vn/rss",),
    sitemaps=("https://baonamdinh.vn/sitemap.xml",),
    search="https://baonamdinh.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baoninhbinh",
    notes='Older address: baonamdinh.com.vn. ' + UNVERIFIED,
)
