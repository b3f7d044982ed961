"""Articles per second of `nlp.extract_facts` on one core, over the sample corpus.

    python benchmarks/extract_speed.py [--rounds 5]

Prints the figures (per second of CPU time, which other load on the machine
barely changes, and wall time), the share of paragraphs the cheap filter sends
on to underthesea's splitter, and the same on the real dev articles of
../shared/dev when present. The target is >= 100 articles/s on one core.
"""
import argparse
import json
import time
from pathlib import Path

from nlp import extract_facts
from nlp import sentences as S
from ocop_crawler import samplesite


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    arts = [json.loads(line) for line in samplesite.gold_path().read_text("utf-8").splitlines() if line]
    extract_facts(arts[0]["text"])                      # warm-up: gazetteer, underthesea import
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


if __name__ == "__main__":
    main()
