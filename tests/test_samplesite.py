"""The bundled sample news site: served over real loopback HTTP, checked page by page,
and its hand-written gold file checked against FACTS.md."""
from __future__ import annotations

import http.client
import json
import re
import urllib.error
import urllib.request
import urllib.robotparser
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from email.utils import parsedate_to_datetime
from html import unescape
from urllib.parse import urlsplit

import pytest

from ocop_crawler import samplesite
from ocop_crawler.samplesite import build_gold

OUTLETS = ["sample-hatinh", "sample-thanhhoa", "sample-laocai", "sample-nongthon", "sample-tonghop"]
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def sites():
    with samplesite.start() as s:
        yield s


def get(url, headers=None):
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.headers, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8", "replace")


def links(html):
    return [unescape(h) for h in re.findall(r'href="([^"]+)"', html)]


@pytest.fixture(scope="module")
def manifest(sites):
    return samplesite.manifest(now=sites.now)


@pytest.fixture(scope="module")
def gold():
    with open(samplesite.gold_path(), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


# ------------------------------------------------------------------ serving
def test_start_api(sites):
    assert sorted(sites.urls) == sorted(OUTLETS)
    ports = {urlsplit(u).port for u in sites.urls.values()}
    assert len(ports) == len(OUTLETS)
    assert all(u.startswith("http://127.0.0.1:") for u in sites.urls.values())
    before = len(sites.requests)
    get(sites.urls["sample-thanhhoa"] + "/robots.txt?x=1")
    assert ("sample-thanhhoa", "/robots.txt?x=1") in sites.requests[before:]


@pytest.mark.parametrize("name", OUTLETS)
def test_outlet_entry_points(sites, name):
    base = sites.urls[name]
    status, headers, home = get(base + "/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert "/private/" in home and "Trang chủ" in home
    status, headers, robots = get(base + "/robots.txt")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert "User-agent: *" in robots and "Disallow: /private/" in robots
    assert f"Sitemap: {base}/sitemap.xml" in robots
    feed_path = "/rss" if name == "sample-laocai" else "/rss.xml"
    assert f'type="application/rss+xml" title="{samplesite.outlets()[name].title}" href="{feed_path}"' in home
    status, headers, feed = get(base + feed_path)
    assert status == 200 and "rss+xml" in headers["Content-Type"]
    assert len(ET.fromstring(feed).findall("./channel/item")) >= 2
    if name == "sample-laocai":
        assert get(base + "/rss.xml")[0] == 404
    status, _, sitemap = get(base + "/sitemap.xml")
    assert status == 200
    root = ET.fromstring(sitemap)
    if name == "sample-nongthon":
        assert root.tag == SM + "urlset"
    else:
        assert root.tag == SM + "sitemapindex"
        assert root.find(f"{SM}sitemap/{SM}loc").text == base + "/sitemap-articles.xml"
    assert get(base + "/chuyen-muc/ocop")[0] == 200
    status, _, search = get(base + "/tim-kiem?q=OCOP")
    assert status == 200 and "news-item" in search


def test_feed_items_and_sitemap_entries_resolve(sites):
    checked = 0
    for name, base in sites.urls.items():
        feed = get(base + ("/rss" if name == "sample-laocai" else "/rss.xml"))[2]
        items = ET.fromstring(feed).findall("./channel/item")
        assert len(items) <= 10
        dates = [parsedate_to_datetime(i.findtext("pubDate")) for i in items]
        assert dates == sorted(dates, reverse=True)
        urls = [i.findtext("link") for i in items]
        sm = get(base + "/sitemap.xml")[2]
        if "sitemapindex" in sm:
            sm = get(base + "/sitemap-articles.xml")[2]
        entries = ET.fromstring(sm).findall(f"{SM}url")
        assert all(e.findtext(f"{SM}lastmod") for e in entries)
        urls += [e.findtext(f"{SM}loc") for e in entries]
        for u in urls:
            assert u.startswith(base + "/")
            assert get(u)[0] == 200, u
            checked += 1
    assert checked > 47


def walk_listing(base, first):
    """Follow rel=next from ``first``; return the list of (page path, article paths)."""
    pages, url = [], base + first
    while url:
        status, _, html = get(url)
        assert status == 200, url
        arts = [urlsplit(h).path for h in re.findall(r'<h3 class="item-title"><a href="([^"]+)"', html)]
        pages.append((url[len(base):], arts))
        m = re.search(r'<a rel="next" class="next" href="([^"]+)">Trang sau</a>', html)
        url = unescape(m.group(1)) if m else None
        assert len(pages) < 30
    return pages


def test_listings_paginate_to_the_end(sites, manifest):
    published = {(m["site"], m["path"]): m["published"] for m in manifest}
    other_pages = []
    for name, base in sites.urls.items():
        for cat in samplesite.outlets()[name].categories:
            pages = walk_listing(base, f"/chuyen-muc/{cat}")
            if cat != "ocop":
                other_pages.append(len(pages))
            arts = [a for _, a_list in pages for a in a_list]
            assert len(arts) == len(set(arts))
            dates = [published[(name, a)] for a in arts]
            assert dates == sorted(dates, reverse=True), (name, cat)
            last = pages[-1][0]
            n = int(last.split("page=")[1]) if "page=" in last else 1
            assert get(f"{base}/chuyen-muc/{cat}?page={n + 1}")[0] == 404
        search = walk_listing(base, "/tim-kiem?q=OCOP")
        assert all(a for _, a in search)
    assert max(other_pages) >= 2  # non-OCOP categories paginate too


def test_deep_pagination_with_old_articles(sites, manifest):
    published = {(m["site"], m["path"]): m["published"] for m in manifest}
    pages = walk_listing(sites.urls["sample-hatinh"], "/chuyen-muc/ocop")
    assert len(pages) >= 6
    dates = [[published[("sample-hatinh", a)] for a in arts] for _, arts in pages]
    first_old = next(i for i, d in enumerate(dates) if min(d) < "2022-01-01")
    # a --since 2022-01-01 crawl can stop at page first_old: every later page is older
    assert first_old + 1 < len(pages)
    assert all(d < "2022-01-01" for page in dates[first_old + 1:] for d in page)
    assert any(d.startswith("2019") for page in dates for d in page)
    html = get(sites.urls["sample-hatinh"] + "/chuyen-muc/ocop?page=2")[2]
    assert '<link rel="next"' in html and '<link rel="prev"' in html
    assert re.search(r'<span class="item-date">Thứ [^<]+, \d\d/\d\d/\d{4} - \d\d:\d\d</span>', html)


def test_every_manifest_page_is_reachable(sites, manifest):
    robots = {}
    for name, base in sites.urls.items():
        rp = urllib.robotparser.RobotFileParser()
        rp.parse(get(base + "/robots.txt")[2].splitlines())
        robots[name] = rp
    for m in manifest:
        base = sites.urls[m["site"]]
        status, headers, html = get(base + m["path"])
        assert status == 200, m
        assert headers["Last-Modified"] and headers["ETag"]
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
        if m["amp"]:
            assert canonical == base + m["path"].replace("/amp/", "/", 1)
            assert "<html amp" in html
        else:
            assert canonical == base + m["path"]
        assert robots[m["site"]].can_fetch("*", base + m["path"]) is (not m["private"])


def test_manifest_listed_in_is_true(sites, manifest):
    cache = {}
    for m in manifest:
        if m["private"]:
            continue
        assert m["listed_in"], m
        for path in m["listed_in"]:
            key = (m["site"], path)
            if key not in cache:
                cache[key] = get(sites.urls[m["site"]] + path)[2]
            assert sites.urls[m["site"]] + m["path"] in cache[key], (m["path"], path)


def test_manifest_content(manifest):
    assert len({(m["site"], m["path"]) for m in manifest}) == len(manifest)
    articles = [m for m in manifest if not m["amp"] and not m["private"] and not m["syndicated_from"]]
    assert len(articles) >= 44
    assert sum(m["ocop"] for m in articles) * 2 >= len(articles)
    assert sum(m["amp"] for m in manifest) >= 3
    assert sum(m["private"] for m in manifest) >= 1
    synd = [m for m in manifest if m["syndicated_from"]]
    assert len(synd) >= 2 and all(m["site"] == "sample-tonghop" for m in synd)
    ids = {m["id"] for m in articles}
    assert all(m["syndicated_from"] in ids for m in synd)
    years = {m["published"][:4] for m in articles}
    assert {"2019", "2020", "2025", "2026"} <= years
    assert max(m["published"] for m in articles if not m["relative_date"]) <= "2026-11-30"


def test_layout_specific_markup(sites, manifest):
    by_site = {}
    for m in manifest:
        if not m["amp"] and not m["private"]:
            by_site.setdefault(m["site"], []).append(m)
    html = get(sites.urls["sample-thanhhoa"] + by_site["sample-thanhhoa"][0]["path"])[2]
    assert re.search(r'<time class="article-date">\d\d/\d\d/\d{4} \d\d:\d\d \(GMT\+7\)</time>', html)
    assert re.search(r'<p class="byline"[^>]*><strong>Theo [^<]+</strong></p>', html)
    rel = [m for m in by_site["sample-laocai"] if m["relative_date"]]
    assert len(rel) == 1
    html = get(sites.urls["sample-laocai"] + rel[0]["path"])[2]
    assert "2 giờ trước" in html
    html = get(sites.urls["sample-laocai"] + by_site["sample-laocai"][1]["path"])[2]
    assert re.search(r'<td class="news-date"><font color="#888">\d\d:\d\d \| \d\d/\d\d/\d{4}</font>', html)
    metas = [("article:published_time" in get(sites.urls["sample-nongthon"] + m["path"])[2])
             for m in by_site["sample-nongthon"]]
    assert any(metas) and not all(metas)
    syn = [m for m in manifest if m["syndicated_from"]]
    for m in syn:
        html = get(sites.urls[m["site"]] + m["path"])[2]
        assert re.search(r"Nguồn: Báo (Hà Tĩnh|Thanh Hóa)", html)


def test_gold_articles_are_on_their_pages(sites, gold):
    for g in gold:
        site = g["id"].split("/")[0]
        html = unescape(get(sites.urls[site] + g["url"])[2])
        for line in g["text"].split("\n"):
            assert line in html, (g["id"], line)


def test_syndicated_copy_shares_the_origin_body(sites, manifest, gold):
    texts = {g["id"]: g["text"] for g in gold}
    for m in (m for m in manifest if m["syndicated_from"]):
        html = unescape(get(sites.urls[m["site"]] + m["path"])[2])
        paras = texts[m["syndicated_from"]].split("\n")[1:]
        shared = sum(p in html for p in paras)
        assert shared >= len(paras) - 1
        assert texts[m["syndicated_from"]].split("\n")[0] != re.search(r"<h1[^>]*>([^<]+)</h1>", html).group(1)


def test_tracking_params_and_404(sites):
    home = get(sites.urls["sample-hatinh"] + "/")[2]
    tracked = [h for h in links(home) if "utm_source=" in h or "fbclid=" in h]
    assert tracked
    assert get(tracked[0])[0] == 200
    for path in ["/khong-co.html", "/chuyen-muc/ocop?page=99", "/chuyen-muc/khong-co", "/amp/ocop/x-1.html",
                 "/chuyen-muc/ocop?page=abc"]:
        assert get(sites.urls["sample-hatinh"] + path)[0] == 404, path


def test_links_follow_the_host_header(sites):
    port = urlsplit(sites.urls["sample-thanhhoa"]).port
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/", headers={"Host": f"localhost:{port}"})
    html = conn.getresponse().read().decode()
    conn.close()
    assert f'href="http://localhost:{port}/chuyen-muc/ocop"' in html
    assert "127.0.0.1" not in html


def test_conditional_get(sites, manifest):
    m = next(x for x in manifest if x["site"] == "sample-hatinh" and not x["amp"] and not x["private"])
    url = sites.urls["sample-hatinh"] + m["path"]
    _, headers, _ = get(url)
    assert get(url, {"If-None-Match": headers["ETag"]})[0] == 304
    assert get(url, {"If-Modified-Since": headers["Last-Modified"]})[0] == 304


def test_64_parallel_requests(sites, manifest):
    urls = [sites.urls[m["site"]] + m["path"] for m in manifest][:64]
    urls += [sites.urls["sample-hatinh"] + "/"] * (64 - len(urls))
    with ThreadPoolExecutor(max_workers=64) as pool:
        statuses = list(pool.map(lambda u: get(u)[0], urls))
    assert statuses == [200] * 64


# ------------------------------------------------------------------ gold file
ALLOWED = {
    "level": {"national", "province", "district"}, "metric": {"products", "subjects"},
    "unit": {"count", "percent"}, "kind": {"actual", "target"},
    "comparator": {"eq", "gte", "gt", "lte", "lt", "approx"},
}
FIELDS = {"level", "province", "district", "metric", "unit", "kind", "increment", "value", "comparator",
          "stars_min", "stars_max", "year", "segment", "evidence", "province_2025"}
PROVINCES_2025 = {
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên",
    "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
    "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
}


def test_gold_is_valid(gold, manifest):
    assert build_gold.main(["--check"]) == 0, "gold.jsonl is stale"
    ids = [g["id"] for g in gold]
    assert len(ids) == len(set(ids)) >= 44
    assert sum(g["ocop"] for g in gold) * 2 >= len(gold)
    served = {m["id"]: m for m in manifest if not m["amp"]}
    for g in gold:
        m = served[g["id"]]
        assert not m["private"] and not m["syndicated_from"] and m["path"] == g["url"]
        assert g["published"] is None or re.fullmatch(r"20(19|2[0-6])-\d\d-\d\d", g["published"])
        assert g["text"].startswith(g["title"] + "\n")
        if not g["ocop"]:
            assert g["facts"] == [] and "OCOP" not in g["text"]
        for f in g["facts"]:
            assert set(f) == FIELDS, f
            for k, allowed in ALLOWED.items():
                assert f[k] in allowed, (g["id"], k, f[k])
            assert isinstance(f["increment"], bool)
            assert isinstance(f["value"], (int, float)) and f["value"] > 0
            assert 3 <= f["stars_min"] <= f["stars_max"] <= 5
            assert f["year"] is None or 2019 <= f["year"] <= 2030
            assert f["evidence"] and f["evidence"] in g["text"]
            if f["level"] == "national":
                assert f["province"] is None and f["district"] is None and f["province_2025"] is None
            else:
                assert f["province"] and f["province_2025"] in PROVINCES_2025
                assert (f["district"] is not None) == (f["level"] == "district")
            if f["unit"] == "percent":
                assert f["value"] <= 100
    kinds = {(f["kind"], f["comparator"], f["unit"], f["level"]) for g in gold for f in g["facts"]}
    assert {k[0] for k in kinds} == {"actual", "target"}
    assert {k[1] for k in kinds} >= {"eq", "gte", "gt", "lte", "approx"}
    assert {k[3] for k in kinds} == {"national", "province", "district"}
    assert "Vĩnh Long" in {f["province_2025"] for g in gold for f in g["facts"]}


def test_gold_scores_itself_perfectly(tmp_path, gold):
    """The shared scorer accepts the gold file (as gold and as prediction)."""
    import subprocess
    import sys
    from pathlib import Path
    scorer = Path("/work/shared/score_facts.py")
    if not scorer.exists():
        pytest.skip("score_facts.py not available")
    out = subprocess.run([sys.executable, str(scorer), str(samplesite.gold_path()), str(samplesite.gold_path()),
                          "--json"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["f1"] == 1.0 and result["gold"] == sum(len(g["facts"]) for g in gold)


def test_gold_has_no_colliding_keys(gold):
    """Two facts of one article never share the scorer's key (it would keep only one)."""
    key = ("level", "province", "district", "metric", "unit", "kind", "value", "stars_min", "stars_max")
    for g in gold:
        keys = [tuple(f[k] for k in key) for f in g["facts"]]
        assert len(keys) == len(set(keys)), g["id"]


def test_relative_date_is_two_hours_before_now(sites, manifest):
    """"2 giờ trước" on the page agrees with the feed's absolute pubDate (Vietnam time)."""
    from datetime import datetime, timezone
    rel = next(m for m in manifest if m["relative_date"])
    feed = ET.fromstring(get(sites.urls[rel["site"]] + "/rss")[2])
    item = next(i for i in feed.findall("./channel/item") if i.findtext("link").endswith(rel["path"]))
    age = datetime.now(timezone.utc) - parsedate_to_datetime(item.findtext("pubDate"))
    assert 3600 < age.total_seconds() < 3 * 3600
    assert item.findtext("pubDate").endswith("+0700")
