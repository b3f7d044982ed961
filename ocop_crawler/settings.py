"""Scrapy settings of the ``news`` spider: polite defaults for the real press.

``ocop crawl`` (``ocop_crawler.crawl.run_crawl``) starts from these and adds the
run's options (JOBDIR, HTTP cache, page limit). ``loopback_overrides()`` is the
small set of changes the demo and the tests use against the sample site on
127.0.0.1 (no politeness delay, more concurrency): never use them on real sites.
"""
import os

from ocop_crawler import __version__

BOT_NAME = "ocop_harvester"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# Identify ourselves, with a contact URL, as the press expects of a crawler. Whoever runs a
# crawl sets OCOP_CONTACT to a URL or e-mail address where site owners can reach them.
CONTACT = os.environ.get("OCOP_CONTACT", "https://github.com/ocop-harvester/ocop-harvester")
USER_AGENT = f"ocop-harvester/{__version__} (+{CONTACT}; research crawler for OCOP news)"

# Politeness.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5          # ±50 % around DOWNLOAD_DELAY
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024      # no news page or sitemap is bigger than 8 MB
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024

# Retries on throttling and server errors (Scrapy's RetryMiddleware). A 429/503 with
# Retry-After holds the host for the time asked, up to OCOP_RETRY_AFTER_MAX seconds, before
# the retry (spiders.middlewares.RetryAfterMiddleware); a longer wait is not retried this run.
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
OCOP_RETRY_AFTER_MAX = 120.0

# Off: it would start a control server and write under ~/.local/state/scrapy.
REMOTE_CONTROL_ENABLED = False
TELNETCONSOLE_ENABLED = False

# Breadth-first order keeps listing pages ahead of deep article backlogs, and the
# disk queues it implies are the ones JOBDIR (``ocop crawl --resume``) persists.
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

DOWNLOADER_MIDDLEWARES = {
    # a redirect off the outlet's hosts is not followed (before robots.txt is asked there)
    "spiders.middlewares.OutletHostsMiddleware": 40,
    # robots.txt served from the database for 24 h (RFC 9309 caching), so a
    # daily re-crawl does not fetch it again; runs before RobotsTxtMiddleware's download.
    "spiders.robotscache.RobotsCacheMiddleware": 90,
    # articles restored from a JOBDIR queue that the killed run had already stored
    "spiders.seenfilter.SeenFilterMiddleware": 95,
    # Retry-After of 429/503, seen before Scrapy's RetryMiddleware (550) retries at once
    "spiders.middlewares.RetryAfterMiddleware": 555,
    # `ocop crawl --warc DIR`: every response and its request as WARC records, next to
    # the downloader (after every other middleware) so they are as sent and received
    "ocop_crawler.warc.WarcWriterMiddleware": 950,
}
OCOP_WARC_DIR = None                    # set by `ocop crawl --warc DIR`; None: no WARC output
OCOP_WARC_MAX_SIZE = 1_000_000_000      # bytes per WARC file before the next one (--warc-max-size)

ITEM_PIPELINES = {
    "pipelines.normalize.NormalizePipeline": 100,
    "pipelines.dedup.DedupPipeline": 200,
    "pipelines.extract.ExtractFactsPipeline": 300,
    "pipelines.store.StorePipeline": 400,
}

EXTENSIONS = {
    "ocop_crawler.crawl.ProgressReporter": 500,
}
OCOP_PROGRESS_INTERVAL = 15.0   # seconds between per-site progress lines on stderr

HTTPCACHE_ENABLED = False       # `ocop crawl --http-cache` turns it on
HTTPCACHE_DIR = "httpcache"
HTTPCACHE_EXPIRATION_SECS = 24 * 3600
HTTPCACHE_IGNORE_HTTP_CODES = [429, 500, 502, 503, 504]

LOG_LEVEL = "WARNING"
LOGSTATS_INTERVAL = 0
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"


def loopback_overrides() -> dict:
    """Settings for crawling the bundled sample site on 127.0.0.1 (demo and tests)."""
    return {
        "AUTOTHROTTLE_ENABLED": False,
        "DOWNLOAD_DELAY": 0,
        "DOWNLOAD_DELAY_JITTER": 0,
        "CONCURRENT_REQUESTS": 32,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
        "DOWNLOAD_TIMEOUT": 20,
        "RETRY_TIMES": 1,
    }
