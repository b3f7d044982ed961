"""Báo Cần Thơ (baocantho.com.vn): party newspaper of Cần Thơ.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import ISSUE10_CONFIG, UNVERIFIED

SITE = Site(
    name="baocantho",
    title="Báo Cần Thơ",
    base_url="https://baocantho.com.vn",
    province="Cần Thơ",
    kind="provincial",
    sitemaps=("https://baocantho.com.vn/sitemap.xml",),
    search="https://baocantho.com.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=(ISSUE10_CONFIG + ": feeds are per category under /rss/cate/...; "
                   "sitemap and search written from memory, unverified"),
    notes=("Feeds are per category, /rss/cate/<category>; the category names are not "
           "recorded here, so no feed is listed: the crawler finds feeds on the home page "
           "(<link rel=alternate>) or falls back on the sitemap. " + UNVERIFIED),
)
