"""Báo Đà Nẵng (baodanang.vn): party newspaper of Đà Nẵng.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, POST_CMS, UNVERIFIED

SITE = Site(
    name="baodanang",
    title="Báo Đà Nẵng",
    base_url="https://baodanang.vn",
    province="Đà Nẵng",
    kind="provincial",
    feeds=("https://baodanang.vn/rss/home.rss",),
    sitemaps=("https://baodanang.vn/sitemap.xml",),
    search="https://baodanang.vn/tim-kiem?q={query}",
    article_pattern=r"-post\d+\.html$",
    verified=False,
    verified_from=FROM_MEMORY,
    notes=POST_CMS + UNVERIFIED,
)
