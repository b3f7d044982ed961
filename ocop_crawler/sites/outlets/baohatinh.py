"""Báo Hà Tĩnh (baohatinh.vn): party newspaper of Hà Tĩnh.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baohatinh",
    title="Báo Hà Tĩnh",
    base_url="https://baohatinh.vn",
    province="Hà Tĩnh",
    kind="provincial",
    feeds=("https://baohatinh.vn/rss/home.rss",),
    sitemaps=("https://baohatinh.vn/sitemap.xml",),
    search="https://baohatinh.vn/tim-kiem?q={query}",
    article_pattern=r"-post\d+\.html$",
    verified=False,
    verified_from=FROM_MEMORY,
    notes="Has covered OCOP closely (OCOP Hà Tĩnh reports, star re-ratings). Assumed to run the '-post<id>.html' CMS shared by many papers rebuilt in 2022-2024. " + UNVERIFIED,
)
