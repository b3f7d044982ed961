"""Crawl speed on the bundled sample site: pages/s of a full crawl of every sample outlet.

    .venv/bin/python benchmarks/crawl_speed.py [--runs 3]

Each crawl runs the real ``news`` spider (``run_crawl``) in a fresh process, over
loopback, into a new SQLite file, with fact extraction on. Prints the requests,
pages, wall time and pages/s of each run, then the cost of an immediate re-crawl
and of a re-crawl after the entry points went stale (a day later).
"""
from __future__ import annotations

import argparse
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CRAWL = ("import json, sys\nfrom ocop_crawler.crawl import run_crawl\n"
         "a = json.loads(sys.argv[1])\nsys.exit(run_crawl(a.pop('db'), **a))\n")


def crawl(db: Path, urls: dict) -> tuple[float, float]:
    """(wall seconds of the process, seconds of the crawl itself as run_crawl reports them)."""
    args = {"db": str(db), "sites": sorted(urls), "base_urls": urls, "progress_interval": 0,
            "jobdir": str(db.with_suffix(".job"))}
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CRAWL, json.dumps(args)], cwd=ROOT,
                          capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stderr)
    m = re.search(r"requests in ([0-9.]+) s", proc.stdout)
    return wall, float(m.group(1)) if m else wall


def last_run(db: Path) -> dict:
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    row = dict(con.execute("select * from crawl_runs order by id desc limit 1").fetchone())
    con.close()
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    opts = ap.parse_args()
    from ocop_crawler import samplesite
    with samplesite.start() as sites, tempfile.TemporaryDirectory() as tmp:
        print(f"{'run':>4} {'requests':>9} {'pages':>6} {'kept':>5} {'facts':>6} {'crawl s':>8} "
              f"{'pages/s':>8} {'process s':>10}")
        first_requests = None
        db = None
        for i in range(opts.runs):
            db = Path(tmp) / f"run{i}.db"
            n0 = len(sites.requests)
            wall, secs = crawl(db, sites.urls)
            served = len(sites.requests) - n0
            first_requests = first_requests or served
            run = last_run(db)
            print(f"{i + 1:>4} {served:>9} {run['pages_fetched']:>6} {run['articles_kept']:>5} "
                  f"{run['facts']:>6} {secs:>8.2f} {run['pages_fetched'] / secs:>8.1f} {wall:>10.2f}")
        print("(crawl s: the Scrapy crawl with parsing, fact extraction and storage; process s adds "
              "start-up and imports)")
        n0 = len(sites.requests)
        crawl(db, sites.urls)
        again = len(sites.requests) - n0
        print(f"immediate re-crawl: {again} requests = {100 * again / first_requests:.1f} % of {first_requests}")
        con = sqlite3.connect(db)
        for sid, cache in con.execute("select source_id, entry_cache from crawl_state").fetchall():
            cache = {u: dict(e, fresh_until="2000-01-01T00:00:00+00:00") for u, e in json.loads(cache).items()}
            con.execute("update crawl_state set entry_cache = ?, robots_fetched_at = ? where source_id = ?",
                        [json.dumps(cache), "2000-01-01T00:00:00+00:00", sid])
        con.commit()
        con.close()
        n0 = len(sites.requests)
        crawl(db, sites.urls)
        stale = len(sites.requests) - n0
        without_robots = len([p for _, p in sites.requests[n0:] if p != "/robots.txt"])
        print(f"re-crawl a day later (stale feeds and robots.txt): {stale} requests = "
              f"{100 * stale / first_requests:.1f} % ({without_robots} conditional feed requests "
              f"answered 304 = {100 * without_robots / first_requests:.1f} %)")


if __name__ == "__main__":
    main()
