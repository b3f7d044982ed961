"""Báo Hòa Bình (baohoabinh.com.vn): party newspaper of Hòa Bình.

Hòa Bình became part of Phú Thọ province on 1/7/2025 and its paper was folded into that
province's paper (`baophutho`); the entry is kept for the archive it still serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baohoabinh",
    title="Báo Hòa Bình",
    base_url="https://baohoabinh.com.vn",
    province="Hòa Bình",
    kind="provincial",
    feeds=("https://baohoabinh.com.vn/rss",),
    sitemaps=("https://baohoabinh.com.vn/sitemap.xml",),
    search="https://baohoabinh.com.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baophutho",
    notes=UNVERIFIED,
)
