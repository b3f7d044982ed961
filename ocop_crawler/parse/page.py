"""One saved page through the crawler's parser: ``ocop parse PAGE.html [--url URL] [--json]``.

    >>> from ocop_crawler.parse.page import parse_page
    >>> fields = parse_page("article.html", url="https://baohatinh.vn/x-123.html")
    >>> sorted(fields)
    ['author', 'body', 'canonical', 'lead', 'published', 'title']

The file's bytes (gunzipped when the page was saved gzipped) are decoded as Scrapy
decodes a response (BOM, ``<meta charset>``, else UTF-8, via w3lib, with the crawler's charset correction); with a URL whose host is a registry outlet, that outlet's CSS
overrides are used, as in a crawl. ``body`` is the article's text, one paragraph a
line (lead first), exactly what the crawler stores.
"""
from __future__ import annotations

import gzip
import json
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from . import parse_article

FIELDS = ("title", "published", "author", "lead", "body", "canonical")


class PageError(Exception):
    """A page that cannot be read, or a bad --url / --fetched-at: one line for the user."""


def _read(path) -> bytes:
    p = Path(path)
    if not p.exists():
        raise PageError(f"{path}: no such file")
    if p.is_dir():
        raise PageError(f"{path}: is a directory, not a saved page")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise PageError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    if data[:2] == b"\x1f\x8b":  # a page saved gzipped (page.html.gz)
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise PageError(f"{path}: a broken gzip file ({exc})") from None
    if not data.strip():
        raise PageError(f"{path}: empty file")
    head = data[:4096]
    if not head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text has NUL bytes
        controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
        if b"\x00" in head or controls > 0.1 * len(head):
            raise PageError(f"{path}: not an HTML page (binary data)")
    return data


def _decode(data: bytes) -> str:
    """As the crawler decodes a page (spiders.charset.decode_page): the charset the page
    declares (BOM, ``<meta charset>``, read by w3lib as Scrapy does), corrected when the
    bytes say otherwise (utf-8 labelled iso-8859-1, windows-1258)."""
    from w3lib.encoding import html_to_unicode
    from spiders.charset import decode_page
    declared, text = html_to_unicode(None, data)
    fixed = decode_page(data, declared)[0]
    return text if fixed is None else fixed


def site_for(url: str | None):
    """The registry outlet serving ``url`` (its host or a parent domain: ``sites.site_for_host``)
    when it has CSS overrides, else None."""
    if not url:
        return None
    from ..sites import site_for_host
    site = site_for_host(urlsplit(url).netloc)
    return site if site is not None and site.selectors else None


def parse_page(path, url: str | None = None, *, fetched_at: datetime | str | None = None,
               selectors: dict | None = None) -> dict:
    """Parse one saved article page; returns ``title, published, author, lead, body, canonical``.

    ``url`` is where the page was fetched from (resolves relative links, picks the
    registry outlet's overrides unless ``selectors`` is given); ``fetched_at`` (a
    datetime or ISO 8601 string) is the fetch time that relative dates ("2 giờ trước")
    count from. Raises :class:`PageError` on a missing, unreadable or empty file or a
    bad ``url``/``fetched_at``.
    """
    if url is not None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise PageError(f"--url {url!r}: not an absolute http(s) URL")
    if isinstance(fetched_at, str):
        try:
            fetched_at = datetime.fromisoformat(fetched_at.replace("Z", "+00:00"))
        except ValueError:
            raise PageError(f"--fetched-at {fetched_at!r}: not an ISO 8601 date-time") from None
    html = _decode(_read(path))
    if selectors is None:
        site = site_for(url)
        selectors = site.selectors if site else None
    art = parse_article(html, url or "", selectors=selectors, fetched_at=fetched_at)
    return {"title": art["title"], "published": art["published"], "author": art["author"],
            "lead": art["lead"], "body": art["body"], "canonical": art["canonical_url"] or None}


def format_report(fields: dict, path: str = "", site=None) -> str:
    """The readable report of ``ocop parse``: the fields, then the body paragraph by paragraph."""
    paragraphs = [p for p in (fields["body"] or "").split("\n") if p]
    rows = [("page", path), ("title", fields["title"] or "(none)"),
            ("published", fields["published"] or "(none)"), ("author", fields["author"] or "(none)"),
            ("canonical", fields["canonical"] or "(none)"),
            ("selectors", f"{site.name} (registry)" if site else "generic"),
            ("lead", fields["lead"] or "(none)"),
            ("body", f"{len(paragraphs)} paragraphs, {len(fields['body'] or '')} characters")]
    out = [f"{k:<10} {v}" for k, v in rows if k != "page" or v]
    out += [f"  {n:>3}  {p}" for n, p in enumerate(paragraphs, 1)]
    return "\n".join(out)


def print_page(path, url: str | None = None, *, as_json: bool = False,
               fetched_at: str | None = None, out=None, err=None) -> int:
    """``ocop parse``: print the fields of one saved page; 0, or 1 with one line on stderr."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        fields = parse_page(path, url, fetched_at=fetched_at)
    except PageError as exc:
        print(f"ocop parse: {exc}", file=err)
        return 1
    if as_json:
        print(json.dumps(fields, ensure_ascii=False), file=out)
    else:
        print(format_report(fields, str(path), site_for(url)), file=out)
    return 0
