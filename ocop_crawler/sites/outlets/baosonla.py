"""Báo Sơn La (baosonla.vn): party newspaper of Sơn La.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baosonla",
    title="Báo Sơn La",
    base_url="https://baosonla.vn",
    province="Sơn La",
    kind="provincial",
    feeds=("https://baosonla.vn/rss",),
    sitemaps=("https://baosonla.vn/sitemap.xml",),
    search="https://baosonla.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes='Older address: baosonla.org.vn. ' + UNVERIFIED,
)
