"""Extract OCOP facts from kept, original articles with ``nlp.extract_facts``.

The title is given as the body's first line (the extractor merges headline
repeats) with the source's home province; fact offsets are then shifted to be
offsets into the stored body. Syndicated copies (``duplicate_of`` set) and
skipped pages get no facts.
"""
from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


class ExtractFactsPipeline:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        item["facts"] = []
        if item["status"] != "kept" or item.get("duplicate_of"):
            return item
        from nlp import extract_facts
        title = item.get("title") or ""
        body = item.get("body") or ""
        text = f"{title}\n{body}" if title else body
        shift = len(title) + 1 if title else 0
        try:
            facts = extract_facts(text, title=title or None, published=item.get("published"),
                                  url=item["url"], home_province=item.get("home_province"))
        except Exception as exc:  # an extractor bug must not lose the article
            logger.exception("fact extraction failed on %s", item["url"])
            self.crawler.stats.inc_value(f"ocop/{item['site']}/errors")
            self.crawler.stats.inc_value("ocop/errors")
            log = self.crawler.stats.get_value("ocop/error_log") or []
            log.append(f"{item['site']} extract {item['url']}: {exc!r}")
            self.crawler.stats.set_value("ocop/error_log", log)
            return item
        for f in facts:
            start, end = f.get("sent_start"), f.get("sent_end")
            if start is None or start < shift:      # read from the headline: no body offsets
                f["sent_start"] = f["sent_end"] = None
            else:                                   # offsets into the stored body
                f["sent_start"], f["sent_end"] = start - shift, (end - shift if end else None)
        item["facts"] = facts
        return item
