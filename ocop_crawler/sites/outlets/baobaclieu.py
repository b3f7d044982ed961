"""Báo Bạc Liêu (baobaclieu.vn): party newspaper of Bạc Liêu.

Bạc Liêu became part of Cà Mau province on 1/7/2025 and its paper was folded into that
province's paper (`baocamau`); the entry is kept for the archive it still serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baobaclieu",
    title="Báo Bạc Liêu",
    base_url="https://baobaclieu.vn",
    province="Bạc Liêu",
    kind="provincial",
    feeds=("https://baobaclieu.vn/rss",),
    sitemaps=("https://baobaclieu.vn/sitemap.xml",),
    search="https://baobaclieu.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baocamau",
    notes=UNVERIFIED,
)
