"""WARC files (ISO 28500) with warcio: the crawl's evidence out, any crawler's archives in.

Out: ``WarcWriterMiddleware``, a Scrapy downloader middleware enabled by the
``OCOP_WARC_DIR`` setting (``ocop crawl --warc DIR``), writes every response the
crawler receives and the request that asked for it as a pair of WARC records,
one gzip member per record, into ``DIR/ocop-<UTC time>-<serial>.warc.gz``;
a file is closed and the next one started once it passes ``OCOP_WARC_MAX_SIZE``
bytes (``--warc-max-size``, default 1 GB). It sits next to the downloader
(priority 950), so the records hold the response as the server sent it
(redirects, 304s and errors included, bodies still content-encoded) and the
request with every header the crawler added; answers from a cache (the HTTP
cache, robots.txt kept in the database) were not fetched and are not written.

In: ``read_records(path, start)`` yields the records of a WARC file from a byte
offset, one gzip member at a time, so that a cut or corrupt member is reported
and skipped (reading resumes at the next gzip member) instead of ending the file
or yielding a truncated page. ``ocop_crawler.warcimport`` runs the records
through the crawl's own chain.

    >>> from ocop_crawler.warc import read_records
    >>> for rec in read_records("CC-NEWS-20240101000000-00001.warc.gz"):   # doctest: +SKIP
    ...     rec.offset, rec.type, rec.uri, rec.status, rec.error
"""
from __future__ import annotations

import io
import os
import weakref
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import NotConfigured
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from . import __version__

DEFAULT_MAX_SIZE = 1_000_000_000        # bytes per WARC file before the next one is started
GZIP_MAGIC = b"\x1f\x8b\x08"
CHUNK = 1 << 20
MAX_RECORD = 64 * 1024 * 1024           # a member inflating beyond this is skipped (corrupt or bomb)
# Hop-by-hop framing the stored payload no longer has (Scrapy hands over the de-chunked body).
_FRAMING = {"transfer-encoding", "content-length"}


# -- out -------------------------------------------------------------------------
class WarcFiles:
    """WARC files in ``directory``, rotated once one reaches ``max_size`` bytes."""

    def __init__(self, directory, max_size: int = DEFAULT_MAX_SIZE, prefix: str = "ocop"):
        self.directory = Path(directory)
        self.max_size = max(1, int(max_size))
        self.prefix = prefix
        self.fh = None
        self.writer = None
        self.serial = 0
        self.paths: list[Path] = []
        self.records = 0

    def _open(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S")
        while True:
            path = self.directory / f"{self.prefix}-{stamp}-{self.serial:05d}.warc.gz"
            self.serial += 1
            if not path.exists():
                break
        self.fh = open(path, "xb")
        self.paths.append(path)
        self.writer = WARCWriter(self.fh, gzip=True)
        info = self.writer.create_warcinfo_record(path.name, {
            "software": f"ocop-harvester/{__version__} (warcio)",
            "format": "WARC File Format 1.1",
            "description": "responses fetched by `ocop crawl --warc`, each with its request",
        })
        self.writer.write_record(info)

    def write_pair(self, request_record, response_record) -> None:
        if self.writer is None:
            self._open()
        self.writer.write_request_response_pair(request_record, response_record)
        self.records += 2
        self.fh.flush()          # a killed crawl loses at most the record being written
        if self.fh.tell() >= self.max_size:
            self.close()

    def close(self) -> None:
        if self.fh is not None:
            self.fh.close()
        self.fh = self.writer = None

    # record builders (no file needed) ------------------------------------------
    @staticmethod
    def records_for(request, response, writer: WARCWriter | None = None):
        """The (request, response) WARC records of a Scrapy request and its response."""
        writer = writer or WARCWriter(io.BytesIO(), gzip=True)
        url = response.url
        parts = urlsplit(request.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        req_headers = _header_list(request.headers)
        if not any(k.lower() == "host" for k, _ in req_headers):
            req_headers.insert(0, ("Host", parts.netloc))
        protocol = getattr(response, "protocol", None) or "HTTP/1.1"
        req_http = StatusAndHeaders(f"{request.method} {target} {protocol}", req_headers,
                                    is_http_request=True)
        body = response.body or b""
        headers = [(k, v) for k, v in _header_list(response.headers) if k.lower() not in _FRAMING]
        headers.append(("Content-Length", str(len(body))))
        try:
            reason = HTTPStatus(response.status).phrase
        except ValueError:
            reason = "Unknown"
        resp_http = StatusAndHeaders(f"{response.status} {reason}", headers, protocol=protocol)
        warc_headers = {}
        ip = getattr(response, "ip_address", None)
        if ip is not None:
            warc_headers["WARC-IP-Address"] = str(ip)
        resp = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                         http_headers=resp_http, warc_headers_dict=warc_headers)
        req = writer.create_warc_record(request.url, "request", payload=io.BytesIO(request.body or b""),
                                        http_headers=req_http)
        return req, resp


def _header_list(headers) -> list[tuple[str, str]]:
    out = []
    for key, values in headers.items():
        name = key.decode("latin-1") if isinstance(key, bytes) else str(key)
        for value in values if isinstance(values, (list, tuple)) else [values]:
            out.append((name, value.decode("latin-1") if isinstance(value, bytes) else str(value)))
    return out


class WarcWriterMiddleware:
    """Downloader middleware: every response and its request as WARC records (warcio).

    Enabled when the ``OCOP_WARC_DIR`` setting names a directory; files rotate at
    ``OCOP_WARC_MAX_SIZE`` bytes. Counts go to the stats ``ocop/warc_records`` and
    ``ocop/warc_files``.
    """

    def __init__(self, crawler, directory, max_size):
        self.crawler = crawler
        self.files = WarcFiles(directory, max_size)
        self.sent = weakref.WeakSet()     # requests that reached the downloader

    def process_request(self, request, spider=None):
        # reached only when no middleware before us answered from a cache (HTTP cache,
        # robots.txt kept in the database): only those responses were really fetched
        self.sent.add(request)

    @classmethod
    def from_crawler(cls, crawler):
        directory = crawler.settings.get("OCOP_WARC_DIR")
        if not directory:
            raise NotConfigured     # no message: Scrapy then says nothing
        mw = cls(crawler, directory, crawler.settings.getint("OCOP_WARC_MAX_SIZE", DEFAULT_MAX_SIZE))
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def process_response(self, request, response, spider=None):
        if request not in self.sent:
            return response
        self.sent.discard(request)
        req, resp = WarcFiles.records_for(request, response, self.files.writer)
        self.files.write_pair(req, resp)
        stats = self.crawler.stats
        stats.inc_value("ocop/warc_records", 2)
        stats.set_value("ocop/warc_files", len(self.files.paths))
        return response

    def spider_closed(self, spider=None, reason=None):
        self.files.close()


# -- in --------------------------------------------------------------------------
@dataclass
class Record:
    """One WARC record as read by ``read_records`` (``error`` set for a corrupt stretch)."""
    offset: int                       # where the record (its gzip member) starts
    end: int                          # where the next one starts
    type: str | None = None           # response | request | revisit | warcinfo | metadata | ...
    uri: str | None = None            # WARC-Target-URI
    date: str | None = None           # WARC-Date
    record_id: str | None = None
    status: int | None = None         # HTTP status of a response
    content_type: str | None = None   # HTTP Content-Type of a response
    headers: list = field(default_factory=list)    # HTTP headers of a response
    body: bytes | None = None         # the decoded payload (when ``want`` asked for it)
    error: str | None = None
    meta: dict = field(default_factory=dict)       # for the caller (import-warc: the outlet)


def read_records(path, start: int = 0, want=None):
    """Yield the ``Record`` s of a WARC file (gzip per record, or uncompressed) from ``start``.

    ``want(record) -> bool`` is asked for each response record (its URI, status and
    Content-Type known, not its body); only then is the payload read and decoded
    (chunked transfer and content encoding undone) into ``body``. A gzip member that
    is cut short or corrupt yields a ``Record`` with ``error`` set, and reading
    goes on at the next gzip member.
    """
    path = Path(path)
    with open(path, "rb") as fh:
        head = fh.read(len(GZIP_MAGIC))
        if head and head != GZIP_MAGIC:
            fh.seek(start)
            yield from _plain_records(fh, want)
            return
        yield from _gzip_records(fh, start, os.fstat(fh.fileno()).st_size, want)


def _gzip_records(fh, pos: int, size: int, want):
    fh.seek(pos)
    buf = b""            # file bytes from ``pos`` on that were read but not inflated yet
    while True:
        if not buf:
            buf = fh.read(CHUNK)
            if not buf:
                return
        data, used, rest, error = _inflate_member(fh, buf)
        if error is not None:
            nxt = _find_magic(fh, pos + 1)
            stop = nxt if nxt is not None else size
            yield Record(offset=pos, end=stop, error=f"{error} (skipped {stop - pos} bytes)")
            if nxt is None:
                return
            fh.seek(nxt)
            pos, buf = nxt, b""
            continue
        end = pos + used
        try:
            records = [_record(rec, pos, end, want) for rec in ArchiveIterator(io.BytesIO(data))]
        except Exception as exc:            # inflated, but not a WARC record: resynchronise
            nxt = _find_magic(fh, pos + 1)
            yield Record(offset=pos, end=nxt if nxt is not None else size,
                         error=f"not a WARC record: {exc}")
            if nxt is None:
                return
            fh.seek(nxt)
            pos, buf = nxt, b""
            continue
        yield from records
        pos, buf = end, rest


def _inflate_member(fh, buf: bytes):
    """Inflate the gzip member at the start of ``buf`` (reading on from ``fh`` if needed).

    Returns (data, bytes used, the bytes after the member, None), or
    (None, None, None, error) when it is cut short, corrupt or too large.
    """
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out, size, used, chunk = [], 0, 0, buf
    while True:
        try:
            part = d.decompress(chunk, MAX_RECORD + 1 - size)
        except zlib.error as exc:
            return None, None, None, f"corrupt gzip member: {exc}"
        out.append(part)
        size += len(part)
        if size > MAX_RECORD or d.unconsumed_tail:
            return None, None, None, f"record larger than {MAX_RECORD} bytes"
        if d.eof:
            rest = d.unused_data
            return b"".join(out), used + len(chunk) - len(rest), rest, None
        used += len(chunk)
        chunk = fh.read(CHUNK)
        if not chunk:
            return None, None, None, "gzip member cut short"


def _find_magic(fh, start: int) -> int | None:
    """Offset of the next gzip member header at or after ``start``."""
    fh.seek(start)
    base, carry = start, b""
    while True:
        chunk = fh.read(CHUNK)
        if not chunk:
            return None
        buf = carry + chunk
        i = buf.find(GZIP_MAGIC)
        if i >= 0:
            return base - len(carry) + i
        carry = buf[-(len(GZIP_MAGIC) - 1):]
        base += len(chunk)


def _plain_records(fh, want):
    it = ArchiveIterator(fh)
    try:
        for rec in it:
            offset = it.offset
            record = _record(rec, offset, None, want)
            it.read_to_end()
            record.end = it.offset       # the next record's start, blank lines included
            yield record
    except Exception as exc:               # uncompressed WARCs cannot be re-synchronised
        yield Record(offset=it.offset, end=it.offset, error=f"unreadable WARC: {exc}")


def _record(rec, offset, end, want) -> Record:
    h = rec.rec_headers
    r = Record(offset=offset, end=end, type=rec.rec_type, uri=h.get_header("WARC-Target-URI"),
               date=h.get_header("WARC-Date"), record_id=h.get_header("WARC-Record-ID"))
    if rec.rec_type in ("response", "request", "revisit") and not r.uri:
        r.error = "record without a target URI (not a WARC record?)"
        return r
    if rec.rec_type == "response" and rec.http_headers is not None:
        http = rec.http_headers
        try:
            r.status = int(http.get_statuscode() or 0)
        except ValueError:
            r.status = 0
        r.content_type = http.get_header("Content-Type")
        r.headers = list(http.headers)
        if want is not None and want(r):
            try:
                r.body = rec.content_stream().read()
            except Exception as exc:        # a broken chunked or compressed payload
                r.error = f"unreadable payload: {exc}"
    return r
