"""Báo Đồng Khởi (baodongkhoi.vn): party newspaper of Bến Tre.

Bến Tre became part of Vĩnh Long province on 1/7/2025 and its paper was folded into
that province's paper (`baovinhlong`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import UNVERIFIED

SITE = Site(
    name="baodongkhoi",
    title="Báo Đồng Khởi",
    base_url="https://baodongkhoi.vn",
    province="Bến Tre",
    kind="provincial",
    feeds=("https://baodongkhoi.vn/rss",),
    sitemaps=("https://baodongkhoi.vn/sitemap.xml",),
    search="https://baodongkhoi.vn/tim-kiem?q={query}",
    verified=False,
    successor="baovinhlong",
    notes='Party paper of Bến Tre province. ' + UNVERIFIED,
)
