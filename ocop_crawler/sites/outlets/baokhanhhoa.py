"""Báo Khánh Hòa (baokhanhhoa.vn): party newspaper of Khánh Hòa.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baokhanhhoa",
    title="Báo Khánh Hòa",
    base_url="https://baokhanhhoa.vn",
    province="Khánh Hòa",
    kind="provincial",
    feeds=("https://baokhanhhoa.vn/rss",),
    sitemaps=("https://baokhanhhoa.vn/sitemap.xml",),
    search="https://baokhanhhoa.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes=UNVERIFIED,
)
