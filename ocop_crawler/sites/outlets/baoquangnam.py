"""Báo Quảng Nam (baoquangnam.vn): party newspaper of Quảng Nam.

Quảng Nam became part of Đà Nẵng province on 1/7/2025 and its paper was folded into
that province's paper (`baodanang`); the entry is kept for the archive it still serves.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baoquangnam",
    title="Báo Quảng Nam",
    base_url="https://baoquangnam.vn",
    province="Quảng Nam",
    kind="provincial",
    feeds=("https://baoquangnam.vn/rss",),
    sitemaps=("https://baoquangnam.vn/sitemap.xml",),
    search="https://baoquangnam.vn/tim-kiem?q={query}",
    verified=False,
    successor="baodanang",
    notes=(
        "Entry points are best guesses from the outlet's usual CMS paths; none could be "
        "checked from the project's machines. Search results are assumed to page with "
        "'&page=N' or a 'next' link. The crawler also discovers feeds and sitemaps itself "
        "(robots.txt, <link rel=alternate>, /rss)."
    ),
)
