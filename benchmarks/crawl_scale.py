"""The crawler at scale: a generated site of 2,000 real-sized article pages on loopback.

    .venv/bin/python benchmarks/crawl_scale.py            # 2,000 and 500 articles (~100 KB pages)
    .venv/bin/python benchmarks/crawl_scale.py --quick    # 400 and 100 articles

Serves ``benchmarks/bigsite.py`` (the sample site's article model and templates,
thousands of generated articles) and runs the real ``news`` spider
(``run_crawl``) in a fresh process each time, into a new SQLite file:

1. the full pipeline (normalise, dedup, extract, store): pages/s;
2. the same spider with no item pipelines (fetch, discover, parse, relevance only):
   pages/s, and the ratio full / no pipelines (goal >= 0.5);
3. an immediate re-crawl of the first database: requests as a share of the first crawl;
4. the full pipeline over a site a quarter of the size: peak memory (VmHWM, the
   maximum RSS of the crawling process) at both sizes, which must not grow with the count.

Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The child reports its own peak RSS (VmHWM of its address space): wait4's ru_maxrss would
# also count the parent's memory at fork time, which Linux keeps across exec.
CRAWL = ("import json, sys\nfrom ocop_crawler.crawl import run_crawl\n"
         "a = json.loads(sys.argv[1])\n"
         "try:\n    status = run_crawl(a.pop('db'), **a)\n"
         "finally:\n    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]\n"
         "    print('peak rss:', hwm[0].split()[1] if hwm else 0, 'kB', flush=True)\n"
         "sys.exit(status)\n")


def crawl(db: Path, urls: dict, settings: dict | None = None) -> dict:
    """Crawl every outlet of ``urls`` into ``db`` in a child process; its figures."""
    args = {"db": str(db), "sites": sorted(urls), "base_urls": urls, "progress_interval": 0,
            "jobdir": str(db.with_suffix(".job")), "settings": settings or {}}
    with tempfile.TemporaryFile("w+") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", CRAWL, json.dumps(args)], cwd=ROOT,
                                stdout=out, stderr=subprocess.STDOUT, text=True)
        proc.wait()
        wall = time.perf_counter() - t0
        out.seek(0)
        log = out.read()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"crawl failed ({proc.returncode}):\n{log[-3000:]}")
    m = re.search(r"(\d+) requests in ([0-9.]+) s", log)
    con = sqlite3.connect(db)
    run = con.execute("select pages_fetched, articles_kept, articles_skipped, facts from crawl_runs "
                      "order by id desc limit 1").fetchone()
    con.close()
    secs = float(m.group(2)) if m else wall
    rss = re.search(r"peak rss: (\d+) kB", log)
    return {"requests": int(m.group(1)) if m else 0, "secs": secs, "wall": wall,
            "pages": run[0], "kept": run[1], "skipped": run[2], "facts": run[3],
            "pages_s": run[0] / secs if secs else 0, "rss_mb": int(rss.group(1)) / 1024 if rss else 0}


def line(name: str, r: dict) -> str:
    return (f"{name:34} {r['requests']:>8} {r['pages']:>6} {r['kept']:>5} {r['facts']:>6} "
            f"{r['secs']:>8.1f} {r['pages_s']:>8.1f} {r['rss_mb']:>8.0f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="400 and 100 articles instead of 2,000 and 500")
    ap.add_argument("--articles", type=int, help="articles of the large site (default 2000; --quick 400)")
    opts = ap.parse_args()
    from benchmarks import bigsite
    large = opts.articles or (400 if opts.quick else 2000)
    small = max(50, large // 4)
    print(f"machine: {os.cpu_count()} cores; pages ~{bigsite.PAGE_BYTES // 1000} KB; "
          f"listen backlog {bigsite.BACKLOG}")
    head = (f"{'crawl':34} {'requests':>8} {'pages':>6} {'kept':>5} {'facts':>6} {'crawl s':>8} "
            f"{'pages/s':>8} {'RSS MB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with bigsite.start(large) as sites:
            print(f"\n{large} generated articles over {len(sites.urls)} outlets\n{head}")
            full = crawl(tmp / "full.db", sites.urls)
            print(line(f"full pipeline, {large} articles", full), flush=True)
            bare = crawl(tmp / "bare.db", sites.urls, {"ITEM_PIPELINES": {}})
            print(line("same spider, no pipelines", bare), flush=True)
            n0 = len(sites.requests)
            again = crawl(tmp / "full.db", sites.urls)
            served = len(sites.requests) - n0
            print(line("immediate re-crawl", again), flush=True)
        with bigsite.start(small) as sites:
            little = crawl(tmp / "small.db", sites.urls)
            print(line(f"full pipeline, {small} articles", little), flush=True)
    ratio = full["pages_s"] / bare["pages_s"] if bare["pages_s"] else 0
    print(f"\npipeline cost: {full['pages_s']:.1f} pages/s with pipelines vs {bare['pages_s']:.1f} "
          f"without = ratio {ratio:.2f} (goal >= 0.5)")
    print(f"re-crawl: {served} requests = {100 * served / max(1, full['requests']):.1f} % of the "
          f"first crawl's {full['requests']}")
    print(f"peak RSS: {little['rss_mb']:.0f} MB at {small} articles, {full['rss_mb']:.0f} MB at {large} "
          f"(ratio {full['rss_mb'] / max(1, little['rss_mb']):.2f} for {large / small:.0f}x the articles)")
    print(json.dumps({"articles": large, "full_pages_s": round(full["pages_s"], 1),
                      "bare_pages_s": round(bare["pages_s"], 1), "ratio": round(ratio, 2),
                      "recrawl_share": round(served / max(1, full["requests"]), 4),
                      "rss_mb_small": round(little["rss_mb"]), "rss_mb_large": round(full["rss_mb"])}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
