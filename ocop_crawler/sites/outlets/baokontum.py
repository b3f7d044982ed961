"""Báo Kon Tum (baokontum.com.vn): party newspaper of Kon Tum.

Kon Tum became part of Quảng Ngãi province on 1/7/2025 and its paper was folded into
that province's paper (`baoquangngai`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baokontum",
    title="Báo Kon Tum",
    base_url="https://baokontum.com.vn",
    province="Kon Tum",
    kind="provincial",
    feeds=("https://baokontum.com.vn/rss",),
    sitemaps=("https://baokontum.com.vn/sitemap.xml",),
    search="https://baokontum.com.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baoquangngai",
    notes=UNVERIFIED,
)
