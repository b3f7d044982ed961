"""Báo Đắk Lắk (baodaklak.vn): party newspaper of Đắk Lắk.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baodaklak",
    title="Báo Đắk Lắk",
    base_url="https://baodaklak.vn",
    province="Đắk Lắk",
    kind="provincial",
    feeds=("https://baodaklak.vn/rss",),
    sitemaps=("https://baodaklak.vn/sitemap.xml",),
    search="https://baodaklak.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes=UNVERIFIED,
)
