"""WARC out (`ocop crawl --warc`) and in (`ocop import-warc`), over the sample site on loopback.

The WARC files are built here with warcio from pages fetched from the running
sample site (127.0.0.1 only), with the damage real archives carry: a gzip member
cut short (in the middle of a file and at its end), a non-HTML record, a revisit
record and the same page twice. Imports run in subprocesses (one Twisted reactor
per process), as `ocop import-warc` runs.
"""
from __future__ import annotations

import gzip
import io
import json
import sqlite3
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import ROOT, crawl_in_subprocess
from ocop_crawler import samplesite
from ocop_crawler.urls import canonical_url
from ocop_crawler.warc import read_records
from conftest import query as rows

OCOP = Path(sys.executable).with_name("ocop")

_IMPORT = ("import json, sys\n"
           "from ocop_crawler.warcimport import run_import\n"
           "a = json.loads(sys.argv[1])\n"
           "sys.exit(run_import(a.pop('db'), a.pop('files'), **a))\n")


def import_in_subprocess(db, files, urls=None, **kwargs):
    args = dict(db=str(db), files=[str(f) for f in files], progress_interval=0.5, **kwargs)
    if urls:
        args.update(sites=sorted(urls), base_urls=dict(urls))
    return subprocess.run([sys.executable, "-c", _IMPORT, json.dumps(args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=180)


def stored_urls(db):
    return ([r[0] for r in rows(db, "select url from articles")],
            [r[0] for r in rows(db, "select url from skipped")])


def fetch(url):
    with urllib.request.urlopen(url, timeout=20) as r:
        return r.status, r.headers.get("Content-Type"), r.read()


def response_record(writer, url, body, ctype="text/html; charset=utf-8", status="200 OK"):
    http = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                            protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)


def member(record) -> bytes:
    """One WARC record as its own gzip member."""
    buf = io.BytesIO()
    WARCWriter(buf, gzip=True).write_record(record)
    return buf.getvalue()


@pytest.fixture(scope="module")
def pages(sample_sites):
    """The public article pages of the sample site: (site, url, content type, body)."""
    out = []
    for page in samplesite.manifest():
        if page["amp"] or page["private"]:
            continue
        url = sample_sites.urls[page["site"]] + page["path"]
        status, ctype, body = fetch(url)
        assert status == 200
        out.append((page["site"], url, ctype, body))
    assert len(out) >= 40
    return out


@pytest.fixture(scope="module")
def damaged_warcs(pages, sample_sites, tmp_path_factory):
    """Two WARC files of every article page, with the four kinds of damage.

    Returns dict(files, good=canonical URLs that must be imported, cut=URLs whose
    member is cut, extra=one more page kept back for the resume test).
    """
    d = tmp_path_factory.mktemp("warcs")
    w = WARCWriter(io.BytesIO(), gzip=True)
    good, cut = [], []
    first, second = pages[: len(pages) // 2], pages[len(pages) // 2:-1]
    extra = pages[-1]

    a = bytearray()
    for i, (_, url, ctype, body) in enumerate(first):
        m = member(response_record(w, url, body, ctype))
        if i == 3:                              # cut in the middle of the file
            a += m[: len(m) // 2]
            cut.append(canonical_url(url))
            continue
        a += m
        good.append(canonical_url(url))
        if i == 5:                              # the same page again (a duplicate record)
            a += member(response_record(w, url, body, ctype))
    css_url = sample_sites.urls["sample-hatinh"] + "/static/site.css"
    _, css_type, css = fetch(css_url)
    a += member(response_record(w, css_url, css, css_type))          # a non-HTML record
    _, url, ctype, body = first[0]
    revisit = w.create_revisit_record(url, digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                      refers_to_uri=url, refers_to_date="2025-01-01T00:00:00Z")
    a += member(revisit)                                              # a revisit record
    (d / "one.warc.gz").write_bytes(bytes(a))

    b = bytearray()
    for _, url, ctype, body in second:
        b += member(response_record(w, url, body, ctype))
        good.append(canonical_url(url))
    _, url, ctype, body = second[0]
    b += member(response_record(w, url, body, ctype))                 # duplicate across files
    _, url, ctype, body = first[1]
    last = member(response_record(w, url + "?utm_source=x", body, ctype))
    b += last[: len(last) - 40]                                       # cut at the end of the file
    (d / "two.warc.gz").write_bytes(bytes(b))
    return {"files": [d / "one.warc.gz", d / "two.warc.gz"], "good": good, "cut": cut,
            "extra": extra, "n_first": len(first)}


# --- reading ------------------------------------------------------------------------

def test_read_records_reports_cut_members_and_goes_on(damaged_warcs):
    one, two = damaged_warcs["files"]
    recs = list(read_records(one, want=lambda r: True))
    errors = [r for r in recs if r.error]
    assert len(errors) == 1 and "gzip" in errors[0].error
    responses = [r for r in recs if r.type == "response"]
    assert any(r.type == "revisit" for r in recs)
    assert any(r.content_type.startswith("text/css") for r in responses)
    # every record after the cut one is read, and each one whole: the pages but the cut
    # one, the duplicate and the stylesheet
    assert len(responses) == damaged_warcs["n_first"] + 1
    assert all(r.body.rstrip().endswith(b"</html>") for r in responses if "html" in r.content_type)
    assert [r.offset for r in recs] == sorted(r.offset for r in recs)
    assert all(r.end > r.offset for r in recs)
    tail = list(read_records(two))
    assert tail[-1].error and "cut short" in tail[-1].error
    assert tail[-1].end == two.stat().st_size
    # reading from an offset starts at that record
    third = recs[2]
    again = list(read_records(one, third.offset))
    assert again[0].offset == third.offset and again[0].uri == third.uri


def test_read_records_of_uncompressed_and_garbage_files(tmp_path, pages):
    _, url, ctype, body = pages[0]
    plain = tmp_path / "plain.warc"
    with open(plain, "wb") as fh:
        w = WARCWriter(fh, gzip=False)
        w.write_record(response_record(w, url, body, ctype))
        w.write_record(response_record(w, url + "?x=1", body, ctype))
    recs = list(read_records(plain, want=lambda r: True))
    assert [r.uri for r in recs] == [url, url + "?x=1"] and recs[0].body == body
    assert recs[1].offset == recs[0].end
    assert [r.uri for r in read_records(plain, recs[1].offset)] == [url + "?x=1"]
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(gzip.compress(b"this is not a WARC file\r\n\r\n") + b"\x1f\x8b\x08garbage")
    recs = list(read_records(junk))
    assert recs and all(r.error for r in recs)


# --- importing ------------------------------------------------------------------------

def test_import_keeps_every_good_article_exactly_once(damaged_warcs, sample_sites, crawled_db, tmp_path):
    db = tmp_path / "imported.db"
    proc = import_in_subprocess(db, damaged_warcs["files"], sample_sites.urls)
    assert proc.returncode == 1, proc.stderr           # corrupt members are reported
    assert "cut short" in proc.stderr and "corrupt" in proc.stdout
    kept, skipped = stored_urls(db)
    assert not set(kept) & set(skipped)
    assert len(kept) == len(set(kept)) and len(skipped) == len(set(skipped))
    assert sorted(kept + skipped) == sorted(damaged_warcs["good"])
    assert not set(damaged_warcs["cut"]) & set(kept + skipped)
    # the same judgement, facts and syndication links as the crawl of the same pages
    crawl_kept, crawl_skipped = stored_urls(crawled_db)
    good = set(damaged_warcs["good"])
    assert set(kept) == set(crawl_kept) & good
    assert set(skipped) == set(crawl_skipped) & good
    facts = "select a.url, f.value, f.metric, f.kind from facts f join articles a on a.id = f.article_id"
    assert sorted(map(repr, rows(db, facts))) == sorted(repr(r) for r in rows(crawled_db, facts) if r[0] in good)
    # a crawl_runs row like a crawl's, the progress lines, the summary table
    run = rows(db, "select status, args, articles_kept, articles_skipped, facts, error_log "
                   "from crawl_runs")[-1]
    assert run[0] == "finished" and json.loads(run[1])["via"] == "import-warc"
    assert run[2] == len(kept) and run[3] == len(skipped) and run[4] == len(rows(db, facts))
    assert "cut short" in run[5]
    assert "TOTAL" in proc.stdout and "sample-hatinh" in proc.stdout
    assert "1 revisits" in proc.stdout and "1 not HTML" in proc.stdout and "2 duplicates" in proc.stdout
    assert rows(db, "select count(*) from warc_files where done = 1")[0][0] == 2

    # importing the same files again adds nothing
    before = {t: rows(db, f"select count(*) from {t}")[0][0] for t in ("articles", "skipped", "facts")}
    again = import_in_subprocess(db, damaged_warcs["files"], sample_sites.urls)
    assert again.returncode == 0, again.stderr
    assert again.stderr.count("imported before") == 2
    assert {t: rows(db, f"select count(*) from {t}")[0][0] for t in before} == before

    # a file that grew (an archive still being written) is read on from where it stopped
    site, url, ctype, body = damaged_warcs["extra"]
    one = damaged_warcs["files"][0]
    size = one.stat().st_size
    with open(one, "ab") as fh:
        fh.write(member(response_record(WARCWriter(io.BytesIO(), gzip=True), url, body, ctype)))
    more = import_in_subprocess(db, [one], sample_sites.urls)
    assert more.returncode == 0, more.stderr
    assert f"resuming at byte {size}" in more.stderr
    assert "records read: 1, article pages: 1" in more.stdout
    kept2, skipped2 = stored_urls(db)
    assert sorted(kept2 + skipped2) == sorted(damaged_warcs["good"] + [canonical_url(url)])


def test_import_filters_hosts_and_all_vn(pages, tmp_path):
    """Records of hosts outside the registry: passed over, or kept with --all-vn / --filter-host."""
    ocop = [(s, u, c, b) for s, u, c, b in pages if b"OCOP" in b][:2]
    w = WARCWriter(io.BytesIO(), gzip=True)
    data = b""
    for i, (_, url, ctype, body) in enumerate(ocop):
        path = url.split("/", 3)[3]
        data += member(response_record(w, f"https://tin-ocop{i}.vn/{path}", body, ctype))
    data += member(response_record(w, "https://example.com/a/b-12345.html", ocop[0][3], ocop[0][2]))
    f = tmp_path / "other-hosts.warc.gz"
    f.write_bytes(data)

    db = tmp_path / "a.db"
    r = subprocess.run([str(OCOP), "import-warc", "--db", str(db), str(f)], cwd=tmp_path,
                       capture_output=True, text=True, timeout=180)
    assert r.returncode == 0, r.stderr
    assert "3 other hosts" in r.stdout and stored_urls(db) == ([], [])

    db = tmp_path / "b.db"
    r = subprocess.run([str(OCOP), "import-warc", "--db", str(db), "--all-vn", str(f)], cwd=tmp_path,
                       capture_output=True, text=True, timeout=180)
    assert r.returncode == 0, r.stderr
    kept, skipped = stored_urls(db)
    assert sorted(u.split("/")[2] for u in kept + skipped) == ["tin-ocop0.vn", "tin-ocop1.vn"]
    assert "1 other hosts" in r.stdout
    assert sorted(rows(db, "select id, kind from sources")) == [("tin-ocop0.vn", "unlisted"),
                                                                 ("tin-ocop1.vn", "unlisted")]

    db = tmp_path / "c.db"
    r = subprocess.run([str(OCOP), "import-warc", "--db", str(db), "--filter-host", "tin-ocop1.vn",
                        str(f)], cwd=tmp_path, capture_output=True, text=True, timeout=180)
    assert r.returncode == 0, r.stderr
    kept, skipped = stored_urls(db)
    assert [u.split("/")[2] for u in kept + skipped] == ["tin-ocop1.vn"]

    r = subprocess.run([str(OCOP), "import-warc", "--db", str(tmp_path / "d.db"),
                        str(tmp_path / "missing.warc.gz")], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "no such file" in r.stderr and not (tmp_path / "d.db").exists()


# --- crawl --warc, then import-warc ------------------------------------------------------

def test_crawl_warc_round_trip(sample_sites, tmp_path):
    db, warcs = tmp_path / "crawl.db", tmp_path / "warc"
    proc = crawl_in_subprocess(db, sample_sites.urls, warc_dir=str(warcs), warc_max_size=150_000)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    files = sorted(warcs.glob("ocop-*.warc.gz"))
    assert len(files) >= 2                                  # rotated by size
    assert f"in {len(files)} file(s) under {warcs}" in proc.stdout
    requests = rows(db, "select requests from crawl_runs")[0][0]
    responses, by_id, concurrent = [], {}, []
    for f in files:
        assert f.stat().st_size < 150_000 + 600_000          # closed soon after the limit
        with open(f, "rb") as fh:
            it = iter(ArchiveIterator(fh))
            first = next(it)
            assert first.rec_type == "warcinfo"
            for rec in it:
                rid = rec.rec_headers.get_header("WARC-Record-ID")
                by_id[rid] = rec.rec_type
                if rec.rec_type == "response":
                    responses.append(rec.rec_headers.get_header("WARC-Target-URI"))
                    assert rec.content_stream().read() is not None
                elif rec.rec_type == "request":
                    assert rec.http_headers.get_header("User-Agent").startswith("ocop-harvester/")
                    concurrent.append(rec.rec_headers.get_header("WARC-Concurrent-To"))
    assert len(responses) >= requests > 50                   # robots.txt fetches included
    assert len(concurrent) == len(responses) and all(by_id.get(c) == "response" for c in concurrent)
    assert any(u.endswith("/robots.txt") for u in responses)

    fresh = tmp_path / "fresh.db"
    imp = import_in_subprocess(fresh, files, sample_sites.urls)
    assert imp.returncode == 0, imp.stdout + imp.stderr
    for sql in ("select url, title, published, author, body, duplicate_of is null from articles",
                "select url, reason from skipped",
                "select a.url, f.province, f.metric, f.kind, f.value, f.stars_min, f.stars_max, f.year, "
                "f.evidence from facts f join articles a on a.id = f.article_id"):
        assert sorted(map(repr, rows(fresh, sql))) == sorted(map(repr, rows(db, sql))), sql
    assert rows(fresh, "select count(*) from articles")[0][0] >= 30


def test_import_killed_hard_then_resumed_stores_each_article_once(pages, sample_sites, tmp_path):
    """kill -9 in the middle of an import; the same command again finishes it."""
    import os
    import random
    import signal
    import time as _time
    rnd = random.Random(7)
    filler = ("<html><body>" + "<p>tin tức địa phương</p>" * 300 + "</body></html>").encode()
    w = WARCWriter(io.BytesIO(), gzip=True)
    f = tmp_path / "long.warc.gz"
    with open(f, "wb") as fh:
        per = 400                                   # filler records between two article pages
        for i, (_, url, ctype, body) in enumerate(pages):
            fh.write(member(response_record(w, url, body, ctype)))
            for j in range(per):
                fh.write(member(response_record(w, f"https://other{rnd.randrange(9)}.example.com/"
                                                   f"a-{i}-{j}.html", filler)))
    db = tmp_path / "killed.db"
    args = dict(db=str(db), files=[str(f)], progress_interval=0, sites=sorted(sample_sites.urls),
                base_urls=dict(sample_sites.urls))
    proc = subprocess.Popen([sys.executable, "-c", _IMPORT, json.dumps(args)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    offset = 0
    deadline = _time.monotonic() + 120
    while proc.poll() is None and _time.monotonic() < deadline:
        if db.exists():
            try:
                got = rows(db, "select offset from warc_files")
            except sqlite3.OperationalError:
                got = []
            if got and got[0][0] and got[0][0] > f.stat().st_size // 4:
                offset = got[0][0]
                break
        _time.sleep(0.05)
    if proc.poll() is not None:
        pytest.skip("the import finished before it could be killed")
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert 0 < offset < f.stat().st_size
    kept, skipped = stored_urls(db)
    assert 0 < len(kept + skipped) < len(pages)
    again = import_in_subprocess(db, [f], sample_sites.urls)
    assert again.returncode == 0, again.stderr
    assert "resuming at byte" in again.stderr
    kept, skipped = stored_urls(db)
    assert len(kept) == len(set(kept)) and not set(kept) & set(skipped)
    assert sorted(kept + skipped) == sorted(canonical_url(u) for _, u, _, _ in pages)
    assert rows(db, "select done from warc_files") == [(1,)]


def test_import_cc_news_style_records_of_registry_outlets(pages, tmp_path):
    """Records as CC-NEWS writes them (WARC/1.0, X-Crawler-* headers, decoded payload) and
    as a crawler that keeps the raw body does (Content-Encoding: gzip), on registry hosts."""
    ocop = [(u, c, b) for _, u, c, b in pages if b"OCOP" in b]
    (u1, c1, b1), (u2, c2, b2), (u3, c3, b3) = ocop[:3]
    w = WARCWriter(io.BytesIO(), gzip=True, warc_version="WARC/1.0")
    cc_headers = [("Content-Type", c1), ("X-Crawler-Content-Encoding", "gzip"),
                  ("X-Crawler-Transfer-Encoding", "chunked"), ("Content-Length", str(len(b1)))]
    cc = w.create_warc_record(
        "https://baohatinh.vn/kinh-te/ocop-ha-tinh-post123456.html", "response",
        payload=io.BytesIO(b1), http_headers=StatusAndHeaders("200 OK", cc_headers, protocol="HTTP/1.1"),
        warc_headers_dict={"WARC-Date": "2024-03-01T01:23:45Z"})
    zipped = gzip.compress(b2)
    raw = w.create_warc_record(
        "https://www.baonghean.vn/kinh-te/ocop-nghe-an-10298765.html", "response",
        payload=io.BytesIO(zipped), http_headers=StatusAndHeaders("200 OK", [
            ("Content-Type", c2), ("Content-Encoding", "gzip"), ("Content-Length", str(len(zipped)))],
            protocol="HTTP/1.1"))
    old_host = w.create_warc_record(          # an old domain of a registry outlet
        "https://baodienbienphu.com.vn/tin-tuc/kinh-te/ocop-12345.html", "response",
        payload=io.BytesIO(b3), http_headers=StatusAndHeaders("200 OK", [("Content-Type", c3)],
                                                             protocol="HTTP/1.1"))
    not_article = w.create_warc_record(
        "https://baohatinh.vn/kinh-te/", "response", payload=io.BytesIO(b1),
        http_headers=StatusAndHeaders("200 OK", [("Content-Type", c1)], protocol="HTTP/1.1"))
    f = tmp_path / "CC-NEWS-20240301012345-00001.warc.gz"
    f.write_bytes(b"".join(member(r) for r in (cc, raw, old_host, not_article)))
    db = tmp_path / "cc.db"
    r = subprocess.run([str(OCOP), "import-warc", "--db", str(db), str(f)], cwd=tmp_path,
                       capture_output=True, text=True, timeout=180)
    assert r.returncode == 0, r.stderr
    got = {row[0]: row[1:] for row in rows(
        db, "select url, source_id, fetched_at from articles union all "
            "select url, source_id, fetched_at from skipped")}
    assert sorted(got) == ["https://baodienbienphu.com.vn/tin-tuc/kinh-te/ocop-12345.html",
                           "https://baohatinh.vn/kinh-te/ocop-ha-tinh-post123456.html",
                           "https://www.baonghean.vn/kinh-te/ocop-nghe-an-10298765.html"]
    assert got["https://baohatinh.vn/kinh-te/ocop-ha-tinh-post123456.html"] == (
        "baohatinh", "2024-03-01T01:23:45+00:00")
    assert got["https://www.baonghean.vn/kinh-te/ocop-nghe-an-10298765.html"][0] == "baonghean"
    assert got["https://baodienbienphu.com.vn/tin-tuc/kinh-te/ocop-12345.html"][0] == "baodienbienphu"
    assert "1 not an article URL" in r.stdout
    bodies = [row[0] for row in rows(db, "select body from articles")]
    assert bodies and all("OCOP" in b for b in bodies)        # the gzip payload was decoded
