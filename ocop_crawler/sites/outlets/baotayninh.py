"""Báo Tây Ninh (www.baotayninh.vn): party newspaper of Tây Ninh.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import ISSUE10_CONFIG, UNVERIFIED

SITE = Site(
    name="baotayninh",
    title="Báo Tây Ninh",
    base_url="https://www.baotayninh.vn",
    province="Tây Ninh",
    kind="provincial",
    feeds=("https://www.baotayninh.vn/rss",),
    sitemaps=("https://www.baotayninh.vn/sitemap.xml",),
    search="https://www.baotayninh.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=(ISSUE10_CONFIG + ": the host www.baotayninh.vn; feeds, sitemap and search "
                   "written from memory, unverified"),
    notes="Served from www.baotayninh.vn. " + UNVERIFIED,
)
