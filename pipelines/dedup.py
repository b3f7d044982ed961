"""Drop repeated pages and link syndicated copies.

- The same canonical URL twice in one run (a page reached under two URLs whose
  ``rel=canonical`` agree): the second is dropped.
- A kept article whose body fingerprint (``ocop_crawler.fingerprint``) is a near
  duplicate of a stored original, and whose text is the original's (``same_text``:
  the same words, figures and places, not a report written on the same template),
  is a syndicated copy: it is stored with
  ``duplicate_of`` = the original's id and gets no facts. The original is the
  copy published first (for the same time, the smaller URL); when the new page is
  the first, the stored page becomes the copy (its facts are removed) so the order
  of the crawl does not matter.
"""
from __future__ import annotations

from scrapy.exceptions import DropItem

from ocop_crawler.fingerprint import fingerprint, near_duplicate, same_text


class DedupPipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.urls: set[str] = set()
        self.originals: list[dict] | None = None

    @classmethod
    def from_crawler(cls, crawler):
        pipe = cls(crawler)
        crawler.ocop_dedup = pipe     # the store pipeline reports stored originals to it
        return pipe

    def open_spider(self):
        self.originals = self.crawler.spider.store.originals()

    def process_item(self, item):
        spider = self.crawler.spider
        if item["url"] in self.urls:
            self.crawler.stats.inc_value(f"ocop/{item['site']}/duplicates")
            raise DropItem(f"duplicate URL {item['url']}", log_level="INFO")
        self.urls.add(item["url"])
        if item["status"] != "kept":
            return item
        item["fingerprint"] = fingerprint(item["body"])
        for orig in self.originals:
            if orig["fingerprint"] and near_duplicate(orig["fingerprint"], item["fingerprint"]):
                stored = spider.store.db.execute(
                    "select url, body from articles where id = ?", [orig["id"]]).fetchone()
                if stored and stored[0] == item["url"]:
                    continue       # --refresh of the original itself
                if stored and not same_text(stored[1] or "", item["body"]):
                    self.crawler.stats.inc_value(f"ocop/{item['site']}/near_not_copy")
                    continue       # same template, other figures or places: another report
                if _first(item.get("published"), item["url"],
                          orig.get("published"), stored[0] if stored else ""):
                    item["supersedes"] = orig["id"]   # the stored one is the copy
                    self.originals.remove(orig)
                else:
                    item["duplicate_of"] = orig["id"]
                break
        return item

    def remember(self, article_id: int, item) -> None:
        """Called by the store pipeline once an original is stored."""
        self.originals.append({"id": article_id, "source_id": item["site"],
                               "published": item.get("published"),
                               "fingerprint": item.get("fingerprint")})


def _first(a_published: str | None, a_url: str, b_published: str | None, b_url: str) -> bool:
    """True when copy ``a`` comes before copy ``b``: published earlier (a known date before
    an unknown one), then, for the same time, the smaller URL. A total order, so which copy
    is the original never depends on which page the crawl reached first."""
    def key(published, url):
        return (not published, (published or "")[:19], url)
    return key(a_published, a_url) < key(b_published, b_url)
