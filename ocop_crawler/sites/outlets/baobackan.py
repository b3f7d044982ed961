"""Báo Bắc Kạn (baobackan.vn): party newspaper of Bắc Kạn.

Bắc Kạn became part of Thái Nguyên province on 1/7/2025 and its paper was folded into
that province's paper (`baothainguyen`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baobackan",
    title="Báo Bắc Kạn",
    base_url="https://baobackan.vn",
    province="Bắc Kạn",
    kind="provincial",
    feeds=("https://baobackan.vn/rss",),
    sitemaps=("https://baobackan.vn/sitemap.xml",),
    search="https://baobackan.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baothainguyen",
    notes='Older address: baobackan.org.vn. ' + UNVERIFIED,
)
