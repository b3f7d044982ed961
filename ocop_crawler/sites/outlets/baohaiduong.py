"""Báo Hải Dương (baohaiduong.vn): party newspaper of Hải Dương.

Hải Dương became part of Hải Phòng province on 1/7/2025 and its paper was folded into
that province's paper (`baohaiphong`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baohaiduong",
    title="Báo Hải Dương",
    base_url="https://baohaiduong.vn",
    province="Hải Dương",
    kind="provincial",
    feeds=("https://baohaiduong.vn/rss",),
    sitemaps=("https://baohaiduong.vn/sitemap.xml",),
    search="https://baohaiduong.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baohaiphong",
    notes=UNVERIFIED,
)
