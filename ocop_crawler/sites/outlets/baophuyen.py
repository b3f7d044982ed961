"""Báo Phú Yên (baophuyen.vn): party newspaper of Phú Yên.

Phú Yên became part of Đắk Lắk province on 1/7/2025 and its paper was folded into that
province's paper (`baodaklak`); the entry is kept for the archive it still serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baophuyen",
    title="Báo Phú Yên",
    base_url="https://baophuyen.vn",
    province="Phú Yên",
    kind="provincial",
    feeds=("https://baophuyen.vn/rss",),
    sitemaps=("https://baophuyen.vn/sitemap.xml",),
    search="https://baophuyen.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baodaklak",
    notes=UNVERIFIED,
)
