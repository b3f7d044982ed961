"""Báo Tây Ninh (baotayninh.vn): party newspaper of Tây Ninh.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import UNVERIFIED

SITE = Site(
    name="baotayninh",
    title="Báo Tây Ninh",
    base_url="https://baotayninh.vn",
    province="Tây Ninh",
    kind="provincial",
    feeds=("https://baotayninh.vn/rss",),
    sitemaps=("https://baotayninh.vn/sitemap.xml",),
    search="https://baotayninh.vn/tim-kiem?q={query}",
    verified=False,
    notes=UNVERIFIED,
)
