"""Store each item in SQLite (``ocop_crawler.storage.Store``).

Kept articles go to ``articles`` with their facts (``facts``); skipped pages to
``skipped`` with their reason. A URL already stored is never inserted twice: with
``--refresh`` the stored article is updated and its facts replaced. Per-site
counts go to the crawler stats (``ocop/<site>/kept`` ...) for the progress lines
and ``crawl_run_sites``.

Each kept article is written in one SQLite transaction (``Store.transaction``):
its row (or the refresh of a stored one), the removal of an older ``skipped`` row,
the demotion of the copy it supersedes, its facts and their FTS rows. A crawl
killed at any point therefore leaves every article with all its facts or not
stored at all (and so fetched again by ``--resume`` or the next run).
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
        # One transaction per article: a process killed half-way leaves no article without
        # its facts (the next run fetches it again), a reader sees all of it or none.
        with store.transaction():
            article_id, refreshed, n = self._store_article(store, item, run_id, site)
        # what the crawl remembers in memory only once the article is committed
        spider.seen.add(item["url"])
        self._inc(site, "kept")
        if refreshed:
            self._inc(site, "refreshed")
        if item.get("duplicate_of"):
            self._inc(site, "duplicates")
            return item
        if item.get("supersedes"):
            self.crawler.stats.inc_value(f"ocop/{site}/superseded")
        dedup = getattr(self.crawler, "ocop_dedup", None)
        if dedup is not None and item.get("fingerprint"):
            dedup.remember(article_id, item)
        self._inc(site, "facts", n)
        return item

    @staticmethod
    def _store_article(store, item, run_id, site) -> tuple[int, bool, int]:
        """The writes of one kept article: (article id, refreshed?, facts stored)."""
        row = dict(item, source_id=site)
        article_id = store.add_article(row, run_id=run_id)
        refreshed = article_id is None
        if refreshed:                                # stored before: refresh it
            article_id = store.article_id(item["url"])
            store.update_article(article_id, {k: row.get(k) for k in (
                "title", "published", "author", "body", "fetched_at", "fingerprint",
                "duplicate_of")})
            store.db["articles"].update(article_id, {"run_id": run_id})  # last fetched by this run
        # a page stored as kept must not stay in `skipped` from an older run
        store.db.execute("delete from skipped where url = ?", [item["url"]])
        if item.get("duplicate_of"):
            store.replace_facts(article_id, [], EXTRACTOR_VERSION)
            return article_id, refreshed, 0
        if item.get("supersedes"):
            store.mark_duplicate(item["supersedes"], article_id)
        n = store.replace_facts(article_id, item.get("facts") or [], EXTRACTOR_VERSION)
        return article_id, refreshed, n
