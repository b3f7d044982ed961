"""Pages per second of `ocop_crawler.parse.parse_article` on one core.

    python benchmarks/parse_speed.py [--rounds 5]

Over the real pages of ../shared/realpages/ (when present: 12 layouts, 66-508 kB)
and over every article page of the bundled sample site (served on 127.0.0.1), in the
generic mode (no CSS overrides: the slow path). Prints wall-clock and CPU figures (the
best round of each), the time of lxml's parse alone (the floor of any lxml-based
parser) and of trafilatura's share. Figures are printed, never asserted; the machine
they were measured on is shared, so compare runs made one after the other.
"""
import argparse
import copy
import json
import time
import urllib.request
from datetime import datetime
from pathlib import Path

from ocop_crawler.parse import parse_article
from ocop_crawler.parse import body as B
from ocop_crawler.parse.html import _parse_tree

SHARED = Path(__file__).resolve().parents[2] / "shared" / "realpages"


def real_pages():
    truth = SHARED / "truth.json"
    if not truth.exists():
        return []
    return [((SHARED / t["file"]).read_bytes().decode("utf-8", "replace"), t["url"],
             datetime.fromisoformat(t["fetched_at"]))
            for t in json.loads(truth.read_text(encoding="utf-8"))]


def sample_pages():
    from ocop_crawler import samplesite
    now = datetime.now().replace(second=0, microsecond=0)
    out = []
    with samplesite.start(now=now) as sites:
        for item in samplesite.manifest(now=now):
            url = sites.urls[item["site"]] + item["path"]
            with urllib.request.urlopen(url, timeout=10) as resp:
                out.append((resp.read().decode("utf-8"), url, now))
    return out


def best(fn, rounds):
    wall = cpu = float("inf")
    for _ in range(rounds):
        w, c = time.perf_counter(), time.process_time()
        fn()
        wall = min(wall, time.perf_counter() - w)
        cpu = min(cpu, time.process_time() - c)
    return wall, cpu


def measure(name, pages, rounds):
    if not pages:
        print(f"{name}: no pages")
        return
    kb = sum(len(h.encode()) for h, _, _ in pages) / len(pages) / 1000
    for html, url, now in pages:  # warm-up: imports, trafilatura's first call
        parse_article(html, url, fetched_at=now)
    wall, cpu = best(lambda: [parse_article(h, u, fetched_at=n) for h, u, n in pages], rounds)
    n = len(pages)
    print(f"{name}: {n} pages, {kb:.0f} kB on average")
    print(f"  parse_article  {n / wall:7.1f} pages/s wall, {n / cpu:7.1f} pages/s CPU "
          f"({1000 * cpu / n:.1f} ms CPU a page)")
    trees = [_parse_tree(h) for h, _, _ in pages]
    _, cpu_tree = best(lambda: [_parse_tree(h) for h, _, _ in pages], rounds)
    print(f"  lxml parse     {n / cpu_tree:7.1f} pages/s CPU ({1000 * cpu_tree / n:.1f} ms a page: the floor)")

    def traf():
        for t, (_, url, _) in zip(trees, pages):
            work = copy.deepcopy(t)
            B._strip_boilerplate(work)
            B._generic_body(work, url)
    _, cpu_strip = best(lambda: [B._strip_boilerplate(copy.deepcopy(t)) for t in trees], rounds)
    _, cpu_traf = best(traf, rounds)
    print(f"  boilerplate    {1000 * cpu_strip / n:.1f} ms a page; + trafilatura "
          f"{1000 * (cpu_traf - cpu_strip) / n:.1f} ms a page")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    measure("real pages (../shared/realpages)", real_pages(), args.rounds)
    measure("sample site article pages", sample_pages(), args.rounds)


if __name__ == "__main__":
    main()
