"""What keeps Datasette fast at a million facts must not change what it answers.

The plugin (``ocop_crawler/datasette/plugins/ocop.py``) reads a plain search's count
from the FTS index, groups a searched page's facets on one key, caches Datasette's
view-table permission lookups and table-name lookups, and memory-maps the file. Each
test compares the served answer with SQL run directly on the file, also after the
file changes under the running instance.
"""
from __future__ import annotations

import asyncio
import copy
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from datasette.utils import escape_fts

from ocop_crawler.serve import load_metadata, make_datasette
from ocop_crawler.storage import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_datasette import build_sample_db  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "ocop_crawler" / "datasette" / "plugins"))
import feeds  # noqa: E402
import ocop as plugin  # noqa: E402

SEARCH = {"facts": ("facts_fts", "id"), "fact_details": ("facts_fts", "id"),
          "articles": ("articles_fts", "id")}
QUERIES = ["ha tinh", "Hà Tĩnh", "dong thap", "Đồng Tháp", "lap vo", "keo dua", "san pham",
           "Hoà Bình", '"ha tinh"']


@pytest.fixture()
def db_path(tmp_path):
    return build_sample_db(tmp_path / "sample.db")


class Client:
    """An in-process Datasette over the file (``make_datasette``, startup hooks run)."""

    def __init__(self, path, metadata=None):
        self.ds = make_datasette(path)
        if metadata is not None:
            self.ds._metadata_local = metadata
        self.loop = asyncio.new_event_loop()
        self.loop.run_until_complete(self.ds.invoke_startup())

    def get(self, path, **params):
        return self.loop.run_until_complete(self.ds.client.get(path, params=params))

    def json(self, path, **params):
        r = self.get(path, _shape="objects", **params)
        assert r.status_code == 200, r.text
        return r.json()

    def close(self):
        self.loop.close()


def _direct(path, table, query):
    """(ids, count) of a search run directly on the file, the way Datasette writes it."""
    fts, pk = SEARCH[table]
    conn = sqlite3.connect(path)
    conn.create_function("escape_fts", 1, escape_fts)
    where = f"{pk} in (select rowid from {fts} where {fts} match escape_fts(?))"
    ids = {r[0] for r in conn.execute(f"select id from {table} where {where}", [query])}
    count = conn.execute(f"select count(*) from {table} where {where}", [query]).fetchone()[0]
    conn.close()
    return ids, count


def test_search_count_sql_rewrites_only_plain_searches():
    sub = "(select rowid from facts_fts where facts_fts match escape_fts(:search)) "
    assert plugin.search_count_sql(f"select count(*) from facts where id in {sub}") == (
        "select count(*) from facts_fts where facts_fts match escape_fts(:search)")
    assert plugin.search_count_sql(f"select count(*) from fact_details where id in {sub}") == (
        "select count(*) from facts_fts where facts_fts match escape_fts(:search)")
    raw = "select count(*) from articles where id in (select rowid from articles_fts where " \
          "articles_fts match :search) "
    assert plugin.search_count_sql(raw) == \
        "select count(*) from articles_fts where articles_fts match :search"
    # anything else is counted as Datasette wrote it
    for sql in [f"select count(*) from facts where id in {sub}and province = :p0 ",
                f"select count(*) from facts where province = :p0 and id in {sub}",
                f"select count(*) from articles where id in {sub}",       # another index
                f"select count(*) from skipped where id in {sub}",
                "select count(*) from facts ",
                "select count(*) from facts where rowid in (select rowid from facts_fts where "
                "evidence match escape_fts(:search_0)) "]:
        assert plugin.search_count_sql(sql) is None, sql
    assert plugin.search_count_sql(f"select count(*) from facts where id in {sub}", {}) is None


def test_search_page_sql_only_for_plain_searches_by_id():
    cols = "select id, article_id, evidence from facts"
    sub = "(select rowid from facts_fts where facts_fts match escape_fts(:search))"
    assert plugin.search_page_sql(f"{cols} where id in {sub} order by id desc limit 51") == (
        f"{cols} where id in (select rowid from facts_fts where facts_fts match "
        "escape_fts(:search) order by rowid desc limit 51) order by id desc limit 51")
    assert plugin.search_page_sql(f"{cols} where id in {sub} order by id limit 3").endswith(
        "order by rowid limit 3) order by id limit 3")
    for sql in [f"{cols} where id in {sub} and (id < :p0) order by id desc limit 51",   # _next
                f"{cols} where id in {sub} and province = :p0 order by id desc limit 51",
                f"{cols} where id in {sub} order by year desc limit 51",
                f"{cols} where id in {sub} order by id desc limit 51 offset 50",
                f"select id from fact_details where id in {sub} order by id desc limit 51",
                f"select id from articles where id in {sub} order by id desc limit 51"]:
        assert plugin.search_page_sql(sql) is None, sql


def test_search_pages_in_order(db_path):
    """The first page and the next ones, both sort directions, as direct SQL gives them."""
    client = Client(db_path)
    try:
        for query in ("san pham", "ha tinh"):
            ids = sorted(_direct(db_path, "facts", query)[0])
            for sort, expected in (("_sort_desc", ids[::-1]), ("_sort", ids)):
                got, params = [], {"_search": query, sort: "id", "_size": "2"}
                while True:
                    data = client.json("/ocop/facts.json", **params)
                    got += [r["id"] for r in data["rows"]]
                    if not data.get("next"):
                        break
                    params["_next"] = data["next"]
                assert got == expected, (query, sort)
    finally:
        client.close()


@pytest.mark.parametrize("table", sorted(SEARCH))
def test_search_rows_and_counts_unchanged(db_path, table):
    client = Client(db_path)
    try:
        for query in QUERIES:
            ids, count = _direct(db_path, table, query)
            data = client.json(f"/ocop/{table}.json", _search=query, _size="max")
            assert {r["id"] for r in data["rows"]} == ids, query
            assert data["filtered_table_rows_count"] == count == len(ids), query
        # folded spellings find the accented names
        assert _direct(db_path, table, "ha tinh")[0] == _direct(db_path, table, "Hà Tĩnh")[0]
        assert _direct(db_path, table, "dong thap")[0] == _direct(db_path, table, "Đồng Tháp")[0]
        assert _direct(db_path, table, "dong thap")[0]
        # a search with a filter is counted live too
        if table != "articles":
            data = client.json(f"/ocop/{table}.json", _search="ha tinh", kind="target")
            assert data["filtered_table_rows_count"] == len(data["rows"]) == 1
    finally:
        client.close()


def test_search_counts_follow_writes(db_path):
    """The FTS triggers keep the index in step with facts, so its count stays the count."""
    client = Client(db_path)
    try:
        before = client.json("/ocop/facts.json", _search="dong thap")["filtered_table_rows_count"]
        store = Store(db_path)
        aid = store.db.execute("select id from articles where url like '%a0.html'").fetchone()[0]
        store.replace_facts(aid, [dict(level="province", province="Đồng Tháp",
                                       province_2025="Đồng Tháp", metric="products", unit="count",
                                       kind="actual", increment=False, value=v, comparator="eq",
                                       stars_min=3, stars_max=5, year=2022,
                                       evidence=f"Đồng Tháp có {v} sản phẩm OCOP.")
                                  for v in (300, 301)], "test")
        after = client.json("/ocop/facts.json", _search="dong thap")["filtered_table_rows_count"]
        # the article's one fact did not name the province; both new ones do
        assert after == before + 2 == _direct(db_path, "facts", "dong thap")[1]
        store.db.execute("update facts set evidence = 'Một câu khác.' where article_id = ?", [aid])
        store.db.conn.commit()
        assert client.json("/ocop/facts.json", _search="dong thap")["filtered_table_rows_count"] == \
            before == _direct(db_path, "facts", "dong thap")[1]
        store.replace_facts(aid, [], "test")
        assert client.json("/ocop/fact_details.json", _search="mot cau khac")["filtered_table_rows_count"] == 0
        store.db.conn.close()
    finally:
        client.close()


def test_search_count_from_the_table_without_sync_triggers(tmp_path):
    """A file whose FTS index is not kept by this project's triggers is counted live."""
    path = build_sample_db(tmp_path / "sample.db")
    conn = sqlite3.connect(path)
    conn.execute("drop trigger facts_fts_ad")
    conn.execute("delete from facts where province = 'Bến Tre'")   # stale rows in the index
    conn.commit()
    conn.close()
    client = Client(path)
    try:
        data = client.json("/ocop/facts.json", _search="ben tre")
        assert data["filtered_table_rows_count"] == 0 == len(data["rows"])
    finally:
        client.close()


def test_search_facets_equal_group_by(db_path):
    client = Client(db_path)
    conn = sqlite3.connect(db_path)
    conn.create_function("escape_fts", 1, escape_fts)
    try:
        for query in ("ha tinh", "dong thap", "san pham"):
            facets = client.json("/ocop/facts.json", _search=query,
                                 _extra="facet_results")["facet_results"]
            for column in plugin.CUBE_COLUMNS:
                expected = dict(conn.execute(
                    f"select [{column}], count(*) from facts where id in (select rowid from "
                    f"facts_fts where facts_fts match escape_fts(?)) and [{column}] is not null "
                    f"group by [{column}]", [query]).fetchall())
                got = {(type(r["value"]), r["value"]): r["count"]
                       for r in facets[column]["results"]}
                assert got == {(type(k), k): n for k, n in expected.items()}, (query, column)
    finally:
        conn.close()
        client.close()


def test_table_permissions_still_apply(db_path):
    metadata = load_metadata()
    metadata["databases"]["ocop"]["tables"]["skipped"]["allow"] = {"id": "root"}
    client = Client(db_path, copy.deepcopy(metadata))
    try:
        for _ in range(2):   # the second answer comes from the cache
            assert client.get("/ocop/skipped").status_code == 403
            assert client.get("/ocop/facts").status_code == 200
            tables = {t["name"] for t in client.json("/ocop.json")["tables"]}
            assert "skipped" not in tables and "facts" in tables
        # a changed allow block is a new answer, not the cached one
        del client.ds._metadata_local["databases"]["ocop"]["tables"]["skipped"]["allow"]
        assert client.get("/ocop/skipped").status_code == 200
        client.ds._metadata_local["databases"]["ocop"]["tables"]["facts"]["allow"] = False
        assert client.get("/ocop/facts").status_code == 403
        assert "facts" not in {t["name"] for t in client.json("/ocop.json")["tables"]}
    finally:
        client.close()


def test_tables_added_while_serving_are_found(db_path):
    client = Client(db_path)
    try:
        assert client.get("/ocop/Notes").status_code == 404
        conn = sqlite3.connect(db_path)
        conn.execute("create table Notes (id integer primary key, note text)")
        conn.execute("insert into Notes (note) values ('một ghi chú')")
        conn.commit()
        conn.close()
        rows = client.json("/ocop/Notes.json")["rows"]   # the spelling resolved anew
        assert rows == [{"id": 1, "note": "một ghi chú"}]
        assert "Notes" in {t["name"] for t in client.json("/ocop.json")["tables"]}
    finally:
        client.close()


def test_connections_memory_map_the_file(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db")
    conn.execute("create table t (x)")
    plugin.prepare_connection(conn)
    assert conn.execute("pragma mmap_size").fetchone()[0] > 0
    assert conn.execute("select ocop_fold('Đồng Tháp')").fetchone()[0] == "Dong Thap"
    conn.close()


def test_published_copy_counts_searches_from_the_index(tmp_path, db_path):
    """An immutable (published) file gets the same answers."""
    shutil.copy(db_path, tmp_path / "copy.db")
    ds = make_datasette(tmp_path / "copy.db", immutable=True)
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(ds.invoke_startup())
        r = loop.run_until_complete(ds.client.get(
            "/ocop/facts.json", params={"_search": "dong thap", }))
        assert r.json()["filtered_table_rows_count"] == _direct(db_path, "facts", "dong thap")[1]
    finally:
        loop.close()


@pytest.mark.parametrize("name", ["new_since", "found_since"])
def test_since_queries_read_their_order_from_an_index(db_path, name):
    """With an old date every article matches: the newest 200 facts must come from walking
    an index, not from sorting every fact (at a million facts found_since took 3 s and
    hit the time limit when the crawl stamped many articles with the same time)."""
    sql = load_metadata()["databases"]["ocop"]["queries"][name]["sql"]
    con = sqlite3.connect(db_path)
    feeds.prepare_connection(con)                      # ocop_fact_title()
    try:
        plan = [r[-1] for r in con.execute("explain query plan " + sql, {"since": "2000-01-01"})]
        rows = con.execute(sql, {"since": "2000-01-01"}).fetchall()
    finally:
        con.close()
    assert rows and not any("TEMP B-TREE" in step for step in plan), plan
