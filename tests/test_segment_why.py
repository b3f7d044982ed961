"""facts.segment and facts.why: storage, migration of older files, summaries, `ocop extract --explain`.

Real SQLite files and the real command line throughout.
"""
import json
import re
import sqlite3
import subprocess
import sys

import sqlite_utils
from click.testing import CliRunner

from conftest import ROOT, copy_db
from ocop_crawler import views
from ocop_crawler.cli import cli
from ocop_crawler.extraction import FIELDS
from ocop_crawler.storage import Store, migrate_facts

OCOP = [sys.executable, "-m", "ocop_crawler.cli"]


def fact(value, *, segment=None, why=None, province="Hà Tĩnh", increment=False, year=2024,
         stars=(3, 5), kind="actual", metric="products", evidence=None):
    return {"level": "province", "province": province, "province_2025": province,
            "district": None, "metric": metric, "unit": "count", "kind": kind,
            "increment": increment, "value": value, "comparator": "eq",
            "stars_min": stars[0], "stars_max": stars[1], "year": year, "segment": segment,
            "why": why, "evidence": evidence or f"Toàn tỉnh có {value} sản phẩm OCOP."}


def article(store, n, published="2024-06-01"):
    return store.add_article({"source_id": None, "url": f"https://example.vn/a{n}.html",
                              "title": f"Bài {n}", "published": published, "body": f"Bài {n}."})


def columns(path, table="facts"):
    with sqlite3.connect(path) as con:
        return [r[1] for r in con.execute(f"pragma table_info([{table}])")]


# -- storage ---------------------------------------------------------------

def test_segment_and_why_round_trip(tmp_path):
    path = tmp_path / "rt.db"
    store = Store(path)
    aid = article(store, 1)
    n = store.replace_facts(aid, [
        fact(400, why="province from headline; stars 3..5 by default"),
        fact(201, segment="hợp tác xã", why="segment «hợp tác xã»"),
        fact(7, segment="", why=""),        # empty strings are stored as null
    ], "test")
    assert n == 3
    store.db.conn.close()

    assert {"segment", "why"} <= set(columns(path))
    with sqlite3.connect(path) as con:
        rows = con.execute("select value, segment, why from facts order by id").fetchall()
        assert rows == [(400, None, "province from headline; stars 3..5 by default"),
                        (201, "hợp tác xã", "segment «hợp tác xã»"), (7, None, None)]
        # the view analysts use carries them too
        assert con.execute("select segment, why from fact_details where value = 201").fetchone() == (
            "hợp tác xã", "segment «hợp tác xã»")


def test_extract_output_fields():
    assert "segment" in FIELDS and "why" in FIELDS


# -- migration of an older file ----------------------------------------------

OLD_FACTS = """
create table facts (
  id integer primary key, article_id integer references articles(id), level text, province text,
  province_2025 text, district text, metric text, unit text, kind text, increment integer,
  value float, comparator text, stars_min integer, stars_max integer, year integer,
  evidence text, sent_start integer, sent_end integer, extractor_version text)"""
OLD_ARTICLES = """
create table articles (
  id integer primary key, source_id text, url text, title text, published text, author text,
  body text, fetched_at text, content_hash text, fingerprint text, duplicate_of integer,
  run_id integer, extractor_version text)"""
OLD_OTHERS = [
    "create table sources (id text primary key, title text, province text, province_2025 text, "
    "kind text, base_url text, entry_points text, verified integer, successor text)",
    "create table skipped (url text primary key, source_id text, title text, reason text, "
    "fetched_at text, run_id integer)",
]


def _old_db(path):
    with sqlite3.connect(path) as con:
        con.execute(OLD_ARTICLES)
        con.execute(OLD_FACTS)
        for ddl in OLD_OTHERS:
            con.execute(ddl)
        con.execute("insert into articles (id, url, title, published, body) values "
                    "(1, 'https://example.vn/cu.html', 'Bài cũ', '2023-05-01', 'Hà Tĩnh có 300 sản phẩm OCOP.')")
        con.execute("insert into facts (id, article_id, level, province, province_2025, metric, unit, "
                    "kind, increment, value, comparator, stars_min, stars_max, year, evidence, "
                    "extractor_version) values (1, 1, 'province', 'Hà Tĩnh', 'Hà Tĩnh', 'products', "
                    "'count', 'actual', 0, 300, 'eq', 3, 5, 2023, 'Hà Tĩnh có 300 sản phẩm OCOP.', '0.9')")
    con.close()
    return path


def test_older_database_gains_the_columns_and_keeps_its_facts(tmp_path):
    path = _old_db(tmp_path / "old.db")
    assert "segment" not in columns(path)
    store = Store(path)
    cols = columns(path)
    assert "segment" in cols and "why" in cols
    with sqlite3.connect(path) as con:
        assert con.execute("select id, value, province, evidence, extractor_version, segment, why "
                           "from facts").fetchall() == [
            (1, 300, "Hà Tĩnh", "Hà Tĩnh có 300 sản phẩm OCOP.", "0.9", None, None)]
    # the old fact (segment null) still makes the province's total; new facts store segments
    views.refresh(store.db)
    assert store.db.execute("select value from province_totals where province = 'Hà Tĩnh'").fetchall() == [(300,)]
    store.replace_facts(1, [fact(300, why="w"), fact(20, segment="cấp mới")], "new")
    assert store.db.execute("select segment from facts order by value").fetchall() == [("cấp mới",), (None,)]
    store.db.conn.close()
    assert Store(path).db["facts"].columns_dict["segment"] is str  # opening again changes nothing


def test_serving_an_older_file_migrates_it_too(tmp_path):
    """`ocop serve` refreshes stale summaries without a Store: the columns are added then too."""
    path = _old_db(tmp_path / "old.db")
    db = sqlite_utils.Database(str(path))
    views.refresh(db)
    assert {"segment", "why"} <= set(columns(path))
    assert db.execute("select segment from fact_details").fetchall() == [(None,)]


def test_a_foreign_facts_table_is_left_alone(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as con:
        con.execute("create table facts (id integer primary key, claim text, source text)")
        con.execute("insert into facts values (1, 'x', 'y')")
    con.close()
    db = sqlite_utils.Database(str(path))
    assert migrate_facts(db) == []
    assert columns(path) == ["id", "claim", "source"]


# -- summaries: segment-null facts only ------------------------------------------

def test_province_summaries_use_segment_null_facts_only(tmp_path):
    store = Store(tmp_path / "sum.db")
    a1 = article(store, 1, "2024-03-01")
    a2 = article(store, 2, "2024-09-01")   # later: without the rule its subsets would win
    store.replace_facts(a1, [fact(400, year=2024), fact(45, increment=True, year=2024),
                             fact(120, metric="subjects", year=2024)], "t")
    store.replace_facts(a2, [
        fact(201, segment="hợp tác xã", year=2024),
        fact(7, segment="cấp mới", increment=True, year=2024),
        fact(90, segment="doanh nghiệp", metric="subjects", year=2024),
        fact(30, segment="thực phẩm", year=2024, stars=(4, 4)),   # a key only a segment has
        fact(50, segment="sàn thương mại điện tử", kind="target", year=2025),
    ], "t")
    views.refresh(store.db)
    db = store.db

    totals = {(r["metric"], r["kind"], r["stars"]): r["value"] for r in db.query(
        "select metric, kind, stars, value from province_totals where province = 'Hà Tĩnh'")}
    assert totals == {("products", "actual", "3–5★"): 400, ("subjects", "actual", "3–5★"): 120}
    fact_ids = {r[0] for r in db.execute("select fact_id from province_totals union all "
                                         "select fact_id from province_years")}
    segmented = {r[0] for r in db.execute("select id from facts where segment is not null")}
    assert fact_ids and not fact_ids & segmented

    years = {(r["metric"], r["kind"], r["increment"], r["stars"]): (r["value"], r["reports"])
             for r in db.query("select * from province_years where province = 'Hà Tĩnh' and year = 2024")}
    assert years == {("products", "actual", 0, "3–5★"): (400, 1),
                     ("products", "actual", 1, "3–5★"): (45, 1),
                     ("subjects", "actual", 0, "3–5★"): (120, 1)}
    assert not list(db.query("select * from province_years where year = 2025"))

    # the raw facts keep everything; the cube and the facets know the segments
    assert db["facts"].count == 8
    assert db.execute("select sum(n) from facts_cube").fetchone()[0] == 8
    assert dict(db.execute("select value, count from facet_counts where table_name = 'facts' "
                           "and column_name = 'segment'").fetchall()) == {
        "hợp tác xã": 1, "cấp mới": 1, "doanh nghiệp": 1, "thực phẩm": 1, "sàn thương mại điện tử": 1}
    assert db.execute("select version from summary_state").fetchone()[0] == views.SUMMARY_VERSION
    assert not views.needs_refresh(db.conn)


def test_summaries_of_an_older_layout_are_rebuilt(tmp_path):
    store = Store(tmp_path / "v.db")
    views.refresh(store.db)
    store.db.execute("update summary_state set version = ?", [views.SUMMARY_VERSION - 1])
    store.db.conn.commit()
    assert views.needs_refresh(store.db.conn)


def test_metadata_documents_segment_and_why():
    from ocop_crawler.serve import load_metadata
    tables = load_metadata()["databases"]["ocop"]["tables"]
    for name in ("facts", "fact_details"):
        assert {"segment", "why"} <= set(tables[name]["columns"]), name
        assert {"summary": "segment"} in tables[name]["facets"], name
    assert "segment" in tables["facts_cube"]["columns"]


# -- ocop extract --explain ----------------------------------------------------

ARTICLE = ("Hà Tĩnh có thêm 45 sản phẩm OCOP\n\n"
           "Năm 2023, UBND tỉnh Hà Tĩnh công nhận 45 sản phẩm đạt chuẩn OCOP, gồm 40 sản phẩm 3 sao "
           "và 5 sản phẩm 4 sao. Hội đồng đã đánh giá, phân hạng 60 sản phẩm. Các HTX sở hữu 20 "
           "sản phẩm OCOP. Đến nay, toàn tỉnh có 400 sản phẩm OCOP.\n")
RECORD_LINE = re.compile(r"^  s(\d+) «([^»]+)» (fact|not a fact): ", re.M)


def test_extract_explain_prints_a_report(tmp_path):
    src = tmp_path / "bai-ha-tinh.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    res = CliRunner().invoke(cli, ["extract", "--explain", str(src)])
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert out.startswith("bai-ha-tinh.txt: ")
    assert not any(line.startswith("{") for line in out.splitlines())  # no JSON mixed in
    records = RECORD_LINE.findall(out)
    assert records, out
    lead = re.compile(r"\d[\d.,]*")   # "400" (or "400 sản phẩm": the number as written)
    numbers = {lead.match(num).group() for _, num, _ in records if lead.match(num)}
    assert {"45", "400"} <= numbers, out
    assert any(lead.match(num) and lead.match(num).group() == "400" and v == "fact"
               for _, num, v in records), out
    # each sentence is printed once, before its numbers, shortened
    heads = re.findall(r"^ s(\d+): (.*)$", out, re.M)
    assert len(heads) == len({n for n, _ in heads})
    assert all(len(text) <= 160 for _, text in heads)
    for n, _, _ in records:
        assert n in {h for h, _ in heads}


def test_extract_explain_with_output_file_writes_json(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    res = subprocess.run(OCOP + ["extract", "--explain", str(src), "-o", str(out)],
                         capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("a.txt: ")
    row = json.loads(out.read_text(encoding="utf-8"))
    assert row["id"] == "a.txt" and row["facts"]
    for f in row["facts"]:
        assert "segment" in f and "why" in f
    assert {f["value"] for f in row["facts"] if f["segment"] is None} >= {45, 400}
    # the report's fact count is the file's
    assert res.stdout.splitlines()[0] == f"a.txt: {len(row['facts'])} facts"


def test_extract_help_mentions_explain():
    res = CliRunner().invoke(cli, ["extract", "--help"])
    assert res.exit_code == 0 and "--explain" in res.output and "-o FILE" in res.output


# -- ocop reextract over an older crawled database ---------------------------------

def test_reextract_fills_segment_and_why(crawled_db, tmp_path):
    db = copy_db(crawled_db, tmp_path / "copy.db")
    con = sqlite3.connect(db)
    con.execute("drop view if exists fact_details")
    con.execute("alter table facts drop column segment")   # as a file of an older version
    con.execute("alter table facts drop column why")
    con.commit()
    before = con.execute("select count(*) from facts").fetchone()[0]
    con.close()
    assert "segment" not in columns(db)

    res = subprocess.run(OCOP + ["reextract", "--db", str(db)], capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    assert {"segment", "why"} <= set(columns(db))
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from facts").fetchone()[0] > 0
    n_why = con.execute("select count(*) from facts where why is not null").fetchone()[0]
    n_seg = con.execute("select count(*) from facts where segment is not null").fetchone()[0]
    print(f"reextract: {before} facts, {n_why} with why, {n_seg} with a segment")
    # whatever the extractor says about segments, the totals never read a segment fact
    assert con.execute("select count(*) from province_totals t join facts f on f.id = t.fact_id "
                       "where f.segment is not null").fetchone()[0] == 0
    assert con.execute("select count(*) from province_totals").fetchone()[0] > 0
    assert con.execute("select count(*) from fact_details").fetchone()[0] == con.execute(
        "select count(*) from facts").fetchone()[0]
