"""Báo Tuổi Trẻ (tuoitre.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import UNVERIFIED

SITE = Site(
    name="tuoitre",
    title="Báo Tuổi Trẻ",
    base_url="https://tuoitre.vn",
    province=None,
    kind="national",
    feeds=("https://tuoitre.vn/rss/tin-moi-nhat.rss",),
    sitemaps=("https://tuoitre.vn/sitemap.xml",),
    search="https://tuoitre.vn/tim-kiem.htm?keywords={query}",
    article_pattern=r"-\d{17,}\.htm$",
    verified=False,
    notes='Hồ Chí Minh City youth daily; long numeric article ids. ' + UNVERIFIED,
)
