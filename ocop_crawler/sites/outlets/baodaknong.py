"""Báo Đắk Nông (baodaknong.vn): party newspaper of Đắk Nông.

Đắk Nông became part of Lâm Đồng province on 1/7/2025 and its paper was folded into
that province's paper (`baolamdong`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baodaknong",
    title="Báo Đắk Nông",
    base_url="https://baodaknong.vn",
    province="Đắk Nông",
    kind="provincial",
    feeds=("https://baodaknong.vn/rss",),
    sitemaps=("https://baodaknong.vn/sitemap.xml",),
    search="https://baodaknong.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baolamdong",
    notes='Older address: baodaknong.org.vn. ' + UNVERIFIED,
)
