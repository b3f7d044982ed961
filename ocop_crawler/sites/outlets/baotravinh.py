"""Báo Trà Vinh (baotravinh.vn): party newspaper of Trà Vinh.

Trà Vinh became part of Vĩnh Long province on 1/7/2025 and its paper was folded into
that province's paper (`baovinhlong`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import UNVERIFIED

SITE = Site(
    name="baotravinh",
    title="Báo Trà Vinh",
    base_url="https://baotravinh.vn",
    province="Trà Vinh",
    kind="provincial",
    feeds=("https://baotravinh.vn/rss",),
    sitemaps=("https://baotravinh.vn/sitemap.xml",),
    search="https://baotravinh.vn/tim-kiem?q={query}",
    verified=False,
    successor="baovinhlong",
    notes=UNVERIFIED,
)
