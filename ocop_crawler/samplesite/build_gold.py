"""Write gold.jsonl from the hand-annotated facts in ``articles_*.py``.

    python -m ocop_crawler.samplesite.build_gold          # rewrite gold.jsonl
    python -m ocop_crawler.samplesite.build_gold --check  # exit 1 if gold.jsonl is stale

The facts are written by hand next to each article; this script only expands each
fact's evidence snippet to the whole sentence containing it, fills the article's
province where the fact names none, adds province_2025, and serialises. Private
drafts, AMP variants and syndicated copies are not articles of the gold file.
"""
from __future__ import annotations

import json
import re
import sys

from . import articles, gold_path

_END = re.compile(r"[.!?](?=\s|$)|\n")


def sentence_of(text: str, snippet: str, key: str) -> str:
    """The sentence (or headline line) of ``text`` containing ``snippet``."""
    i = text.find(snippet)
    if i < 0:
        raise ValueError(f"{key}: evidence snippet not in text: {snippet!r}")
    start = 0
    for m in _END.finditer(text, 0, i):
        start = m.end()
    m = _END.search(text, i + len(snippet))
    end = m.end() if m and m.group() != "\n" else (m.start() if m else len(text))
    return text[start:end].strip()


def gold_lines() -> list[dict]:
    out = []
    for a in articles():
        if a.private or a.syndicated_from:
            continue
        text = a.text()
        facts = []
        for f in a.facts:
            d = f.as_dict(a.province)
            d["evidence"] = sentence_of(text, d["evidence"], a.key)
            facts.append(d)
        out.append({"id": a.key, "url": a.path, "published": a.published[:10] if a.published else None,
                    "title": a.title, "text": text, "ocop": a.ocop, "facts": facts})
    return out


def render() -> str:
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in gold_lines())


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    content = render()
    path = gold_path()
    if "--check" in argv:
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            print(f"{path} is stale: run python -m ocop_crawler.samplesite.build_gold", file=sys.stderr)
            return 1
        return 0
    path.write_text(content, encoding="utf-8")
    lines = gold_lines()
    print(f"wrote {path}: {len(lines)} articles, {sum(1 for x in lines if x['ocop'])} about OCOP, "
          f"{sum(len(x['facts']) for x in lines)} facts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
