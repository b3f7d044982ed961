"""Feeds and pages for people, on the demo database (real demo crawl over loopback) served by
`ocop serve`: Atom validity (RFC 4287) of every feed, empty ones included; entry titles; entry ids
across `ocop reextract`; `since` checked; the province box; titles, labels, hidden tables; the
documented examples; and the monitor's journey in Chromium.
"""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_db
from test_datasette import Server, free_port
from test_fact_ids import OCOP

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
         "--disable-extensions", "--hide-scrollbars", "--mute-audio",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
SHOTS = ROOT / "artifacts" / "screenshots"
FEEDS = {"new_facts_feed": {}, "new_articles_feed": {},
         "province_facts_feed": {"province": "Hà Tĩnh"},
         "province_articles_feed": {"province": "Hà Tĩnh"}}


@pytest.fixture(scope="module")
def served(demo_db, tmp_path_factory):
    db = copy_db(demo_db, tmp_path_factory.mktemp("feeds") / "ocop.db")
    port = free_port()
    srv = Server([sys.executable, "-m", "ocop_crawler.cli", "serve", "--db", str(db),
                  "--port", str(port)], port)
    srv.db = db
    yield srv
    srv.stop()


def fetch(server, path, params=None):
    """(status, content type, text) also for error statuses."""
    try:
        return server.get(path, params)
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("content-type", ""), err.read().decode("utf-8")


def check_atom(text: str) -> list[dict]:
    """Parse a feed with a real XML parser and check RFC 4287's required elements."""
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == ATOM + "feed"
    for name in ("id", "title", "updated"):
        found = root.findall(ATOM + name)
        assert len(found) == 1 and (found[0].text or "").strip(), f"feed {name}"
    assert RFC3339.match(root.findtext(ATOM + "updated")), root.findtext(ATOM + "updated")
    assert not re.search(r"\s", root.findtext(ATOM + "id"))
    authors = root.findall(ATOM + "author")
    assert authors and all((a.findtext(ATOM + "name") or "").strip() for a in authors)  # feed author
    assert any(link.get("rel") == "self" for link in root.findall(ATOM + "link"))
    entries = []
    for e in root.findall(ATOM + "entry"):
        for name in ("id", "title", "updated"):
            found = e.findall(ATOM + name)
            assert len(found) == 1 and (found[0].text or "").strip(), f"entry {name}"
        assert RFC3339.match(e.findtext(ATOM + "updated"))
        assert not re.search(r"\s", e.findtext(ATOM + "id"))
        links = [link for link in e.findall(ATOM + "link") if link.get("rel", "alternate") == "alternate"]
        assert e.find(ATOM + "content") is not None or links  # RFC 4287 4.1.2
        entries.append({"id": e.findtext(ATOM + "id"), "title": e.findtext(ATOM + "title"),
                        "link": links[0].get("href") if links else None})
    assert len({e["id"] for e in entries}) == len(entries)
    return entries


def feed(server, name, **params):
    status, ctype, text = fetch(server, f"/ocop/{name}.atom", params)
    assert status == 200 and "xml" in ctype, text[:500]
    return check_atom(text)


# -- feeds ------------------------------------------------------------------------

def test_every_feed_is_valid_atom(served):
    for name, params in FEEDS.items():
        assert feed(served, name, **params), name


@pytest.mark.parametrize("name", ["province_facts_feed", "province_articles_feed"])
@pytest.mark.parametrize("province", ["Cà Mau", "Atlantis"])
def test_an_empty_feed_is_a_valid_feed(served, name, province):
    assert feed(served, name, province=province) == []


def test_entry_titles_say_what_the_number_is(served):
    import sqlite3
    entries = {e["id"]: e["title"] for name in ("new_facts_feed", "province_facts_feed")
               for p in ({}, {"province": "Hà Tĩnh"}, {"province": "Thanh Hóa"},
                         {"province": "Hà Nội"}) if name != "new_facts_feed" or not p
               for e in feed(served, name, **p)}
    titles = set(entries.values())
    for expected in ("Hà Tĩnh: thêm 46 sản phẩm OCOP 3–5★ (đạt, 2026)",
                     "Hà Nội: trên 3.100 sản phẩm OCOP 3–5★ (đạt, 2024)",
                     "Hà Tĩnh: tối thiểu 500 sản phẩm OCOP 3–5★ (mục tiêu, 2027)",
                     "Thanh Hóa: 3 sản phẩm OCOP 5★ (đạt, 2026)",
                     "Hà Tĩnh: 201 sản phẩm OCOP 3–5★ · hợp tác xã (đạt, 2024)"):
        assert expected in titles, expected
    con = sqlite3.connect(served.db)
    words = {"gt": "trên ", "gte": "tối thiểu ", "lt": "dưới ", "lte": "tối đa ", "approx": "khoảng "}
    for atom_id, title in entries.items():
        fact_id = int(atom_id.rsplit(":", 1)[1])
        inc, comp, smin, smax, kind, unit = con.execute(
            "select increment, comparator, stars_min, stars_max, kind, unit from facts where id = ?",
            [fact_id]).fetchone()
        assert (": thêm " in title) == bool(inc), title
        for c, word in words.items():
            assert (word in title) == (comp == c), title
        assert (f" {smin}★" if smin == smax else f" {smin}–{smax}★") in title
        assert title.endswith(")") and ("(mục tiêu" in title) == (kind == "target")
        assert ("%" in title) == (unit == "percent")
    con.close()
    numbers = served.json("/ocop.json", sql="select ocop_number(17500) as a, ocop_number(12.5) as b, "
                                            "ocop_number(1250000) as c")["rows"]
    assert numbers == [{"a": "17.500", "b": "12,5", "c": "1.250.000"}]


def test_entry_ids_survive_reextract(served):
    before = {name: feed(served, name, **params) for name, params in FEEDS.items()}
    proc = subprocess.run([str(OCOP), "reextract", "--db", str(served.db)], capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    after = {name: feed(served, name, **params) for name, params in FEEDS.items()}
    assert after == before


# -- dates ---------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["new_since", "found_since"])
@pytest.mark.parametrize("bad,hint", [("01/02/2025", "since=2025-02-01"), ("2025-02-30", "not a real date"),
                                      ("yesterday", "YYYY-MM-DD"), ("31.12.2024", "since=2024-12-31")])
def test_a_bad_date_is_a_clear_error(served, query, bad, hint):
    status, ctype, text = fetch(served, f"/ocop/{query}.json", {"since": bad})
    assert status == 400 and "json" in ctype and hint in text
    status, ctype, text = fetch(served, f"/ocop/{query}", {"since": bad})
    assert status == 400 and "html" in ctype and hint in html.unescape(text)
    assert "Invalid date" in text
    status, ctype, text = fetch(served, f"/ocop/{query}.csv", {"since": bad})
    assert status == 400 and hint in text and text.count("\n") == 1


def test_new_since_by_date_published(served):
    rows = served.json("/ocop/new_since.json", since="2026-01-01")["rows"]
    assert rows and all(r["published"] >= "2026-01-01" for r in rows)
    older = served.json("/ocop/new_since.json", since="2020-01-01")["rows"]
    assert len(older) > len(rows)
    assert served.json("/ocop/new_since.json", since="")["rows"] == []       # the empty form
    assert served.json("/ocop/new_since.json", since="2099-01-01")["rows"] == []
    assert served.json("/ocop/new_since.json", since="2026-01-01T00:00:00+07:00")["rows"]


def test_found_since_by_date_found(served):
    import sqlite3
    con = sqlite3.connect(served.db)
    first, n = con.execute("select min(a.fetched_at), count(*) from facts f join articles a "
                           "on a.id = f.article_id where a.duplicate_of is null").fetchone()
    con.close()
    rows = served.json("/ocop/found_since.json", since=first[:10])["rows"]
    # every fact was found by the demo crawl today, whenever its article was published
    assert len(rows) == min(n, 200) and min(r["published"] for r in rows) < "2021"
    assert all(r["found"] >= first[:10] for r in rows)
    assert served.json("/ocop/found_since.json", since="2099-01-01")["rows"] == []


# -- pages for people ----------------------------------------------------------------------

def test_canned_queries_have_titles_and_descriptions(served):
    queries = served.json("/-/metadata.json")["databases"]["ocop"]["queries"]
    for name, q in queries.items():
        assert " · " in q["title"] and q.get("description"), name   # Vietnamese · English
        params = {"province": "Hà Tĩnh", "year": "2024", "since": "2025-01-01"}
        status, _, page = fetch(served, f"/ocop/{name}",
                                {k: v for k, v in params.items() if f":{k}" in q["sql"]})
        assert status == 200, name
        tab = html.unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1))
        assert tab.startswith(q["title"]) and "select" not in tab.lower(), tab


def test_province_box_takes_2025_names_tphcm_and_plain_spellings(served):
    rows = served.json("/ocop/province_profile.json", province="Vĩnh Long")["rows"]
    assert {r["province"] for r in rows} == {"Bến Tre"}
    assert any(r["latest_actual"] == 248 and r["stars"] == "3–5★" for r in rows)
    assert served.json("/ocop/province_profile.json", province="vinh long")["rows"] == rows
    series = served.json("/ocop/province_over_time.json", province="Vĩnh Long")["rows"]
    assert series and all(r["series"].startswith("Bến Tre: ") for r in series)
    assert not any(":" in r["series"] for r in served.json(
        "/ocop/province_over_time.json", province="ben tre")["rows"])
    titles = [e["title"] for e in feed(served, "province_facts_feed", province="VINH LONG")]
    assert titles and all(t.startswith("Bến Tre") for t in titles)
    assert served.json("/ocop/province_profile.json", province="thanh hoa")["rows"] == \
        served.json("/ocop/province_profile.json", province="Thanh Hóa")["rows"] != []
    keys = served.json("/ocop.json", sql="select p.name, p.name_2025 from provinces p where p.key in "
                       "(ocop_key('TP.HCM'), ocop_key('tp hcm'), ocop_key('Sài Gòn'), ocop_key('Huế')) "
                       "order by p.name")["rows"]
    assert keys == [{"name": "Hồ Chí Minh", "name_2025": "Hồ Chí Minh"},
                    {"name": "Thừa Thiên Huế", "name_2025": "Huế"}]
    merged = served.json("/ocop.json", sql="select name from provinces where key_2025 = "
                         "ocop_key('TP.HCM') order by name")["rows"]
    assert {r["name"] for r in merged} == {"Bà Rịa - Vũng Tàu", "Bình Dương", "Hồ Chí Minh"}


def test_helper_tables_are_hidden(served):
    tables = {t["name"]: t["hidden"] for t in served.json("/ocop.json", _shape="objects")["tables"]}
    for helper in ("facts_cube", "facet_counts", "article_provinces", "source_stats",
                   "skipped_reasons", "summary_state", "crawl_state"):
        assert tables[helper] is True, helper
    for shown in ("facts", "articles", "sources", "provinces", "province_totals",
                  "superseded_facts"):
        assert tables[shown] is False, shown


def test_values_are_integers_and_evidence_is_readable(served):
    status, _, page = fetch(served, "/ocop/facts", {"_size": "200"})
    values = re.findall(r'<td class="col-value[^"]*"[^>]*>(.*?)</td>', page, re.S)
    assert len(values) > 100 and all(re.fullmatch(r"\d+(\.\d+)?", v.strip()) for v in values)
    assert not any(v.strip().endswith(".0") for v in values)
    assert "toàn tỉnh đã có thêm <mark>46</mark> sản phẩm" in page
    assert 'class="ocop-evidence" style="white-space:normal' in page
    assert "Hà Tĩnh" in page and "<h1" in page and "Số liệu · Facts" in html.unescape(page)
    status, _, page = fetch(served, "/ocop/province_profile", {"province": "ha tinh"})
    cells = re.findall(r'<td class="col-latest_actual">(.*?)</td>', page)
    assert cells and all(re.fullmatch(r'(?:<a class="figure" href="/ocop/facts/\d+">)?\d+(?:</a>)?|&nbsp;', c)
                         for c in cells)   # a figure links to its fact (the series pages)


def test_skipped_audit_pairs_each_url_with_its_own_title(served):
    import sqlite3
    rows = served.json("/ocop/skipped_audit.json")["rows"]
    assert rows
    con = sqlite3.connect(served.db)
    for r in rows:
        title, = con.execute("select title from skipped where url = ?", [r["example_url"]]).fetchone()
        assert title == r["example_title"], r
    con.close()


# -- the documented examples --------------------------------------------------------------

def _documented_urls() -> list[str]:
    texts = [(ROOT / "README.md").read_text("utf-8"), (ROOT / "docs" / "datasette.md").read_text("utf-8")]
    meta = yaml.safe_load((ROOT / "ocop_crawler" / "datasette" / "metadata.yaml").read_text("utf-8"))
    urls = re.findall(r'href="(/ocop[^"]*)"', meta["description_html"])
    for text in texts:
        urls += re.findall(r"`(/ocop[^`\s]*)`", text)
    # placeholders (/ocop/facts/OLD, /ocop/articles/N, /ocop?sql=...) are not examples
    return sorted({html.unescape(u) for u in urls if "..." not in u and not re.search(r"/[A-Z]+$", u)})


def _documented_sql() -> list[str]:
    statements = []
    for path in (ROOT / "README.md", ROOT / "docs" / "datasette.md"):
        for block in re.findall(r"```sql\n(.*?)```", path.read_text("utf-8"), re.S):
            for stmt in block.split(";"):
                lines = stmt.strip().splitlines()
                if not lines or any("empty until" in line for line in lines if line.startswith("--")):
                    continue
                sql = "\n".join(line for line in lines if not line.strip().startswith("--")).strip()
                if sql:
                    statements.append(sql)
    return statements


def test_documented_examples_return_rows_on_the_demo(served):
    urls = _documented_urls()
    assert len(urls) > 20
    for url in urls:
        path, _, query = url.partition("?")
        params = dict(urllib.parse.parse_qsl(query))
        if path.endswith(".atom"):
            entries = feed(served, path[len("/ocop/"):-len(".atom")], **params)
            assert (entries == []) == (params.get("province") == "Cà Mau"), url
            continue
        if path.endswith(".csv"):
            status, _, text = fetch(served, path, params)
            assert status == 200 and text.count("\n") > 2, url
            continue
        data = served.json(path + ".json", **params)
        if path == "/ocop" and "sql" not in params:
            assert data["tables"], url
        else:
            assert data["rows"], url
    statements = _documented_sql()
    assert len(statements) >= 5
    for sql in statements:
        assert served.json("/ocop.json", sql=sql)["rows"], sql


# -- in a real browser ------------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(not CHROMIUM, reason="chromium is not installed")


def chromium(args, profile: Path) -> str:
    proc = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=90)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def dom(served, path, tmp_path, shot=None) -> str:
    url = served.base + urllib.parse.quote(path, safe="/?=&.%:+-_")
    if shot:
        SHOTS.mkdir(parents=True, exist_ok=True)
        chromium(["--window-size=1280,1400", "--virtual-time-budget=4000",
                  f"--screenshot={SHOTS / shot}", url], tmp_path / "shot")
        assert (SHOTS / shot).stat().st_size > 10_000
    return chromium(["--virtual-time-budget=4000", "--dump-dom", url], tmp_path / "dom")


def feed_in_browser(served, page_path, tmp_path) -> list[dict]:
    """Open a query page, follow its .atom link, read the feed Chromium shows."""
    page = dom(served, page_path, tmp_path)
    link = html.unescape(re.search(r'<a class="ocop-feed" href="([^"]+)"', page).group(1))
    shown = dom(served, link, tmp_path)
    text = html.unescape(re.search(r"<pre[^>]*>(.*)</pre>", shown, re.S).group(1))
    return check_atom(text)


@needs_chromium
def test_monitor_journey_in_chromium(served, tmp_path):
    assert feed_in_browser(served, "/ocop/province_facts_feed?province=Cà+Mau", tmp_path) == []
    before = feed_in_browser(served, "/ocop/province_facts_feed?province=ha+tinh", tmp_path)
    assert before and all(e["title"].startswith("Hà Tĩnh") for e in before)
    proc = subprocess.run([str(OCOP), "reextract", "--db", str(served.db)], capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert feed_in_browser(served, "/ocop/province_facts_feed?province=ha+tinh", tmp_path) == before
    page = dom(served, "/ocop/new_since?since=01/02/2025", tmp_path, shot="new-since-bad-date.png")
    assert "since=2025-02-01" in html.unescape(page)


@needs_chromium
def test_province_box_and_labels_in_chromium(served, tmp_path):
    page = dom(served, "/ocop/province_profile?province=Vĩnh+Long", tmp_path,
               shot="province-profile-vinh-long.png")
    box = re.search(r'<input[^>]*name="province"[^>]*>', page).group(0)
    assert 'list="ocop-provinces"' in box
    options = re.findall(r'<option value="([^"]+)"', re.search(
        r'<datalist id="ocop-provinces">(.*?)</datalist>', page, re.S).group(1))
    assert {"Hà Tĩnh", "Vĩnh Long", "Bến Tre", "TP.HCM", "Huế"} <= set(options)
    assert len(options) >= 63
    assert re.search(r'class="ocop-vi"[^>]*>Tỉnh</span>', page)
    assert "Hồ sơ tỉnh · Province profile" in html.unescape(page)
    assert re.search(r"<td[^>]*>Bến Tre</td>", page)
    page = dom(served, "/ocop/facts?province=Hà+Tĩnh", tmp_path, shot="facts-ha-tinh-labels.png")
    assert re.search(r'<span class="ocop-vi" lang="vi">Tỉnh · </span>province', page)   # a facet
    assert "Số liệu · Facts" in html.unescape(page)
    page = dom(served, "/ocop/new_since?since=2026-01-01", tmp_path)
    assert re.search(r'<input[^>]*name="since"[^>]*type="date"|<input[^>]*type="date"[^>]*name="since"', page)
    assert "<mark>" in page
