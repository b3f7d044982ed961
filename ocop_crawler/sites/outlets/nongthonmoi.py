"""Cổng thông tin điện tử Nông thôn mới (nongthonmoi.gov.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="nongthonmoi",
    title="Cổng thông tin điện tử Nông thôn mới",
    base_url="https://nongthonmoi.gov.vn",
    province=None,
    kind="national",
    feeds=("https://nongthonmoi.gov.vn/rss",),
    sitemaps=("https://nongthonmoi.gov.vn/sitemap.xml",),
    search="https://nongthonmoi.gov.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes='The national new-rural-development portal (Văn phòng Điều phối nông thôn mới Trung ương), which publishes OCOP programme news and decisions. ' + UNVERIFIED,
)
