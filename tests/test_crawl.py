"""End-to-end crawl tests: the real ``news`` spider over the sample site on loopback.

One full crawl of every sample outlet (``first_crawl`` in conftest.py) is checked
against the sample site's manifest and gold facts; further crawls (re-run,
--since, --resume after a kill, feed auto-discovery) run in subprocesses.
"""
from __future__ import annotations

import json
import signal
import sqlite3
import time
import unicodedata
from dataclasses import replace

import pytest

from conftest import copy_db, crawl_in_subprocess
from ocop_crawler import samplesite
from ocop_crawler.sites import get
from conftest import rows

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
KEY = ("level", "province", "district", "metric", "unit", "kind", "value", "stars_min", "stars_max")


def count(db, table):
    return rows(db, f"select count(*) n from {table}")[0]["n"]


def canon_name(name):
    if name is None:
        return None
    words = []
    for word in unicodedata.normalize("NFD", str(name).strip().lower()).split():
        tones = [c for c in word if c in TONES]
        words.append(unicodedata.normalize("NFC", "".join(c for c in word if c not in TONES))
                     + "".join(tones))
    return " ".join(words) or None


def fact_key(f):
    return tuple(canon_name(f.get(k)) if k in ("province", "district")
                 else (round(float(f[k]), 9) if k == "value" and f.get(k) is not None else f.get(k))
                 for k in KEY)


@pytest.fixture(scope="module")
def manifest():
    return samplesite.manifest()


@pytest.fixture(scope="module")
def by_url(sample_sites, manifest):
    """Manifest entries keyed by the absolute URL the crawl stores."""
    return {sample_sites.urls[m["site"]] + m["path"]: m for m in manifest}


def public_articles(manifest):
    return [m for m in manifest if not m["amp"] and not m["private"]]


# -- the first crawl -----------------------------------------------------------------------
def test_crawl_keeps_ocop_and_skips_the_rest(crawled_db, sample_sites, manifest):
    kept = {r["url"]: r for r in rows(crawled_db, "select * from articles")}
    skipped = {r["url"]: r for r in rows(crawled_db, "select * from skipped")}
    assert not set(kept) & set(skipped)
    for m in public_articles(manifest):
        url = sample_sites.urls[m["site"]] + m["path"]
        if m["ocop"]:
            assert url in kept, f"OCOP article not kept: {m['id']}"
        else:
            assert url in skipped, f"non-OCOP article not recorded as skipped: {m['id']}"
            assert skipped[url]["reason"].startswith("skip"), skipped[url]
            assert skipped[url]["source_id"] == m["site"]
    # nothing else was stored: no AMP copy, no tracking variant, no private page
    expected = {sample_sites.urls[m["site"]] + m["path"] for m in public_articles(manifest)}
    assert set(kept) | set(skipped) == expected
    for url in kept:
        assert "/amp/" not in url and "utm_" not in url and "fbclid" not in url


def test_kept_articles_have_fields(crawled_db):
    for r in rows(crawled_db, "select * from articles"):
        assert r["title"] and r["body"] and r["published"], r["url"]
        assert r["published"][:4].isdigit()
        assert r["content_hash"] and r["fingerprint"] and r["fetched_at"] and r["run_id"]
        assert unicodedata.is_normalized("NFC", r["body"])


def test_private_pages_never_requested(first_crawl, manifest):
    paths = [p for _, p in first_crawl["requests"]]
    assert not [p for p in paths if p.startswith("/private/")]
    assert any(p == "/robots.txt" for p in paths)
    # each article page fetched at most once, under one URL (no AMP or tracking duplicate)
    articles = [(s, p) for s, p in first_crawl["requests"] if p.endswith(".html")]
    assert len(articles) == len(set(articles))
    assert not [p for _, p in articles if "?" in p]


def test_syndicated_copy_linked_and_facts_not_double_counted(crawled_db, sample_sites, manifest):
    copies = [m for m in public_articles(manifest) if m["syndicated_from"] and m["ocop"]]
    assert copies, "the sample site has syndicated copies"
    ids = {r["url"]: r["id"] for r in rows(crawled_db, "select id, url from articles")}
    origin_url = {m["id"]: sample_sites.urls[m["site"]] + m["path"] for m in public_articles(manifest)}
    for m in copies:
        copy = rows(crawled_db, "select * from articles where url = ?",
                    [sample_sites.urls[m["site"]] + m["path"]])[0]
        assert copy["duplicate_of"] == ids[origin_url[m["syndicated_from"]]], m["id"]
        assert rows(crawled_db, "select count(*) n from facts where article_id = ?",
                    [copy["id"]])[0]["n"] == 0


def test_generic_layout_without_overrides(crawled_db, sample_sites):
    """sample-nongthon has no CSS overrides: the generic extractor reads it."""
    assert not get("sample-nongthon").selectors
    gold = {g["id"]: g for g in map(json.loads, samplesite.gold_path().open(encoding="utf-8"))}
    arts = rows(crawled_db, "select * from articles where source_id = 'sample-nongthon'")
    assert arts
    for a in arts:
        assert a["title"] and a["published"] and len(a["body"]) > 200
        for boiler in ("Tin liên quan", "Chia sẻ Facebook", "Từ khóa:"):
            assert boiler not in a["body"]
        g = gold.get("sample-nongthon/" + a["url"].rsplit("/", 1)[1][:-5])
        if g:
            last = [p for p in g["text"].split("\n") if len(p) > 40][-1]
            assert last in a["body"]


def test_facts_are_linked_to_articles_with_evidence(crawled_db):
    facts = rows(crawled_db, "select f.*, a.title, a.body, a.duplicate_of from facts f "
                             "join articles a on a.id = f.article_id")
    assert len(facts) == count(crawled_db, "facts")
    for f in facts:
        assert f["duplicate_of"] is None
        assert f["evidence"] and f["evidence"] in f["title"] + "\n" + f["body"]
        if f["sent_start"] is not None:
            assert f["body"][f["sent_start"]:f["sent_end"]] == f["evidence"]
        assert f["extractor_version"]


def test_facts_match_gold(crawled_db, sample_sites):
    """Stored facts against the hand-written gold facts (FACTS.md key, micro F1)."""
    gold = [json.loads(line) for line in samplesite.gold_path().open(encoding="utf-8")]
    site_of = {g["id"]: g["id"].split("/")[0] for g in gold}
    tp = n_gold = n_pred = 0
    for g in gold:
        url = sample_sites.urls[site_of[g["id"]]] + g["url"]
        pred = rows(crawled_db, "select f.* from facts f join articles a on a.id = f.article_id "
                                "where a.url = ?", [url])
        gk, pk = {fact_key(f) for f in g["facts"]}, {fact_key(f) for f in pred}
        tp += len(gk & pk)
        n_gold += len(gk)
        n_pred += len(pk)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    print(f"sample gold: P={precision:.3f} R={recall:.3f} F1={f1:.3f} ({tp}/{n_gold} gold, {n_pred} predicted)")
    assert n_gold > 0
    from nlp import EXTRACTOR_VERSION
    if EXTRACTOR_VERSION == "0.0.1":
        pytest.skip("the fact extractor is still the skeleton stub")
    assert f1 >= F1_FLOOR


F1_FLOOR = 0.8   # measured 0.874, then 0.997 as the extractor improved (2026-11-23)


def test_run_records_and_summary(first_crawl, sample_sites):
    db = first_crawl["db"]
    run = rows(db, "select * from crawl_runs order by id")[0]
    assert run["status"] == "finished" and run["finished_at"]
    assert run["requests"] >= run["pages_fetched"] > 0
    assert run["articles_kept"] == count(db, "articles")
    assert run["articles_skipped"] == count(db, "skipped")
    assert run["facts"] == count(db, "facts")
    per_site = rows(db, "select * from crawl_run_sites where run_id = ?", [run["id"]])
    assert {r["source_id"] for r in per_site} == set(sample_sites.urls)
    assert sum(r["articles_kept"] for r in per_site) == run["articles_kept"]
    for r in per_site:   # layouts all parse: no body/date drift on the sample site
        assert "no body" not in (r["drift"] or "") and "no date" not in (r["drift"] or "")
    out = first_crawl["stdout"]
    assert "site" in out and "TOTAL" in out and "drift" in out
    for name in sample_sites.urls:
        assert name in out
    # the periodic per-site progress lines went to stderr
    assert "pages," in first_crawl["stderr"] and "kept," in first_crawl["stderr"]


# -- incremental re-crawls ------------------------------------------------------------------
def test_recrawl_adds_no_rows_and_few_requests(first_crawl, sample_sites, tmp_path):
    db = copy_db(first_crawl["db"], tmp_path / "again.db")
    before = {t: count(db, t) for t in ("articles", "skipped", "facts", "sources")}
    n0 = len(sample_sites.requests)
    proc = crawl_in_subprocess(db, sample_sites.urls)
    assert proc.returncode in (0, 1), proc.stderr
    second = len(sample_sites.requests) - n0
    first = len(first_crawl["requests"])
    print(f"first crawl: {first} requests, second crawl: {second} ({100 * second / first:.1f} %)")
    assert {t: count(db, t) for t in before} == before
    assert second <= 0.05 * first
    assert count(db, "crawl_runs") == 2


def test_stale_recrawl_asks_each_feed_once_conditionally(first_crawl, sample_sites, tmp_path):
    """A day later (freshness expired): one conditional request per outlet, 304, nothing new."""
    db = copy_db(first_crawl["db"], tmp_path / "stale.db")
    assert all(json.loads(r["entry_cache"]) for r in rows(db, "select entry_cache from crawl_state"))
    _expire(db)
    before = {t: count(db, t) for t in ("articles", "skipped", "facts")}
    n0 = len(sample_sites.requests)
    proc = crawl_in_subprocess(db, sample_sites.urls)
    assert proc.returncode in (0, 1), proc.stderr
    asked = sample_sites.requests[n0:]
    first = len(first_crawl["requests"])
    print(f"stale re-crawl: {len(asked)} requests ({100 * len(asked) / first:.1f} % of {first}): {asked}")
    assert {t: count(db, t) for t in before} == before
    # robots.txt (expired after 24 h) and one feed per outlet, nothing else
    assert sorted(p for _, p in asked if p != "/robots.txt") == sorted(
        "/rss" if s == "sample-laocai" else "/rss.xml" for s in sample_sites.urls)


def _forget(db, urls):
    """Remove stored pages (and their facts) as if they had been published since the crawl."""
    con = sqlite3.connect(db)
    # the Datasette summary tables point at facts; every crawl rebuilds them at its end
    con.execute("pragma foreign_keys = off")
    for url in urls:
        con.execute("delete from facts where article_id in (select id from articles where url = ?)", [url])
        con.execute("delete from articles where url = ?", [url])
        con.execute("delete from skipped where url = ?", [url])
    con.commit()
    con.close()


def _expire(db, changed=()):
    """Make every remembered entry point and robots.txt stale, as a day later.

    For the ``changed`` sites the validators are dropped too: their feeds changed
    (a real new article changes the feed's ETag), so they answer 200, not 304.
    """
    con = sqlite3.connect(db)
    for source_id, cache in con.execute("select source_id, entry_cache from crawl_state").fetchall():
        cache = {u: {"fresh_until": "2000-01-01T00:00:00+00:00"} if source_id in changed
                 else dict(e, fresh_until="2000-01-01T00:00:00+00:00")
                 for u, e in json.loads(cache).items()}
        con.execute("update crawl_state set entry_cache = ?, robots_fetched_at = ? where source_id = ?",
                    [json.dumps(cache), "2000-01-01T00:00:00+00:00", source_id])
    con.commit()
    con.close()


def test_incremental_crawl_fetches_only_new_articles(first_crawl, sample_sites, tmp_path):
    db = copy_db(first_crawl["db"], tmp_path / "new.db")
    newest = rows(db, "select url from articles where source_id = 'sample-hatinh' and id not in "
                      "(select duplicate_of from articles where duplicate_of is not null) "
                      "order by published desc limit 2")
    urls = [r["url"] for r in newest]
    _forget(db, urls)
    _expire(db, changed=["sample-hatinh"])
    n0 = len(sample_sites.requests)
    proc = crawl_in_subprocess(db, sample_sites.urls)
    assert proc.returncode in (0, 1), proc.stderr
    asked = [p for s, p in sample_sites.requests[n0:] if p != "/robots.txt"]
    fetched = sorted(p for p in asked if p.endswith(".html"))
    assert fetched == sorted("/" + u.split("/", 3)[3] for u in urls)
    assert len(asked) == len(sample_sites.urls) + 2          # a feed per outlet + the 2 articles
    stored = {r["url"] for r in rows(db, "select url from articles")}
    assert set(urls) <= stored
    assert count(db, "articles") == count(first_crawl["db"], "articles")


def test_feed_overflow_falls_back_to_full_discovery(first_crawl, sample_sites, manifest, tmp_path):
    """Every feed item new since the last crawl: the feed may have overflowed, look everywhere."""
    db = copy_db(first_crawl["db"], tmp_path / "overflow.db")
    site = "sample-laocai"
    gone = [r["url"] for r in rows(db, "select url from articles where source_id = ? union all "
                                       "select url from skipped where source_id = ?", [site, site])]
    _forget(db, gone)
    _expire(db, changed=[site])
    n0 = len(sample_sites.requests)
    proc = crawl_in_subprocess(db, {site: sample_sites.urls[site]})
    assert proc.returncode in (0, 1), proc.stderr
    asked = [p for s, p in sample_sites.requests[n0:]]
    assert "/sitemap.xml" in asked and "/chuyen-muc/ocop" in asked     # full discovery again
    stored = {r["url"] for r in rows(db, "select url from articles where source_id = ? union all "
                                         "select url from skipped where source_id = ?", [site, site])}
    assert stored == set(gone)


def test_refresh_refetches_without_new_rows(first_crawl, sample_sites, tmp_path):
    db = copy_db(first_crawl["db"], tmp_path / "refresh.db")
    before = {t: count(db, t) for t in ("articles", "skipped", "facts")}
    proc = crawl_in_subprocess(db, {"sample-thanhhoa": sample_sites.urls["sample-thanhhoa"]},
                               refresh=True)
    assert proc.returncode in (0, 1), proc.stderr
    assert {t: count(db, t) for t in before} == before
    run = rows(db, "select * from crawl_runs order by id desc limit 1")[0]
    assert run["pages_fetched"] > 5


def test_http_cache_serves_a_refresh_without_requests(sample_sites, tmp_path):
    """--http-cache: a second pass (here --refresh) is answered from the on-disk cache."""
    urls = {"sample-laocai": sample_sites.urls["sample-laocai"]}
    db = tmp_path / "cache.db"
    cache = {"HTTPCACHE_DIR": str(tmp_path / "httpcache")}
    n0 = len(sample_sites.requests)
    first = crawl_in_subprocess(db, urls, http_cache=True, settings=cache)
    assert first.returncode in (0, 1), first.stderr
    n1 = len(sample_sites.requests)
    assert n1 > n0 and (tmp_path / "httpcache").is_dir()
    again = crawl_in_subprocess(db, urls, http_cache=True, refresh=True, settings=cache)
    assert again.returncode in (0, 1), again.stderr
    assert len(sample_sites.requests) == n1      # nothing went to the server
    run = rows(db, "select * from crawl_runs order by id desc limit 1")[0]
    assert run["articles_kept"] == count(db, "articles") > 0


def test_since_skips_old_articles_and_stops_paging(sample_sites, manifest, tmp_path):
    db = tmp_path / "since.db"
    n0 = len(sample_sites.requests)
    proc = crawl_in_subprocess(db, sample_sites.urls, since="2022-01-01")
    assert proc.returncode in (0, 1), proc.stderr
    requested = sample_sites.requests[n0:]
    published = {sample_sites.urls[m["site"]] + m["path"]: m["published"] for m in manifest}
    kept = rows(db, "select url, published from articles")
    assert kept
    assert all(r["published"][:10] >= "2022-01-01" for r in kept)
    assert all(published[r["url"]] >= "2022-01-01" for r in rows(db, "select url from skipped"))
    # every OCOP article since 2022 is there
    want = {sample_sites.urls[m["site"]] + m["path"] for m in public_articles(manifest)
            if m["ocop"] and m["published"] >= "2022-01-01"}
    assert want <= {r["url"] for r in kept}
    # deep listing pages that hold only old articles were not requested
    old_only = _old_only_listing_pages(manifest)
    assert old_only, "the sample site has listing pages of old articles"
    asked = set(requested)
    assert not [p for p in old_only if p in asked], old_only


def _old_only_listing_pages(manifest):
    """(site, listing page path) whose every item is older than 2022 (and the page before too)."""
    pages: dict = {}
    for m in manifest:
        if m["amp"] or m["private"]:
            continue
        for path in m["listed_in"]:
            if path.startswith("/chuyen-muc/ocop"):
                pages.setdefault((m["site"], path), []).append(m["published"])
    old = {k for k, dates in pages.items() if max(dates) < "2022-01-01"}

    def page_no(path):
        return int(path.split("page=")[1]) if "page=" in path else 1
    # the first old-only page is needed to see that it is old; the ones after it are not
    out = []
    for site, path in old:
        n = page_no(path)
        prev = f"/chuyen-muc/ocop?page={n - 1}" if n > 2 else "/chuyen-muc/ocop"
        if n > 1 and (site, prev) in old:
            out.append((site, path))
    return out


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_resume_after_kill(sample_sites, manifest, tmp_path, sig):
    """Kill a crawl mid-way; --resume finishes it: every article stored once, none fetched twice.

    SIGTERM (``kill``, Ctrl-C) lets Scrapy save its JOBDIR queue; after SIGKILL the queue is
    not trusted and the resumed run rediscovers what is missing.
    """
    db = tmp_path / "resume.db"
    jobdir = tmp_path / "job"
    n0 = len(sample_sites.requests)
    proc = crawl_in_subprocess(db, sample_sites.urls, jobdir=str(jobdir), wait=False,
                               settings={"CONCURRENT_REQUESTS": 2, "DOWNLOAD_DELAY": 0.02})
    # kill once 12 article pages were served (watching the server, not the database,
    # so that the test does not compete with the crawl for SQLite locks)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if sum(p.endswith(".html") for _, p in sample_sites.requests[n0:]) >= 12:
            break
        time.sleep(0.01)
    assert proc.poll() is None, proc.communicate()
    proc.send_signal(sig)
    proc.communicate(timeout=60)
    assert proc.returncode == (-9 if sig == signal.SIGKILL else 130), proc.returncode
    stored_first = {r["url"] for r in rows(db, "select url from articles union all select url from skipped")}
    run1 = rows(db, "select status from crawl_runs")[0]["status"]
    assert run1 == "running" if sig == signal.SIGKILL else run1.startswith("stopped"), run1
    assert (jobdir / "ocop-run.json").exists()
    expected = {sample_sites.urls[m["site"]] + m["path"] for m in public_articles(manifest)}
    assert 0 < len(stored_first) < len(expected), len(stored_first)

    n1 = len(sample_sites.requests)
    proc2 = crawl_in_subprocess(db, sample_sites.urls, jobdir=str(jobdir), resume=True)
    assert proc2.returncode in (0, 1), proc2.stderr
    stored = [r["url"] for r in rows(db, "select url from articles union all select url from skipped")]
    assert len(stored) == len(set(stored))
    assert set(stored) == expected, (f"missing {sorted(expected - set(stored))}, "
                                     f"extra {sorted(set(stored) - expected)}\n{proc2.stderr[-3000:]}")
    fetched = [p for _, p in sample_sites.requests[n1:] if p.endswith(".html")]
    assert len(fetched) == len(set(fetched)), f"an article page was fetched twice: {fetched}"
    already = {u.split("/", 3)[3] for u in stored_first}
    again = [p for p in fetched if p.lstrip("/") in already]
    assert not again, f"stored pages fetched again: {again}\n{proc2.stderr[-3000:]}"
    assert not [p for _, p in sample_sites.requests[n0:] if p.startswith("/private/")]
    assert not jobdir.exists()   # a finished crawl removes its JOBDIR


def test_feed_autodiscovery_from_base_url_only(sample_sites, manifest, tmp_path):
    """sample-laocai, given only its base URL: the feed at /rss is found via <link rel=alternate>."""
    site = replace(get("sample-laocai"), feeds=(), sitemaps=(), listings=(), search=None)
    assert not site.feeds
    db = tmp_path / "laocai.db"
    n0 = len(sample_sites.requests)
    urls = {"sample-laocai": sample_sites.urls["sample-laocai"]}
    code = ("import json, sys\nfrom dataclasses import replace\nfrom ocop_crawler.sites import get\n"
            "from ocop_crawler.crawl import run_crawl\na = json.loads(sys.argv[1])\n"
            "s = replace(get('sample-laocai'), feeds=(), sitemaps=(), listings=(), search=None)\n"
            "sys.exit(run_crawl(a['db'], sites=[s], base_urls=a['urls'], jobdir=a['job']))\n")
    import subprocess
    import sys
    proc = subprocess.run([sys.executable, "-c", code, json.dumps(
        {"db": str(db), "urls": urls, "job": str(tmp_path / "job")})],
        capture_output=True, text=True, timeout=120, cwd=str(tmp_path))
    assert proc.returncode in (0, 1), proc.stderr
    paths = [p for s, p in sample_sites.requests[n0:] if s == "sample-laocai"]
    assert "/rss" in paths
    want = {urls["sample-laocai"] + m["path"] for m in public_articles(manifest)
            if m["site"] == "sample-laocai" and m["ocop"]}
    assert want and want <= {r["url"] for r in rows(db, "select url from articles")}
    state = rows(db, "select feeds from crawl_state where source_id = 'sample-laocai'")[0]
    assert urls["sample-laocai"] + "/rss" in json.loads(state["feeds"])
