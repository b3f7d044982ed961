"""Báo Thừa Thiên Huế (baothuathienhue.vn): party newspaper of Thừa Thiên Huế.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baothuathienhue",
    title="Báo Thừa Thiên Huế",
    base_url="https://baothuathienhue.vn",
    province="Thừa Thiên Huế",
    kind="provincial",
    feeds=("https://baothuathienhue.vn/rss",),
    sitemaps=("https://baothuathienhue.vn/sitemap.xml",),
    search="https://baothuathienhue.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes="The province became Huế city (a centrally governed city) on 1/1/2025; the paper's name and domain may have changed with it (not checked). " + UNVERIFIED,
)
