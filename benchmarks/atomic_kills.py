"""What kill -9 and concurrent readers do to the database: facts lost, torn reads.

    .venv/bin/python benchmarks/atomic_kills.py [--crawl-kills 12] [--reextract-kills 8]
                                                [--reads 1000] [--at-write-points]

Everything runs over loopback against the bundled sample site, in fresh processes:

1. a reference crawl, uninterrupted;
2. ``--crawl-kills`` crawls killed with SIGKILL after a random number of article pages
   were served, each followed by ``ocop crawl --resume``; facts missing from the resumed
   database compared with the reference (as a multiset of article URL + fact fields)
   are facts lost for good;
3. ``--reextract-kills`` ``ocop reextract`` runs over a copy of the reference, killed
   after a random delay: articles left with fewer facts than before (before any re-run),
   then facts still missing after a second, complete ``reextract``;
4. a real Datasette (``ocop serve``) over a copy of the reference while another process
   rebuilds the summary tables (``views.refresh``) in a loop: ``--reads`` requests to the
   summary tables and canned queries, each compared with the answer of the idle server
   (the data do not change, so any other answer is a torn read).

Random kills rarely land between two writes of one article (the writes take a few
milliseconds of each article's time), so ``--at-write-points`` kills instead at the
writes themselves: the process is paused with ``ocop_crawler.faults`` (``OCOP_PAUSE_AT=
facts:N``, N random) just before the N-th article's facts are inserted, then killed.

Figures are printed, never asserted. The script only uses long-standing entry points
(``run_crawl``, ``ocop reextract``, ``views.refresh``, ``ocop serve``) so that it runs
unchanged on older commits for a before/after comparison (``--at-write-points`` needs
the ``faults`` hook).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CRAWL = ("import json, sys\nfrom ocop_crawler.crawl import run_crawl\n"
         "a = json.loads(sys.argv[1])\nsys.exit(run_crawl(a.pop('db'), **a))\n")
REFRESH_LOOP = ("import sys, time, sqlite_utils\nfrom ocop_crawler import views\n"
                "db = sqlite_utils.Database(sys.argv[1])\nend = time.time() + float(sys.argv[2])\n"
                "n = 0\nwhile time.time() < end:\n    views.refresh(db)\n    n += 1\nprint(n)\n")
FACT_COLS = ("level", "province", "district", "metric", "unit", "kind", "increment", "value",
             "comparator", "stars_min", "stars_max", "year", "segment", "evidence")
# Datasette reads whose answer depends only on the summary tables and the data.
READS = [
    "/ocop/province_totals.json?_shape=array&_size=max&_sort=province",
    "/ocop/province_years.json?_shape=array&_size=max",
    "/ocop/facts_cube.json?_shape=array&_size=max",
    "/ocop/facet_counts.json?_shape=array&_size=max",
    "/ocop/article_provinces.json?_shape=array&_size=max",
    "/ocop/source_stats.json?_shape=array&_size=max",
    "/ocop/skipped_audit.json?_shape=array",
    "/ocop/crawl_health.json?_shape=array",
    "/ocop/compare_provinces.json?_shape=array&year=2024",
]


def crawl_args(db: Path, urls: dict, **kw) -> list[str]:
    args = dict(db=str(db), sites=sorted(urls), base_urls=urls, progress_interval=0,
                jobdir=str(db.with_suffix(".job")), **kw)
    return [sys.executable, "-c", CRAWL, json.dumps(args)]


def facts_of(db: Path) -> Counter:
    con = sqlite3.connect(db)
    try:
        rows = con.execute(f"select a.url, {', '.join('f.' + c for c in FACT_COLS)} "
                           "from facts f join articles a on a.id = f.article_id").fetchall()
    finally:
        con.close()
    return Counter(rows)


def per_article(db: Path) -> Counter:
    con = sqlite3.connect(db)
    try:
        return Counter(dict(con.execute(
            "select a.url, count(f.id) from articles a left join facts f on f.article_id = a.id "
            "group by a.url")))
    finally:
        con.close()


def integrity(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return con.execute("pragma integrity_check").fetchone()[0]
    finally:
        con.close()


def copy(src: Path, dst: Path) -> Path:
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()
    return dst


def start(cmd: list[str], point: str | None, tmp: Path) -> subprocess.Popen:
    """Start a writer; with ``point``, return once it is paused there (None: it never got there)."""
    env = dict(os.environ)
    marker = tmp / "paused"
    marker.unlink(missing_ok=True)
    if point:
        env.update(OCOP_PAUSE_AT=point, OCOP_PAUSE_FILE=str(marker))
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    if point:
        deadline = time.monotonic() + 120
        while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
    return proc


def crawl_kills(sites, tmp: Path, ref: Counter, n: int, rng: random.Random,
                at_writes: bool = False) -> None:
    lost_total, runs_losing, bad_integrity = 0, 0, 0
    for i in range(n):
        db = tmp / f"kill{i}.db"
        target = rng.randint(1, 28 if at_writes else 40)
        n0 = len(sites.requests)
        proc = start(crawl_args(db, sites.urls, settings={
            "CONCURRENT_REQUESTS": 2, "DOWNLOAD_DELAY": 0.02}),
            f"facts:{target}" if at_writes else None, tmp)
        while not at_writes and proc.poll() is None and sum(
                p.endswith(".html") for _, p in sites.requests[n0:]) < target:
            time.sleep(0.005)
        if not at_writes:
            time.sleep(rng.random() * 0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        res = subprocess.run(crawl_args(db, sites.urls, resume=True), cwd=ROOT,
                             capture_output=True, text=True)
        if res.returncode not in (0, 1):
            print(f"  resume {i} failed: {res.stderr[-500:]}")
            continue
        got = facts_of(db)
        lost = sum((ref - got).values())
        extra = sum((got - ref).values())
        ok = integrity(db)
        lost_total += lost
        runs_losing += bool(lost)
        bad_integrity += ok != "ok"
        where = f"at the facts of article {target}" if at_writes else f"after {target} article pages"
        print(f"  crawl kill {i + 1:2} {where}: lost {lost} facts, "
              f"{extra} extra, integrity {ok}")
    print(f"crawl kill -9 + resume: {lost_total} facts lost in {runs_losing} of {n} runs; "
          f"integrity not ok in {bad_integrity}")


def reextract_kills(ref_db: Path, tmp: Path, ref: Counter, n: int, rng: random.Random,
                    at_writes: bool = False) -> None:
    ocop = [sys.executable, "-m", "ocop_crawler.cli", "reextract", "--db"]
    db = copy(ref_db, tmp / "rx-time.db")
    t0 = time.perf_counter()
    subprocess.run(ocop + [str(db)], cwd=ROOT, capture_output=True)
    took = time.perf_counter() - t0
    before = per_article(ref_db)
    emptied_total = runs_emptied = lost_after = 0
    for i in range(n):
        db = copy(ref_db, tmp / f"rx{i}.db")
        target = rng.randint(1, 28)
        proc = start(ocop + [str(db)], f"facts:{target}" if at_writes else None, tmp)
        delay = took * (0.5 + 0.5 * rng.random())   # the second half: past the imports
        if not at_writes:
            time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after = per_article(db)
        short = sum(max(0, before[u] - after.get(u, 0)) for u in before)
        emptied_total += short
        runs_emptied += bool(short)
        subprocess.run(ocop + [str(db)], cwd=ROOT, capture_output=True)
        lost_after += sum((ref - facts_of(db)).values())
        where = f"at the facts of article {target}" if at_writes else f"at {delay:.2f} s"
        print(f"  reextract kill {i + 1} {where}: {short} facts missing before the "
              f"re-run, integrity {integrity(db)}")
    print(f"reextract kill -9 ({took:.1f} s a run): {emptied_total} facts missing in "
          f"{runs_emptied} of {n} killed runs; {lost_after} still missing after a re-run")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, None
    except Exception as exc:  # connection reset, timeout
        return repr(exc), None


def torn_reads(ref_db: Path, tmp: Path, reads: int) -> None:
    db = copy(ref_db, tmp / "serve.db")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "ocop_crawler.cli", "serve", "--db", str(db),
                               "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            if get(base + "/-/versions.json")[0] == 200:
                break
            time.sleep(0.1)
        expected = {path: get(base + path) for path in READS}
        writer = subprocess.Popen([sys.executable, "-c", REFRESH_LOOP, str(db), "600"], cwd=ROOT,
                                  stdout=subprocess.PIPE, text=True)
        errors = torn = 0
        t0 = time.perf_counter()
        for i in range(reads):
            path = READS[i % len(READS)]
            status, body = get(base + path)
            if status != 200:
                errors += 1
            elif body != expected[path][1]:
                torn += 1
        took = time.perf_counter() - t0
        writer.send_signal(signal.SIGTERM)
        writer.wait()
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=20)
    print(f"Datasette reads during summary refreshes: {reads} requests in {took:.1f} s, "
          f"{errors} errors, {torn} torn results")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--crawl-kills", type=int, default=12)
    ap.add_argument("--reextract-kills", type=int, default=8)
    ap.add_argument("--reads", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--at-write-points", action="store_true",
                    help="kill at the writes (needs ocop_crawler.faults), not at random times")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    from ocop_crawler import samplesite
    with samplesite.start() as sites, tempfile.TemporaryDirectory(prefix="ocop-kills-") as tmp:
        tmp = Path(tmp)
        ref_db = tmp / "ref.db"
        subprocess.run(crawl_args(ref_db, sites.urls), cwd=ROOT, capture_output=True, check=False)
        ref = facts_of(ref_db)
        print(f"reference crawl: {sum(ref.values())} facts")
        if a.crawl_kills:
            crawl_kills(sites, tmp, ref, a.crawl_kills, rng, a.at_write_points)
        if a.reextract_kills:
            subprocess.run([sys.executable, "-m", "ocop_crawler.cli", "reextract", "--db",
                            str(ref_db)], cwd=ROOT, capture_output=True)
            reextract_kills(ref_db, tmp, facts_of(ref_db), a.reextract_kills, rng,
                            a.at_write_points)
        if a.reads:
            torn_reads(ref_db, tmp, a.reads)


if __name__ == "__main__":
    main()
