"""Báo Quảng Bình (baoquangbinh.vn): party newspaper of Quảng Bình.

Quảng Bình became part of Quảng Trị province on 1/7/2025 and its paper was folded into
that province's paper (`baoquangtri`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baoquangbinh",
    title="Báo Quảng Bình",
    base_url="https://baoquangbinh.vn",
    province="Quảng Bình",
    kind="provincial",
    feeds=("https://baoquangbinh.vn/rss",),
    sitemaps=("https://baoquangbinh.vn/sitemap.xml",),
    search="https://baoquangbinh.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baoquangtri",
    notes=UNVERIFIED,
)
