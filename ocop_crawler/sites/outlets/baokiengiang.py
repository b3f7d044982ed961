"""Báo Kiên Giang (baokiengiang.vn): party newspaper of Kiên Giang.

Kiên Giang became part of An Giang province on 1/7/2025 and its paper was folded into
that province's paper (`baoangiang`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baokiengiang",
    title="Báo Kiên Giang",
    base_url="https://baokiengiang.vn",
    province="Kiên Giang",
    kind="provincial",
    feeds=("https://baokiengiang.vn/rss",),
    sitemaps=("https://baokiengiang.vn/sitemap.xml",),
    search="https://baokiengiang.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baoangiang",
    notes=UNVERIFIED,
)
