"""Báo Quảng Nam (baoquangnam.vn): party newspaper of Quảng Nam.

Quảng Nam became part of Đà Nẵng province on 1/7/2025 and its paper was folded into
that province's paper (`baodanang`); the entry is kept for the archive it still serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baoquangnam",
    title="Báo Quảng Nam",
    base_url="https://baoquangnam.vn",
    province="Quảng Nam",
    kind="provincial",
    feeds=("https://baoquangnam.vn/rss",),
    sitemaps=("https://baoquangnam.vn/sitemap.xml",),
    search="https://baoquangnam.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baodanang",
    notes=UNVERIFIED,
)
