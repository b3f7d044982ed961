"""Store each item in SQLite (``ocop_crawler.storage.Store``).

Kept articles go to ``articles`` with their facts (``facts``); skipped pages to
``skipped`` with their reason. A URL already stored is never inserted twice: with
``--refresh`` the stored article is updated and its facts replaced. Per-site
counts go to the crawler stats (``ocop/<site>/kept`` ...) for the progress lines
and ``crawl_run_sites``.
"""
from __future__ import annotations

from nlp import EXTRACTOR_VERSION


class StorePipeline:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _inc(self, site, key, n=1):
        self.crawler.stats.inc_value(f"ocop/{site}/{key}", n)

    def process_item(self, item):
        spider = self.crawler.spider
        store, run_id, site = spider.store, spider.run_id, item["site"]
        if item["status"] == "old":                  # before --since: counted, not stored
            self._inc(site, "too_old")
            return item
        if item["status"] != "kept":
            store.add_skipped(item["url"], site, item.get("reason") or "skip", item.get("title"),
                              run_id=run_id)
            spider.seen.add(item["url"])
            self._inc(site, "skipped")
            return item
        row = dict(item, source_id=site)
        article_id = store.add_article(row, run_id=run_id)
        if article_id is None:                       # stored before: refresh it
            article_id = store.article_id(item["url"])
            store.update_article(article_id, {k: row.get(k) for k in (
                "title", "published", "author", "body", "fetched_at", "fingerprint",
                "duplicate_of")})
            store.db["articles"].update(article_id, {"run_id": run_id})  # last fetched by this run
            self._inc(site, "refreshed")
        self._inc(site, "kept")
        # a page stored as kept must not stay in `skipped` from an older run
        store.db.execute("delete from skipped where url = ?", [item["url"]])
        spider.seen.add(item["url"])
        if item.get("duplicate_of"):
            self._inc(site, "duplicates")
            store.replace_facts(article_id, [], EXTRACTOR_VERSION)
            return item
        if item.get("supersedes"):
            store.mark_duplicate(item["supersedes"], article_id)
            self.crawler.stats.inc_value(f"ocop/{site}/superseded")
        dedup = getattr(self.crawler, "ocop_dedup", None)
        if dedup is not None and item.get("fingerprint"):
            dedup.remember(article_id, item)
        n = store.replace_facts(article_id, item.get("facts") or [], EXTRACTOR_VERSION)
        self._inc(site, "facts", n)
        return item

