"""Báo Hưng Yên (baohungyen.vn): party newspaper of Hưng Yên.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baohungyen",
    title="Báo Hưng Yên",
    base_url="https://baohungyen.vn",
    province="Hưng Yên",
    kind="provincial",
    feeds=("https://baohungyen.vn/rss",),
    sitemaps=("https://baohungyen.vn/sitemap.xml",),
    search="https://baohungyen.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes=UNVERIFIED,
)
