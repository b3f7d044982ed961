"""What a person sees: headless Chromium opens the Datasette pages served by `ocop serve`.

Pages are rendered with JavaScript (``--dump-dom`` after a virtual-time budget)
and screenshotted into ``artifacts/screenshots/`` (git-ignored; CI keeps them).
Chromium may resolve no host name but 127.0.0.1, so nothing leaves the machine.
Skipped when /usr/bin/chromium is missing, unless OCOP_REQUIRE_BROWSER=1.
"""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from test_datasette import Server, build_sample_db, free_port

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

if not CHROMIUM:
    if os.environ.get("OCOP_REQUIRE_BROWSER") == "1":
        pytest.fail("OCOP_REQUIRE_BROWSER=1 but chromium is not installed (apt-get install chromium)",
                    pytrace=False)
    pytest.skip("chromium is not installed (apt-get install chromium; `make browser`)",
                allow_module_level=True)

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
         "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
         # loopback only: no other host name resolves
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = build_sample_db(tmp_path_factory.mktemp("browser") / "sample.db")
    port = free_port()
    srv = Server([sys.executable, "-m", "ocop_crawler.cli", "serve", "--db", str(db),
                  "--port", str(port)], port)
    yield srv
    srv.stop()


def chromium(args, profile: Path, timeout=90) -> str:
    proc = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def look(site, path, name, tmp_path, *, width=1280, height=1600, budget=5000) -> str:
    """The rendered DOM of a page as visible text, after saving a screenshot of it."""
    url = site.base + path
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / f"{name}.png"
    shot.unlink(missing_ok=True)
    chromium([f"--window-size={width},{height}", f"--virtual-time-budget={budget}",
              f"--screenshot={shot}", url], tmp_path / "profile-shot")
    assert shot.is_file() and shot.stat().st_size > 10_000, "no screenshot"
    dom = chromium([f"--virtual-time-budget={budget}", "--dump-dom", url], tmp_path / "profile-dom")
    return dom


def visible_text(dom: str) -> str:
    dom = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", dom)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", dom)))


def test_facts_page(site, tmp_path):
    dom = look(site, "/ocop/facts", "facts", tmp_path)
    text = visible_text(dom)
    assert "13 rows sorted by id descending" in text
    for facet in ("province", "province_2025", "metric", "kind", "stars_min", "year"):
        assert re.search(rf'class="facet-info[^"]*"[^>]*data-column="{facet}"', dom), facet
    assert re.search(r"Hà Tĩnh\s*7", text) and re.search(r"Vĩnh Long\s*2", text)
    # each fact shows its sentence and links to its article by title
    assert "Năm 2023, Hà Tĩnh công nhận thêm 45 sản phẩm OCOP." in text
    assert re.search(r'<a href="/ocop/articles/1">Hà Tĩnh có thêm 45 sản phẩm OCOP</a>', dom)
    assert "One row per number an article states about OCOP" in text  # table description
    # column descriptions folded into a box, and shown as header tooltips
    assert re.search(r"<details><summary>What the columns mean</summary><dl", dom)
    assert re.search(r'<th[^>]*data-column="kind"[^>]*title="actual: achieved', dom) or \
        re.search(r'<th[^>]*title="actual: achieved[^"]*"[^>]*data-column="kind"', dom)


def test_facts_search_without_diacritics(site, tmp_path):
    dom = look(site, "/ocop/facts?_search=dong+thap", "facts-search-dong-thap", tmp_path)
    text = visible_text(dom)
    assert 'where search matches "dong thap"' in text
    assert "Tỉnh Đồng Tháp hiện có 412 sản phẩm OCOP" in text
    assert "Hà Tĩnh phấn đấu" not in text


def test_province_profile(site, tmp_path):
    dom = look(site, "/ocop/province_profile?province=ha+tinh", "province-profile", tmp_path)
    text = visible_text(dom)
    assert "Province profile" in text
    row = re.search(r"Hà Tĩnh products count 3–5★ 350(\.0)? eq 2024 500(\.0)? gte 2025 70(\.0)?", text)
    assert row, text[:3000]
    assert re.search(r"Hà Tĩnh products count 4★ 56(\.0)? eq 2023", text)
    assert re.search(r"Hà Tĩnh subjects count 3–5★ 210(\.0)? eq 2024", text)


def test_province_chart(site, tmp_path):
    dom = look(site, "/-/ocop/province/dong%20thap", "province-chart", tmp_path)
    # the chart is an SVG drawn by the server: a legend, years on the axis, linked points
    chart = re.search(r'<svg class="ocop-chart".*?</svg>', dom, re.S).group(0)
    assert "products, total (3–5★)" in chart and "products target (total, by deadline)" in chart
    assert re.search(r'>2022</text>.*>2023</text>.*>2024</text>.*>2025</text>', chart, re.S)
    assert len(re.findall(r'<a href="/ocop/facts/\d+"><circle', chart)) == 3
