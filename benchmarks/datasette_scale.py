"""How fast Datasette answers at a million facts: every canned query and default page.

Builds a synthetic but realistically distributed database through the project's
schema (``Store``: FTS triggers, indexes) — 63 provinces with skewed coverage,
years 2019–2026, ~50,000 articles, 1,000,000 facts — runs ``views.refresh``,
then serves it twice on loopback ports:

* ``ocop serve`` (project settings, metadata, summary facets), and
* plain ``datasette DB`` with Datasette's defaults (facets requested by URL),

and prints the p50 and p95 time (ms) of each page over ``--runs`` requests (after
one warm-up request), with the ratio of the medians to the defaults where a
default equivalent exists. The goal: p95 < 100 ms for every canned query and the
faceted facts page.

    .venv/bin/python benchmarks/datasette_scale.py                 # 1,000,000 facts, 20 runs
    .venv/bin/python benchmarks/datasette_scale.py --quick         # 100,000 facts, 10 runs
    .venv/bin/python benchmarks/datasette_scale.py --facts 100000 --keep /tmp/bench.db
"""
from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ocop_crawler import views  # noqa: E402
from ocop_crawler.storage import Store  # noqa: E402

PROVINCES = None  # filled from the gazetteer


def build(path: Path, n_facts: int, n_articles: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    store = Store(path)
    db = store.db
    provs = list(db.query("select name, name_2025 from provinces"))
    weights = [1 / (i + 1) ** 0.6 for i in range(len(provs))]
    rnd.shuffle(provs)
    db["sources"].insert_all([{"id": f"bao{views.province_key(p['name'])}", "title": f"Báo {p['name']}",
                               "province": p["name"], "province_2025": p["name_2025"],
                               "kind": "provincial", "base_url": f"https://example.invalid/{i}",
                               "verified": 0} for i, p in enumerate(provs)], pk="id")
    run = store.start_run(["all"])
    words = ("sản phẩm OCOP được công nhận đạt chuẩn chủ thể hợp tác xã doanh nghiệp nông sản "
             "đặc sản làng nghề thị trường tiêu thụ chất lượng thương hiệu phát triển kinh tế "
             "nông thôn mới huyện xã tỉnh người dân tiêu chí đánh giá phân hạng").split()
    t0 = time.perf_counter()
    conn = db.conn
    article_prov = []
    with conn:
        rows = []
        for aid in range(1, n_articles + 1):
            p = rnd.choices(provs, weights)[0]
            year = rnd.choices(range(2019, 2027), [2, 3, 4, 5, 6, 7, 8, 3])[0]
            published = f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}T{rnd.randint(6, 22):02d}:00:00+07:00"
            body = " ".join(rnd.choice(words) for _ in range(250)) + f" {p['name']} năm {year}."
            rows.append((aid, f"bao{views.province_key(p['name'])}",
                         f"https://example.invalid/{aid}.html",
                         f"{p['name']}: phát triển sản phẩm OCOP năm {year} ({aid})", published,
                         "Phóng viên", body, "2026-01-01T00:00:00+00:00", f"h{aid}", run))
            article_prov.append((p, year))
        conn.executemany("insert into articles (id, source_id, url, title, published, author, body, "
                         "fetched_at, content_hash, run_id) values (?,?,?,?,?,?,?,?,?,?)", rows)
    t1 = time.perf_counter()
    with conn:
        batch = []
        for fid in range(1, n_facts + 1):
            aid = rnd.randint(1, n_articles)
            p, pub_year = article_prov[aid - 1]
            kind = "target" if rnd.random() < 0.12 else "actual"
            metric = "products" if rnd.random() < 0.75 else "subjects"
            stars = rnd.choices([(3, 5), (3, 3), (4, 4), (5, 5), (4, 5), (3, 4)], [50, 20, 18, 2, 6, 4])[0]
            inc = int(rnd.random() < 0.3 and kind == "actual")
            year = None if rnd.random() < 0.1 else (pub_year + (rnd.randint(0, 5) if kind == "target" else 0))
            level = rnd.choices(["province", "district", "national"], [70, 25, 5])[0]
            value = float(rnd.randint(1, 600) if stars == (3, 5) else rnd.randint(1, 120))
            ev = (f"Đến năm {year or pub_year}, {p['name']} có {int(value)} sản phẩm OCOP "
                  f"đạt {stars[0]} sao, " + " ".join(rnd.choice(words) for _ in range(12)) + ".")
            batch.append((fid, aid, level, None if level == "national" else p["name"],
                          None if level == "national" else p["name_2025"],
                          f"Huyện {fid % 11}" if level == "district" else None, metric,
                          "percent" if rnd.random() < 0.03 else "count", kind, inc, value,
                          rnd.choices(["eq", "gte", "gt", "approx"], [80, 8, 8, 4])[0],
                          stars[0], stars[1], year, ev, 0, len(ev), "bench"))
            if len(batch) == 50_000:
                conn.executemany("insert into facts (id, article_id, level, province, province_2025, "
                                 "district, metric, unit, kind, increment, value, comparator, "
                                 "stars_min, stars_max, year, evidence, sent_start, sent_end, "
                                 "extractor_version) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                                 batch)
                batch = []
        if batch:
            conn.executemany("insert into facts (id, article_id, level, province, province_2025, "
                             "district, metric, unit, kind, increment, value, comparator, "
                             "stars_min, stars_max, year, evidence, sent_start, sent_end, "
                             "extractor_version) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch)
    t2 = time.perf_counter()
    skipped = [(f"https://example.invalid/s{i}.html", f"bao{views.province_key(rnd.choice(provs)['name'])}",
                "Tin khác", rnd.choice(["not about OCOP", "older than --since", "no body"]),
                "2026-01-01T00:00:00+00:00", run) for i in range(n_articles)]
    with conn:
        conn.executemany("insert into skipped values (?,?,?,?,?,?)", skipped)
        conn.executemany("insert into crawl_run_sites (run_id, source_id, pages_fetched, articles_kept, "
                         "articles_skipped, facts, errors, no_body, no_date, drift) "
                         "values (?,?,?,?,?,?,?,?,?,?)",
                         [(run, f"bao{views.province_key(p['name'])}", 1000, 800, 200, 16000, 0, 0, 0,
                           None) for p in provs])
    store.db["crawl_runs"].update(run, {"status": "finished", "finished_at": "2026-01-02T00:00:00+00:00"})
    t3 = time.perf_counter()
    counts = views.refresh(db)
    t4 = time.perf_counter()
    db.conn.execute("pragma wal_checkpoint(truncate)")
    print(f"built {n_articles:,} articles in {t1 - t0:.1f} s, {n_facts:,} facts in {t2 - t1:.1f} s "
          f"(with FTS triggers), refresh() in {t4 - t3:.1f} s {counts}; "
          f"file {path.stat().st_size / 1e6:.0f} MB")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, args):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(args + ["--port", str(self.port)], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
        for _ in range(600):
            try:
                urllib.request.urlopen(self.base + "/-/versions.json", timeout=2).read()
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError(self.proc.stderr.read().decode())
                time.sleep(0.2)
        raise RuntimeError("server did not start")

    def time(self, path: str, runs: int = 5) -> tuple[float, float, int]:
        """(p50 ms, p95 ms, status) of ``runs`` requests after a warm-up one."""
        url = self.base + urllib.parse.quote(path, safe="/?=&+%:,()*")
        status = 0
        times = []
        for i in range(runs + 1):
            t = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=120) as r:
                    body = r.read()
                    status = r.status
            except urllib.error.HTTPError as e:
                body, status = e.read(), e.code
            if i:  # the first request warms the page cache
                times.append((time.perf_counter() - t) * 1000)
        if b"timed out" in body:  # Datasette: "These facets timed out: ..."
            status = "facet timed out"
        p95 = statistics.quantiles(times, n=20, method="inclusive")[18] if len(times) > 1 else times[0]
        return statistics.median(times), p95, status

    def stop(self):
        self.proc.send_signal(2)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def q(params: dict) -> str:
    return "?" + urllib.parse.urlencode(params) if params else ""


PAGES = [
    # name, project path, defaults-equivalent path (None: no equivalent)
    ("index page", "/", "/"),
    ("database page", "/ocop", "/bench"),
    ("facts page (default facets)", "/ocop/facts",
     "/bench/facts?_facet=province&_facet=province_2025&_facet=metric&_facet=kind"
     "&_facet=stars_min&_facet=stars_max&_facet=year"),
    ("facts page, province facet only", "/ocop/facts?_nofacet=1&_facet_summary=province",
     "/bench/facts?_facet=province"),
    ("facts page, plain (no facets)", "/ocop/facts?_nofacet=1", "/bench/facts"),
    ("facts filtered to a province (facets)", "/ocop/facts?province=Hà+Tĩnh",
     "/bench/facts?province=Hà+Tĩnh&_facet=province&_facet=province_2025&_facet=metric"
     "&_facet=kind&_facet=stars_min&_facet=stars_max&_facet=year"),
    ("fact_details view page", "/ocop/fact_details", "/bench/fact_details"),
    ("articles page", "/ocop/articles", "/bench/articles"),
    ("skipped page", "/ocop/skipped", "/bench/skipped"),
    ("provinces page", "/ocop/provinces", "/bench/provinces"),
    ("crawl_runs page", "/ocop/crawl_runs", "/bench/crawl_runs"),
    ("FTS facts 'ha tinh'", "/ocop/facts?_search=ha+tinh&_nofacet=1", None),
    ("FTS articles 'dong thap'", "/ocop/articles?_search=dong+thap&_nofacet=1", None),
    ("FTS facts 'dong thap' with facets", "/ocop/facts?_search=dong+thap", None),
    ("GROUP BY province over all facts (SQL)",
     "/ocop.json?sql=select+province,+count(*)+from+facts+group+by+province",
     "/bench.json?sql=select+province,+count(*)+from+facts+group+by+province"),
]

CANNED = [
    ("province_profile", {"province": "Hà Tĩnh"}),
    ("compare_provinces", {"year": "2024"}),
    ("province_over_time", {"province": "ha tinh"}),
    ("province_map", {}),
    ("province_map_2025", {}),
    ("new_since", {"since": "2026-06-01"}),
    ("new_since (old date)", {"since": "2019-01-01"}),
    ("found_since (old date)", {"since": "2019-01-01"}),
    ("new_facts_feed.atom", {}),
    ("new_articles_feed.atom", {}),
    ("province_facts_feed.atom", {"province": "Hà Tĩnh"}),
    ("province_articles_feed.atom", {"province": "Hà Tĩnh"}),
    ("crawl_health", {}),
    ("skipped_audit", {}),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", type=int, default=1_000_000)
    ap.add_argument("--articles", type=int, default=50_000)
    ap.add_argument("--keep", type=Path, help="build (or reuse) the database at this path")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--quick", action="store_true", help="100,000 facts, 5,000 articles, 10 runs")
    args = ap.parse_args()
    if args.quick:
        args.facts, args.articles, args.runs = min(args.facts, 100_000), min(args.articles, 5_000), min(args.runs, 10)
    print(f"machine: {os.cpu_count()} cores; {args.facts:,} facts, {args.articles:,} articles; "
          f"{args.runs} requests per page")
    tmp = None
    if args.keep:
        path = args.keep
    else:
        tmp = tempfile.TemporaryDirectory()
        path = Path(tmp.name) / "bench.db"
    if not path.exists():
        build(path, args.facts, args.articles)
    py = sys.executable
    ours = Server([py, "-m", "ocop_crawler.cli", "serve", "--db", str(path)])
    bench_link = Path(tempfile.mkdtemp()) / "bench.db"
    os.symlink(path.resolve(), bench_link)
    defaults = Server([py, "-m", "datasette", "serve", str(bench_link)])
    budget = 100
    slow = []
    try:
        print(f"\n{'page':45} {'p50':>9} {'p95':>9} {'defaults p50':>13} {'ratio':>7}")
        for name, path_ours, path_def in PAGES:
            ms, p95, st = ours.time(path_ours, args.runs)
            line = f"{name:45} {ms:7.1f}ms {p95:7.1f}ms"
            if path_def:
                dms, _, dst = defaults.time(path_def, max(3, args.runs // 4))
                line += f" {dms:11.1f}ms {dms / ms:6.1f}x" + ("" if dst == 200 else f" ({dst})")
            print(line + ("" if st == 200 else f"  ({st})"), flush=True)
            if p95 > budget and "SQL" not in name:
                slow.append(name)
        print(f"\n{'canned query':45} {'p50':>9} {'p95':>9}")
        from ocop_crawler.serve import load_metadata
        named = {n.split(" ")[0].removesuffix(".atom") for n, _ in CANNED}
        queries = load_metadata()["databases"]["ocop"].get("queries", {})
        canned = CANNED + [(n, {}) for n in queries if n not in named]    # every canned query
        for name, params in canned:
            qname = name.split(" ")[0]
            ms, p95, st = ours.time(f"/ocop/{qname}{q(params)}", args.runs)
            print(f"{name:45} {ms:7.1f}ms {p95:7.1f}ms" + ("" if st == 200 else f"  ({st})"), flush=True)
            if p95 > budget:
                slow.append(name)
    finally:
        ours.stop()
        defaults.stop()
        if tmp:
            tmp.cleanup()
    print(f"\np95 over {budget} ms: {', '.join(slow) if slow else 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
