"""Báo Đồng Khởi (baodongkhoi.vn): party newspaper of Bến Tre until 2025.

Bến Tre became part of Vĩnh Long province on 1/7/2025 and its paper is now served
under baovinhlong.vn (`baovinhlong`, the successor). The entry is kept for the
years of OCOP reporting archived under baodongkhoi.vn (Common Crawl's CC-NEWS, our WARCs):
`ocop import-warc` attributes those URLs to it.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import ISSUE10_CONFIG

SITE = Site(
    name="baodongkhoi",
    title="Báo Đồng Khởi",
    base_url="https://baodongkhoi.vn",
    province="Bến Tre",
    kind="provincial",
    verified=False,
    verified_from=(ISSUE10_CONFIG + ": the paper is now served under baovinhlong.vn; "
                   "baodongkhoi.vn, its archive domain, written from memory"),
    successor="baovinhlong",
    notes=("No entry point of its own any more: crawl `baovinhlong` for its news since the "
           "merger. Its old feeds and sitemap (/rss, /sitemap.xml, written from memory) "
           "were dropped; a crawl of this entry starts from the base URL only."),
)
