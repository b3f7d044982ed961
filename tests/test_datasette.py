"""Datasette over real HTTP: `ocop serve` on a loopback port, every canned query, facet,
search (with and without diacritics) and Atom feed; `ocop publish` served as hosted.

The database is built through ``Store`` from a handful of realistic articles and
facts (``build_sample_db``); the browser tests reuse it.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ocop_crawler.storage import Store

ROOT = Path(__file__).resolve().parent.parent


def _fact(province, value, *, metric="products", kind="actual", increment=False, stars=(3, 5),
          year=None, comparator="eq", unit="count", level="province", district=None,
          province_2025=None, evidence=""):
    return dict(level=level, province=province, province_2025=province_2025 or province,
                district=district, metric=metric, unit=unit, kind=kind, increment=increment,
                value=value, comparator=comparator, stars_min=stars[0], stars_max=stars[1],
                year=year, evidence=evidence)


SOURCES = [
    {"id": "baohatinh", "title": "Báo Hà Tĩnh", "province": "Hà Tĩnh", "province_2025": "Hà Tĩnh",
     "kind": "provincial", "base_url": "https://baohatinh.vn", "verified": 0},
    {"id": "baodongthap", "title": "Báo Đồng Tháp", "province": "Đồng Tháp",
     "province_2025": "Đồng Tháp", "kind": "provincial", "base_url": "https://baodongthap.vn",
     "verified": 0},
    {"id": "baodongkhoi", "title": "Báo Đồng Khởi", "province": "Bến Tre",
     "province_2025": "Vĩnh Long", "kind": "provincial", "base_url": "https://baodongkhoi.vn",
     "verified": 0},
]

# (source, url, title, published, body, facts)
ARTICLES = [
    ("baohatinh", "https://baohatinh.vn/ha-tinh-co-them-45-san-pham-ocop-post1.html",
     "Hà Tĩnh có thêm 45 sản phẩm OCOP", "2023-12-20T08:15:00+07:00",
     "Năm 2023, Hà Tĩnh công nhận thêm 45 sản phẩm OCOP. Đến nay, toàn tỉnh có 303 sản phẩm "
     "OCOP, trong đó có 1 sản phẩm 5 sao, 56 sản phẩm 4 sao.",
     [_fact("Hà Tĩnh", 45, increment=True, year=2023,
            evidence="Năm 2023, Hà Tĩnh công nhận thêm 45 sản phẩm OCOP."),
      _fact("Hà Tĩnh", 303, year=2023,
            evidence="Đến nay, toàn tỉnh có 303 sản phẩm OCOP, trong đó có 1 sản phẩm 5 sao, "
                     "56 sản phẩm 4 sao."),
      _fact("Hà Tĩnh", 1, stars=(5, 5), year=2023, evidence="… 1 sản phẩm 5 sao …"),
      _fact("Hà Tĩnh", 56, stars=(4, 4), year=2023, evidence="… 56 sản phẩm 4 sao …")]),
    ("baohatinh", "https://baohatinh.vn/phan-dau-500-san-pham-ocop-post2.html",
     "Hà Tĩnh phấn đấu có 500 sản phẩm OCOP vào năm 2025", "2024-06-02T09:00:00+07:00",
     "Hà Tĩnh phấn đấu đến năm 2025 có tối thiểu 500 sản phẩm OCOP từ 3 sao trở lên. "
     "Hiện toàn tỉnh có 350 sản phẩm OCOP và 210 chủ thể.",
     [_fact("Hà Tĩnh", 500, kind="target", year=2025, comparator="gte",
            evidence="Hà Tĩnh phấn đấu đến năm 2025 có tối thiểu 500 sản phẩm OCOP từ 3 sao trở lên."),
      _fact("Hà Tĩnh", 350, year=2024,
            evidence="Hiện toàn tỉnh có 350 sản phẩm OCOP và 210 chủ thể."),
      _fact("Hà Tĩnh", 210, metric="subjects", year=2024,
            evidence="Hiện toàn tỉnh có 350 sản phẩm OCOP và 210 chủ thể.")]),
    ("baodongthap", "https://baodongthap.vn/dong-thap-dan-dau-ocop-a1.html",
     "Đồng Tháp dẫn đầu cả nước về sản phẩm OCOP", "2024-09-10",
     "Tỉnh Đồng Tháp hiện có 412 sản phẩm OCOP, trong đó huyện Lấp Vò có 40 sản phẩm. "
     "Mục tiêu năm 2025 là 450 sản phẩm.",
     [_fact("Đồng Tháp", 412, year=2024,
            evidence="Tỉnh Đồng Tháp hiện có 412 sản phẩm OCOP, trong đó huyện Lấp Vò có 40 sản phẩm."),
      _fact("Đồng Tháp", 40, level="district", district="Lấp Vò", year=2024,
            evidence="Tỉnh Đồng Tháp hiện có 412 sản phẩm OCOP, trong đó huyện Lấp Vò có 40 sản phẩm."),
      _fact("Đồng Tháp", 450, kind="target", year=2025,
            evidence="Mục tiêu năm 2025 là 450 sản phẩm.")]),
    ("baodongthap", "https://baodongthap.vn/ocop-2022-a0.html",
     "Đồng Tháp: 300 sản phẩm đạt chuẩn OCOP", "2022-11-05T10:00:00+07:00",
     "Đến cuối năm 2022, tỉnh có 300 sản phẩm đạt chuẩn OCOP.",
     [_fact("Đồng Tháp", 300, year=2022,
            evidence="Đến cuối năm 2022, tỉnh có 300 sản phẩm đạt chuẩn OCOP.")]),
    ("baodongkhoi", "https://baodongkhoi.vn/ben-tre-keo-dua-ocop-a9.html",
     "Bến Tre: kẹo dừa dẫn đầu sản phẩm OCOP", "2025-03-15T07:30:00+07:00",
     "Bến Tre hiện có 180 sản phẩm OCOP, trong đó có 20 sản phẩm 4 sao. Hà Tĩnh và Đồng Tháp "
     "từng đến học tập kinh nghiệm.",
     [_fact("Bến Tre", 180, year=2025, province_2025="Vĩnh Long",
            evidence="Bến Tre hiện có 180 sản phẩm OCOP, trong đó có 20 sản phẩm 4 sao."),
      _fact("Bến Tre", 20, stars=(4, 4), year=2025, province_2025="Vĩnh Long",
            evidence="Bến Tre hiện có 180 sản phẩm OCOP, trong đó có 20 sản phẩm 4 sao.")]),
]

SKIPPED = [
    ("https://baohatinh.vn/giao-thong-post9.html", "baohatinh", "Tai nạn giao thông giảm", "not about OCOP"),
    ("https://baohatinh.vn/thoi-tiet-post8.html", "baohatinh", "Nắng nóng kéo dài", "not about OCOP"),
    ("https://baodongthap.vn/old-a-1.html", "baodongthap", "Tin cũ", "older than --since"),
]


def build_sample_db(path) -> Path:
    """A small but realistic ocop database built through Store (two crawl runs, drift)."""
    store = Store(path)
    for src in SOURCES:
        store.db["sources"].upsert(src, pk="id")
    run1 = store.start_run(["baohatinh", "baodongthap", "baodongkhoi"])
    for source, url, title, published, body, facts in ARTICLES:
        aid = store.add_article({"source_id": source, "url": url, "title": title,
                                 "published": published, "author": "Thanh Hoài", "body": body,
                                 "fetched_at": "2025-04-01T00:00:00+00:00"}, run1)
        for f in facts:  # offsets of the evidence sentence in the body
            start = body.find(f["evidence"])
            f["sent_start"], f["sent_end"] = (start, start + len(f["evidence"])) if start >= 0 else (None, None)
        store.replace_facts(aid, facts, "test")
    for url, source, title, reason in SKIPPED:
        store.add_skipped(url, source, reason, title, run1)
    for source, kept, facts, drift in (("baohatinh", 2, 7, None), ("baodongthap", 2, 4, None),
                                       ("baodongkhoi", 1, 2, None)):
        store.record_run_site(run1, source, {"pages_fetched": 10, "articles_kept": kept,
                                             "articles_skipped": 1, "facts": facts, "errors": 0,
                                             "no_body": 0, "no_date": 0, "drift": drift})
    store.finish_run(run1, {"pages_fetched": 30, "articles_kept": 5, "facts": 13})
    run2 = store.start_run(["baodongkhoi"])
    store.record_run_site(run2, "baodongkhoi", {"pages_fetched": 12, "articles_kept": 0,
                                                "articles_skipped": 0, "facts": 0, "errors": 3,
                                                "no_body": 12, "no_date": 12,
                                                "drift": "no body on 12/12 article pages"})
    store.finish_run(run2, {"pages_fetched": 12, "errors": 3})
    store.db.conn.close()
    return Path(path)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {proc.stderr.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not start")


class Server:
    """A process serving Datasette on 127.0.0.1:port, stopped with Ctrl-C (SIGINT)."""

    def __init__(self, args, port):
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True,
                                     env={**os.environ, "PYTHONUNBUFFERED": "1"})
        wait_until_up(self.base + "/-/versions.json", self.proc)

    def get(self, path, params=None):
        url = self.base + urllib.parse.quote(path, safe="/?=&.%:+-_")
        if params:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.headers.get("content-type", ""), r.read().decode("utf-8")

    def json(self, path, **params):
        params.setdefault("_shape", "objects")
        status, _, text = self.get(path, params)
        assert status == 200
        return json.loads(text)

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=20)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory):
    return build_sample_db(tmp_path_factory.mktemp("datasette") / "sample.db")


@pytest.fixture(scope="session")
def server(sample_db):
    port = free_port()
    srv = Server([sys.executable, "-m", "ocop_crawler.cli", "serve", "--db", str(sample_db),
                  "--port", str(port)], port)
    yield srv
    srv.stop()


# -- the served instance ------------------------------------------------------

def test_settings_and_read_only(server):
    settings = server.json("/-/settings.json")
    assert settings["suggest_facets"] is False
    assert settings["sql_time_limit_ms"] == 3000 and settings["max_returned_rows"] == 5000
    dbs = server.json("/-/databases.json")
    assert [d["name"] for d in dbs] == ["ocop"]
    assert dbs[0]["is_mutable"] is True  # a live file: read-only connections, not immutable
    plugins = {p["name"] for p in server.json("/-/plugins.json")}
    assert {"datasette-atom", "datasette-block-robots", "ocop.py", "pages.py"} <= plugins
    # no canned query writes
    meta = server.json("/-/metadata.json")
    assert not any(q.get("write") for q in meta["databases"]["ocop"]["queries"].values())
    # SQL stays available to analysts, but cannot write
    data = server.json("/ocop.json", sql="select count(*) as n from facts")
    assert data["rows"] == [{"n": 13}]
    with pytest.raises(urllib.error.HTTPError):
        server.get("/ocop.json", {"sql": "delete from facts"})


def test_every_table_and_column_described(server, sample_db):
    import sqlite3
    meta = server.json("/-/metadata.json")["databases"]["ocop"]["tables"]
    conn = sqlite3.connect(sample_db)
    names = [r[0] for r in conn.execute(
        "select name from sqlite_master where type in ('table', 'view') and name not like '%fts%'"
        " and name not like 'sqlite_%'")]
    for name in names:
        assert meta.get(name, {}).get("description"), f"table {name} has no description"
        cols = [r[1] for r in conn.execute(f"pragma table_info([{name}])")]
        undocumented = [c for c in cols if c not in meta[name].get("columns", {})]
        assert not undocumented, f"{name}: undocumented columns {undocumented}"


def test_facts_page_facets(server):
    data = server.json("/ocop/facts.json", _extra="facet_results")
    facets = data["facet_results"]
    assert set(facets) >= {"province", "province_2025", "metric", "kind", "stars_min",
                           "stars_max", "year"}
    counts = {r["value"]: r["count"] for r in facets["province"]["results"]}
    assert counts == {"Hà Tĩnh": 7, "Đồng Tháp": 4, "Bến Tre": 2}
    assert {r["value"]: r["count"] for r in facets["province_2025"]["results"]}["Vĩnh Long"] == 2
    assert {r["value"]: r["count"] for r in facets["kind"]["results"]} == {"actual": 11, "target": 2}
    # a selected facet value is counted live over the filtered rows
    data = server.json("/ocop/facts.json", province="Hà Tĩnh", _extra="facet_results")
    assert len(data["rows"]) == 7
    facets = data["facet_results"]
    assert {r["value"]: r["count"] for r in facets["metric"]["results"]} == {"products": 6, "subjects": 1}
    assert [r["selected"] for r in facets["province"]["results"]] == [True]
    # filters on the cube's columns (counted from facts_cube) and on others (counted live)
    data = server.json("/ocop/facts.json", province="Đồng Tháp", year__gte="2024",
                       _extra="facet_results")
    assert {r["value"]: r["count"] for r in data["facet_results"]["kind"]["results"]} == {
        "actual": 2, "target": 1}
    data = server.json("/ocop/facts.json", level="district", _extra="facet_results")
    assert {r["value"]: r["count"] for r in data["facet_results"]["province"]["results"]} == {
        "Đồng Tháp": 1}
    data = server.json("/ocop/facts.json", _search="ha tinh", _extra="facet_results")
    assert {r["value"]: r["count"] for r in data["facet_results"]["year"]["results"]} == {
        2023: 1, 2025: 1}


def test_cube_where():
    sys.path.insert(0, str(ROOT / "ocop_crawler" / "datasette" / "plugins"))
    from ocop import cube_where
    base = "select id, province from facts"
    assert cube_where(base) == ""
    assert cube_where(base + ' where "province" = :p0 and "year" >= :p1') == '"province" = :p0 and "year" >= :p1'
    assert cube_where(base + " where province in ('a', 'b') or year is null")
    assert cube_where(base + ' where "level" = :p0') is None
    assert cube_where(base + " where id in (select rowid from facts_fts where facts_fts match :s)") is None
    assert cube_where(base + " where evidence like '%x%'") is None


def test_facts_link_to_article_and_sentence(server):
    status, _, html = server.get("/ocop/facts")
    assert status == 200
    assert "Hà Tĩnh có thêm 45 sản phẩm OCOP" in html  # article_id shown by its title
    # the sentence, with its number highlighted
    assert "Năm 2023, Hà Tĩnh công nhận thêm <mark>45</mark> sản phẩm OCOP." in html
    rows = server.json("/ocop/fact_details.json", province="Bến Tre")["rows"]
    assert {r["article_url"] for r in rows} == {"https://baodongkhoi.vn/ben-tre-keo-dua-ocop-a9.html"}
    assert rows[0]["source"] == "Báo Đồng Khởi" and rows[0]["province_2025"] == "Vĩnh Long"


@pytest.mark.parametrize("query,expected", [
    ("Hà Tĩnh", {"Hà Tĩnh có thêm 45 sản phẩm OCOP",
                 "Hà Tĩnh phấn đấu có 500 sản phẩm OCOP vào năm 2025",
                 "Bến Tre: kẹo dừa dẫn đầu sản phẩm OCOP"}),
    ("ha tinh", {"Hà Tĩnh có thêm 45 sản phẩm OCOP",
                 "Hà Tĩnh phấn đấu có 500 sản phẩm OCOP vào năm 2025",
                 "Bến Tre: kẹo dừa dẫn đầu sản phẩm OCOP"}),
    ("dong thap", {"Đồng Tháp dẫn đầu cả nước về sản phẩm OCOP",
                   "Đồng Tháp: 300 sản phẩm đạt chuẩn OCOP", "Bến Tre: kẹo dừa dẫn đầu sản phẩm OCOP"}),
    ("Đồng Tháp", {"Đồng Tháp dẫn đầu cả nước về sản phẩm OCOP",
                   "Đồng Tháp: 300 sản phẩm đạt chuẩn OCOP", "Bến Tre: kẹo dừa dẫn đầu sản phẩm OCOP"}),
    ("keo dua", {"Bến Tre: kẹo dừa dẫn đầu sản phẩm OCOP"}),
    ("Hoà Bình", set()),
])
def test_article_search_with_and_without_diacritics(server, query, expected):
    rows = server.json("/ocop/articles.json", _search=query)["rows"]
    assert {r["title"] for r in rows} == expected


def test_fact_search(server):
    rows = server.json("/ocop/facts.json", _search="lap vo")["rows"]
    assert {r["district"] for r in rows} == {"Lấp Vò", None} and len(rows) == 2
    rows = server.json("/ocop/fact_details.json", _search="muc tieu")["rows"]
    assert [r["value"] for r in rows] == [450]
    status, _, html = server.get("/ocop/facts?_search=dong+thap")
    assert "Tỉnh Đồng Tháp hiện có 412 sản phẩm OCOP" in html


def test_province_profile(server):
    for spelling in ("Hà Tĩnh", "ha tinh", "Tỉnh Hà Tĩnh", "HA TINH"):
        rows = server.json("/ocop/province_profile.json", province=spelling)["rows"]
        total = next(r for r in rows if r["metric"] == "products" and r["stars"] == "3–5★")
        assert total["latest_actual"] == 350 and total["actual_year"] == 2024
        assert total["target"] == 500 and total["target_year"] == 2025
        assert total["progress_pct"] == 70.0
        assert total["actual_article"].endswith("post2.html")
    stars = {r["stars"]: r["latest_actual"] for r in rows if r["metric"] == "products"}
    assert stars == {"3–5★": 350, "5★": 1, "4★": 56}
    subjects = [r for r in rows if r["metric"] == "subjects"]
    assert subjects[0]["latest_actual"] == 210
    assert server.json("/ocop/province_profile.json", province="Atlantis")["rows"] == []


def test_compare_provinces(server):
    rows = server.json("/ocop/compare_provinces.json", year="2024")["rows"]
    assert [(r["province"], r["products_total"]) for r in rows] == [("Đồng Tháp", 412), ("Hà Tĩnh", 350)]
    assert rows[1]["subjects_total"] == 210
    rows = server.json("/ocop/compare_provinces.json", year="2023")["rows"]
    assert rows == [dict(rows[0], province="Hà Tĩnh", products_total=303, products_4_star=56,
                         products_5_star=1, products_added=45)]


def test_province_over_time_and_chart(server):
    rows = server.json("/ocop/province_over_time.json", province="dong thap")["rows"]
    assert [(r["year"], r["series"], r["value"]) for r in rows] == [
        (2022, "products total", 300), (2024, "products total", 412), (2025, "products target", 450)]
    assert all(r["value_fact"] for r in rows)  # each value carries its fact


def test_maps(server):
    data = server.json("/ocop/province_map.json", _size="max")
    rows = data["rows"]
    assert len(rows) == 63
    assert all(8 < r["latitude"] < 24 and 102 < r["longitude"] < 110 for r in rows)
    assert [(r["province"], r["products"]) for r in rows[:3]] == [
        ("Đồng Tháp", 412), ("Hà Tĩnh", 350), ("Bến Tre", 180)]
    assert rows[0]["products_fact"]
    rows = server.json("/ocop/province_map_2025.json", _size="max")["rows"]
    assert len(rows) == 34
    vl = next(r for r in rows if r["province_2025"] == "Vĩnh Long")
    assert vl["products"] == 180 and "Bến Tre" in vl["provinces_before_2025"]


def test_new_since(server):
    rows = server.json("/ocop/new_since.json", since="2024-06-01")["rows"]
    assert [r["published"][:10] for r in rows] == ["2025-03-15"] * 2 + ["2024-09-10"] * 3 + ["2024-06-02"] * 3
    assert rows[0]["url"].startswith("https://baodongkhoi.vn/")
    assert server.json("/ocop/new_since.json", since="2030-01-01")["rows"] == []


ATOM = "{http://www.w3.org/2005/Atom}"


def _feed(server, path, **params):
    status, ctype, text = server.get(path, params)
    assert status == 200 and "xml" in ctype
    root = ET.fromstring(text)
    assert root.tag == ATOM + "feed"
    return [{"title": e.findtext(ATOM + "title"), "updated": e.findtext(ATOM + "updated"),
             "link": e.find(ATOM + "link").get("href"), "id": e.findtext(ATOM + "id")}
            for e in root.iter(ATOM + "entry")]


def test_atom_feeds(server):
    facts = _feed(server, "/ocop/new_facts_feed.atom")
    assert len(facts) == 13 and len({f["id"] for f in facts}) == 13
    assert facts[0]["title"] == "Bến Tre: 180 sản phẩm OCOP 3–5★ (đạt, 2025)"
    assert facts[0]["updated"].startswith("2025-03-15T07:30:00")
    assert any(f["title"] == "Hà Tĩnh: tối thiểu 500 sản phẩm OCOP 3–5★ (mục tiêu, 2025)" for f in facts)
    articles = _feed(server, "/ocop/new_articles_feed.atom")
    assert [a["title"] for a in articles][:2] == ["Bến Tre: kẹo dừa dẫn đầu sản phẩm OCOP",
                                                  "Đồng Tháp dẫn đầu cả nước về sản phẩm OCOP"]
    assert articles[1]["updated"].startswith("2024-09-10T00:00:00")  # date-only published
    ht = _feed(server, "/ocop/province_facts_feed.atom", province="ha tinh")
    assert len(ht) == 7 and all(f["title"].startswith("Hà Tĩnh") for f in ht)
    dt = _feed(server, "/ocop/province_articles_feed.atom", province="Đồng Tháp")
    assert [a["link"] for a in dt] == ["https://baodongthap.vn/dong-thap-dan-dau-ocop-a1.html",
                                       "https://baodongthap.vn/ocop-2022-a0.html"]


def test_crawl_health_and_skipped(server):
    rows = server.json("/ocop/crawl_health.json")["rows"]
    assert rows[0]["source"] == "baodongkhoi" and rows[0]["drift"] == "no body on 12/12 article pages"
    assert rows[0]["last_run"] == 2 and rows[0]["errors"] == 3
    ht = next(r for r in rows if r["source"] == "baohatinh")
    assert ht["last_run"] == 1 and ht["articles"] == 2 and ht["facts"] == 7 and ht["skipped"] == 2
    rows = server.json("/ocop/skipped_audit.json")["rows"]
    assert rows[0] == dict(rows[0], source_id="baohatinh", reason="not about OCOP", pages=2)
    data = server.json("/ocop/skipped.json", _extra="facet_results")
    assert {r["value"]: r["count"] for r in data["facet_results"]["reason"]["results"]} == {
        "not about OCOP": 2, "older than --since": 1}


def test_index_pages_and_robots(server):
    status, _, html = server.get("/")
    assert "OCOP facts from the Vietnamese provincial press" in html and "GPL-3.0" in html
    status, _, html = server.get("/ocop")
    for name in ("province_profile", "compare_provinces", "new_facts_feed", "crawl_health"):
        assert name in html
    status, _, text = server.get("/robots.txt")
    assert "Disallow: /" in text


def test_serve_immutable_stops_cleanly_on_ctrl_c(sample_db):
    port = free_port()
    srv = Server([sys.executable, "-m", "ocop_crawler.cli", "serve", "--db", str(sample_db),
                  "--port", str(port), "--immutable"], port)
    assert [(d["name"], d["is_mutable"]) for d in srv.json("/-/databases.json")] == [("ocop", False)]
    assert srv.json("/ocop/facts.json")["filtered_table_rows_count"] == 13
    assert srv.stop() == 0


def test_serve_bad_database(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "ocop_crawler.cli", "serve", "--db",
                           str(tmp_path / "missing.db")], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "no database at" in proc.stderr


def test_publish_serves_immutable(sample_db, tmp_path):
    out = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "ocop_crawler.cli", "publish", "--db",
                           str(sample_db), "--out", str(out)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    for name in ("ocop.db", "metadata.yaml", "settings.json", "plugins/ocop.py", "plugins/pages.py",
                 "templates/ocop_province.html", "inspect-data.json", "requirements.txt", "run.sh", "Dockerfile", "README.md"):
        assert (out / name).is_file(), name
    assert "datasette-block-robots" in (out / "requirements.txt").read_text()
    port = free_port()
    srv = Server([sys.executable, "-m", "datasette", "serve", str(out), "-p", str(port)], port)
    try:
        dbs = srv.json("/-/databases.json")
        assert [(d["name"], d["is_mutable"]) for d in dbs] == [("ocop", False)]
        assert srv.json("/-/settings.json")["suggest_facets"] is False
        rows = srv.json("/ocop/province_profile.json", province="dong thap")["rows"]
        assert rows[0]["latest_actual"] == 412
        assert "Disallow: /" in srv.get("/robots.txt")[2]
        assert len(_feed(srv, "/ocop/new_facts_feed.atom")) == 13
        assert 'class="ocop-chart"' in srv.get("/-/ocop/province/dong%20thap")[2]  # pages.py
    finally:
        srv.stop()
