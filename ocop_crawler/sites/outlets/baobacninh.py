"""Báo Bắc Ninh (baobacninh.vn): party newspaper of Bắc Ninh.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import UNVERIFIED

SITE = Site(
    name="baobacninh",
    title="Báo Bắc Ninh",
    base_url="https://baobacninh.vn",
    province="Bắc Ninh",
    kind="provincial",
    feeds=("https://baobacninh.vn/rss",),
    sitemaps=("https://baobacninh.vn/sitemap.xml",),
    search="https://baobacninh.vn/tim-kiem?q={query}",
    verified=False,
    notes='Older address: baobacninh.com.vn; the 2025 merged paper may publish under another domain. ' + UNVERIFIED,
)
