"""A crawl of a misbehaving outlet (``ocop_crawler.samplesite.traps``) over loopback.

Every failed request is recorded with its URL and a readable reason (``fetch_log``,
``crawl_runs.error_log``); Retry-After is honoured up to ``OCOP_RETRY_AFTER_MAX``;
redirects and robots.txt ``Sitemap:`` lines never leave the outlet's hosts; a page
whose declared charset is wrong is decoded right; HTML that lost its paragraphs is
flagged; reports written on one template stay separate articles with their facts.
Then the command line: ``--resume`` without a job and a mistyped ``--site``.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from nlp.normalize import canonical_tones
from ocop_crawler.samplesite import traps
from spiders.charset import decode_page, lost_paragraphs
from spiders.middlewares import retry_after_seconds
from conftest import rows

ROOT = Path(__file__).resolve().parents[1]
OCOP = Path(sys.executable).with_name("ocop")
# the crawl's limits, small enough for the trap pages to cross them
LIMITS = {"DOWNLOAD_TIMEOUT": 4, "DOWNLOAD_MAXSIZE": 100_000, "OCOP_RETRY_AFTER_MAX": 2,
          "RETRY_TIMES": 1}
# any request that is not to 127.0.0.1 would go to a closed loopback port instead
NO_EGRESS = {"http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9",
             "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9",
             "no_proxy": "127.0.0.1,localhost", "NO_PROXY": "127.0.0.1,localhost"}

_CRAWL = ("import json, sys\nfrom ocop_crawler.sites import Site\nfrom ocop_crawler.crawl import run_crawl\n"
          "a = json.loads(sys.argv[1])\nsite = Site(**a.pop('site'))\n"
          "sys.exit(run_crawl(a.pop('db'), sites=[site], **a))\n")


@pytest.fixture(scope="module")
def trap_crawl(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("traps")
    with traps.start() as sites:
        site = sites.site()
        fields = {k: getattr(site, k) for k in ("name", "title", "base_url", "province", "kind",
                                                 "sitemaps", "article_pattern")}
        db = tmp / "traps.db"
        proc = subprocess.run(
            [sys.executable, "-c", _CRAWL, json.dumps({
                "db": str(db), "site": fields, "jobdir": str(tmp / "job"), "settings": LIMITS,
                "progress_interval": 0})],
            cwd=ROOT, capture_output=True, text=True, timeout=180, env={**os.environ, **NO_EGRESS})
        yield {"db": db, "proc": proc, "sites": sites, "url": sites.url,
               "requests": list(sites.requests)}


def log(trap_crawl, event=None):
    sql = "select * from fetch_log" + (" where event = ?" if event else "") + " order by id"
    return rows(trap_crawl["db"], sql, [event] if event else [])


def test_every_failed_request_is_recorded_with_a_reason(trap_crawl):
    proc, base = trap_crawl["proc"], trap_crawl["url"]
    assert proc.returncode == 1, proc.stderr[-2000:]        # finished, with errors
    failed = {r["url"]: r for r in log(trap_crawl, "failed")}
    expected = {"500": ("HTTP 500 Internal Server Error", 500), "404": ("HTTP 404 Not Found", 404),
                "503": ("HTTP 503 Service Unavailable", 503), "reset": ("connection reset", None),
                "truncated": ("truncated", None), "oversize": ("oversize", None),
                "slow": ("timeout", None)}
    assert set(failed) == {base + p for p in traps.FAILING}, sorted(failed)
    for path, what in traps.FAILING.items():
        row = failed[base + path]
        reason, status = expected[what]
        assert row["reason"].startswith(reason), row
        assert row["status"] == status and row["kind"] == "article" and row["source_id"] == "sample-traps"
    assert "100000-byte cap" in failed[base + "/tin/trang-qua-lon-4007.html"]["reason"]
    # the run's record lists them too, one line each with URL and reason
    run = rows(trap_crawl["db"], "select * from crawl_runs")[0]
    assert run["errors"] == len(traps.FAILING)
    lines = run["error_log"].splitlines()
    for path, what in traps.FAILING.items():
        assert [ln for ln in lines if base + path in ln and expected[what][0] in ln], (path, lines)
    assert "fetch log:" in proc.stdout and f"{len(traps.FAILING)} failed" in proc.stdout
    # no failing page was stored as an article or a skipped page
    stored = {r["url"] for r in rows(trap_crawl["db"], "select url from articles union select url from skipped")}
    assert not stored & set(failed)


def test_retry_after_is_honoured(trap_crawl):
    base, db = trap_crawl["url"], trap_crawl["db"]
    asked = [t for name, p, t in trap_crawl["requests"] if name == "trap" and p == traps.THROTTLED]
    assert len(asked) == 2
    assert asked[1] - asked[0] >= 1.0        # Retry-After: 1 was waited for
    retried = log(trap_crawl, "retried")
    assert [(r["url"], r["status"]) for r in retried] == [(base + traps.THROTTLED, 429)]
    assert "Retry-After 1 s" in retried[0]["reason"]
    title = traps.STORIES["throttled"][0]
    assert rows(db, "select title from articles where url = ?", [base + traps.THROTTLED]) == [{"title": title}]


def test_retry_after_over_the_cap_is_not_retried(trap_crawl):
    path = "/tin/bao-tri-4002.html"          # 503, Retry-After: 3600, cap 2 s
    assert [p for name, p, _ in trap_crawl["requests"] if p == path] == [path]
    row = [r for r in log(trap_crawl, "failed") if r["url"].endswith(path)][0]
    assert "Retry-After 3600 s is over the 2 s cap" in row["reason"]


def test_redirects_never_leave_the_outlet(trap_crawl):
    base, db = trap_crawl["url"], trap_crawl["db"]
    assert not [p for name, p, _ in trap_crawl["requests"] if name == "elsewhere"]
    urls = {r["url"] for r in rows(db, "select url from articles union select url from skipped")}
    assert all(u.startswith(base + "/") for u in urls), urls
    assert not rows(db, "select id from articles where title = ?", [traps.STORIES["elsewhere"][0]])
    skipped = [r for r in log(trap_crawl, "skipped") if r["kind"] == "article"]
    assert [r["url"] for r in skipped] == [base + traps.OFFSITE_REDIRECT]
    assert traps.ELSEWHERE_ARTICLE in skipped[0]["reason"] and "not followed" in skipped[0]["reason"]
    # a redirect within the outlet is followed, and stored under the page it leads to
    assert base + traps.MOVED_TO in urls and base + traps.INSITE_REDIRECT not in urls


def test_an_off_site_redirect_is_remembered_and_not_asked_again(trap_crawl, tmp_path):
    """The page is a skipped row (reason kept for Datasette); the next crawl does not ask for it."""
    import shutil
    base = trap_crawl["url"]
    assert rows(trap_crawl["db"], "select url, reason from skipped where url = ?",
                [base + traps.OFFSITE_REDIRECT]) == [
        {"url": base + traps.OFFSITE_REDIRECT, "reason": "skip: redirected to another host"}]
    db = shutil.copy(trap_crawl["db"], tmp_path / "again.db")
    site = trap_crawl["sites"].site()
    fields = {k: getattr(site, k) for k in ("name", "title", "base_url", "province", "kind",
                                             "sitemaps", "article_pattern")}
    before = len(trap_crawl["sites"].requests)
    subprocess.run([sys.executable, "-c", _CRAWL, json.dumps({
        "db": str(db), "site": fields, "jobdir": str(tmp_path / "job"), "settings": LIMITS,
        "progress_interval": 0})], cwd=ROOT, capture_output=True, text=True, timeout=180,
        env={**os.environ, **NO_EGRESS})
    asked = [p for name, p, _ in list(trap_crawl["sites"].requests)[before:] if name == "trap"]
    assert "/sitemap.xml" in asked                      # the second crawl did run
    assert traps.OFFSITE_REDIRECT not in asked


def test_robots_sitemap_lines_of_other_hosts_are_ignored(trap_crawl):
    asked = [p for name, p, _ in trap_crawl["requests"] if name == "trap"]
    assert "/sitemap.xml" in asked              # the outlet's own Sitemap: line is read
    assert "/robots.txt" not in [p for name, p, _ in trap_crawl["requests"] if name == "elsewhere"]
    skipped = [r for r in log(trap_crawl, "skipped") if r["kind"] == "sitemap"]
    assert [r["url"] for r in skipped] == [trap_crawl["sites"].elsewhere_url + "/sitemap.xml"]


@pytest.mark.parametrize("path, story, used", [
    (traps.MISLABELLED_UTF8, "mislabelled", "decoded as utf-8"),
    (traps.CP1258, "cp1258", "decoded as windows-1258"),
])
def test_a_wrong_charset_label_is_read_right_and_recorded(trap_crawl, path, story, used):
    base, db = trap_crawl["url"], trap_crawl["db"]
    title, paragraphs = traps.STORIES[story]
    art = rows(db, "select title, body from articles where url = ?", [base + path])
    assert art and art[0]["title"] == title, art
    for p in paragraphs:
        assert p in art[0]["body"]
    assert unicodedata.is_normalized("NFC", art[0]["body"])
    notes = [r for r in log(trap_crawl, "charset") if r["url"] == base + path]
    assert len(notes) == 1 and used in notes[0]["reason"], notes
    # facts are read from the right text
    assert rows(db, "select count(*) n from facts f join articles a on a.id = f.article_id "
                    "where a.url = ?", [base + path])[0]["n"] >= 1
    # pages whose label was right get no charset note
    assert {r["url"] for r in log(trap_crawl, "charset")} == {base + traps.MISLABELLED_UTF8,
                                                               base + traps.CP1258}


def test_html_that_lost_its_paragraphs_is_flagged(trap_crawl):
    base = trap_crawl["url"]
    flagged = log(trap_crawl, "malformed")
    assert [r["url"] for r in flagged] == [base + traps.MALFORMED]
    assert "2 of the 10 paragraphs" in flagged[0]["reason"]
    # still kept with what could be read
    assert rows(trap_crawl["db"], "select count(*) n from articles where url = ?",
                [base + traps.MALFORMED])[0]["n"] == 1


def test_templated_reports_are_separate_articles_with_their_facts(trap_crawl):
    db, base = trap_crawl["db"], trap_crawl["url"]
    reports = traps.template_reports()
    assert len(reports) == 12
    for page, (district, n, k, t) in zip(reports, traps.DISTRICTS):
        art = rows(db, "select id, duplicate_of from articles where url = ?", [base + page.path])
        assert art and art[0]["duplicate_of"] is None, (district, art)
        values = {(canonical_tones(f["district"]), f["value"]) for f in rows(
            db, "select district, value from facts where article_id = ?", [art[0]["id"]])}
        name = canonical_tones(district)      # Quỳ/Qùy: one name, two tone placements
        assert {(name, n), (name, k), (name, t)} <= values, (district, values)


def test_the_fetch_log_is_shown_in_datasette(trap_crawl, tmp_path):
    from conftest import copy_db
    from test_datasette import Server, free_port
    db = copy_db(trap_crawl["db"], tmp_path / "served.db")
    port = free_port()
    srv = Server([sys.executable, "-m", "ocop_crawler.cli", "serve", "--db", str(db),
                  "--port", str(port)], port)
    try:
        table = srv.json("/-/metadata.json")["databases"]["ocop"]["tables"]["fetch_log"]
        assert table["description"] and set(table["columns"]) == {
            r["name"] for r in rows(db, "pragma table_info(fetch_log)")}
        data = srv.json("/ocop/fetch_log.json", event="failed", _extra="facet_results")
        assert {r["url"] for r in data["rows"]} == {trap_crawl["url"] + p for p in traps.FAILING}
        events = {r["value"]: r["count"] for r in data["facet_results"]["event"]["results"]}
        assert events == {"failed": len(traps.FAILING)}
    finally:
        srv.stop()


# -- the helpers, on their own ---------------------------------------------------------------
def test_decode_page_choices():
    text = "Hà Tĩnh có thêm 35 sản phẩm OCOP được công nhận"
    assert decode_page(text.encode("utf-8"), "utf-8") == (text, "utf-8", None)
    decoded, used, note = decode_page(text.encode("utf-8"), "cp1252", "iso-8859-1")
    assert (decoded, used) == (text, "utf-8") and "labelled iso-8859-1" in note
    decoded, used, note = decode_page(traps.cp1258_bytes(text), "utf-8")
    assert (decoded, used) == (text, "cp1258") and "windows-1258" in note
    # a real legacy page that says so is read as declared, without a note
    assert decode_page(traps.cp1258_bytes(text), "windows-1258") == (text, "cp1258", None)
    assert decode_page(b"plain ascii", "utf-8") == ("plain ascii", "utf-8", None)
    assert decode_page(b"\x81\x8d\x8f\x90\x9d\xff\xfe" * 3, "utf-8")[0] is None


def test_lost_paragraphs():
    good = "<div>" + "<p>một</p>" * 8 + "</div>"
    assert lost_paragraphs(good, 8) is None
    assert "2 of the 8" in lost_paragraphs(good, 2)
    assert lost_paragraphs("<p>a</p><p>b</p>", 0) is None       # too short to judge
    assert lost_paragraphs("<pre>x</pre><param>" * 9, 0) is None  # <pre>, <param> are not <p>


def test_the_outlets_hosts():
    from ocop_crawler.sites import Site
    from spiders.news import SiteCrawl
    site = Site(name="baox", title="Báo X", base_url="https://www.baox.vn",
                feeds=("https://rss.baox-media.vn/tin-moi.rss",))
    sc = SiteCrawl(site, {}, "full")
    for url in ("https://baox.vn/a-1.html", "http://m.baox.vn/a-1.html", "https://ocop.baox.vn/x",
                "https://rss.baox-media.vn/sitemap.xml"):
        assert sc.on_outlet(url), url
    for url in ("https://baoy.vn/a-1.html", "https://baox.vn.evil.com/a", "https://notbaox.vn/a",
                "https://baox.vn:8443/a", "https://baox-media.vn/a"):
        assert not sc.on_outlet(url), url
    loop = SiteCrawl(Site(name="s", title="S", base_url="http://127.0.0.1:8001"), {}, "full")
    assert loop.on_outlet("http://127.0.0.1:8001/x") and not loop.on_outlet("http://127.0.0.1:8002/x")
    # an outlet that moved: its old domain is its own too (one rule for the crawl and check-live)
    from ocop_crawler.sites import live
    moved = Site(name="baoz", title="Báo Z", base_url="https://baoz.vn", old_hosts=("baoz.com.vn",))
    for url in ("https://baoz.com.vn/a-1.html", "http://www.baoz.com.vn/a", "https://m.baoz.vn/a"):
        assert moved.owns(url) and SiteCrawl(moved, {}, "full").on_outlet(url) and live._same_site(url, moved)
    assert not moved.owns("https://baoz.com.vn.evil.com/a") and not moved.owns("https://com.vn/a")


def test_a_robots_txt_redirect_off_the_outlet_is_refused_too(tmp_path):
    """RobotsTxtMiddleware's own robots.txt request carries no site: its outlet is found by URL."""
    from scrapy import Request
    from scrapy.utils.test import get_crawler

    from ocop_crawler.sites import Site
    from ocop_crawler.storage import Store
    from spiders.middlewares import OffsiteRedirect, OutletHostsMiddleware
    from spiders.news import NewsSpider
    site = Site(name="bao-a", title="Báo A", base_url="http://127.0.0.1:9", kind="sample")
    store = Store(tmp_path / "m.db")
    store.upsert_source(site)
    crawler = get_crawler(NewsSpider, {"REMOTE_CONTROL_ENABLED": False})
    crawler.spider = NewsSpider.from_crawler(crawler, sites=[site], store=store,
                                             run_id=store.start_run(sites=["bao-a"]))
    crawler.spider._state("bao-a")
    mw = OutletHostsMiddleware.from_crawler(crawler)
    origin = "http://127.0.0.1:9/robots.txt"
    with pytest.raises(OffsiteRedirect) as err:
        mw.process_request(Request("http://127.0.0.1:10/robots.txt", meta={"redirect_urls": [origin]}))
    assert err.value.target == "http://127.0.0.1:10/robots.txt" and err.value.origin == origin
    # within the outlet, or not a redirect at all: let through
    assert mw.process_request(Request("http://127.0.0.1:9/new/robots.txt",
                                      meta={"redirect_urls": [origin]})) is None
    assert mw.process_request(Request("http://127.0.0.1:10/robots.txt")) is None


def test_malformed_pages_raise_a_drift_flag():
    from ocop_crawler.crawl import drift_flags
    ok = {"pages": 10, "links_found": 9, "articles_fetched": 6, "kept": 4, "facts": 9}
    assert drift_flags(dict(ok, malformed=1)) == []
    assert drift_flags(dict(ok, malformed=3)) == ["malformed HTML"]


def test_retry_after_values():
    from datetime import datetime, timezone
    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=timezone.utc)
    assert retry_after_seconds(b"120") == 120
    assert retry_after_seconds("Thu, 01 Jan 2026 12:00:30 GMT", now) == 30
    assert retry_after_seconds("Thu, 01 Jan 2026 11:00:00 GMT", now) == 0
    assert retry_after_seconds(b"soon") is None and retry_after_seconds(None) is None


# -- the command line: --resume and --site -------------------------------------------------
def ocop(*args, cwd):
    return subprocess.run([str(OCOP), *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **NO_EGRESS})


def test_resume_without_an_interrupted_job_is_an_error(tmp_path):
    (tmp_path / "empty-job").mkdir()
    for extra in ([], ["--jobdir", "empty-job", "--site", "sample-hatinh"]):
        proc = ocop("crawl", "--resume", "--db", "x.db", *extra, cwd=tmp_path)
        assert proc.returncode == 2, (extra, proc.stdout[-1000:], proc.stderr[-1000:])
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and "no interrupted crawl" in lines[0], proc.stderr
        assert not (tmp_path / "x.db").exists()      # nothing crawled, nothing created
        assert "TOTAL" not in proc.stdout


def test_a_mistyped_site_is_an_error_that_keeps_the_job(tmp_path):
    job = tmp_path / ".ocop-job"
    job.mkdir()
    saved = {"sites": ["sample-hatinh"], "since": None, "refresh": False, "base_urls": {}, "db": "x.db"}
    (job / "ocop-run.json").write_text(json.dumps(saved), encoding="utf-8")
    (job / "requests.queue").mkdir()
    (job / "requests.queue" / "p0").write_bytes(b"queue")
    before = sorted((p.relative_to(job), p.read_bytes() if p.is_file() else None) for p in job.rglob("*"))
    for args, meant in ((["--site", "sample-hatin"], "sample-hatinh"),
                        (["--site", "sample-hatinh", "--site", "sampel-laocai"], "sample-laocai"),
                        (["--resume", "--site", "sample-hatin"], "sample-hatinh")):
        proc = ocop("crawl", "--db", "x.db", *args, cwd=tmp_path)
        assert proc.returncode == 2, (args, proc.stderr[-1000:])
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and "unknown site" in lines[0], proc.stderr
        assert f"did you mean {meant}" in lines[0], lines
        after = sorted((p.relative_to(job), p.read_bytes() if p.is_file() else None) for p in job.rglob("*"))
        assert after == before, args
        assert not (tmp_path / "x.db").exists()
