"""Scrapy spiders of ocop-harvester: ``news`` (spiders/news.py) and its helpers."""
