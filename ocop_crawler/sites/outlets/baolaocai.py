"""Báo Lào Cai (baolaocai.vn): party newspaper of Lào Cai.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import POST_CMS, UNVERIFIED

SITE = Site(
    name="baolaocai",
    title="Báo Lào Cai",
    base_url="https://baolaocai.vn",
    province="Lào Cai",
    kind="provincial",
    feeds=("https://baolaocai.vn/rss/home.rss",),
    sitemaps=("https://baolaocai.vn/sitemap.xml",),
    search="https://baolaocai.vn/tim-kiem?q={query}",
    article_pattern=r"-post\d+\.html$",
    verified=False,
    verified_from=('real page 2026-01-07 (tammuoichanhoa/crawl_lastest_news sample): the host and '
                   "the '-post<id>.html' article URLs; feed, sitemap and search written from memory, "
                   'unverified'),
    notes=POST_CMS + UNVERIFIED,
)
