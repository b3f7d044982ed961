"""SQLite storage (sqlite-utils): sources, articles, skipped pages, facts, crawl runs.

    >>> from ocop_crawler.storage import Store
    >>> store = Store("ocop.db")          # creates the schema if needed
    >>> run = store.start_run(sites=["baohatinh"])
    >>> aid = store.add_article({...})     # None when the URL is already stored
    >>> store.replace_facts(aid, facts, "1.0")
    >>> store.finish_run(run, {...})
    >>> with store.transaction():         # several writes that stand or fall together
    ...     aid = store.add_article({...}); store.replace_facts(aid, facts, "1.0")

Every fact row links to its article (``article_id``) and keeps its evidence
sentence with character offsets into ``articles.body``, its ``segment`` (null when
it counts all of the area's OCOP products/subjects, else the subset's label) and
``why`` (the extractor's reasons). Opening a database made before those
columns existed adds them (``migrate_facts``).

Atomicity: ``transaction()`` is one SQLite transaction (``BEGIN IMMEDIATE``, a
savepoint when nested); the store pipeline writes each article (row, facts,
duplicate links, skipped-row cleanup, FTS via triggers) in one, ``replace_facts``
and ``mark_duplicate`` are one each, ``views.refresh`` rebuilds every summary
table in one. Under WAL a reader (Datasette) sees the state before or after a
transaction, never half of it, and a killed process leaves no half-written
article. Each run (``ocop crawl``, ``ocop reextract``) records its process in
``crawl_runs`` (``pid``, ``host``); a run left ``running`` whose process is gone
is marked ``interrupted`` when the next run starts (``mark_interrupted``).

Fact ids are stable: ``fact_key`` is a hash of the article's content hash, the
evidence offsets and what the fact says (``FACT_KEY_FIELDS``); ``replace_facts``
gives a fact the id of the stored fact with the same key (``ocop reextract`` keeps
the ids of unchanged facts), a new id otherwise, and records every id it drops in
``superseded_facts`` (old_id -> new_id or null, with a note). Ids are never reused.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import socket
from datetime import datetime, timezone

import sqlite_utils

from .faults import pause_point

FACT_FIELDS = (
    "level", "province", "province_2025", "district", "metric", "unit", "kind",
    "increment", "value", "comparator", "stars_min", "stars_max", "year", "segment", "evidence",
    "why",
)
# Columns added to ``facts`` after its first layout: (name, type). A database made by an
# older version gains them when a Store opens it (its old facts keep null there).
ADDED_FACT_COLUMNS = (("segment", str), ("why", str), ("fact_key", str))
# What identifies a fact besides its article's content and its evidence offsets: a fact
# whose key changes is a different fact (new id, the old one superseded).
FACT_KEY_FIELDS = ("level", "province", "district", "metric", "unit", "kind", "increment",
                   "value", "comparator", "stars_min", "stars_max", "year", "segment")
# The columns every facts table this project ever made has: a table without them is
# not ours and is never altered.
_OWN_FACT_COLUMNS = {"id", "article_id", "level", "province", "metric", "unit", "kind", "value",
                     "stars_min", "stars_max", "evidence", "extractor_version"}


def migrate_facts(db) -> list[str]:
    """Add the columns of ``ADDED_FACT_COLUMNS`` missing from this project's ``facts`` table.

    Returns the names added. A database without a ``facts`` table, or whose ``facts``
    table lacks this project's columns (another program's file), is left untouched.
    """
    if "facts" not in db.table_names():
        return []
    have = set(db["facts"].columns_dict)
    if not _OWN_FACT_COLUMNS <= have:
        return []
    added = []
    for name, col_type in ADDED_FACT_COLUMNS:
        if name not in have:
            db["facts"].add_column(name, col_type)
            added.append(name)
    if "fact_key" in added and "articles" in db.table_names():
        _fill_fact_keys(db)
    return added


BUSY_TIMEOUT_MS = 120_000
# Columns added to ``crawl_runs`` after its first layout (a run's command and process).
ADDED_RUN_COLUMNS = (("command", str), ("pid", int), ("host", str))


@contextlib.contextmanager
def transaction(db):
    """One SQLite transaction around the block: committed at its end, rolled back on error.

    ``BEGIN IMMEDIATE`` takes the write lock at once (so a concurrent writer waits
    for the busy timeout instead of failing halfway); inside an open transaction the
    block is a savepoint of it. sqlite-utils (>= 4) runs its own writes as savepoints
    inside an open transaction, so they join this one.
    """
    conn = db.conn
    if conn.in_transaction:
        name = f"ocop_{secrets.token_hex(8)}"
        conn.execute(f"savepoint {name}")
        try:
            yield db
        except BaseException:
            if conn.in_transaction:
                conn.execute(f"rollback to savepoint {name}")
                conn.execute(f"release savepoint {name}")
            raise
        conn.execute(f"release savepoint {name}")
        return
    conn.execute("begin immediate")
    try:
        yield db
        conn.execute("commit")
    except BaseException:
        if conn.in_transaction:
            conn.execute("rollback")
        raise


def _process_start(pid: int) -> float | None:
    """When process ``pid`` started (epoch seconds; Linux /proc), None if unknown or gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        if fields[0] == "Z":            # a zombie: it has ended
            return None
        with open("/proc/stat", encoding="ascii") as fh:
            btime = next(int(line.split()[1]) for line in fh if line.startswith("btime"))
        return btime + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError, StopIteration):
        return None


def process_alive(pid: int | None, host: str | None, started_at: str | None) -> bool | None:
    """Is the process that started a run still running? None when this machine cannot tell."""
    if not pid or host != socket.gethostname():
        return None
    if pid == os.getpid():
        return False                     # this process starts a new run: the old one ended
    if os.path.isdir("/proc/self"):
        began = _process_start(pid)
        if began is None:
            return False
        try:
            run_start = datetime.fromisoformat(started_at).timestamp() if started_at else None
        except ValueError:
            run_start = None
        # a process that began after the run did is another one that got the same pid
        return run_start is None or began <= run_start + 2
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _key_part(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    return str(value)


def fact_key(article_hash: str | None, fact: dict) -> str:
    """The content-derived key of a stored fact row (``FACT_KEY_FIELDS``, offsets, article).

    ``fact`` holds the columns as stored (value a float, increment 0/1); the
    evidence text counts only when the offsets are unknown.
    """
    value = fact.get("value")
    parts = [article_hash or "", _key_part(fact.get("sent_start")), _key_part(fact.get("sent_end"))]
    for name in FACT_KEY_FIELDS:
        v = fact.get(name)
        if name == "value" and v is not None:
            v = float(value)
        parts.append(_key_part(v))
    if fact.get("sent_start") is None:
        parts.append(fact.get("evidence") or "")
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _fill_fact_keys(db) -> None:
    """Compute ``fact_key`` of facts stored before the column existed."""
    cols = ("id", "article_id", "sent_start", "sent_end", "evidence") + FACT_KEY_FIELDS
    rows = db.execute(
        f"select a.content_hash, a.body, {', '.join('f.' + c for c in cols)} from facts f "
        "left join articles a on a.id = f.article_id order by f.id").fetchall()
    keys = []
    seen: dict = {}
    for row in rows:
        fact = dict(zip(cols, row[2:]))
        article_hash = row[0] or content_hash(row[1])
        key = _dedup_key((fact["article_id"], fact_key(article_hash, fact)), seen)
        keys.append((key, fact["id"]))
    db.conn.executemany("update facts set fact_key = ? where id = ?", keys)


def _dedup_key(scoped_key: tuple, seen: dict) -> str:
    """The second, third... fact with one key in an article: ``key#2``, ``key#3``."""
    n = seen.get(scoped_key, 0) + 1
    seen[scoped_key] = n
    key = scoped_key[1]
    return key if n == 1 else f"{key}#{n}"


def _num(value) -> str:
    return "?" if value is None else (str(int(value)) if float(value).is_integer() else str(value))


def utcnow() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def content_hash(text: str) -> str:
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()


class Store:
    def __init__(self, path, *, create: bool = True):
        self.path = str(path)
        self.db = sqlite_utils.Database(self.path)
        self.db.conn.execute("PRAGMA foreign_keys = ON")
        # a writer waits for another's transaction (a summary rebuild at a million facts
        # takes ~20 s) rather than failing after sqlite3's default 5 s
        self.db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if create:
            self.ensure_schema()

    # -- schema -----------------------------------------------------------
    def ensure_schema(self) -> None:
        db = self.db
        if db.journal_mode != "wal":
            db.enable_wal()
        db["sources"].create({
            "id": str, "title": str, "province": str, "province_2025": str, "kind": str,
            "base_url": str, "entry_points": str, "verified": int, "successor": str,
        }, pk="id", if_not_exists=True)
        db["crawl_runs"].create({
            "id": int, "started_at": str, "finished_at": str, "status": str, "sites": str,
            "args": str, "requests": int, "pages_fetched": int, "articles_kept": int,
            "articles_skipped": int, "duplicates": int, "facts": int, "errors": int,
            "error_log": str, "command": str, "pid": int, "host": str,
        }, pk="id", if_not_exists=True)
        have = set(db["crawl_runs"].columns_dict)
        for name, col_type in ADDED_RUN_COLUMNS:   # a file made before runs kept their process
            if name not in have:
                db["crawl_runs"].add_column(name, col_type)
        db["crawl_run_sites"].create({
            "run_id": int, "source_id": str, "pages_fetched": int, "articles_kept": int,
            "articles_skipped": int, "facts": int, "errors": int, "no_body": int,
            "no_date": int, "drift": str,
        }, pk=("run_id", "source_id"), if_not_exists=True,
            foreign_keys=[("run_id", "crawl_runs", "id"), ("source_id", "sources", "id")])
        db["articles"].create({
            "id": int, "source_id": str, "url": str, "title": str, "published": str,
            "author": str, "body": str, "fetched_at": str, "content_hash": str,
            "fingerprint": str, "duplicate_of": int, "run_id": int, "extractor_version": str,
        }, pk="id", if_not_exists=True,
            foreign_keys=[("source_id", "sources", "id"), ("duplicate_of", "articles", "id"),
                          ("run_id", "crawl_runs", "id")])
        db["skipped"].create({
            "url": str, "source_id": str, "title": str, "reason": str, "fetched_at": str,
            "run_id": int,
        }, pk="url", if_not_exists=True,
            foreign_keys=[("source_id", "sources", "id"), ("run_id", "crawl_runs", "id")])
        db["crawl_state"].create({
            "source_id": str, "feeds": str, "sitemaps": str, "robots_txt": str,
            "robots_fetched_at": str, "full_crawl_at": str, "last_crawl_at": str,
            "entry_cache": str,
        }, pk="source_id", if_not_exists=True, foreign_keys=[("source_id", "sources", "id")])
        db["facts"].create({
            "id": int, "article_id": int, "level": str, "province": str, "province_2025": str,
            "district": str, "metric": str, "unit": str, "kind": str, "increment": int,
            "value": float, "comparator": str, "stars_min": int, "stars_max": int,
            "year": int, "segment": str, "evidence": str, "sent_start": int, "sent_end": int,
            "extractor_version": str, "why": str, "fact_key": str,
        }, pk="id", if_not_exists=True, foreign_keys=[("article_id", "articles", "id")])
        migrate_facts(db)  # fact_key of a file made before it existed (needed below)
        db["superseded_facts"].create({
            "old_id": int, "new_id": int, "article_id": int, "fact_key": str, "value": float,
            "evidence": str, "superseded_at": str, "extractor_version": str, "note": str,
        }, pk="old_id", if_not_exists=True)
        for table, cols, unique in [
            ("articles", ["url"], True), ("articles", ["source_id"], False),
            ("articles", ["published"], False), ("articles", ["content_hash"], False),
            ("articles", ["fingerprint"], False),
            ("facts", ["article_id"], False), ("facts", ["province", "year"], False),
            ("facts", ["province_2025", "year"], False), ("facts", ["metric", "kind"], False),
            ("facts", ["year"], False), ("skipped", ["source_id"], False),
            ("facts", ["fact_key"], False), ("superseded_facts", ["article_id"], False),
        ]:
            db[table].create_index(cols, unique=unique, if_not_exists=True)
        from . import views  # FTS, views and summary tables for Datasette
        views.ensure(db)

    # -- sources ----------------------------------------------------------
    def upsert_source(self, site) -> None:
        try:
            from nlp.areas import province_2025  # late import: nlp is heavy-ish
        except ImportError:  # the gazetteer module is optional for storing a source
            def province_2025(name):
                return None
        self.db["sources"].upsert({
            "id": site.name, "title": site.title, "province": site.province,
            "province_2025": province_2025(site.province) if site.province else None,
            "kind": site.kind, "base_url": site.base_url,
            "entry_points": json.dumps(site.entry_points(), ensure_ascii=False),
            "verified": int(bool(site.verified)), "successor": site.successor,
        }, pk="id")

    # -- per-site crawl state (incremental re-crawls) ------------------------
    def site_state(self, source_id: str) -> dict:
        """What earlier runs learnt about a site: feeds/sitemaps found, robots.txt, dates."""
        row = self.db.execute("select * from crawl_state where source_id = ?", [source_id]).fetchone()
        if not row:
            return {}
        cols = [c.name for c in self.db["crawl_state"].columns]
        out = dict(zip(cols, row))
        for key in ("feeds", "sitemaps"):
            out[key] = json.loads(out[key]) if out.get(key) else []
        out["entry_cache"] = json.loads(out["entry_cache"]) if out.get("entry_cache") else {}
        return out

    def save_site_state(self, source_id: str, **fields) -> None:
        for key in ("feeds", "sitemaps"):
            if key in fields and not isinstance(fields[key], str):
                fields[key] = json.dumps(sorted(fields[key]), ensure_ascii=False)
        if "entry_cache" in fields and not isinstance(fields["entry_cache"], str):
            fields["entry_cache"] = json.dumps(fields["entry_cache"], ensure_ascii=False, sort_keys=True)
        self.db["crawl_state"].upsert(dict(fields, source_id=source_id), pk="source_id", alter=True)

    # -- crawl runs -------------------------------------------------------
    def transaction(self):
        """One transaction around a block of writes (see ``transaction``)."""
        return transaction(self.db)

    def start_run(self, sites=(), args=None, command: str = "crawl") -> int:
        """Record a new run (after marking the runs whose process was killed ``interrupted``)."""
        self.mark_interrupted()
        return self.db["crawl_runs"].insert({
            "started_at": utcnow(), "status": "running", "sites": json.dumps(list(sites)),
            "args": json.dumps(args or {}, ensure_ascii=False, default=str),
            "command": command, "pid": os.getpid(), "host": socket.gethostname(),
        }).last_pk

    def mark_interrupted(self) -> list[int]:
        """Mark ``interrupted`` every run left ``running`` whose process is gone; their ids.

        A run whose process cannot be checked from here (another machine, or a row
        written before runs recorded their process) is left as it is.
        """
        gone = [r["id"] for r in self.db.query(
            "select id, pid, host, started_at from crawl_runs where status = 'running'")
            if process_alive(r["pid"], r["host"], r["started_at"]) is False]
        if gone:
            with self.transaction():
                for run_id in gone:
                    self.db.execute("update crawl_runs set status = 'interrupted' "
                                    "where id = ?", [run_id])
        return gone

    def finish_run(self, run_id: int, counts: dict, status: str = "finished",
                   summaries: bool = True) -> None:
        """Close a run: rebuild the summary tables (one transaction), then record its counts.

        A run killed during the refresh stays ``running`` (and becomes ``interrupted``).
        """
        if summaries:
            from . import views
            views.refresh(self.db)
        row = {k: v for k, v in counts.items() if k in self.db["crawl_runs"].columns_dict}
        row.update(finished_at=utcnow(), status=status)
        self.db["crawl_runs"].update(run_id, row)

    def record_run_site(self, run_id: int, source_id: str, counts: dict) -> None:
        self.db["crawl_run_sites"].upsert(dict(counts, run_id=run_id, source_id=source_id),
                                          pk=("run_id", "source_id"))

    # -- articles ---------------------------------------------------------
    def seen_urls(self) -> set[str]:
        """Every URL already stored (kept or skipped): not fetched again without --refresh."""
        kept = (r[0] for r in self.db.execute("select url from articles"))
        skipped = (r[0] for r in self.db.execute("select url from skipped"))
        return set(kept) | set(skipped)

    def article_id(self, url: str) -> int | None:
        row = self.db.execute("select id from articles where url = ?", [url]).fetchone()
        return row[0] if row else None

    def add_article(self, item: dict, run_id: int | None = None) -> int | None:
        """Insert an article; returns its id, or None if its URL is already stored.

        ``item`` keys: source_id, url (canonical), title, published, author, body,
        fetched_at, optional fingerprint/duplicate_of.
        """
        if self.article_id(item["url"]) is not None:
            return None
        row = {k: item.get(k) for k in ("source_id", "url", "title", "published", "author",
                                        "body", "fetched_at", "fingerprint", "duplicate_of")}
        row["content_hash"] = content_hash(item.get("body", ""))
        row["fetched_at"] = row["fetched_at"] or utcnow()
        row["run_id"] = run_id
        return self.db["articles"].insert(row).last_pk

    def originals(self) -> list[dict]:
        """Stored articles that are not copies: id, source_id, published, fingerprint."""
        return list(self.db.query(
            "select id, source_id, published, fingerprint from articles "
            "where duplicate_of is null and fingerprint is not null"))

    def mark_duplicate(self, article_id: int, original_id: int) -> None:
        """Make a stored article a copy of another: link it and drop its facts."""
        with self.transaction():
            self._assign_ids(article_id, [], None, note=f"article {article_id} became a copy of "
                             f"article {original_id}, whose facts count instead")
            self.db.execute("update articles set duplicate_of = ? where id = ?",
                            [original_id, article_id])
            self.db.execute("update articles set duplicate_of = ? where duplicate_of = ?",
                            [original_id, article_id])

    def update_article(self, article_id: int, item: dict) -> None:
        """Refresh a stored article (``--refresh``): body, title, dates, hash."""
        row = {k: item[k] for k in ("title", "published", "author", "body", "fetched_at",
                                    "fingerprint", "duplicate_of") if k in item}
        if "body" in row:
            row["content_hash"] = content_hash(row["body"])
        self.db["articles"].update(article_id, row)

    def add_skipped(self, url: str, source_id: str, reason: str, title: str | None = None,
                    run_id: int | None = None) -> None:
        self.db["skipped"].upsert({"url": url, "source_id": source_id, "title": title,
                                   "reason": reason, "fetched_at": utcnow(), "run_id": run_id},
                                  pk="url")

    # -- facts ------------------------------------------------------------
    def replace_facts(self, article_id: int, facts: list[dict], version: str) -> int:
        """Replace an article's facts in one transaction; returns the number stored.

        A fact whose ``fact_key`` (article content, evidence offsets, what it says)
        matches a stored fact of the article keeps that fact's id; so does one that
        matches a fact this article superseded earlier (a rule change reverted).
        Every other fact gets a new id, never used before. Each stored id that
        disappears goes to ``superseded_facts``, pointing at the new fact read from
        the same sentence, if any.
        """
        rows = []
        for f in facts:
            row = {k: f.get(k) for k in FACT_FIELDS}
            row["increment"] = None if f.get("increment") is None else int(bool(f["increment"]))
            row["segment"] = f.get("segment") or None  # null: the area's whole count
            row["why"] = f.get("why") or None
            row["value"] = None if f.get("value") is None else float(f["value"])
            row.update(article_id=article_id, sent_start=f.get("sent_start"),
                       sent_end=f.get("sent_end"), extractor_version=version)
            rows.append(row)
        with self.transaction():
            self._assign_ids(article_id, rows, version)
            if rows:
                pause_point("facts")   # tests kill here: the article has no facts until commit
                self.db["facts"].insert_all(rows)
            self.db.execute("update articles set extractor_version = ? where id = ?",
                            [version, article_id])
        return len(rows)

    def _assign_ids(self, article_id: int, rows: list[dict], version: str | None,
                    note: str | None = None) -> None:
        """Give ``rows`` their ids and keys; delete the article's stored facts, recording
        the ids that are not kept in ``superseded_facts`` (inside the caller's transaction)."""
        got = self.db.execute("select content_hash from articles where id = ?",
                              [article_id]).fetchone()
        article_hash = got[0] if got and got[0] else content_hash(self.db.execute(
            "select body from articles where id = ?", [article_id]).fetchone()[0] if got else "")
        seen: dict = {}
        for row in rows:
            row["fact_key"] = _dedup_key((article_id, fact_key(article_hash, row)), seen)
        cols = ("id", "fact_key", "sent_start", "sent_end", "value", "metric", "evidence")
        stored = [dict(zip(cols, r)) for r in self.db.execute(
            f"select {', '.join(cols)} from facts where article_id = ? order by id", [article_id])]
        by_key = {f["fact_key"]: f["id"] for f in stored if f["fact_key"]}
        revived = {k: i for k, i in self.db.execute(
            "select fact_key, old_id from superseded_facts where article_id = ? "
            "and fact_key is not null order by superseded_at, old_id", [article_id])}
        next_id = self._next_fact_id()
        for row in rows:
            old = by_key.pop(row["fact_key"], None)
            if old is None:
                old = revived.pop(row["fact_key"], None)
                if old is not None:
                    self.db.execute("delete from superseded_facts where old_id = ?", [old])
            if old is None:
                old, next_id = next_id, next_id + 1
            row["id"] = old
        kept = {row["id"] for row in rows}
        gone = [f for f in stored if f["id"] not in kept]
        now = utcnow()
        taken: set = set()
        superseded = []
        for f in gone:
            new = self._successor(f, rows, kept_old={x["id"] for x in stored}, taken=taken)
            if new is not None:
                taken.add(new["id"])
                why = (f"read again as fact {new['id']} (value {_num(f['value'])} → "
                       f"{_num(new['value'])})" if new["value"] != f["value"]
                       else f"read again as fact {new['id']} with other attributes")
            else:
                why = "no longer read from this article"
            superseded.append({
                "old_id": f["id"], "new_id": new["id"] if new else None, "article_id": article_id,
                "fact_key": f["fact_key"], "value": f["value"], "evidence": f["evidence"],
                "superseded_at": now, "extractor_version": version, "note": note or why})
        self._delete_facts(article_id)
        if superseded:  # a chain (1 -> 7, later 7 -> 12) is followed by whoever reads it
            cols = list(superseded[0])
            self.db.conn.executemany(
                f"insert or replace into superseded_facts ({', '.join(cols)}) "
                f"values ({', '.join('?' * len(cols))})", [list(r.values()) for r in superseded])

    @staticmethod
    def _successor(old: dict, rows: list[dict], kept_old: set, taken: set):
        """The new fact read from the same sentence as ``old`` (same value first), or None.

        The same sentence: the same offsets, or the same text (moved in a refreshed article).
        """
        same_span = [r for r in rows if r["id"] not in kept_old and r["id"] not in taken
                     and ((old["sent_start"] is not None and r.get("sent_start") == old["sent_start"]
                           and r.get("sent_end") == old["sent_end"])
                          or (old["evidence"] and r.get("evidence") == old["evidence"]))]
        for pick in ([r for r in same_span if r["value"] == old["value"]],
                     [r for r in same_span if r["metric"] == old["metric"]], same_span):
            if pick:
                return pick[0]
        return None

    def _next_fact_id(self) -> int:
        """One more than any fact id stored or superseded: a dropped id is never reused."""
        return 1 + max(self.db.execute("select coalesce(max(id), 0) from facts").fetchone()[0],
                       self.db.execute("select coalesce(max(old_id), 0) from superseded_facts")
                       .fetchone()[0])

    def _delete_facts(self, article_id: int) -> None:
        """Delete an article's facts and the derived rows (summaries) that point at them."""
        for table, column in self._fact_dependents():
            self.db.execute(f"delete from [{table}] where [{column}] in "
                            "(select id from facts where article_id = ?)", [article_id])
        self.db.execute("delete from facts where article_id = ?", [article_id])

    def _fact_dependents(self) -> list[tuple[str, str]]:
        """(table, column) of every table whose foreign key points at ``facts``."""
        if not hasattr(self, "_deps"):
            self._deps = [(t, fk.column) for t in self.db.table_names() if t != "facts"
                          for fk in self.db[t].foreign_keys if fk.other_table == "facts"]
        return self._deps

    def articles(self):
        """Every stored article with its source's home province, for re-extraction."""
        yield from self.db.query(
            "select a.id, a.title, a.body, a.url, a.published, a.duplicate_of, s.province as home_province "
            "from articles a left join sources s on s.id = a.source_id order by a.id")

    def counts(self) -> dict:
        return {t: self.db[t].count for t in ("sources", "articles", "skipped", "facts", "crawl_runs")}
