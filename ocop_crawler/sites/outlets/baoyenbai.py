"""Báo Yên Bái (baoyenbai.com.vn): party newspaper of Yên Bái.

Yên Bái became part of Lào Cai province on 1/7/2025 and its paper was folded into that
province's paper (`baolaocai`); the entry is kept for the archive it still serves.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baoyenbai",
    title="Báo Yên Bái",
    base_url="https://baoyenbai.com.vn",
    province="Yên Bái",
    kind="provincial",
    feeds=("https://baoyenbai.com.vn/rss",),
    sitemaps=("https://baoyenbai.com.vn/sitemap.xml",),
    search="https://baoyenbai.com.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    successor="baolaocai",
    notes=UNVERIFIED,
)
