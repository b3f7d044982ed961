"""Báo Thanh Hóa (mẫu) — bundled sample outlet (layout B), served on loopback by ``ocop_crawler.samplesite``.

The base URL is a placeholder: the demo and the tests move the entry with
``Site.with_base(<the port the sample site got>)``.
"""
from ocop_crawler.sites import Site

BASE = "http://127.0.0.1:8102"

SITE = Site(
    name="sample-thanhhoa",
    title="Báo Thanh Hóa (mẫu)",
    base_url=BASE,
    province="Thanh Hóa",
    kind="sample",
    feeds=(BASE + "/rss.xml",),
    listings=(BASE + "/chuyen-muc/ocop",),
    search=BASE + "/tim-kiem?q={query}",
    article_pattern=r"/[a-z0-9-]+/[a-z0-9-]+-\d+\.html$",
    selectors={"title": "h1.article-title", "date": "time.article-date",
               "author": ".article-body p.byline",
               "body": "h2.article-sapo, .article-body > p:not(.byline)"},
    verified=True,
    verified_from="bundled sample site (ocop_crawler/samplesite), served on loopback",
    notes=("Layout B (HTML5 <article>, byline 'Theo ...' at the end)."),
)
