"""Báo Lào Cai (mẫu) — bundled sample outlet (layout C), served on loopback by ``ocop_crawler.samplesite``.

The base URL is a placeholder: the demo and the tests move the entry with
``Site.with_base(<the port the sample site got>)``.
"""
from ocop_crawler.sites import Site

BASE = "http://127.0.0.1:8103"

SITE = Site(
    name="sample-laocai",
    title="Báo Lào Cai (mẫu)",
    base_url=BASE,
    province="Lào Cai",
    kind="sample",
    listings=(BASE + "/chuyen-muc/ocop",),
    search=BASE + "/tim-kiem?q={query}",
    article_pattern=r"/[a-z0-9-]+/[a-z0-9-]+-\d+\.html$",
    selectors={"title": "td.news-title", "date": "td.news-date", "author": "td.news-author",
               "body": "td.news-summary, td.content-text"},
    verified=True,
    verified_from="bundled sample site (ocop_crawler/samplesite), served on loopback",
    notes=("Layout C (table-based old CMS). No feed listed on purpose: its RSS feed lives at /rss and is found through the home page's <link rel=alternate>."),
)
