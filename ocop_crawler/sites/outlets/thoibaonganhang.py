"""Thời báo Ngân hàng (thoibaonganhang.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site

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
    notes=(
        "State Bank of Vietnam's paper; OCOP credit and lending stories. Entry points are "
        "best guesses from the outlet's usual CMS paths; none could be checked from the "
        "project's machines. Search results are assumed to page with '&page=N' or a 'next' "
        "link. The crawler also discovers feeds and sitemaps itself (robots.txt, <link "
        "rel=alternate>, /rss)."
    ),
)
