"""Báo Hải Phòng (baohaiphong.vn): party newspaper of Hải Phòng.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="baohaiphong",
    title="Báo Hải Phòng",
    base_url="https://baohaiphong.vn",
    province="Hải Phòng",
    kind="provincial",
    feeds=("https://baohaiphong.vn/rss",),
    sitemaps=("https://baohaiphong.vn/sitemap.xml",),
    search="https://baohaiphong.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes='Older address: baohaiphong.com.vn. ' + UNVERIFIED,
)
