"""Báo Bắc Giang (baobacgiang.vn): party newspaper of Bắc Giang.

Bắc Giang became part of Bắc Ninh province on 1/7/2025 and its paper was folded into
that province's paper (`baobacninh`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baobacgiang",
    title="Báo Bắc Giang",
    base_url="https://baobacgiang.vn",
    province="Bắc Giang",
    kind="provincial",
    feeds=("https://baobacgiang.vn/rss",),
    sitemaps=("https://baobacgiang.vn/sitemap.xml",),
    search="https://baobacgiang.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baobacninh",
    notes='Older address: baobacgiang.com.vn. ' + UNVERIFIED,
)
