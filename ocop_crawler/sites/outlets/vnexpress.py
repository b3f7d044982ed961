"""VnExpress (vnexpress.net): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site

SITE = Site(
    name="vnexpress",
    title="VnExpress",
    base_url="https://vnexpress.net",
    province=None,
    kind="national",
    feeds=("https://vnexpress.net/rss/kinh-doanh.rss",),
    sitemaps=("https://vnexpress.net/sitemap.xml",),
    search="https://timkiem.vnexpress.net/?q={query}",
    article_pattern=r"-\d{6,}\.html$",
    verified=False,
    notes=(
        "National online daily; search runs on the timkiem.vnexpress.net subdomain. Entry "
        "points are best guesses from the outlet's usual CMS paths; none could be checked "
        "from the project's machines. Search results are assumed to page with '&page=N' or a "
        "'next' link. The crawler also discovers feeds and sitemaps itself (robots.txt, <link "
        "rel=alternate>, /rss)."
    ),
)
