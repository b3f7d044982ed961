"""Shared fixtures: the running sample site and a database built by one real crawl.

- ``sample_sites``: the bundled sample newspapers on loopback (session-wide);
  ``.urls`` maps outlet name -> base URL, ``.requests`` lists (site, path) served.
- ``first_crawl``: one real crawl of every sample outlet (``run_crawl`` in a
  subprocess, as ``ocop crawl`` runs it) -> dict(db, requests, stdout, stderr, status).
- ``crawled_db``: the path of that database (used by the Datasette tests too:
  treat it as read-only; copy it with ``copy_db`` before crawling into it again).
- ``crawl_in_subprocess(...)``: run another crawl the same way.
"""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

_CRAWL = ("import json, sys\n"
          "from ocop_crawler.crawl import run_crawl\n"
          "a = json.loads(sys.argv[1])\n"
          "sys.exit(run_crawl(a.pop('db'), **a))\n")


def rows(db, sql, params=()) -> list[dict]:
    """The rows of a query on the SQLite file ``db``, as dicts (the connection is closed after)."""
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in con.execute(sql, params)]
    finally:
        con.close()


def query(db, sql, params=()) -> list[tuple]:
    """The rows of a query on the SQLite file ``db``, as tuples."""
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def crawl_in_subprocess(db, urls: dict, *, sites=None, timeout=180, wait=True, **kwargs):
    """Crawl sample outlets (default: all of ``urls``) into ``db`` in a fresh process.

    ``kwargs`` go to ``run_crawl`` (since, refresh, resume, jobdir, max_pages, ...).
    Returns the CompletedProcess, or the Popen when ``wait=False``.
    """
    args = dict(db=str(db), sites=list(sites or sorted(urls)), base_urls=dict(urls),
                progress_interval=kwargs.pop("progress_interval", 0.5), **kwargs)
    args.setdefault("jobdir", str(Path(db).with_suffix(".job")))
    cmd = [sys.executable, "-c", _CRAWL, json.dumps(args)]
    if not wait:
        return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def copy_db(src, dst) -> Path:
    """A consistent copy of an SQLite database (WAL included), via the backup API."""
    dst = Path(dst)
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()
    return dst


@pytest.fixture(scope="session")
def sample_sites():
    from ocop_crawler import samplesite
    with samplesite.start() as sites:
        yield sites


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The database of the real ``ocop demo --no-serve`` (sample site on loopback), built once
    for the session; a test that writes to it or serves it works on a ``copy_db`` of it."""
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    proc = subprocess.run([str(Path(sys.executable).with_name("ocop")), "demo", "--no-serve", "--db", str(db)],
                          capture_output=True, text=True, timeout=300, cwd=db.parent)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return db


@pytest.fixture(scope="session")
def first_crawl(sample_sites, tmp_path_factory):
    db = tmp_path_factory.mktemp("crawl") / "ocop.db"
    before = len(sample_sites.requests)
    proc = crawl_in_subprocess(db, sample_sites.urls)
    requests = list(sample_sites.requests[before:])
    if proc.returncode not in (0, 1) or not db.exists():
        raise RuntimeError(f"sample crawl failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return {"db": db, "requests": requests, "stdout": proc.stdout, "stderr": proc.stderr,
            "status": proc.returncode}


@pytest.fixture(scope="session")
def crawled_db(first_crawl) -> Path:
    """Path of a database built by one real crawl of all sample outlets."""
    return first_crawl["db"]
