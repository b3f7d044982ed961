"""Báo Hải Phòng (baohaiphong.vn): party newspaper of Hải Phòng.
"""
from ocop_crawler.sites import Site

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
    notes=(
        "Older address: baohaiphong.com.vn. Entry points are best guesses from the outlet's "
        "usual CMS paths; none could be checked from the project's machines. Search results "
        "are assumed to page with '&page=N' or a 'next' link. The crawler also discovers "
        "feeds and sitemaps itself (robots.txt, <link rel=alternate>, /rss)."
    ),
)
