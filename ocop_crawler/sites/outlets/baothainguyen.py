"""Báo Thái Nguyên (baothainguyen.vn): party newspaper of Thái Nguyên.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baothainguyen",
    title="Báo Thái Nguyên",
    base_url="https://baothainguyen.vn",
    province="Thái Nguyên",
    kind="provincial",
    feeds=("https://baothainguyen.vn/rss",),
    sitemaps=("https://baothainguyen.vn/sitemap.xml",),
    search="https://baothainguyen.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes=UNVERIFIED,
)
