"""Báo Lạng Sơn (baolangson.vn): party newspaper of Lạng Sơn.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baolangson",
    title="Báo Lạng Sơn",
    base_url="https://baolangson.vn",
    province="Lạng Sơn",
    kind="provincial",
    feeds=("https://baolangson.vn/rss",),
    sitemaps=("https://baolangson.vn/sitemap.xml",),
    search="https://baolangson.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes=UNVERIFIED,
)
