"""Báo Quân đội Nhân dân (www.qdnd.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="qdnd",
    title="Báo Quân đội Nhân dân",
    base_url="https://www.qdnd.vn",
    province=None,
    kind="national",
    feeds=("https://www.qdnd.vn/rss",),
    sitemaps=("https://www.qdnd.vn/sitemap.xml",),
    search="https://www.qdnd.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes='Army daily; regular provincial new-rural-development and OCOP reports. ' + UNVERIFIED,
)
