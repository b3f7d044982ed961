"""`ocop extract` and `ocop reextract`: fact extraction outside a crawl.

    >>> from ocop_crawler.extraction import extract_article
    >>> extract_article({"id": "a1", "text": "Hà Tĩnh hiện có 287 sản phẩm OCOP."})
    {'id': 'a1', 'facts': [...]}
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from nlp import EXTRACTOR_VERSION, extract_facts

FIELDS = ("level", "province", "district", "metric", "unit", "kind", "increment", "value",
          "comparator", "stars_min", "stars_max", "year", "evidence", "province_2025")


def html_to_text(html: str, url: str | None = None) -> tuple[str, str | None, str | None]:
    """(body, title, published) of an HTML page, via the crawler's article parser."""
    from .parse import parse_article
    art = parse_article(html, url or "http://localhost/")
    return art.get("body") or "", art.get("title"), art.get("published")


def extract_article(article: dict) -> dict:
    """One input article (id, text|html, optional title/url/published/province) -> output line."""
    text, title, published = article.get("text"), article.get("title"), article.get("published")
    if not text and article.get("html"):
        text, html_title, html_pub = html_to_text(article["html"], article.get("url"))
        title = title or html_title
        published = published or html_pub
    facts = extract_facts(text or "", title=title, published=published, url=article.get("url"),
                          home_province=article.get("province"))
    return {"id": article["id"], "facts": [{k: f.get(k) for k in FIELDS} for f in facts]}


def _read(path: Path, errors: list):
    """Yield articles from a .txt/.html file or a .jsonl file; bad lines go to ``errors``."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    errors.append(f"{path}:{n}: not JSON ({exc.msg})")
                    continue
                if not isinstance(row, dict) or not (row.get("text") or row.get("html")):
                    errors.append(f"{path}:{n}: no `text` or `html` field")
                    continue
                if "id" not in row:
                    row["id"] = f"{path.name}:{n}"
                yield row
    elif suffix in (".html", ".htm"):
        yield {"id": path.name, "html": path.read_text(encoding="utf-8", errors="replace")}
    else:
        yield {"id": path.name, "text": path.read_text(encoding="utf-8", errors="replace")}


def extract_paths(paths: list[str], output: str = "-") -> int:
    """Run `ocop extract`: returns the exit status (1 if any input line was bad)."""
    errors: list[str] = []
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    count = bad = 0
    try:
        for p in paths:
            for article in _read(Path(p), errors):
                try:
                    row = extract_article(article)
                except Exception as exc:  # one odd article must not cost the others their facts
                    errors.append(f"{p}: article {article['id']!r}: extraction failed: {exc!r}")
                    row = {"id": article["id"], "facts": []}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
            for e in errors:
                print(e, file=sys.stderr)
            bad += len(errors)
            errors.clear()
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"{count} articles extracted" + (f", {bad} bad input lines" if bad else ""), file=sys.stderr)
    return 1 if bad else 0


def reextract(db_path: str) -> int:
    """Re-run extraction over every stored article, replacing its facts (one transaction each)."""
    from .storage import Store
    if not Path(db_path).exists():
        print(f"error: no database at {db_path} (run `ocop crawl` or `ocop demo` first)", file=sys.stderr)
        return 2
    store = Store(db_path)
    n_articles = n_facts = 0
    for row in list(store.articles()):
        if row.get("duplicate_of"):
            continue
        facts = extract_facts(row["body"] or "", title=row["title"], published=row["published"],
                              url=row["url"], home_province=row["home_province"])
        n_facts += store.replace_facts(row["id"], facts, EXTRACTOR_VERSION)
        n_articles += 1
        if n_articles % 200 == 0:
            print(f"  {n_articles} articles, {n_facts} facts", file=sys.stderr)
    from . import views
    views.refresh(store.db)
    print(f"re-extracted {n_articles} articles: {n_facts} facts (extractor {EXTRACTOR_VERSION})")
    return 0
