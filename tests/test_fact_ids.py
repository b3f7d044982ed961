"""Stable fact ids: a fact keeps its id across `ocop reextract` while its article, evidence
offsets and what it says are unchanged; a changed fact gets a new id and the old id is recorded
in superseded_facts. On the demo database built by the real demo crawl over loopback.
"""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_db, query
from ocop_crawler.storage import Store

OCOP = Path(sys.executable).with_name("ocop")
KEY_COLUMNS = ("article_id", "sent_start", "sent_end", "level", "province", "district", "metric",
               "unit", "kind", "increment", "value", "comparator", "stars_min", "stars_max", "year",
               "segment", "evidence")

# A rule change, as a different extractor would make it: the products of co-operatives lose
# their segment (so they read as the province's total) and percentages are no longer facts.
CHANGED_RULES = """
import sys
import ocop_crawler.extraction as ex
original = ex.extract_facts
def changed(text, **kw):
    facts = []
    for f in original(text, **kw):
        if f.get("unit") == "percent":
            continue
        if f.get("segment") == "hợp tác xã" and f.get("metric") == "products":
            f = dict(f, segment=None)
        facts.append(f)
    return facts
ex.extract_facts = changed
sys.exit(ex.reextract(sys.argv[1]))
"""


def facts_of(db) -> dict[int, tuple]:
    with sqlite3.connect(db) as con:
        rows = con.execute(f"select id, {', '.join(KEY_COLUMNS)} from facts").fetchall()
    con.close()
    return {r[0]: r[1:] for r in rows}


def reextract(db, changed=False):
    cmd = ([sys.executable, "-c", CHANGED_RULES, str(db)] if changed
           else [str(OCOP), "reextract", "--db", str(db)])
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc


def test_ids_survive_reextract_of_the_demo(demo_db, tmp_path):
    db = copy_db(demo_db, tmp_path / "copy.db")
    before = facts_of(db)
    assert len(before) > 100
    keys = query(db, "select count(*), count(distinct fact_key), count(fact_key) from facts")[0]
    assert keys == (len(before),) * 3
    # (the crawl itself may have superseded the facts of a syndicated copy stored before its original)
    superseded = query(db, "select * from superseded_facts order by old_id")
    reextract(db)
    assert facts_of(db) == before            # every id names the same fact as before
    assert query(db, "select * from superseded_facts order by old_id") == superseded
    reextract(db)
    assert facts_of(db) == before


def test_a_changed_rule_gives_new_ids_and_records_the_old_ones(demo_db, tmp_path):
    db = copy_db(demo_db, tmp_path / "changed.db")
    before = facts_of(db)
    top = max(before)
    coop = {i: f for i, f in before.items() if f[KEY_COLUMNS.index("segment")] == "hợp tác xã"
            and f[KEY_COLUMNS.index("metric")] == "products"}
    percent = {i for i, f in before.items() if f[KEY_COLUMNS.index("unit")] == "percent"}
    assert coop and percent
    crawl_time = {r[0] for r in query(db, "select old_id from superseded_facts")}  # see above

    reextract(db, changed=True)
    after = facts_of(db)
    untouched = set(before) - set(coop) - percent
    assert {i: after.get(i) for i in untouched} == {i: before[i] for i in untouched}
    assert not (set(coop) | percent) & set(after)          # changed or dropped: their ids are gone
    new_ids = set(after) - set(before)
    assert len(new_ids) == len(coop) and min(new_ids) > top  # new ids, never used before
    sup = {r[0]: r[1:] for r in query(
        db, "select old_id, new_id, note, value, evidence, article_id from superseded_facts")
        if r[0] not in crawl_time}
    assert set(sup) == set(coop) | percent
    for old in coop:
        new_id, note, value, evidence, article = sup[old]
        assert new_id in new_ids and "read again as fact" in note
        # the successor is the same number read from the same sentence, now without a segment
        assert after[new_id][:KEY_COLUMNS.index("segment")] == before[old][:KEY_COLUMNS.index("segment")]
        assert after[new_id][KEY_COLUMNS.index("segment")] is None
        assert value == before[old][KEY_COLUMNS.index("value")] and evidence == before[old][-1]
    for old in percent:
        assert sup[old][0] is None and sup[old][1] == "no longer read from this article"

    # the rules change back: the original facts get their original ids again
    reextract(db)
    assert facts_of(db) == before
    sup = {r[0]: r[1] for r in query(db, "select old_id, new_id from superseded_facts")
           if r[0] not in crawl_time}
    assert set(sup) == new_ids                                # the interim ids now point back
    assert {sup[n] for n in new_ids} == set(coop)


def test_older_file_gets_keys_and_keeps_ids(tmp_path):
    """A database made before fact_key: opening it computes the keys; re-extraction keeps ids."""
    path = tmp_path / "old.db"
    body = "Đến nay, Hà Tĩnh có 300 sản phẩm OCOP."
    with sqlite3.connect(path) as con:
        con.execute("create table articles (id integer primary key, source_id text, url text, "
                    "title text, published text, author text, body text, fetched_at text, "
                    "content_hash text, fingerprint text, duplicate_of integer, run_id integer, "
                    "extractor_version text)")
        con.execute("create table facts (id integer primary key, article_id integer, level text, "
                    "province text, province_2025 text, district text, metric text, unit text, "
                    "kind text, increment integer, value float, comparator text, stars_min integer, "
                    "stars_max integer, year integer, segment text, evidence text, sent_start integer, "
                    "sent_end integer, extractor_version text, why text)")
        con.execute("insert into articles (id, url, title, published, body) values "
                    "(1, 'https://example.vn/a.html', 'Bài', '2024-05-01', ?)", [body])
        con.execute("insert into facts values (41, 1, 'province', 'Hà Tĩnh', 'Hà Tĩnh', null, "
                    "'products', 'count', 'actual', 0, 300, 'eq', 3, 5, 2024, null, ?, 0, ?, '0.9', null)",
                    [body, len(body)])
    con.close()
    store = Store(path)
    assert store.db.execute("select fact_key is not null from facts").fetchall() == [(1,)]
    fact = {"level": "province", "province": "Hà Tĩnh", "province_2025": "Hà Tĩnh",
            "district": None, "metric": "products", "unit": "count", "kind": "actual",
            "increment": False, "value": 300, "comparator": "eq", "stars_min": 3, "stars_max": 5,
            "year": 2024, "segment": None, "evidence": body, "sent_start": 0, "sent_end": len(body)}
    store.replace_facts(1, [fact], "new")
    assert store.db.execute("select id, extractor_version from facts").fetchall() == [(41, "new")]
    # a second identical fact of the article gets its own key and id
    store.replace_facts(1, [fact, dict(fact)], "new")
    rows = store.db.execute("select id, fact_key from facts order by id").fetchall()
    assert rows[0][0] == 41 and rows[1][0] == 42 and rows[1][1] == rows[0][1] + "#2"
    # the value changes: a new id; 42 is gone for good (the next fact is 44, not 42)
    store.replace_facts(1, [dict(fact, value=301)], "newer")
    rows = store.db.execute("select id, value from facts").fetchall()
    assert rows == [(43, 301)]
    got = store.db.execute("select old_id, new_id, note from superseded_facts order by old_id").fetchall()
    assert got == [(41, 43, "read again as fact 43 (value 300 → 301)"),
                   (42, None, "no longer read from this article")]
    store.replace_facts(1, [dict(fact, value=301), dict(fact, value=5, sent_start=None)], "newer")
    assert [r[0] for r in store.db.execute("select id from facts order by id")] == [43, 44]
    store.db.conn.close()


def test_a_copy_of_another_article_records_its_facts_as_superseded(tmp_path):
    store = Store(tmp_path / "dup.db")
    ids = [store.add_article({"source_id": None, "url": f"https://example.vn/{n}.html",
                              "title": "Bài", "published": "2024-05-01",
                              "body": "Hà Tĩnh có 300 sản phẩm OCOP."}) for n in (1, 2)]
    fact = {"level": "province", "province": "Hà Tĩnh", "metric": "products", "unit": "count",
            "kind": "actual", "value": 300, "stars_min": 3, "stars_max": 5, "evidence": "x"}
    store.replace_facts(ids[1], [fact], "t")
    store.mark_duplicate(ids[1], ids[0])
    assert store.db.execute("select old_id, new_id, note from superseded_facts").fetchall() == [
        (1, None, f"article {ids[1]} became a copy of article {ids[0]}, whose facts count instead")]
    store.db.conn.close()


def test_superseded_fact_page_links_on(demo_db, tmp_path):
    """/ocop/facts/OLD of a superseded id says what replaced it (HTML and JSON), in a real Datasette."""
    from test_datasette import Server, free_port
    import urllib.error
    import urllib.request

    db = copy_db(demo_db, tmp_path / "served.db")
    reextract(db, changed=True)
    old, new = query(db, "select old_id, new_id from superseded_facts where new_id is not null "
                         "order by old_id limit 1")[0]
    gone, = query(db, "select old_id from superseded_facts where new_id is null limit 1")[0]
    port = free_port()
    srv = Server([sys.executable, "-m", "ocop_crawler.cli", "serve", "--db", str(db),
                  "--port", str(port)], port)
    try:
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(f"{srv.base}/ocop/facts/{old}", timeout=30)
        assert err.value.code == 410
        assert f'</ocop/facts/{new}>; rel="successor-version"' in err.value.headers["Link"]
        page = err.value.read().decode()
        assert f"Fact {old} was superseded" in page and f'href="/ocop/facts/{new}"' in page
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(f"{srv.base}/ocop/facts/{old}.json", timeout=30)
        data = json.loads(err.value.read())
        assert data["superseded"] is True and data["new_id"] == new
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(f"{srv.base}/ocop/facts/{gone}", timeout=30)
        page = err.value.read().decode()
        assert err.value.code == 410 and "nothing replaces it" in page
        assert srv.json(f"/ocop/facts/{new}.json")["rows"][0]["id"] == new   # the new one is there
        with pytest.raises(urllib.error.HTTPError) as err:                   # an id never used
            urllib.request.urlopen(f"{srv.base}/ocop/facts/999999", timeout=30)
        assert err.value.code == 404
    finally:
        srv.stop()
