"""Báo Kinh tế & Đô thị (kinhtedothi.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="kinhtedothi",
    title="Báo Kinh tế & Đô thị",
    base_url="https://kinhtedothi.vn",
    province=None,
    kind="national",
    feeds=("https://kinhtedothi.vn/rss",),
    sitemaps=("https://kinhtedothi.vn/sitemap.xml",),
    search="https://kinhtedothi.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "Hà Nội's economic daily; covers the capital's OCOP products. Reported to have merged "
        "into Báo Hà Nội Mới in 2025 (not checked, so no successor is recorded). Entry points "
        "are best guesses from the outlet's usual CMS paths; none could be checked from the "
        "project's machines. Search results are assumed to page with '&page=N' or a 'next' "
        "link. The crawler also discovers feeds and sitemaps itself (robots.txt, <link "
        "rel=alternate>, /rss)."
    ),
)
