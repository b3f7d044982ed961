"""Báo Sơn La (baosonla.vn): party newspaper of Sơn La.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="baosonla",
    title="Báo Sơn La",
    base_url="https://baosonla.vn",
    province="Sơn La",
    kind="provincial",
    feeds=("https://baosonla.vn/rss",),
    sitemaps=("https://baosonla.vn/sitemap.xml",),
    search="https://baosonla.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Older address: baosonla.org.vn. Entry points are best guesses from the outlet's "
        "usual CMS paths; none could be checked from the project's machines. Search results "
        "are assumed to page with '&page=N' or a 'next' link. The crawler also discovers "
        "feeds and sitemaps itself (robots.txt, <link rel=alternate>, /rss)."
    ),
)
