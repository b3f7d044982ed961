"""Báo Bình Định (baobinhdinh.vn): party newspaper of Bình Định.

Bình Định became part of Gia Lai province on 1/7/2025 and its paper was folded into
that province's paper (`baogialai`); the entry is kept for the archive it still serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baobinhdinh",
    title="Báo Bình Định",
    base_url="https://baobinhdinh.vn",
    province="Bình Định",
    kind="provincial",
    feeds=("https://baobinhdinh.vn/rss",),
    sitemaps=("https://baobinhdinh.vn/sitemap.xml",),
    search="https://baobinhdinh.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baogialai",
    notes='Older address: baobinhdinh.com.vn. ' + UNVERIFIED,
)
