"""VnEconomy (vneconomy.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="vneconomy",
    title="VnEconomy",
    base_url="https://vneconomy.vn",
    province=None,
    kind="national",
    feeds=("https://vneconomy.vn/tin-moi.rss",),
    sitemaps=("https://vneconomy.vn/sitemap.xml",),
    search="https://vneconomy.vn/tim-kiem.htm?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes='Economic news site of the Vietnam Economic Association. ' + UNVERIFIED,
)
