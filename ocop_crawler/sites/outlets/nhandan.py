"""Báo Nhân Dân (nhandan.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="nhandan",
    title="Báo Nhân Dân",
    base_url="https://nhandan.vn",
    province=None,
    kind="national",
    feeds=("https://nhandan.vn/rss/home.rss",),
    sitemaps=("https://nhandan.vn/sitemap.xml",),
    listings=("https://nhandan.vn/ocop/",),
    search="https://nhandan.vn/tim-kiem/?q={query}",
    article_pattern=r"-post\d+\.html$",
    selectors={
        "title": "h1.article__title",
        "date": ".article__meta time, time",
        "body": "div.article__body",
        "author": ".article__author",
    },
    verified=False,
    verified_from=FROM_MEMORY,
    notes='Central party daily; /ocop/ is its OCOP section (its pagination, /ocop/?page=N, is a guess). Selectors follow the article__* markup of its CMS and are unverified. ' + UNVERIFIED,
)
