"""A researcher's journey in a real browser, over the demo database.

``ocop demo --no-serve`` builds the database (sample site on loopback, real crawl), ``ocop
serve`` serves it, and headless Chromium is driven over the DevTools protocol (the
``websockets`` client): it opens a province page, clicks a figure, reads the fact's
sentence highlighted in the article text, clicks through to the stored article; it opens
the ranking, sorts it, and draws the map. Every request the browser makes is recorded, and
none may leave 127.0.0.1. Screenshots go to ``artifacts/screenshots/research-*.png``.
Skipped when Chromium is missing, unless OCOP_REQUIRE_BROWSER=1.
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from conftest import copy_db
from test_datasette import Server, free_port

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

if not CHROMIUM:
    if os.environ.get("OCOP_REQUIRE_BROWSER") == "1":
        pytest.fail("OCOP_REQUIRE_BROWSER=1 but chromium is not installed", pytrace=False)
    pytest.skip("chromium is not installed (apt-get install chromium; `make browser`)",
                allow_module_level=True)

websockets_sync = pytest.importorskip("websockets.sync.client")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
         "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]


class Browser:
    """Headless Chromium driven over the DevTools protocol: navigate, click, read, shoot."""

    def __init__(self, profile: Path, width=1400, height=1600):
        port = free_port()
        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--remote-debugging-port={port}",
             "--remote-debugging-address=127.0.0.1", f"--window-size={width},{height}",
             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as r:
                    pages = [t for t in json.load(r) if t["type"] == "page"]
                if pages:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("chromium did not start")
            time.sleep(0.2)
        self.ws = websockets_sync.connect(pages[0]["webSocketDebuggerUrl"], max_size=2 ** 26)
        self.n, self.events, self.requests = 0, [], []
        self.send("Page.enable")
        self.send("Network.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=False)

    def _recv(self, timeout=60):
        msg = json.loads(self.ws.recv(timeout=timeout))
        if msg.get("method") == "Network.requestWillBeSent":
            self.requests.append(msg["params"]["request"]["url"])
        return msg

    def send(self, method, **params):
        self.n += 1
        self.ws.send(json.dumps({"id": self.n, "method": method, "params": params}))
        while True:
            msg = self._recv()
            if msg.get("id") == self.n:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def wait_for(self, event, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            for i, msg in enumerate(self.events):
                if msg.get("method") == event:
                    del self.events[: i + 1]
                    return msg
            self.events.clear()
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(event)
            self.events.append(self._recv(timeout=left))

    def goto(self, url):
        self.events.clear()
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def js(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def click(self, selector):
        """A real mouse click in the middle of the element; waits for the page it opens."""
        box = self.js(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            if (!e) return null; e.scrollIntoView({{block: 'center'}});
            const r = e.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2, r.width, r.height]; }})()""")
        assert box and box[2] > 0 and box[3] > 0, f"nothing visible to click at {selector}"
        self.events.clear()
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left",
                      clickCount=1)
        self.wait_for("Page.loadEventFired")
        return self.js("location.href")

    def screenshot(self, name) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"research-{name}.png"
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))
        assert path.stat().st_size > 10_000, "blank screenshot"
        return path

    def close(self):
        try:
            self.ws.close()
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()


@pytest.fixture(scope="module")
def demo(demo_db, tmp_path_factory):
    db = copy_db(demo_db, tmp_path_factory.mktemp("research") / "demo.db")
    port = free_port()
    srv = Server([sys.executable, "-m", "ocop_crawler.cli", "serve", "--db", str(db),
                  "--port", str(port)], port)
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    yield srv, con
    con.close()
    srv.stop()


@pytest.fixture
def browser(tmp_path):
    b = Browser(tmp_path / "profile")
    yield b
    b.close()


def off_loopback(urls):
    return [u for u in urls if urllib.parse.urlsplit(u).scheme in ("http", "https", "ws", "wss")
            and urllib.parse.urlsplit(u).hostname != "127.0.0.1"]


def test_province_page_figure_sentence_article(demo, browser):
    srv, con = demo
    browser.goto(srv.base + "/-/ocop/province/ha%20tinh")
    browser.screenshot("1-province")
    assert browser.js("document.querySelector('h1').textContent").startswith("Hà Tĩnh")
    # the chart: years on its axis, a legend, one linked point per value
    years = browser.js("[...document.querySelectorAll('svg.ocop-chart text.year')]"
                       ".map(t => +t.textContent)")
    assert years == list(range(min(years), max(years) + 1)) and 2024 in years
    assert browser.js("document.querySelectorAll('svg.ocop-chart g.legend').length") == 4
    # every figure of the series table links to a fact
    hrefs = browser.js("[...document.querySelectorAll('table.series td.num')]"
                       ".filter(td => td.textContent.trim()).map(td => td.querySelector('a.figure')"
                       " ? td.querySelector('a.figure').getAttribute('href') : null)")
    assert hrefs and all(h and h.startswith("/ocop/facts/") for h in hrefs)

    # the researcher clicks Hà Tĩnh's 2024 products total
    cell = 'tr[data-year="2024"] td[data-column="products"] a.figure'
    shown = browser.js(f"document.querySelector('{cell}').textContent")
    expected = con.execute(
        "select s.value, s.fact_id from series s where scope = 'province' and area = 'Hà Tĩnh' "
        "and year = 2024 and metric = 'products' and kind = 'actual' and increment = 0 "
        "and unit = 'count' and stars_min = 3 and stars_max = 5").fetchone()
    assert shown == str(int(expected["value"]))
    url = browser.click(cell)
    assert url == f"{srv.base}/ocop/facts/{expected['fact_id']}"
    browser.screenshot("2-fact")
    fact = con.execute(
        "select f.*, a.title, a.url, a.published, a.body, s.title as source from facts f "
        "join articles a on a.id = f.article_id join sources s on s.id = a.source_id "
        "where f.id = ?", [expected["fact_id"]]).fetchone()
    assert fact["value"] == expected["value"] and fact["segment"] is None
    # its sentence, highlighted in the stored article text, with title, date, outlet, URL
    assert browser.js("document.querySelector('.article-text mark#sentence').textContent") == \
        fact["evidence"]
    marked = browser.js("getComputedStyle(document.querySelector('mark#sentence'))"
                        ".backgroundColor")
    assert marked not in ("rgba(0, 0, 0, 0)", "transparent")
    page = browser.js("document.querySelector('.ocop-fact').innerText")
    for needle in (fact["title"], fact["published"][:10], fact["source"], fact["url"]):
        assert needle in page, needle
    assert browser.js("document.querySelector('a.original').getAttribute('href')") == fact["url"]
    # the sample site is gone once the crawl ended: the stored copy stands in
    url = browser.click("a.stored")
    assert url == f"{srv.base}/ocop/articles/{fact['article_id']}"
    browser.screenshot("3-article")
    assert fact["evidence"] in browser.js("document.body.innerText").replace("\n", " ") or \
        fact["evidence"] in browser.js("document.body.innerText")
    assert off_loopback(browser.requests) == [], off_loopback(browser.requests)


def test_conflicts_show_both_sentences(demo, browser):
    srv, con = demo
    row = con.execute("select * from series_conflicts order by area, year limit 1").fetchone()
    assert row, "the demo has reports that disagree"
    browser.goto(srv.base + "/-/ocop/province/" + urllib.parse.quote(row["area"]) + "#conflicts")
    browser.screenshot("4-conflicts")
    cells = browser.js("[...document.querySelectorAll('table.conflicts tbody tr')].map(tr => "
                       "[...tr.querySelectorAll('td')].map(td => td.innerText))")
    assert any(row["evidence"] in c[2] and row["other_evidence"] in c[3] for c in cells), cells


def test_ranking_sorts_and_the_map_draws_offline(demo, browser):
    srv, con = demo
    browser.goto(srv.base + "/-/ocop/provinces")
    # a click on the 5★ heading sorts by it, most first
    browser.click('th a[href*="sort=products_5_star"]')
    browser.screenshot("5-ranking-5-star")
    values = browser.js("[...document.querySelectorAll('td[data-column=\"products_5_star\"]')]"
                        ".map(td => td.querySelector('a') ? +td.querySelector('a').textContent"
                        ".replace(/[^0-9]/g, '') : null)")
    known = [v for v in values if v is not None]
    assert known and known == sorted(known, reverse=True) and values[:len(known)] == known
    best = con.execute("select area, value from series where scope = 'province' and "
                       "metric = 'products' and kind = 'actual' and increment = 0 and unit = 'count'"
                       " and stars_min = 5 and stars_max = 5 order by year desc").fetchall()
    latest = {}
    for area, value in best:
        latest.setdefault(area, value)
    assert known[0] == max(latest.values())
    # the map: provinces as circles sized by products, drawn with nothing from outside
    circles = browser.js("[...document.querySelectorAll('svg.ocop-map a.province circle')]"
                         ".map(c => [c.getBoundingClientRect().width, c.querySelector('title')"
                         ".textContent])")
    n_reporting = con.execute(
        "select count(distinct area) from series where scope = 'province' and metric = 'products'"
        " and kind = 'actual' and increment = 0 and unit = 'count' and stars_min = 3"
        " and stars_max = 5").fetchone()[0]
    assert len(circles) == n_reporting and all(w > 8 for w, _ in circles)
    sizes = {t.split(":")[0]: w for w, t in circles}
    assert sizes["Hà Tĩnh"] > sizes["Sơn La"]  # 498 products against 68
    browser.js("document.querySelector('svg.ocop-map').scrollIntoView()")
    browser.screenshot("6-map")
    browser.goto(srv.base + "/-/ocop/provinces?scope=2025")
    browser.screenshot("7-map-2025")
    assert "Vĩnh Long" in browser.js("document.querySelector('table.ranking').innerText")
    assert browser.requests and off_loopback(browser.requests) == [], off_loopback(browser.requests)


@pytest.mark.parametrize("path, columns", [
    ("/ocop/compare_provinces?year=2024", ("products_total", "products_4_star", "products_5_star",
                                          "products_added", "subjects_total", "products_target",
                                          "products_target_added")),
    ("/ocop/province_profile?province=ha+tinh", ("latest_actual", "target")),
    ("/ocop/province_over_time?province=thanh+hoa", ("value",)),
    ("/ocop/province_map", ("products", "products_4_star", "products_5_star", "subjects")),
])
def test_every_figure_of_the_summary_queries_links_to_its_fact(demo, browser, path, columns):
    srv, con = demo
    browser.goto(srv.base + path)
    cells = browser.js(
        "(() => { const cols = " + json.dumps(list(columns)) + "; const out = [];"
        " for (const td of document.querySelectorAll('table.rows-and-columns td')) {"
        "  const col = [...td.classList].find(c => c.startsWith('col-'));"
        "  if (!col || !cols.includes(col.slice(4)) || !td.textContent.trim()) continue;"
        "  const a = td.querySelector('a'); out.push([td.textContent.trim(),"
        "   a ? a.getAttribute('href') : null]); } return out; })()")
    assert cells, path
    for text, href in cells:
        assert href and href.startswith("/ocop/facts/"), (text, href)
        value = con.execute("select value from facts where id = ?", [int(href.rsplit("/", 1)[1])]
                            ).fetchone()[0]
        # Vietnamese number style: 3.100 is three thousand one hundred, 1,5 one and a half
        assert text.replace(".", "").replace(",", ".") == f"{value:g}", (text, value)
    first = browser.click("table.rows-and-columns td a[href^='/ocop/facts/']")
    assert "/ocop/facts/" in first and browser.js("!!document.querySelector('mark#sentence')")
