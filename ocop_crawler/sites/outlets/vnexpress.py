"""VnExpress (vnexpress.net): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import UNVERIFIED

SITE = Site(
    name="vnexpress",
    title="VnExpress",
    base_url="https://vnexpress.net",
    province=None,
    kind="national",
    feeds=("https://vnexpress.net/rss/kinh-doanh.rss",),
    sitemaps=("https://vnexpress.net/sitemap.xml",),
    search="https://timkiem.vnexpress.net/?q={query}",
    article_pattern=r"-\d{6,}\.html$",
    verified=False,
    notes='National online daily; search runs on the timkiem.vnexpress.net subdomain. ' + UNVERIFIED,
)
