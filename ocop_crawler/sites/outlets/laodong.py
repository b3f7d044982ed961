"""Báo Lao Động (laodong.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="laodong",
    title="Báo Lao Động",
    base_url="https://laodong.vn",
    province=None,
    kind="national",
    feeds=("https://laodong.vn/rss/home.rss",),
    sitemaps=("https://laodong.vn/sitemap.xml",),
    search="https://laodong.vn/tim-kiem?q={query}",
    article_pattern=r"-\d+\.ldo$",
    verified=False,
    verified_from=FROM_MEMORY,
    notes="Trade-union daily; articles end in '-<id>.ldo'. " + UNVERIFIED,
)
