"""The loopback HTTP servers of the sample outlets (stdlib ``ThreadingHTTPServer``).

One server per outlet, each on its own free port, so robots.txt, feeds and
sitemaps are per host as on the real web. Pages are rendered on each request
from the article data, with absolute links built from the request's Host header.
"""
from __future__ import annotations

import hashlib
import math
import threading
import unicodedata
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from . import render
from .model import vn_now
from .render import Ctx

CSS = b"body{font-family:Arial,sans-serif;margin:0 auto;max-width:1000px}.footer{color:#555}\n"
HOME_ITEMS = 8
FEED_ITEMS = 10
SEARCH_PAGE_SIZE = 5


def fold(s: str) -> str:
    """Lower-case, strip diacritics (also đ -> d) for the site search."""
    s = unicodedata.normalize("NFD", s.casefold()).replace("đ", "d")
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


class Outlet:
    """An outlet's articles and the listings built from them (pure; no I/O)."""

    def __init__(self, outlet, articles, now):
        self.outlet = outlet
        self.now = now
        mine = [a for a in articles if a.site == outlet.name]
        key = lambda a: a.when(now)  # noqa: E731
        self.public = sorted((a for a in mine if not a.private), key=key, reverse=True)
        self.private = [a for a in mine if a.private]
        self.all_articles = articles
        self.by_path = {a.path: a for a in mine}
        self.amp = {a.amp_path: a for a in self.public if a.amp}

    # listings ------------------------------------------------------------
    def category(self, cat):
        return [a for a in self.public if a.cat == cat]

    def search(self, q):
        q = fold(q.strip())
        if not q:
            return []
        return [a for a in self.public if q in fold(a.text() + " " + " ".join(a.tags))]

    def page_size(self, cat=None):
        return self.outlet.page_size if cat in (None, "ocop") else max(2, self.outlet.page_size - 2)

    def latest(self):
        return self.public[:HOME_ITEMS]

    def amp_links(self):
        return [a for a in self.public if a.amp]

    def listings(self):
        """Every listing path (with query) -> the articles it shows; used by manifest()."""
        out = {"/": self.latest(), self.outlet.feed_path: self.public[:FEED_ITEMS]}
        out["/sitemap-articles.xml" if self.outlet.sitemap_index else "/sitemap.xml"] = self.public
        for cat in self.outlet.categories:
            arts, size = self.category(cat), self.page_size(cat)
            for n in range(1, max(1, math.ceil(len(arts) / size)) + 1):
                out[cat_path(cat, n)] = arts[(n - 1) * size:n * size]
        hits = self.search("OCOP")
        for n in range(1, max(1, math.ceil(len(hits) / SEARCH_PAGE_SIZE)) + 1):
            out[search_path("OCOP", n)] = hits[(n - 1) * SEARCH_PAGE_SIZE:n * SEARCH_PAGE_SIZE]
        return out

    # routing -------------------------------------------------------------
    def respond(self, path, query, base):
        """Return (status, content_type, body_text, last_modified or None)."""
        ctx = Ctx(self.outlet, base, self.now, self.all_articles)
        o = self.outlet
        html = "text/html; charset=utf-8"
        if path == "/":
            return 200, html, render.home_page(ctx, self.latest(), self.amp_links(), self.private), None
        if path == "/robots.txt":
            return 200, "text/plain; charset=utf-8", render.robots(ctx), None
        if path == o.feed_path:
            arts = self.public[:FEED_ITEMS]
            return 200, "application/rss+xml; charset=utf-8", render.rss(ctx, arts), arts[0].when(self.now)
        if path == "/sitemap.xml":
            if o.sitemap_index:
                return 200, "application/xml; charset=utf-8", render.sitemap_index(ctx, self.public[0].when(self.now)), None
            return 200, "application/xml; charset=utf-8", render.urlset(ctx, self.public), None
        if path == "/sitemap-articles.xml" and o.sitemap_index:
            return 200, "application/xml; charset=utf-8", render.urlset(ctx, self.public), None
        if path == "/static/site.css":
            return 200, "text/css; charset=utf-8", CSS.decode(), None
        page = _int(query.get("page", ["1"])[0])
        if path.startswith("/chuyen-muc/"):
            cat = path[len("/chuyen-muc/"):].strip("/")
            if cat not in o.categories or page is None:
                return _404()
            arts, size = self.category(cat), self.page_size(cat)
            pages = max(1, math.ceil(len(arts) / size))
            if not 1 <= page <= pages:
                return _404()
            heading = render.CATEGORY_NAMES[cat]
            return 200, html, render.listing_page(ctx, heading, arts[(page - 1) * size:page * size], page, pages,
                                                  lambda n: cat_path(cat, n)), None
        if path == "/tim-kiem":
            q = query.get("q", [""])[0]
            if page is None:
                return _404()
            hits = self.search(q)
            pages = max(1, math.ceil(len(hits) / SEARCH_PAGE_SIZE))
            if not 1 <= page <= pages:
                return _404()
            items = hits[(page - 1) * SEARCH_PAGE_SIZE:page * SEARCH_PAGE_SIZE]
            return 200, html, render.listing_page(ctx, f'Kết quả tìm kiếm "{q}"', items, page, pages,
                                                  lambda n: search_path(q, n)), None
        if path in ("/private", "/private/"):
            return 200, html, render.private_index(ctx, self.private), None
        art = self.by_path.get(path)
        if art is not None:
            return 200, html, render.article_page(ctx, art), art.when(self.now)
        art = self.amp.get(path)
        if art is not None:
            return 200, html, render.article_page(ctx, art, amp=True), art.when(self.now)
        return _404()


def cat_path(cat, n):
    return f"/chuyen-muc/{cat}" + (f"?page={n}" if n > 1 else "")


def search_path(q, n):
    from urllib.parse import quote_plus
    return f"/tim-kiem?q={quote_plus(q)}" + (f"&page={n}" if n > 1 else "")


def _int(s):
    try:
        return int(s)
    except ValueError:
        return None


def _404():
    return 404, "text/html; charset=utf-8", "<!DOCTYPE html><html><body><h1>404 - Không tìm thấy trang</h1></body></html>", None


class Server(ThreadingHTTPServer):
    request_queue_size = 128
    daemon_threads = True
    allow_reuse_address = True


def make_handler(site: Outlet, log: list, lock: threading.Lock):
    class Handler(BaseHTTPRequestHandler):
        server_version = "OcopSampleSite/1.0"
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            self._serve(send_body=True)

        def do_HEAD(self):
            self._serve(send_body=False)

        def _serve(self, send_body):
            parts = urlsplit(self.path)
            with lock:
                log.append((site.outlet.name, self.path))
            host = self.headers.get("Host") or "%s:%s" % self.server.server_address[:2]
            status, ctype, text, modified = site.respond(parts.path or "/", parse_qs(parts.query), f"http://{host}")
            body = text.encode("utf-8")
            etag = '"%s"' % hashlib.sha1(body).hexdigest()[:20]
            if status == 200 and self._not_modified(etag, modified):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if status == 200:
                self.send_header("ETag", etag)
                if modified is not None:
                    self.send_header("Last-Modified", format_datetime(
                        modified.replace(tzinfo=render.VN).astimezone(timezone.utc), usegmt=True))
            self.end_headers()
            if send_body:
                self.wfile.write(body)

        def _not_modified(self, etag, modified):
            inm = self.headers.get("If-None-Match")
            if inm:
                return etag in [t.strip() for t in inm.split(",")]
            ims = self.headers.get("If-Modified-Since")
            if ims and modified is not None:
                try:
                    since = parsedate_to_datetime(ims)
                except (TypeError, ValueError):
                    return False
                return modified.replace(tzinfo=render.VN) <= since
            return False

        def log_message(self, format, *args):  # noqa: A002 - keep test output quiet
            pass

    return Handler


class SampleSites:
    """The running sample outlets: ``urls`` (name -> base URL) and ``requests`` served."""

    def __init__(self, outlets, articles, host="127.0.0.1", now: datetime | None = None):
        self.now = (now or vn_now()).replace(second=0, microsecond=0)
        self.requests: list = []
        self._lock = threading.Lock()
        self._servers = []
        self._threads = []
        self.urls: dict = {}
        self.sites = {o.name: Outlet(o, articles, self.now) for o in outlets}
        try:
            for name, site in self.sites.items():
                srv = Server((host, 0), make_handler(site, self.requests, self._lock))
                t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.1},
                                     name=f"samplesite-{name}", daemon=True)
                t.start()
                self._servers.append(srv)
                self._threads.append(t)
                h, port = srv.server_address[:2]
                self.urls[name] = f"http://{h}:{port}"
        except Exception:
            self.stop()
            raise

    def stop(self):
        for srv in self._servers:
            srv.shutdown()
            srv.server_close()
        for t in self._threads:
            t.join(timeout=5)
        self._servers, self._threads = [], []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
        return False
