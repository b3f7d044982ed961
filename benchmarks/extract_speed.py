"""Articles per second of `nlp.extract_facts` on one core, over the sample corpus.

    python benchmarks/extract_speed.py [--rounds 5]

Prints the figure and the share of sentences the cheap filter sends on to
underthesea's splitter. The target of issue 3 is >= 100 articles/s.
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
    t0 = time.perf_counter()
    n = facts = 0
    for _ in range(args.rounds):
        for a in arts:
            facts += len(extract_facts(a["text"], published=a.get("published")))
            n += 1
    dt = time.perf_counter() - t0
    chars = sum(len(a["text"]) for a in arts) * args.rounds
    print(f"extract_facts: {n} articles in {dt:.2f} s = {n / dt:.0f} articles/s "
          f"({chars / dt / 1000:.0f} k chars/s, {facts // args.rounds} facts per pass)")
    print(f"candidate filter: {cand}/{paras} paragraphs ({100 * cand / paras:.0f}%) reach the sentence splitter")
    print(f"target >= 100 articles/s: ratio {n / dt / 100:.1f}x")
    dev = sorted((Path(__file__).resolve().parents[2] / "shared" / "dev").glob("*.jsonl"))
    if dev:                                              # the real articles, when ../shared is there
        real = [json.loads(line) for path in dev for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
        t0 = time.perf_counter()
        for a in real:
            extract_facts(a["text"], published=a.get("published"), url=a.get("url"))
        dt = time.perf_counter() - t0
        print(f"real dev articles ({len(dev)} files): {len(real)} in {dt:.2f} s = {len(real) / dt:.0f} articles/s "
              f"(ratio to 100/s: {len(real) / dt / 100:.1f}x)")


if __name__ == "__main__":
    main()
