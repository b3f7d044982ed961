"""The reconciled series (docs/series.md): the rule on a hand-made database, and every
summary figure of the demo against the sample site's gold figure for that province and year.

The demo database is built the way a newcomer builds it: ``ocop demo --no-serve --db X``
(the bundled sample site on loopback, the real spider, extraction, storage, refresh).
"""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

import pytest

from ocop_crawler import samplesite, views
from ocop_crawler.storage import Store

RANK = {"eq": 0, "gte": 1, "gt": 1, "lte": 2, "lt": 2, "approx": 3}  # docs/series.md


# -- the rule on a database made by hand ------------------------------------------------

def _source(store, sid, province, kind="provincial"):
    store.db["sources"].upsert({"id": sid, "title": sid, "province": province,
                                "province_2025": province, "kind": kind, "base_url": "x",
                                "verified": 0}, pk="id")


def _article(store, n, published, source="baohatinh"):
    return store.add_article({"source_id": source, "url": f"https://x.vn/{n}", "title": f"A{n}",
                              "published": published, "body": f"body {n}",
                              "fetched_at": "2025-01-01T00:00:00+00:00"})


def _fact(value, *, province="Hà Tĩnh", metric="products", kind="actual", increment=False,
          comparator="eq", stars=(3, 5), year=2024, segment=None, unit="count"):
    from nlp.areas import province_2025
    return dict(level="province", province=province, province_2025=province_2025(province),
                district=None, metric=metric, unit=unit, kind=kind, increment=increment,
                value=value, comparator=comparator, stars_min=stars[0], stars_max=stars[1],
                year=year, segment=segment, evidence=f"{province} có {value} sản phẩm OCOP.")


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "series.db")
    for sid, prov in (("baohatinh", "Hà Tĩnh"), ("baobentre", "Bến Tre"),
                      ("baovinhlong", "Vĩnh Long"), ("baotravinh", "Trà Vinh")):
        _source(s, sid, prov)
    _source(s, "tonghop", None, kind="aggregator")
    yield s
    s.db.conn.close()


def point(db, area, year, *, scope="province", metric="products", kind="actual", increment=0,
          stars=(3, 5)):
    rows = list(db.query(
        "select * from series where scope = ? and area = ? and year = ? and metric = ? and "
        "kind = ? and increment = ? and stars_min = ? and stars_max = ? and unit = 'count'",
        [scope, area, year, metric, kind, increment, *stars]))
    assert len(rows) <= 1
    return rows[0] if rows else None


def test_later_exact_original_report_wins_and_the_others_are_conflicts(store):
    early = _article(store, 1, "2024-03-01")
    late = _article(store, 2, "2024-09-01")
    copy = _article(store, 3, "2024-12-01", source="tonghop")   # an aggregator, later still
    rounded = _article(store, 4, "2024-11-01")
    store.replace_facts(early, [_fact(362)], "t")
    store.replace_facts(late, [_fact(379), _fact(201, segment="hợp tác xã")], "t")
    store.replace_facts(copy, [_fact(390)], "t")
    store.replace_facts(rounded, [_fact(400, comparator="approx"), _fact(300, comparator="gt")], "t")
    views.refresh(store.db)
    db = store.db
    p = point(db, "Hà Tĩnh", 2024)
    late_fact = db.execute("select id from facts where value = 379").fetchone()[0]
    assert (p["value"], p["fact_id"], p["reports"], p["articles"]) == (379, late_fact, 5, 4)
    # tolerance 5 % of 379 = 18.95: 362 (earlier, 17 away) and 390 (syndicated, 11 away) agree,
    # "khoảng 400" (21 away) disagrees, "hơn 300" agrees with 379
    conflicts = {(r["other_value"], r["other_rank"]) for r in db.query(
        "select * from series_conflicts where area = 'Hà Tĩnh'")}
    assert conflicts == {(400, "rounded")}
    assert p["conflicts"] == 1
    row = next(db.query("select * from series_conflicts"))
    assert row["evidence"] == "Hà Tĩnh có 379 sản phẩm OCOP." and \
        row["other_evidence"] == "Hà Tĩnh có 400 sản phẩm OCOP."
    # the segment fact is never a value
    assert not db.execute("select count(*) from series s join facts f on f.id = s.fact_id "
                          "where f.segment is not null").fetchone()[0]


def test_a_syndicated_report_loses_even_when_later_and_is_listed_when_it_disagrees(store):
    own = _article(store, 1, "2024-05-01")
    agg = _article(store, 2, "2024-10-01", source="tonghop")
    store.replace_facts(own, [_fact(300)], "t")
    store.replace_facts(agg, [_fact(350)], "t")
    views.refresh(store.db)
    assert point(store.db, "Hà Tĩnh", 2024)["value"] == 300
    assert [(r["other_value"], r["other_rank"]) for r in store.db.query(
        "select * from series_conflicts")] == [(350, "syndicated")]


def test_totals_additions_and_targets_are_separate_series(store):
    a = _article(store, 1, "2024-10-08")
    store.replace_facts(a, [_fact(215), _fact(39, increment=True),
                            _fact(30, kind="target", increment=True),        # "có thêm 30"
                            _fact(300, kind="target", year=2025)], "t")      # "đến 2025 có 300"
    views.refresh(store.db)
    db = store.db
    assert point(db, "Hà Tĩnh", 2024)["value"] == 215
    assert point(db, "Hà Tĩnh", 2024, increment=1)["value"] == 39
    assert point(db, "Hà Tĩnh", 2024, kind="target", increment=1)["value"] == 30
    assert point(db, "Hà Tĩnh", 2025, kind="target")["value"] == 300
    assert point(db, "Hà Tĩnh", 2024, kind="target") is None
    # the latest running total and the total target, never an addition
    totals = {(r["kind"], r["value"]) for r in db.query(
        "select kind, value from province_totals where stars = '3–5★'")}
    assert totals == {("actual", 215), ("target", 300)}
    assert not db.execute("select count(*) from province_years where increment = 1 and "
                          "fact_id in (select id from facts where increment = 0)").fetchone()[0]


def test_the_2025_map_sums_merged_provinces_until_a_report_gives_the_new_one(store):
    bt, vl = _article(store, 1, "2024-08-30", "baobentre"), _article(store, 2, "2024-09-05", "baovinhlong")
    after = _article(store, 3, "2025-11-02", "baovinhlong")
    store.replace_facts(bt, [_fact(248, province="Bến Tre")], "t")
    store.replace_facts(vl, [_fact(120, province="Vĩnh Long")], "t")
    store.replace_facts(after, [_fact(500, province="Vĩnh Long", year=2025),
                                _fact(250, province="Bến Tre", year=2025)], "t")
    views.refresh(store.db)
    db = store.db
    p = point(db, "Vĩnh Long", 2024, scope="province_2025")
    assert (p["value"], p["parts"], p["parts_total"], p["fact_id"]) == (368, 2, 3, None)
    assert sorted(p["provinces"].split(", ")) == ["Bến Tre", "Vĩnh Long"]
    assert sorted(int(i) for i in p["fact_ids"].split(",")) == [
        r[0] for r in db.execute("select id from facts where year = 2024 order by id")]
    # after 1 July 2025 a figure for Vĩnh Long is the merged province's: not summed again
    p = point(db, "Vĩnh Long", 2025, scope="province_2025")
    assert (p["value"], p["parts"], p["parts_total"]) == (500, 3, 3)
    assert point(db, "Bến Tre", 2024)["value"] == 248  # as published, unchanged


def test_every_summary_row_carries_its_fact_and_report_count(store):
    a = _article(store, 1, "2024-01-01")
    b = _article(store, 2, "2024-06-01")
    store.replace_facts(a, [_fact(100), _fact(10, stars=(4, 4))], "t")
    store.replace_facts(b, [_fact(110)], "t")
    views.refresh(store.db)
    db = store.db
    for table in ("province_totals", "province_years"):
        rows = list(db.query(f"select * from {table}"))
        assert rows and all(r["fact_id"] and r["reports"] >= 1 for r in rows), table
        for r in rows:
            assert db.execute("select value from facts where id = ?", [r["fact_id"]]).fetchone()[0] == r["value"]
    assert next(db.query("select reports from province_totals where stars = '3–5★'"))["reports"] == 2


# -- the demo against the sample site's gold ------------------------------------------

def _as_of(year, published):
    if year is None or published is None or year == int(published[:4]):
        return published[:10] if published else None
    return f"{year}-12-31"


def gold_series() -> dict:
    """The series rule applied to the gold facts: {(province, metric, kind, increment,
    stars_min, stars_max, year): (value, comparator)}; ties the rule cannot break are left out."""
    homes = {o.name: o.province for o in samplesite.outlets().values()}
    points = defaultdict(list)
    for line in samplesite.gold_path().read_text("utf-8").splitlines():
        art = json.loads(line)
        for f in art["facts"]:
            if f["level"] != "province" or f["unit"] != "count" or f["segment"] is not None:
                continue
            year = f["year"] if f["year"] is not None else (
                int(art["published"][:4]) if art["published"] else None)
            if year is None:
                continue
            key = (f["province"], f["metric"], f["kind"], int(f["increment"]), f["stars_min"],
                   f["stars_max"], year)
            own = homes.get(art["id"].split("/")[0]) == f["province"]
            rank = (RANK[f["comparator"]], _neg(_as_of(f["year"], art["published"])), not own,
                    _neg(art["published"] or ""))
            points[key].append((rank, f["value"], f["comparator"]))
    out = {}
    for key, reports in points.items():
        reports.sort(key=lambda r: r[0])
        best = [r for r in reports if r[0] == reports[0][0]]
        if len({(r[1], r[2]) for r in best}) == 1:
            out[key] = (best[0][1], best[0][2])
    return out


def _neg(date: str):
    """Sort key putting later dates first."""
    return tuple(-ord(c) for c in date or "")


def demo_series(db) -> dict:
    con = sqlite3.connect(db)
    rows = con.execute(
        "select area, metric, kind, increment, stars_min, stars_max, year, value, comparator "
        "from series where scope = 'province' and unit = 'count'").fetchall()
    con.close()
    return {r[:7]: (r[7], r[8]) for r in rows}


def test_the_series_of_the_gold_facts_is_the_gold_series(tmp_path):
    """The summary SQL on the gold facts themselves gives the gold figures, every one."""
    store = Store(tmp_path / "gold.db")
    for o in samplesite.outlets().values():
        _source(store, o.name, o.province, kind="sample")
    for line in samplesite.gold_path().read_text("utf-8").splitlines():
        art = json.loads(line)
        if not art["facts"]:
            continue
        aid = store.add_article({"source_id": art["id"].split("/")[0], "url": "http://s/" + art["id"],
                                 "title": art["title"], "published": art["published"],
                                 "body": art["text"], "fetched_at": "2026-01-01T00:00:00+00:00"})
        store.replace_facts(aid, art["facts"], "gold")
    views.refresh(store.db)
    gold, stored = gold_series(), demo_series(store.path)
    store.db.conn.close()
    assert len(gold) > 80
    assert {k: stored.get(k) for k in gold} == gold
    ties = set(stored) - set(gold)   # points where the gold itself has two equal-ranked values
    print("gold points:", len(gold), "ties:", sorted(ties))
    assert len(ties) <= 2, ties


# Where the demo's figure differs from the gold's because the extractor (nlp/) reads a fact's
# year or its addition/running-total flag otherwise than the annotator: cause -> the series
# points it moves (province, metric, kind, increment, stars_min, stars_max, year). Empty since
# the extraction rules of this round: every demo figure equals the gold's. The test fails when a
# difference appears (list it here with its cause only if it cannot be fixed in nlp/).
KNOWN_EXTRACTION_DIFFERENCES: dict[str, list[tuple]] = {}


def test_every_demo_figure_equals_the_gold_figure(demo_db):
    gold, demo = gold_series(), demo_series(demo_db)
    assert len(demo) > 50 and len(gold) > 50
    differ = {}
    for key in set(gold) | set(demo):
        if gold.get(key) != demo.get(key):
            differ[key] = (gold.get(key), demo.get(key))
    report = "\n".join(f"{k}: gold {g} demo {d}" for k, (g, d) in sorted(differ.items(), key=str))
    print(f"{len(demo)} demo series points, {len(gold)} gold points, {len(differ)} differ:\n{report}")
    known = {k for keys in KNOWN_EXTRACTION_DIFFERENCES.values() for k in keys}
    assert set(differ) - known == set(), "new differences:\n" + report
    assert known - set(differ) == set(), "fixed: delete them from KNOWN_EXTRACTION_DIFFERENCES"
    # every figure on the demo's summary pages is one of these series points (or a sum of
    # them on the 2025 map): the ones not listed above equal the gold's
    assert len(demo) - len(set(demo) & known) >= 60


def test_the_demo_2025_map_is_the_sum_of_its_provinces(demo_db):
    con = sqlite3.connect(demo_db)
    rows = con.execute(
        "select s.area, s.metric, s.kind, s.increment, s.stars_min, s.stars_max, s.year, s.value,"
        " (select sum(o.value) from series o join provinces p on p.key = o.area_key"
        "  where o.scope = 'province' and p.key_2025 = s.area_key and o.metric = s.metric"
        "  and o.kind = s.kind and o.unit = s.unit and o.increment = s.increment"
        "  and o.stars_min = s.stars_min and o.stars_max = s.stars_max and o.year = s.year)"
        " from series s where s.scope = 'province_2025' and s.as_of < '2025-07-01'").fetchall()
    con.close()
    assert rows and all(r[7] == r[8] for r in rows), [r for r in rows if r[7] != r[8]]
