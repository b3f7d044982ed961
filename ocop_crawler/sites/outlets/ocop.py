"""Cổng thông tin OCOP Việt Nam (ocop.gov.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="ocop",
    title="Cổng thông tin OCOP Việt Nam",
    base_url="https://ocop.gov.vn",
    province=None,
    kind="national",
    sitemaps=("https://ocop.gov.vn/sitemap.xml",),
    search="https://ocop.gov.vn/tim-kiem?q={query}",
    verified=False,
    notes=(
        "The national OCOP portal; also announced as ocopvietnam.gov.vn. Which of the two "
        "addresses serves the portal could not be checked. Entry points are best guesses from "
        "the outlet's usual CMS paths; none could be checked from the project's machines. "
        "Search results are assumed to page with '&page=N' or a 'next' link. The crawler also "
        "discovers feeds and sitemaps itself (robots.txt, <link rel=alternate>, /rss)."
    ),
)
