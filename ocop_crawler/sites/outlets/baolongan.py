"""Báo Long An (baolongan.vn): party newspaper of Long An.

Long An became part of Tây Ninh province on 1/7/2025 and its paper was folded into that
province's paper (`baotayninh`); the entry is kept for the archive it still serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baolongan",
    title="Báo Long An",
    base_url="https://baolongan.vn",
    province="Long An",
    kind="provincial",
    feeds=("https://baolongan.vn/rss",),
    sitemaps=("https://baolongan.vn/sitemap.xml",),
    search="https://baolongan.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baotayninh",
    notes=UNVERIFIED,
)
