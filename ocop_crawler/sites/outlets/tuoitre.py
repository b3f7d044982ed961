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
    article_pattern=r"-\d{17,}\.htm$|/\d{8}/[a-z0-9-]+/\d{5,}\.html$",
    verified=False,
    verified_from=('real page 2026-03-08 (meth04/tracking_news-mcp test fixture): article URLs '
                   "'-<17 digits>.htm'; real page 2015-03-23 (naustudio case study): the 2015 layout's "
                   '/tin/<section>/<yyyymmdd>/<slug>/<id>.html; feed, sitemap and search written from '
                   'memory, unverified'),
    notes='Hồ Chí Minh City youth daily; long numeric article ids (archived 2015 URLs: /tin/<section>/<yyyymmdd>/<slug>/<id>.html). ' + UNVERIFIED,
)
