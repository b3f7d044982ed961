"""VietnamPlus (www.vietnamplus.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="vietnamplus",
    title="VietnamPlus",
    base_url="https://www.vietnamplus.vn",
    province=None,
    kind="national",
    feeds=("https://www.vietnamplus.vn/rss/home.rss",),
    sitemaps=("https://www.vietnamplus.vn/sitemap.xml",),
    search="https://www.vietnamplus.vn/tim-kiem.html?q={query}",
    article_pattern=r"-post\d+\.vnp$",
    selectors={
        "title": "h1.article__title, h1.cms-title",
        "date": ".article__meta time, time",
        "body": "div.article__body, div.cms-body",
        "author": ".article__author, .cms-author",
    },
    verified=False,
    verified_from=FROM_MEMORY,
    notes="Vietnam News Agency's online paper; articles end in '-post<id>.vnp'. Selectors unverified. " + UNVERIFIED,
)
