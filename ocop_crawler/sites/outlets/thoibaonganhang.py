"""Thời báo Ngân hàng (thoibaonganhang.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="thoibaonganhang",
    title="Thời báo Ngân hàng",
    base_url="https://thoibaonganhang.vn",
    province=None,
    kind="national",
    feeds=("https://thoibaonganhang.vn/rss/home.rss",),
    sitemaps=("https://thoibaonganhang.vn/sitemap.xml",),
    search="https://thoibaonganhang.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes="State Bank of Vietnam's paper; OCOP credit and lending stories. " + UNVERIFIED,
)
