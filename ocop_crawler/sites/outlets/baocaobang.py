"""Báo Cao Bằng (baocaobang.vn): party newspaper of Cao Bằng.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baocaobang",
    title="Báo Cao Bằng",
    base_url="https://baocaobang.vn",
    province="Cao Bằng",
    kind="provincial",
    feeds=("https://baocaobang.vn/rss",),
    sitemaps=("https://baocaobang.vn/sitemap.xml",),
    search="https://baocaobang.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes=UNVERIFIED,
)
