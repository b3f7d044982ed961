"""Báo Kinh tế & Đô thị (kinhtedothi.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="kinhtedothi",
    title="Báo Kinh tế & Đô thị",
    base_url="https://kinhtedothi.vn",
    province=None,
    kind="national",
    feeds=("https://kinhtedothi.vn/rss",),
    sitemaps=("https://kinhtedothi.vn/sitemap.xml",),
    search="https://kinhtedothi.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes="Hà Nội's economic daily; covers the capital's OCOP products. Reported to have merged into Báo Hà Nội Mới in 2025 (not checked, so no successor is recorded). " + UNVERIFIED,
)
