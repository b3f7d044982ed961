"""Item pipelines of the ``news`` spider, one job each, in this order:

normalize (NFC, whitespace) -> dedup (canonical URL, content fingerprint) ->
extract (facts with ``nlp``) -> store (SQLite via ``ocop_crawler.storage.Store``).
"""
