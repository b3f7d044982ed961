"""Báo Hà Giang (baohagiang.vn): party newspaper of Hà Giang.

Hà Giang became part of Tuyên Quang province on 1/7/2025 and its paper was folded into
that province's paper (`baotuyenquang`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baohagiang",
    title="Báo Hà Giang",
    base_url="https://baohagiang.vn",
    province="Hà Giang",
    kind="provincial",
    feeds=("https://baohagiang.vn/rss",),
    sitemaps=("https://baohagiang.vn/sitemap.xml",),
    search="https://baohagiang.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baotuyenquang",
    notes=UNVERIFIED,
)
