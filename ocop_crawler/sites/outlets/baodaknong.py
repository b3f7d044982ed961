"""Báo Đắk Nông (baodaknong.vn): party newspaper of Đắk Nông.

Đắk Nông became part of Lâm Đồng province on 1/7/2025 and its paper was folded into
that province's paper (`baolamdong`); the entry is kept for the archive it still
serves.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baodaknong",
    title="Báo Đắk Nông",
    base_url="https://baodaknong.vn",
    province="Đắk Nông",
    kind="provincial",
    feeds=("https://baodaknong.vn/rss",),
    sitemaps=("https://baodaknong.vn/sitemap.xml",),
    search="https://baodaknong.vn/tim-kiem?q={query}",
    verified=False,
    successor="baolamdong",
    notes=(
        "Older address: baodaknong.org.vn. Entry points are best guesses from the outlet's "
        "usual CMS paths; none could be checked from the project's machines. Search results "
        "are assumed to page with '&page=N' or a 'next' link. The crawler also discovers "
        "feeds and sitemaps itself (robots.txt, <link rel=alternate>, /rss)."
    ),
)
