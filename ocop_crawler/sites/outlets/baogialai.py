"""Báo Gia Lai (baogialai.com.vn): party newspaper of Gia Lai.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, POST_CMS, UNVERIFIED

SITE = Site(
    name="baogialai",
    title="Báo Gia Lai",
    base_url="https://baogialai.com.vn",
    province="Gia Lai",
    kind="provincial",
    feeds=("https://baogialai.com.vn/rss/home.rss",),
    sitemaps=("https://baogialai.com.vn/sitemap.xml",),
    search="https://baogialai.com.vn/tim-kiem?q={query}",
    article_pattern=r"-post\d+\.html$",
    verified=False,
    verified_from=FROM_MEMORY,
    notes=POST_CMS + UNVERIFIED,
)
