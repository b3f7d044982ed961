"""Tin tổng hợp (mẫu) — bundled sample outlet (layout E), served on loopback by ``ocop_crawler.samplesite``.

The base URL is a placeholder: the demo and the tests move the entry with
``Site.with_base(<the port the sample site got>)``.
"""
from ocop_crawler.sites import Site

BASE = "http://127.0.0.1:8105"

SITE = Site(
    name="sample-tonghop",
    title="Tin tổng hợp (mẫu)",
    base_url=BASE,
    province=None,
    kind="sample",
    feeds=(BASE + "/rss.xml",),
    listings=(BASE + "/chuyen-muc/ocop",),
    search=BASE + "/tim-kiem?q={query}",
    article_pattern=r"/[a-z0-9-]+/[a-z0-9-]+-\d+\.html$",
    verified=True,
    verified_from="bundled sample site (ocop_crawler/samplesite), served on loopback",
    notes=("Layout E, an aggregator republishing provincial stories (syndicated copies linked by fingerprint). No CSS overrides."),
)
