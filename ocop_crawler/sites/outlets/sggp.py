"""Báo Sài Gòn Giải Phóng (www.sggp.org.vn): party newspaper of Hồ Chí Minh.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="sggp",
    title="Báo Sài Gòn Giải Phóng",
    base_url="https://www.sggp.org.vn",
    province="Hồ Chí Minh",
    kind="provincial",
    feeds=("https://www.sggp.org.vn/rss/home.rss",),
    sitemaps=("https://www.sggp.org.vn/sitemap.xml",),
    search="https://www.sggp.org.vn/tim-kiem?q={query}",
    article_pattern=r"-post\d+\.html$",
    verified=False,
    verified_from=FROM_MEMORY,
    notes="Party paper of Hồ Chí Minh City (Pháp Luật TP.HCM, plo.vn, is the city's legal paper, not the party paper). Assumed to run the '-post<id>.html' CMS shared by many papers rebuilt in 2022-2024. " + UNVERIFIED,
)
