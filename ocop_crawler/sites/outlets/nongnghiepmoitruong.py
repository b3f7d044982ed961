"""Báo Nông nghiệp và Môi trường (nongnghiepmoitruong.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="nongnghiepmoitruong",
    title="Báo Nông nghiệp và Môi trường",
    base_url="https://nongnghiepmoitruong.vn",
    province=None,
    kind="national",
    feeds=("https://nongnghiepmoitruong.vn/rss/home.rss",),
    sitemaps=("https://nongnghiepmoitruong.vn/sitemap.xml",),
    search="https://nongnghiepmoitruong.vn/tim-kiem?q={query}",
    article_pattern=r"-d\d+\.html$",
    verified=False,
    verified_from=FROM_MEMORY,
    notes="Formerly Báo Nông nghiệp Việt Nam (nongnghiep.vn, articles '-d<id>.html'), renamed in 2025 when the ministries of agriculture and environment merged; the old domain redirects. " + UNVERIFIED,
)
