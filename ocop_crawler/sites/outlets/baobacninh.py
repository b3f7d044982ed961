"""Báo Bắc Ninh (baobacninhtv.vn): party newspaper of Bắc Ninh.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import ISSUE10_CONFIG, UNVERIFIED

SITE = Site(
    name="baobacninh",
    title="Báo và Phát thanh, Truyền hình Bắc Ninh",
    base_url="https://baobacninhtv.vn",
    province="Bắc Ninh",
    kind="provincial",
    feeds=("https://baobacninhtv.vn/rss",),
    sitemaps=("https://baobacninhtv.vn/sitemap.xml",),
    search="https://baobacninhtv.vn/tim-kiem?q={query}",
    article_pattern=r"-postid\d+\.bbg$",
    verified=False,
    verified_from=(ISSUE10_CONFIG + ": the domain baobacninhtv.vn and its '-postid<id>.bbg' "
                   "article URLs; feeds, sitemap and search written from memory, unverified"),
    old_hosts=("baobacninh.com.vn", "baobacninh.vn"),
    notes=("The paper publishes at baobacninhtv.vn, articles ending in '-postid<id>.bbg'. "
           "Older addresses baobacninh.com.vn / baobacninh.vn (from memory) are kept as "
           "old_hosts so archived URLs map to it. " + UNVERIFIED),
)
