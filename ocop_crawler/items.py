"""The item the ``news`` spider yields for every article page it fetched.

One ``ArticleItem`` per article page, kept or not: ``status`` is ``"kept"`` (an
OCOP article) or ``"skipped"`` (with ``reason``), so the pipelines can store the
article with its facts, or record the skipped page for auditing in Datasette.
"""
import scrapy


class ArticleItem(scrapy.Item):
    site = scrapy.Field()            # registry name (sources.id)
    url = scrapy.Field()             # canonical URL (articles.url / skipped.url)
    request_url = scrapy.Field()     # the URL actually fetched (may be an AMP/tracking variant)
    title = scrapy.Field()
    published = scrapy.Field()       # ISO 8601 or None
    author = scrapy.Field()
    body = scrapy.Field()            # plain text without boilerplate
    fetched_at = scrapy.Field()      # ISO 8601 (UTC)
    status = scrapy.Field()          # "kept" | "skipped" | "old" (before --since: not stored)
    reason = scrapy.Field()          # relevance reason ("ocop: title", "skip: no OCOP mention", ...)
    home_province = scrapy.Field()   # the source's home province (for fact extraction)
    fingerprint = scrapy.Field()     # SimHash of the body (set by the dedup pipeline)
    duplicate_of = scrapy.Field()    # id of the stored original when this is a syndicated copy
    supersedes = scrapy.Field()      # id of a stored copy this earlier-published page replaces
    facts = scrapy.Field()           # fact dicts (set by the extract pipeline)
    refresh = scrapy.Field()         # True when a stored article is fetched again (--refresh)
