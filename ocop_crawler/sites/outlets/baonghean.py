"""Báo Nghệ An (baonghean.vn): party newspaper of Nghệ An.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import POST_CMS, UNVERIFIED

SITE = Site(
    name="baonghean",
    title="Báo Nghệ An",
    base_url="https://baonghean.vn",
    province="Nghệ An",
    kind="provincial",
    feeds=("https://baonghean.vn/rss/home.rss",),
    sitemaps=("https://baonghean.vn/sitemap.xml",),
    search="https://baonghean.vn/tim-kiem?q={query}",
    article_pattern=r"-post\d+\.html$",
    verified=False,
    notes=POST_CMS + UNVERIFIED,
)
