"""Cost of stable fact ids: time to store and re-store the facts of many articles.

    .venv/bin/python benchmarks/fact_ids.py [--articles 2000] [--facts 20]

Stores N synthetic articles with F facts each through ``Store.replace_facts``, then
replaces them with the same facts (what `ocop reextract` does when the rules did not
change: every id kept) and with one value changed per article (one new id and one
superseded row per article). Prints the times; asserts nothing.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ocop_crawler.storage import Store  # noqa: E402


def facts_for(n: int, body: str, change: bool = False) -> list[dict]:
    out = []
    for i in range(n):
        value = 100 + i + (1 if change and i == 0 else 0)
        out.append({"level": "province", "province": "Hà Tĩnh", "province_2025": "Hà Tĩnh",
                    "district": None, "metric": "products", "unit": "count", "kind": "actual",
                    "increment": i % 2 == 0, "value": value, "comparator": "eq",
                    "stars_min": 3, "stars_max": 5, "year": 2020 + i % 6, "segment": None,
                    "evidence": body[i * 10:(i + 1) * 10], "sent_start": i * 10,
                    "sent_end": (i + 1) * 10, "why": "benchmark"})
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--facts", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        body = "Hà Tĩnh có 100 sản phẩm OCOP. " * (args.facts + 1)
        ids = [store.add_article({"source_id": None, "url": f"https://example.vn/{n}.html",
                                  "title": "Bài", "published": "2024-05-01", "body": body})
               for n in range(args.articles)]
        n = args.articles * args.facts
        for label, change in (("first store", False), ("same facts again (ids kept)", False),
                              ("one value changed per article", True)):
            started = time.perf_counter()
            for aid in ids:
                store.replace_facts(aid, facts_for(args.facts, body, change), "bench")
            took = time.perf_counter() - started
            print(f"{label:34s} {n:>8,} facts  {took:6.2f} s  {n / took:>9,.0f} facts/s")
        kept = store.db.execute("select count(*) from superseded_facts").fetchone()[0]
        print(f"superseded rows: {kept:,}")


if __name__ == "__main__":
    main()
