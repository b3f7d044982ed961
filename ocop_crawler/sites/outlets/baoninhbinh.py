"""Báo Ninh Bình (baoninhbinh.org.vn): party newspaper of Ninh Bình.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baoninhbinh",
    title="Báo Ninh Bình",
    base_url="https://baoninhbinh.org.vn",
    province="Ninh Bình",
    kind="provincial",
    feeds=("https://baoninhbinh.org.vn/rss",),
    sitemaps=("https://baoninhbinh.org.vn/sitemap.xml",),
    search="https://baoninhbinh.org.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes=UNVERIFIED,
)
