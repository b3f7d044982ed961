"""Báo điện tử VOV (vov.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import ISSUE10_CONFIG, UNVERIFIED

SITE = Site(
    name="vov",
    title="Báo điện tử VOV",
    base_url="https://vov.vn",
    province=None,
    kind="national",
    feeds=("https://vov.vn/rss.xml",),
    sitemaps=("https://vov.vn/sitemap.xml",),
    search="https://vov.vn/search?keyword={query}",
    article_pattern=r"-post\d+\.vov$",
    verified=False,
    verified_from=(ISSUE10_CONFIG + ": the feed /rss.xml; article pattern, sitemap and search "
                   "written from memory, unverified"),
    notes="Voice of Vietnam's news site; articles end in '-post<id>.vov'. " + UNVERIFIED,
)
