"""The site registry: coverage of the 63 provinces, consistency checks, and `ocop sites`."""
import dataclasses
import io
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ocop_crawler.sites import Site, all_sites, get
from ocop_crawler.sites.listing import (
    canonical_province, check_registry, check_site, fold, format_table, print_sites,
    province_2025, provinces_63, select_sites, unaccent,
)

OCOP = Path(sys.executable).with_name("ocop")
REAL = [s for s in all_sites() if s.kind != "sample"]


def run_ocop(*args):
    return subprocess.run([str(OCOP), *args], capture_output=True, text=True, timeout=60)


# --- the registry itself ------------------------------------------------------------

def test_registry_loads_at_least_70_outlets():
    assert len(REAL) >= 70
    assert get("baohatinh").base_url == "https://baohatinh.vn"
    with pytest.raises(KeyError, match="unknown site 'nosuchpaper'"):
        get("nosuchpaper")


def test_registry_is_consistent():
    assert check_registry() == []


def test_63_provinces_from_adminunits_in_facts_spelling():
    provs = provinces_63()
    assert len(provs) == len(set(provs)) == 63
    for name in ("Hà Tĩnh", "Thừa Thiên Huế", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh", "Đắk Lắk",
                 "Đắk Nông", "Hòa Bình", "Thanh Hóa", "Khánh Hòa"):
        assert name in provs
    assert all(p == unicodedata.normalize("NFC", p) for p in provs)


def test_every_province_has_exactly_its_party_paper():
    provincial = [s for s in REAL if s.kind == "provincial"]
    by_province = {}
    for s in provincial:
        by_province.setdefault(s.province, []).append(s.name)
    assert sorted(by_province) == sorted(provinces_63())
    assert all(len(v) == 1 for v in by_province.values()), by_province
    expected = {"Hà Tĩnh": "baohatinh", "Thanh Hóa": "baothanhhoa", "Quảng Ninh": "baoquangninh",
                "Hà Nội": "hanoimoi", "Hồ Chí Minh": "sggp", "Đà Nẵng": "baodanang",
                "Tiền Giang": "baoapbac", "Bến Tre": "baodongkhoi", "Điện Biên": "baodienbienphu"}
    for prov, name in expected.items():
        assert by_province[prov] == [name]


def test_national_outlets_present():
    national = {s.name: s for s in REAL if s.kind == "national"}
    for name in ("nhandan", "nongthonmoi", "ocop", "nongnghiepmoitruong", "danviet", "kinhtedothi",
                 "vneconomy", "congthuong", "vietnamplus", "vov"):
        assert name in national and national[name].province is None
    assert "https://nhandan.vn/ocop/" in national["nhandan"].listings
    assert national["nongthonmoi"].base_url == "https://nongthonmoi.gov.vn"


def test_entries_are_well_formed():
    names = [s.name for s in REAL]
    assert len(names) == len(set(names))
    for s in REAL:
        assert s.verified is False, f"{s.name}: nothing can be checked from here"
        assert s.notes.strip()
        assert s.entry_points(), s.name
        for url in [s.base_url, *s.entry_points()]:
            assert urlsplit(url).scheme == "https" and urlsplit(url).hostname, url
        if s.search:
            assert "{query}" in s.search
        if s.article_pattern:
            re.compile(s.article_pattern)
        assert set(s.selectors) <= {"title", "date", "body", "author"}
        # JSON round trip of the full entry
        assert json.loads(json.dumps(s.as_dict(), ensure_ascii=False))["name"] == s.name


def test_article_patterns_match_typical_article_urls():
    examples = {
        "nhandan": "https://nhandan.vn/ha-tinh-co-them-25-san-pham-ocop-post812345.html",
        "vietnamplus": "https://www.vietnamplus.vn/san-pham-ocop-post912345.vnp",
        "vov": "https://vov.vn/kinh-te/ocop-post1012345.vov",
        "nongnghiepmoitruong": "https://nongnghiepmoitruong.vn/ocop-ha-tinh-d312345.html",
        "laodong": "https://laodong.vn/kinh-te/ocop-1312345.ldo",
    }
    for name, url in examples.items():
        assert re.search(get(name).article_pattern, url), (name, url)
        assert not re.search(get(name).article_pattern, get(name).base_url + "/kinh-te/")


def test_successors_follow_the_2025_map():
    # Hà Giang joined Tuyên Quang, Quảng Nam joined Đà Nẵng, Bình Dương and Bà Rịa - Vũng Tàu
    # joined Hồ Chí Minh City: their papers point at the successor paper, the old entry stays.
    assert get("baohagiang").successor == "baotuyenquang"
    assert get("baoquangnam").successor == "baodanang"
    assert get("baobinhduong").successor == get("baobariavungtau").successor == "sggp"
    assert get("baohatinh").successor is None and get("baothuathienhue").successor is None
    assert province_2025("Hà Giang") == "Tuyên Quang"
    assert province_2025("Hoà Bình") == "Phú Thọ"
    assert province_2025("Thừa Thiên Huế") == "Huế"
    merged = [s for s in REAL if s.successor]
    assert len(merged) == 29  # 63 provinces -> 34: 29 papers folded into another
    for s in merged:
        succ = get(s.successor)
        assert succ.successor is None
        assert province_2025(succ.province) == province_2025(s.province)


# --- the checks catch bad entries ---------------------------------------------------

def test_check_site_reports_each_kind_of_problem():
    bad = Site(name="Bad-Name", title="x", base_url="http://example.com", province="Hoà Bình",
               kind="weird", feeds=("/rss",), sitemaps=("https://elsewhere.org/sitemap.xml",),
               search="https://example.com/search", article_pattern="(unclosed",
               selectors={"title": "h1[", "headline": "h1"}, notes="")
    problems = "\n".join(check_site(bad, module="bad"))
    for expected in ("differs from its module", "not a lower-case identifier", "kind 'weird'",
                     "(FACTS.md spelling: 'Hòa Bình')", "base_url 'http://example.com' is not an absolute https",
                     "feeds '/rss' is not an absolute https", "not on the outlet's domain",
                     "no {query} placeholder", "does not compile", "not valid CSS",
                     "selector key 'headline'", "must say in notes"):
        assert expected in problems, expected
    nfd = dataclasses.replace(get("baohatinh"), title=unicodedata.normalize("NFD", "Báo Hà Tĩnh"))
    assert check_site(nfd) == ["baohatinh: title is not NFC"]
    national = dataclasses.replace(get("nhandan"), province="Hà Nội")
    assert check_site(national) == ["nhandan: a national outlet has no home province"]


def test_check_registry_reports_coverage_and_successor_problems():
    sites = [s for s in REAL if s.name != "baohatinh"]
    sites = [dataclasses.replace(s, successor=None) if s.name == "baohagiang" else s for s in sites]
    sites = [dataclasses.replace(s, successor="baohanam") if s.name == "baoquangnam" else s for s in sites]
    sites = [dataclasses.replace(s, successor="nosuch") if s.name == "baokontum" else s for s in sites]
    problems = check_registry(sites=sites)
    assert "Hà Tĩnh: no provincial paper in the registry" in problems
    assert "baohagiang: Hà Giang joined Tuyên Quang on 1/7/2025 but no successor is recorded" in problems
    assert any(p.startswith("baoquangnam: successor baohanam is in Hà Nam, not in Đà Nẵng") for p in problems)
    assert "baoquangnam: successor baohanam itself has a successor (baoninhbinh)" in problems
    assert "baokontum: successor 'nosuch' is not in the registry" in problems


def test_province_names_fold_tone_placement_and_diacritics():
    assert fold("Hoà Bình") == fold("Hòa Bình") == fold("HÒA  BÌNH")
    assert fold("Thuỷ") == fold("Thủy")
    assert unaccent("Đắk Lắk") == "dak lak"
    assert canonical_province("dong thap") == "Đồng Tháp"
    assert canonical_province("Khánh Hoà") == "Khánh Hòa"
    assert canonical_province("Atlantis") is None


# --- listing ---------------------------------------------------------------------------

def test_select_and_print_filters():
    assert [s.name for s in select_sites(province="ha tinh")] == ["baohatinh"]
    assert [s.name for s in select_sites(province="Thanh Hoá")] == ["baothanhhoa"]
    national = select_sites(kind="national")
    assert len(national) >= 10 and all(s.kind == "national" for s in national)
    names = [s.name for s in select_sites()]
    assert names == sorted(names)
    with pytest.raises(ValueError, match="unknown province 'Atlantis'"):
        select_sites(province="Atlantis")
    out = io.StringIO()
    assert print_sites(as_json=True, province="Bến Tre", file=out) == 0
    assert [d["name"] for d in json.loads(out.getvalue())] == ["baodongkhoi"]
    table = format_table(select_sites(province="Hà Giang"))
    assert "baohagiang" in table and "baotuyenquang" in table and "1 outlet (1 provincial)" in table


def test_ocop_sites_table_subprocess():
    r = run_ocop("sites")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["name", "province", "kind", "entry", "points", "verified", "successor",
                                "verified", "from"]
    rows = [l for l in lines[2:] if l and not l[0].isspace() and " outlet" not in l]
    names = [l.split()[0] for l in rows]
    assert names == sorted(names) and len(names) == len(REAL) >= 70
    hatinh = next(l for l in rows if l.startswith("baohatinh "))
    assert "Hà Tĩnh" in hatinh and "provincial" in hatinh and "https://baohatinh.vn/" in hatinh
    assert re.search(r"\bno\b", hatinh)
    hagiang = next(l for l in rows if l.startswith("baohagiang "))
    assert hagiang.rstrip().endswith("baotuyenquang  memory")
    chinhphu = next(l for l in rows if l.startswith("baochinhphu "))
    assert chinhphu.rstrip().endswith("real page + live config")
    assert "13 outlets with URLs seen working elsewhere (real page or live-checked config)" in r.stdout
    assert f"{len(REAL)} outlets (" in r.stdout and "0 verified" in r.stdout


def test_ocop_sites_json_subprocess():
    r = run_ocop("sites", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert len(data) == len(REAL) >= 70
    assert [d["name"] for d in data] == sorted(d["name"] for d in data)
    hatinh = next(d for d in data if d["name"] == "baohatinh")
    assert hatinh == json.loads(json.dumps(get("baohatinh").as_dict(), ensure_ascii=False))
    assert hatinh["province"] == "Hà Tĩnh" and hatinh["verified"] is False
    assert all(set(d) >= {"name", "title", "base_url", "province", "kind", "feeds", "sitemaps",
                          "listings", "search", "verified", "verified_from", "old_hosts",
                          "successor", "notes"} for d in data)
    assert all(d["verified_from"] for d in data)
    assert next(d for d in data if d["name"] == "baobacninh")["verified_from"].startswith(
        "live-checked config")


def test_ocop_sites_filters_and_check_subprocess():
    r = run_ocop("sites", "--json", "--province", "Hoà Bình")
    assert r.returncode == 0, r.stderr
    assert [d["name"] for d in json.loads(r.stdout)] == ["baohoabinh"]
    r = run_ocop("sites", "--kind", "national")
    assert r.returncode == 0 and "nhandan" in r.stdout and "baohatinh" not in r.stdout
    r = run_ocop("sites", "--province", "Atlantis")
    assert r.returncode == 2 and "unknown province 'Atlantis'" in r.stderr and r.stdout == ""
    r = run_ocop("sites", "--check")
    assert r.returncode == 0, r.stdout
    assert r.stdout.strip().endswith("consistent")


def test_check_site_accepts_sample_naming():
    sample = Site(name="sample-hatinh", title="Báo Hà Tĩnh (mẫu)", base_url="http://127.0.0.1:8000",
                  province="Hà Tĩnh", kind="sample", feeds=("http://127.0.0.1:8000/rss.xml",),
                  verified_from="bundled sample site")
    assert check_site(sample, module="sample_hatinh") == []
    assert check_site(sample, module="sample_thanhhoa") == [
        "sample-hatinh: name 'sample-hatinh' differs from its module outlets/sample_thanhhoa.py"]


# --- evidence: verified_from, the corrected entries, hosts ----------------------------

def test_every_entry_says_where_its_urls_came_from():
    from ocop_crawler.sites.listing import evidence_kinds
    for s in all_sites(include_samples=True):
        assert s.verified_from.strip(), s.name
        kinds = evidence_kinds(s.verified_from)
        assert kinds, (s.name, s.verified_from)
        if any(k in kinds for k in ("real page", "live-checked config")):
            assert re.search(r"20\d\d-\d\d", s.verified_from), s.name
    memory = [s.name for s in REAL if evidence_kinds(s.verified_from) == ["written from memory"]]
    assert len(memory) == len(REAL) - 13


def test_entries_corrected_from_evidence():
    bn = get("baobacninh")
    assert bn.base_url == "https://baobacninhtv.vn"
    assert re.search(bn.article_pattern, "https://baobacninhtv.vn/ocop-bac-ninh-postid412345.bbg")
    assert not re.search(bn.article_pattern, "https://baobacninhtv.vn/kinh-te/")
    assert get("baodienbienphu").base_url == "https://baodienbienphu.vn"
    assert get("baovinhlong").base_url == "https://baovinhlong.vn"
    for name in ("baodongkhoi", "baotravinh"):
        old = get(name)
        assert old.successor == "baovinhlong" and "baovinhlong.vn" in old.verified_from
        assert old.entry_points() == [old.base_url]       # its feeds are gone
    assert get("baotayninh").base_url == "https://www.baotayninh.vn"
    assert all(u.startswith("https://www.baotayninh.vn/") for u in get("baotayninh").entry_points())
    na = get("baonghean").article_pattern
    assert re.search(na, "https://baonghean.vn/ha-tinh-ocop-10298765.html")
    assert not re.search(na, "https://baonghean.vn/kinh-te/")
    assert get("vov").feeds == ("https://vov.vn/rss.xml",)
    assert get("baochinhphu").feeds == ("https://baochinhphu.vn/home.rss",)
    assert get("baocantho").feeds == () and "/rss/cate/" in get("baocantho").verified_from


def test_article_patterns_match_the_real_pages_urls():
    """The URLs of ../shared/realpages (saved from the live sites) match their outlet's pattern."""
    truth = Path(__file__).resolve().parents[1] / ".." / "shared" / "realpages" / "truth.json"
    if not truth.exists():
        pytest.skip("../shared/realpages is absent")
    from ocop_crawler.sites import site_for_host
    pages = json.loads(truth.read_text(encoding="utf-8"))
    matched = []
    for page in pages:
        site = site_for_host(urlsplit(page["url"]).netloc)
        if site is None:
            continue                 # an outlet the registry does not carry
        assert site.article_pattern and re.search(site.article_pattern, page["url"]), page["url"]
        assert "real page" in site.verified_from, site.name
        matched.append(site.name)
    assert {"vnexpress", "tuoitre", "baochinhphu", "baolaocai"} <= set(matched)


def test_hosts_map_to_outlets_old_domains_included():
    from ocop_crawler.sites import host_index, site_for_host
    assert site_for_host("www.baohatinh.vn").name == "baohatinh"
    assert site_for_host("m.vov.vn").name == "vov"
    assert site_for_host("baodienbienphu.com.vn").name == "baodienbienphu"   # old domain
    assert site_for_host("baovinhlong.com.vn").name == "baovinhlong"
    assert site_for_host("baodongkhoi.vn").name == "baodongkhoi"             # archive host
    assert site_for_host("example.vn") is None
    sample = get("sample-hatinh").with_base("http://127.0.0.1:45678")
    idx = host_index([sample])
    assert site_for_host("127.0.0.1:45678", idx) is sample
    assert site_for_host("127.0.0.1:45679", idx) is None


def test_check_catches_missing_or_undated_evidence_and_shared_hosts():
    base = get("baohatinh")
    assert "verified_from is empty" in "\n".join(check_site(dataclasses.replace(base, verified_from="")))
    undated = dataclasses.replace(base, verified_from="real page (somewhere)")
    assert "no date" in "\n".join(check_site(undated))
    vague = dataclasses.replace(base, verified_from="I think so")
    assert "names no evidence" in "\n".join(check_site(vague))
    claimed = dataclasses.replace(base, verified=True)
    assert "written from memory" in "\n".join(check_site(claimed))
    bad_host = dataclasses.replace(base, old_hosts=("http://x.vn/",))
    assert "is not a host name" in "\n".join(check_site(bad_host))
    stolen = dataclasses.replace(get("baoquangbinh"), old_hosts=("baohatinh.vn",))
    sites = [stolen if s.name == "baoquangbinh" else s for s in REAL]
    assert "baoquangbinh: host baohatinh.vn is already baohatinh's" in check_registry(sites=sites)


# --- ocop sites --check-live, on loopback only ------------------------------------------

@pytest.fixture()
def redirector(sample_sites):
    """A loopback server answering redirects: /moved -> the sample feed, /away -> a host that
    is none of the outlet's (never fetched: check-live follows no redirect)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    feed = sample_sites.urls["sample-hatinh"] + "/rss.xml"
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append((self.path, self.headers.get("User-Agent")))
            away = "http://elsewhere.invalid:%s/elsewhere" % self.server.server_address[1]
            target = {"/moved": feed, "/away": away}.get(self.path)
            self.send_response(301 if self.path == "/moved" else 302 if target else 404)
            if target:
                self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield "http://%s:%s" % srv.server_address[:2], seen
    srv.shutdown()
    srv.server_close()


def test_check_live_reports_answers_redirects_and_gone_pages(sample_sites, redirector):
    import socket
    from ocop_crawler.sites.live import check_live, format_results, print_check_live
    base = sample_sites.urls["sample-hatinh"]
    redirect_base, seen = redirector
    with socket.socket() as s:                 # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        closed = "http://127.0.0.1:%d/rss" % s.getsockname()[1]
    site = dataclasses.replace(
        get("sample-hatinh").with_base(base),
        feeds=(base + "/rss.xml", base + "/khong-co.rss", redirect_base + "/moved",
               redirect_base + "/away", closed),
        sitemaps=(base + "/sitemap.xml",))
    before = len(sample_sites.requests)
    results = check_live([site], delay=0, timeout=10)
    by_url = {r["url"]: r for r in results}
    assert [r["url"] for r in results][:3] == [base, base + "/rss.xml", base + "/khong-co.rss"]
    assert by_url[base + "/rss.xml"]["result"] == "ok" and by_url[base + "/rss.xml"]["status"] == 200
    assert by_url[base]["result"] == "ok"
    assert by_url[base + "/sitemap.xml"]["result"] == "ok"
    assert by_url[base + "/khong-co.rss"]["result"] == "gone"
    assert by_url[base + "/khong-co.rss"]["status"] == 404
    moved = by_url[redirect_base + "/moved"]
    assert moved["result"] == "redirect" and moved["status"] == 301
    assert moved["location"] == base + "/rss.xml" and moved["other_host"] is False
    away = by_url[redirect_base + "/away"]
    assert away["result"] == "redirect" and away["status"] == 302 and away["other_host"] is True
    assert by_url[closed]["result"] == "unreachable" and by_url[closed]["status"] is None
    # one request per entry point, redirects not followed, the crawler's User-Agent
    served = [p for _, p in sample_sites.requests[before:]]
    assert sorted(served) == sorted(["/", "/rss.xml", "/khong-co.rss", "/sitemap.xml",
                                     "/chuyen-muc/ocop", "/tim-kiem?q=OCOP"])
    assert sorted(p for p, _ in seen) == ["/away", "/moved"]
    assert all(ua.startswith("ocop-harvester/") for _, ua in seen)
    table = format_results(results)
    assert "gone 404" in table and f"redirect 301 -> {base}/rss.xml" in table
    assert "(another host)" in table
    assert "9 URLs of 1 outlet: 5 ok, 2 redirect, 1 gone, 0 failing, 1 unreachable" in table
    out = io.StringIO()
    assert print_check_live(sites=[site], as_json=True, file=out, delay=0, timeout=10) == 1
    assert {r["result"] for r in json.loads(out.getvalue())} == {"ok", "redirect", "gone", "unreachable"}
    healthy = dataclasses.replace(site, feeds=(base + "/rss.xml",))
    assert print_check_live(sites=[healthy], file=io.StringIO(), delay=0) == 0


def test_check_live_cli_refuses_unknown_sites_without_any_request():
    r = run_ocop("sites", "--check-live", "--site", "nosuchpaper")
    assert r.returncode == 2 and "unknown site 'nosuchpaper'" in r.stderr and r.stdout == ""
    r = run_ocop("sites", "--site", "baohatinh")
    assert r.returncode == 2 and "--site goes with --check-live" in r.stderr
    r = run_ocop("sites", "--help")
    assert "--check-live" in r.stdout
