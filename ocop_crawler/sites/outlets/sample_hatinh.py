"""Báo Hà Tĩnh (mẫu) — bundled sample outlet (layout A), served on loopback by ``ocop_crawler.samplesite``.

The base URL is a placeholder: the demo and the tests move the entry with
``Site.with_base(<the port the sample site got>)``.
"""
from ocop_crawler.sites import Site

BASE = "http://127.0.0.1:8101"

SITE = Site(
    name="sample-hatinh",
    title="Báo Hà Tĩnh (mẫu)",
    base_url=BASE,
    province="Hà Tĩnh",
    kind="sample",
    feeds=(BASE + "/rss.xml",),
    listings=(BASE + "/chuyen-muc/ocop",),
    search=BASE + "/tim-kiem?q={query}",
    article_pattern=r"/[a-z0-9-]+/[a-z0-9-]+-\d+\.html$",
    selectors={"title": ".detail-title h1", "date": ".detail-time", "author": "p.author",
               "body": ".detail-sapo, #main-detail-content > p"},
    verified=True,
    verified_from="bundled sample site (ocop_crawler/samplesite), served on loopback",
    notes=("Layout A (div-based CMS). Sitemaps are not listed: robots.txt announces them."),
)
