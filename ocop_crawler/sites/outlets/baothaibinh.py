"""Báo Thái Bình (baothaibinh.com.vn): party newspaper of Thái Bình.

Thái Bình became part of Hưng Yên province on 1/7/2025 and its paper was folded into
that province's paper (`baohungyen`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baothaibinh",
    title="Báo Thái Bình",
    base_url="https://baothaibinh.com.vn",
    province="Thái Bình",
    kind="provincial",
    feeds=("https://baothaibinh.com.vn/rss",),
    sitemaps=("https://baothaibinh.com.vn/sitemap.xml",),
    search="https://baothaibinh.com.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baohungyen",
    notes=UNVERIFIED,
)
