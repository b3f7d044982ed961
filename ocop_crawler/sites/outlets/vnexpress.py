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
    verified_from=("real page 2025-10-22 (flairNLP/fundus test data): the host and the '-<id>.html' "
                   'article URLs; feed, sitemap and search written from memory, unverified'),
    notes='National online daily; search runs on the timkiem.vnexpress.net subdomain. ' + UNVERIFIED,
)
