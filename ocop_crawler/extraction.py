"""`ocop extract` and `ocop reextract`: fact extraction outside a crawl.

    >>> from ocop_crawler.extraction import extract_article
    >>> extract_article({"id": "a1", "text": "Hà Tĩnh hiện có 287 sản phẩm OCOP."})
    {'id': 'a1', 'facts': [...]}
    >>> records = []
    >>> extract_article({"id": "a1", "text": "..."}, explain=records)  # + why each number is (not) a fact

Every fact carries the FACTS.md fields, ``segment`` (null: the area's whole count)
and ``why`` (the extractor's reasons). ``ocop extract --explain`` prints, per
article, every counted number of each candidate sentence and why it is or is not
a fact (``explain_report``).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from nlp import EXTRACTOR_VERSION, extract_facts

FIELDS = ("level", "province", "district", "metric", "unit", "kind", "increment", "value",
          "comparator", "stars_min", "stars_max", "year", "segment", "evidence", "province_2025",
          "why")
SENTENCE_WIDTH = 160  # the explain report shortens sentences to this many characters


def html_to_text(html: str, url: str | None = None) -> tuple[str, str | None, str | None]:
    """(body, title, published) of an HTML page, via the crawler's article parser."""
    from .parse import parse_article
    art = parse_article(html, url or "http://localhost/")
    return art.get("body") or "", art.get("title"), art.get("published")


def extract_article(article: dict, explain: list | None = None) -> dict:
    """One input article (id, text|html, optional title/url/published/province) -> output line.

    When ``explain`` is a list, the extractor appends to it one record per counted
    number of each candidate sentence: ``sentence`` (1-based), ``text``, ``number``
    (as written, with its noun), ``fact`` (bool) and ``why``.
    """
    text, title, published = article.get("text"), article.get("title"), article.get("published")
    if not text and article.get("html"):
        text, html_title, html_pub = html_to_text(article["html"], article.get("url"))
        title = title or html_title
        published = published or html_pub
    facts = extract_facts(text or "", title=title, published=published, url=article.get("url"),
                          home_province=article.get("province"), explain=explain)
    return {"id": article["id"], "facts": [{k: f.get(k) for k in FIELDS} for f in facts]}


def _short(text: str, width: int = SENTENCE_WIDTH) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def explain_report(row: dict, records: list) -> str:
    """The readable ``--explain`` report of one article.

    ``row`` is its output line ({"id", "facts"}); ``records`` what the extractor
    appended to ``explain``. One line per sentence (`` s2: text…``, shortened), then
    one per counted number (``  s2 «40 sản phẩm» fact: why`` / ``  s2 «28 sản phẩm» not a fact: why``).
    """
    facts = row.get("facts") or []
    lines = [f"{row['id']}: {len(facts)} fact{'' if len(facts) == 1 else 's'}"]
    if not records:
        lines.append("  (no candidate sentence)")
    last = None
    for rec in records:
        n = rec.get("sentence")
        if n != last:
            lines.append(f" s{n}: {_short(rec.get('text') or '')}")
            last = n
        verdict = "fact" if rec.get("fact") else "not a fact"
        lines.append(f"  s{n} «{rec.get('number')}» {verdict}: {rec.get('why') or ''}".rstrip())
    return "\n".join(lines)


STRING_FIELDS = ("text", "html", "url", "published", "title", "province")


def _row_problem(row) -> str | None:
    """Why a parsed .jsonl line is not an article (None when it is one)."""
    if not isinstance(row, dict):
        return f"not an object but {type(row).__name__}"
    for key in STRING_FIELDS:
        if row.get(key) is not None and not isinstance(row[key], str):
            return f"`{key}` must be a string, not {type(row[key]).__name__}"
    if "id" in row and (isinstance(row["id"], bool) or not isinstance(row["id"], (str, int))):
        return f"`id` must be a string or an integer, not {type(row['id']).__name__}"
    if not (row.get("text") or row.get("html")):
        return "no `text` or `html` field"
    return None


def _decode(raw: bytes, path: Path, errors: list, first_line: int = 1) -> str:
    """UTF-8 text of ``raw``; invalid bytes become U+FFFD and are reported with their line."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = first_line + raw[:exc.start].count(b"\n")
        errors.append(f"{path}:{line}: invalid UTF-8 (byte 0x{raw[exc.start]:02x}; read with U+FFFD)")
        return raw.decode("utf-8", errors="replace")


def _read(path: Path, errors: list):
    """Yield articles from a .txt/.html file or a .jsonl file; bad lines go to ``errors``.

    A .jsonl line that is not UTF-8, not JSON, not an object or has a field of the
    wrong type is reported (``path:line: why``) and skipped; the other lines are read.
    """
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        with path.open("rb") as fh:
            for n, raw in enumerate(fh, 1):
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    errors.append(f"{path}:{n}: invalid UTF-8 (byte 0x{raw[exc.start]:02x} at column "
                                  f"{exc.start + 1})")
                    continue
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except (json.JSONDecodeError, RecursionError) as exc:
                    errors.append(f"{path}:{n}: not JSON ({getattr(exc, 'msg', 'nested too deeply')})")
                    continue
                problem = _row_problem(row)
                if problem:
                    errors.append(f"{path}:{n}: {problem}")
                    continue
                if "id" not in row:
                    row["id"] = f"{path.name}:{n}"
                yield row
    elif suffix in (".html", ".htm"):
        yield {"id": path.name, "html": _decode(path.read_bytes(), path, errors)}
    else:
        yield {"id": path.name, "text": _decode(path.read_bytes(), path, errors)}


def extract_paths(paths: list[str], output: str = "-", explain: bool = False) -> int:
    """Run `ocop extract`: returns the exit status (1 if any input line was bad).

    ``explain``: print each article's explain report on standard output; the JSON
    lines then go only to ``output`` when it is a file (not "-"), so the two never mix.
    """
    errors: list[str] = []
    if explain and output == "-":
        out = None
    else:
        out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    count = bad = 0
    try:
        for p in paths:
            for article in _read(Path(p), errors):
                records = [] if explain else None
                try:
                    row = extract_article(article, explain=records)
                except Exception as exc:  # one odd article must not cost the others their facts
                    errors.append(f"{p}: article {article['id']!r}: extraction failed: {exc!r}")
                    row = {"id": article["id"], "facts": []}
                if out is not None:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                if explain:
                    print(explain_report(row, records) + "\n", flush=True)
                count += 1
            for e in errors:
                print(e, file=sys.stderr)
            bad += len(errors)
            errors.clear()
    finally:
        if out is not None and out is not sys.stdout:
            out.close()
    print(f"{count} articles extracted" + (f", {bad} bad input lines" if bad else ""), file=sys.stderr)
    return 1 if bad else 0


def reextract(db_path: str) -> int:
    """Re-run extraction over every stored article, replacing its facts (one transaction each).

    The run is recorded in ``crawl_runs`` (command ``reextract``); killed, it leaves every
    article with its old or its new facts, and is marked ``interrupted`` by the next run.
    Raises ``checks.InputError`` (and changes nothing) when ``db_path`` is missing, damaged
    or not an ocop database.
    """
    from . import checks
    from .storage import Store
    checks.open_existing_db(db_path)   # InputError, the file untouched, unless an intact ocop database
    store = Store(db_path)
    run_id = store.start_run(args={"extractor_version": EXTRACTOR_VERSION}, command="reextract")
    n_articles = n_facts = 0
    try:
        for row in list(store.articles()):
            if row.get("duplicate_of"):
                continue
            facts = extract_facts(row["body"] or "", title=row["title"], published=row["published"],
                                  url=row["url"], home_province=row["home_province"])
            with store.transaction():   # the article keeps its old facts or gets all the new
                n_facts += store.replace_facts(row["id"], facts, EXTRACTOR_VERSION)
            n_articles += 1
            if n_articles % 200 == 0:
                print(f"  {n_articles} articles, {n_facts} facts", file=sys.stderr)
    except BaseException as exc:   # Ctrl-C or an extractor bug: what is stored stays consistent
        stopped = isinstance(exc, KeyboardInterrupt)
        store.finish_run(run_id, {"facts": n_facts, "errors": int(not stopped),
                                  "error_log": None if stopped else repr(exc)},
                         status="stopped: interrupted" if stopped else "failed", summaries=False)
        raise
    store.finish_run(run_id, {"facts": n_facts})   # rebuilds the summaries (one transaction)
    print(f"re-extracted {n_articles} articles: {n_facts} facts (extractor {EXTRACTOR_VERSION})")
    return 0
