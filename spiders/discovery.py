"""Finding article URLs: feeds, sitemaps, listing pages and their pagination.

Pure helpers over Scrapy responses, used by the ``news`` spider:

- ``feed_links(response)``: RSS/Atom feeds a page announces (``<link rel="alternate">``).
- ``feed_entries(response)``: (url, date) of every item of an RSS 2.0 / Atom / RSS 1.0 feed.
- ``sitemap_entries(response)``: ("sitemap" | "url", loc, lastmod date) using Scrapy's
  ``scrapy.utils.sitemap`` (the machinery of ``SitemapSpider``), gzip included.
- ``listing_items(response, is_article)``: (url, date) of the article links of a
  listing/search page, the date read from the item's own markup.
- ``next_page(response)``: the next listing page (``rel=next``, "Trang sau", ``?page=N+1``).

Common paths probed when a site announces no feed or sitemap: ``COMMON_FEEDS``, ``COMMON_SITEMAPS``.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from lxml import etree
from scrapy.http import XmlResponse
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

COMMON_FEEDS = ("/rss", "/rss.xml", "/feed", "/rss/home.rss", "/feeds")
COMMON_SITEMAPS = ("/sitemap.xml", "/sitemap_index.xml", "/sitemaps.xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml")

_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_YMD = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})")
_RELATIVE = re.compile(r"\d+\s*(phút|giờ|tiếng)\s*trước|vừa xong|hôm nay|hôm qua", re.I)
NEXT_TEXTS = ("trang sau", "trang tiếp", "tiếp theo", "sau »", "xem tiếp", "next", "›", "»")


def to_date(value) -> date | None:
    """A date from a feed/sitemap/listing date string (ISO 8601, RFC 822, dd/mm/yyyy)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    m = _YMD.search(text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    m = _DMY.search(text)
    if m:
        try:
            return date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    if _RELATIVE.search(text):
        return date.today()
    return None


def robots_sitemaps(robots_text: str, base_url: str) -> list[str]:
    """``Sitemap:`` lines of a robots.txt, made absolute (Scrapy's helper)."""
    return list(sitemap_urls_from_robots(robots_text.encode("utf-8"), base_url=base_url))


def feed_links(response) -> list[str]:
    """Feeds a page announces with ``<link rel="alternate" type="application/rss+xml">``."""
    out = []
    for link in response.css('link[rel~="alternate"][href]'):
        kind = (link.attrib.get("type") or "").lower()
        if any(kind.startswith(t) for t in FEED_TYPES) or "rss" in kind or "atom" in kind:
            out.append(response.urljoin(link.attrib["href"]))
    return list(dict.fromkeys(out))


def _xml_root(body: bytes):
    parser = etree.XMLParser(recover=True, remove_comments=True, resolve_entities=False,
                             no_network=True, huge_tree=False)
    try:
        return etree.fromstring(body.strip(), parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        return None


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def looks_like_feed(response) -> bool:
    root = _xml_root(response.body) if response.body else None
    return root is not None and _local(root.tag) in ("rss", "feed", "rdf")


def feed_entries(response) -> list[tuple[str, date | None]]:
    """(absolute url, date) of each item of an RSS 2.0, RSS 1.0 or Atom feed."""
    root = _xml_root(response.body)
    if root is None:
        return []
    out = []
    for el in root.iter():
        name = _local(el.tag)
        if name not in ("item", "entry"):
            continue
        link, when = None, None
        for child in el:
            cname = _local(child.tag)
            if cname == "link":
                href = child.get("href")
                rel = child.get("rel", "alternate")
                if href and rel == "alternate":
                    link = link or href
                elif (child.text or "").strip():
                    link = link or child.text.strip()
            elif cname == "guid" and child.get("isPermaLink", "true") != "false" and not link:
                if (child.text or "").startswith("http"):
                    link = child.text.strip()
            elif cname in ("pubdate", "published", "updated", "date", "issued") and when is None:
                when = to_date(child.text)
        if link:
            out.append((response.urljoin(link), when))
    return out


def sitemap_body(response, max_size: int) -> bytes | None:
    """The XML of a sitemap response (gunzipped when needed), as SitemapSpider reads it."""
    if isinstance(response, XmlResponse):
        return response.body
    if gzip_magic_number(response):
        try:
            return gunzip(response.body, max_size=max_size)
        except Exception:  # too big or corrupt
            return None
    if response.body.lstrip()[:5] in (b"<?xml", b"<urls", b"<site"):
        return response.body
    return None


def sitemap_entries(response, max_size: int = 50 * 1024 * 1024):
    """("sitemap" | "url", absolute loc, lastmod date) of a sitemap index or urlset."""
    body = sitemap_body(response, max_size)
    if not body:
        return None
    try:
        sm = Sitemap(body)
    except Exception:
        return None
    kind = "sitemap" if sm.type == "sitemapindex" else "url" if sm.type == "urlset" else None
    if kind is None:
        return None
    out = []
    for entry in sm:
        loc = entry.get("loc")
        if loc:
            out.append((kind, response.urljoin(loc.strip()), to_date(entry.get("lastmod"))))
    return out


def _item_date(anchor) -> date | None:
    """The date printed next to a listing link: look up to four ancestors for it."""
    node = anchor
    for _ in range(4):
        parent = node.getparent()
        if parent is None:
            break
        node = parent
        links = {a.get("href") for a in node.iter("a") if a.get("href")}
        if len(links) > 3:      # we reached the list itself, not the item
            break
        for t in node.iter("time"):
            d = to_date(t.get("datetime") or t.text_content())
            if d:
                return d
        d = to_date(node.text_content())
        if d:
            return d
    return None


def listing_items(response, is_article) -> list[tuple[str, date | None]]:
    """Article links of a listing page with the date shown for each (None if none)."""
    out: dict[str, date | None] = {}
    root = response.selector.root
    for a in root.iter("a"):
        href = a.get("href")
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        url = response.urljoin(href)
        if not is_article(url):
            continue
        when = _item_date(a)
        if url not in out or (out[url] is None and when is not None):
            out[url] = when
    return list(out.items())


def page_links(response) -> list[str]:
    """Every link of a page, absolute."""
    return [response.urljoin(h) for h in response.css("a::attr(href)").getall()
            if h and not h.startswith(("#", "javascript:", "mailto:", "tel:"))]


def next_page(response) -> str | None:
    """The next page of a listing: rel=next, a "Trang sau" link, else ``?page=N+1`` if linked."""
    href = response.css('link[rel="next"]::attr(href), a[rel~="next"]::attr(href)').get()
    if href:
        return response.urljoin(href)
    for a in response.css("a[href]"):
        text = " ".join(a.css("::text").getall()).strip().lower()
        label = (a.attrib.get("title") or a.attrib.get("aria-label") or "").lower()
        if text in NEXT_TEXTS or any(t in label for t in ("trang sau", "trang tiếp", "next")) \
                or text.startswith(("trang sau", "trang tiếp")):
            return response.urljoin(a.attrib["href"])
    # a numbered pager: link to ?page=N+1 present on the page
    parts = urlsplit(response.url)
    query = dict(parse_qsl(parts.query))
    try:
        current = int(query.get("page", "1"))
    except ValueError:
        return None
    query["page"] = str(current + 1)
    candidate = urlunsplit(parts._replace(query=urlencode(query)))
    links = {response.urljoin(h) for h in response.css("a::attr(href)").getall()}
    return candidate if candidate in links else None
