"""Articles per second of `nlp.extract_facts` on one core, and the time of 1 MB articles.

    python benchmarks/extract_speed.py [--rounds 5] [--quick]

Prints the figures (per second of CPU time, which other load on the machine
barely changes, and wall time), the share of paragraphs the cheap filter sends
on to underthesea's splitter, and the same on the real dev articles of
../shared/dev when present. The target is >= 100 articles/s on one core. Then the
time of one article of 100 KB and of 1 MB (--quick: 100 KB and 250 KB) built
three ways, with the ratio that shows whether time grows linearly (10x the text,
about 10x the time):

* report: OCOP paragraphs one after the other (the sample site's articles);
* no line breaks: the same text in a single line (a page whose markup lost them);
* dense table: "huyện A có 12 sản phẩm OCOP, 5 sản phẩm đạt 4 sao; " over and over.

The goal of issue 11 is a 1 MB article in under 2 s.
"""
import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp import extract_facts
from nlp import sentences as S
from ocop_crawler import samplesite


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="one round; 100 KB and 250 KB articles")
    args = ap.parse_args()
    if args.quick:
        args.rounds = 1
    print(f"machine: {os.cpu_count()} cores (one used)")
    arts = [json.loads(line) for line in samplesite.gold_path().read_text("utf-8").splitlines() if line]
    extract_facts(arts[0]["text"])                      # warm-up: gazetteer, patterns
    t0 = time.perf_counter()
    S._splitter()             # underthesea's import (the sample's paragraphs never need its splitter)
    print(f"underthesea import (once a process): {time.perf_counter() - t0:.2f} s")
    paras = cand = 0
    for a in arts:
        for _, p in S.paragraphs(a["text"]):
            paras += 1
            cand += S.is_candidate(p)
    t0, c0 = time.perf_counter(), time.process_time()
    n = facts = 0
    for _ in range(args.rounds):
        for a in arts:
            facts += len(extract_facts(a["text"], published=a.get("published")))
            n += 1
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    chars = sum(len(a["text"]) for a in arts) * args.rounds
    print(f"extract_facts: {n} articles in {dt:.2f} s wall, {cpu:.2f} s CPU = {n / cpu:.0f} articles/s of CPU "
          f"({chars / cpu / 1000:.0f} k chars/s, {facts // args.rounds} facts per pass)")
    print(f"candidate filter: {cand}/{paras} paragraphs ({100 * cand / paras:.0f}%) reach the sentence splitter")
    print(f"target >= 100 articles/s: ratio {n / cpu / 100:.1f}x")
    dev = sorted((Path(__file__).resolve().parents[2] / "shared" / "dev").glob("*.jsonl"))
    if dev:                                              # the real articles, when ../shared is there
        real = [json.loads(line) for path in dev for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
        t0, c0 = time.perf_counter(), time.process_time()
        for a in real:                                   # one pass: a second would read its caches
            extract_facts(a["text"], published=a.get("published"), url=a.get("url"))
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        n = len(real)
        print(f"real dev articles ({len(dev)} files): {n} in {dt:.2f} s wall, {cpu:.2f} s CPU = "
              f"{n / dt:.0f} articles/s wall, {n / cpu:.0f} articles/s of CPU (ratio to 100/s: {n / cpu / 100:.1f}x)")
    long_articles(arts, (100_000, 250_000) if args.quick else (100_000, 1_000_000))


def _report(arts, size: int) -> str:
    paras = [p for a in arts if a.get("facts") for _, p in S.paragraphs(a["text"])]
    out, n, i = [], 0, 0
    while n < size:
        p = paras[i % len(paras)]
        out.append(p)
        n += len(p) + 2
        i += 1
    return "\n\n".join(out)[:size]


def long_articles(arts, sizes) -> None:
    from nlp import limits
    row = "huyện Can Lộc có 12 sản phẩm OCOP, 5 sản phẩm đạt 4 sao; "
    kinds = {
        "report": lambda n: _report(arts, n),
        "no line breaks": lambda n: _report(arts, n).replace("\n", " "),
        "dense table": lambda n: ("Hà Tĩnh: " + row * (n // len(row) + 1))[:n],
    }
    print(f"\n{'long article':16}" + "".join(f"{s // 1000:>8} KB" for s in sizes) + f"{'ratio':>8}  facts  pieces cut")
    for name, make in kinds.items():
        times, facts = [], 0
        for size in sizes:
            text = make(size)
            limits.WORK.clear()
            t0 = time.perf_counter()
            facts = len(extract_facts(text))
            times.append(time.perf_counter() - t0)
        print(f"{name:16}" + "".join(f"{t:9.2f} s" for t in times) + f"{times[-1] / times[0]:8.1f}  "
              f"{facts:5}  {limits.WORK['cut'] + limits.WORK['paragraphs cut']:6}", flush=True)
    print(f"(size ratio {sizes[-1] / sizes[0]:.1f}x; linear time: a time ratio near it; goal: 1 MB < 2 s)")


if __name__ == "__main__":
    main()
