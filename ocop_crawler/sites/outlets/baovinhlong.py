"""Báo Vĩnh Long (baovinhlong.vn): party newspaper of Vĩnh Long.

Since 1/7/2025 Vĩnh Long includes Bến Tre and Trà Vinh, and baovinhlong.vn also
serves what Báo Đồng Khởi (`baodongkhoi`) and Báo Trà Vinh (`baotravinh`) publish.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import ISSUE10_CONFIG, UNVERIFIED

SITE = Site(
    name="baovinhlong",
    title="Báo Vĩnh Long",
    base_url="https://baovinhlong.vn",
    province="Vĩnh Long",
    kind="provincial",
    feeds=("https://baovinhlong.vn/rss",),
    sitemaps=("https://baovinhlong.vn/sitemap.xml",),
    search="https://baovinhlong.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=(ISSUE10_CONFIG + ": the domain baovinhlong.vn, which now serves the "
                   "Đồng Khởi and Trà Vinh papers too; feeds, sitemap and search written "
                   "from memory, unverified"),
    old_hosts=("baovinhlong.com.vn",),
    notes=("The merged paper of Vĩnh Long, Bến Tre and Trà Vinh (2025). The registry had "
           "baovinhlong.com.vn, kept as an old host. " + UNVERIFIED),
)
