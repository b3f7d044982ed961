"""Datasette over the database of a real sample crawl (fixture ``crawled_db``).

Whatever the extractor finds, what Datasette shows must agree with SQL on the same
file: facet counts, canned queries, search, feeds, crawl health.
"""
from __future__ import annotations

import sqlite3
import sys
import xml.etree.ElementTree as ET

import pytest

from conftest import copy_db
from test_datasette import ATOM, Server, free_port


@pytest.fixture(scope="module")
def crawled(crawled_db, tmp_path_factory):
    db = copy_db(crawled_db, tmp_path_factory.mktemp("served") / "crawled.db")
    port = free_port()
    srv = Server([sys.executable, "-m", "ocop_crawler.cli", "serve", "--db", str(db),
                  "--port", str(port)], port)
    conn = sqlite3.connect(db)
    yield srv, conn
    conn.close()
    srv.stop()


def test_facts_and_facets_agree_with_sql(crawled):
    srv, conn = crawled
    n_facts = conn.execute("select count(*) from facts").fetchone()[0]
    assert n_facts > 0, "the sample crawl stored no facts"
    data = srv.json("/ocop/facts.json", _extra="facet_results", _size="max")
    assert data["filtered_table_rows_count"] == n_facts
    for column in ("province", "metric", "kind", "year"):
        shown = {r["value"]: r["count"] for r in data["facet_results"][column]["results"]}
        expected = dict(conn.execute(
            f"select {column}, count(*) from facts where {column} is not null group by {column} "
            f"order by count(*) desc limit 20"))
        assert shown == expected, column
    # a fact's page row links to its article, and its sentence is in the article body
    fid, aid, evidence, body = conn.execute(
        "select f.id, f.article_id, f.evidence, a.body from facts f join articles a "
        "on a.id = f.article_id order by f.id limit 1").fetchone()
    row = srv.json("/ocop/fact_details.json", id=str(fid))["rows"][0]
    assert row["article_url"] == conn.execute("select url from articles where id = ?", [aid]).fetchone()[0]
    assert row["evidence"] == evidence


def test_canned_queries_on_crawled_data(crawled):
    srv, conn = crawled
    province, = conn.execute(
        "select province from facts where level = 'province' and increment = 0 "
        "group by province order by count(*) desc limit 1").fetchone()
    profile = srv.json("/ocop/province_profile.json", province=province)["rows"]
    assert profile and {r["province"] for r in profile} == {province}
    over_time = srv.json("/ocop/province_over_time.json", province=province)["rows"]
    assert over_time and all(r["province"] == province for r in over_time)
    year, = conn.execute("select year from province_years where province = ? order by year desc",
                         [province]).fetchone()
    assert province in {r["province"] for r in srv.json("/ocop/compare_provinces.json",
                                                        year=str(year))["rows"]}
    assert len(srv.json("/ocop/province_map.json", _size="max")["rows"]) == 63
    since, = conn.execute("select min(published) from articles").fetchone()
    rows = srv.json("/ocop/new_since.json", since=since[:10])["rows"]
    assert rows and [r["published"] for r in rows] == sorted((r["published"] for r in rows), reverse=True)
    sources = {r[0] for r in conn.execute("select id from sources")}
    assert {r["source"] for r in srv.json("/ocop/crawl_health.json")["rows"]} == sources
    skipped = conn.execute("select count(*) from skipped").fetchone()[0]
    assert sum(r["pages"] for r in srv.json("/ocop/skipped_audit.json")["rows"]) == skipped


def test_search_and_feeds_on_crawled_data(crawled):
    srv, conn = crawled
    n_ocop = conn.execute("select count(*) from articles where title like '%OCOP%'").fetchone()[0]
    rows = srv.json("/ocop/articles.json", _search="ocop", _size="max")["rows"]
    assert len(rows) >= n_ocop > 0
    status, _, text = srv.get("/ocop/new_articles_feed.atom")
    entries = list(ET.fromstring(text).iter(ATOM + "entry"))
    assert len(entries) == min(50, conn.execute(
        "select count(*) from articles where duplicate_of is null").fetchone()[0])
    status, _, text = srv.get("/ocop/new_facts_feed.atom")
    assert len(list(ET.fromstring(text).iter(ATOM + "entry"))) > 0
