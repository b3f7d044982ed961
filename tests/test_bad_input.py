"""Bad input to every command: one clear line on stderr, a non-zero exit, nothing changed.

Each case runs the real ``ocop`` command (a subprocess) in a directory of its own
and compares every file there, byte for byte, before and after. Crawls only ever
name the bundled sample outlets (127.0.0.1) and must stop before any request.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OCOP = [sys.executable, "-c", "from ocop_crawler.cli import main; main()"]
SAMPLE = ["--site", "sample-hatinh"]       # a loopback outlet: never the real press


# -- fixtures: good, foreign, corrupt, truncated and page-corrupted databases ------------
def _make_ocop_db(path: Path) -> Path:
    """A small real ocop database (the project's Store, real facts), in rollback-journal mode."""
    from nlp.extract import extract_facts
    from ocop_crawler.sites import all_sites
    from ocop_crawler.storage import Store
    store = Store(path)
    site = next(s for s in all_sites(include_samples=True) if s.name == "sample-hatinh")
    store.upsert_source(site)
    for i in range(40):
        body = (f"Năm 2024, huyện Can Lộc có {10 + i} sản phẩm OCOP đạt 3 sao trở lên. "
                + "Các chủ thể tiếp tục nâng cao chất lượng sản phẩm. " * 40)
        aid = store.add_article({"source_id": site.name, "url": f"http://127.0.0.1:8101/bai-{i}.html",
                                 "title": f"Bài {i}", "published": "2024-05-01", "body": body})
        store.replace_facts(aid, extract_facts(body, home_province="Hà Tĩnh"), "test")
    store.db.conn.execute("pragma journal_mode = delete")
    store.db.conn.close()
    return path


@pytest.fixture(scope="module")
def dbs(tmp_path_factory):
    """name -> path of one database file of each kind (copied into each case's directory)."""
    d = tmp_path_factory.mktemp("dbs")
    good = _make_ocop_db(d / "good.db")
    foreign = d / "foreign.db"
    with sqlite3.connect(foreign) as c:
        c.execute("create table notes (id integer primary key, text text)")
        c.executemany("insert into notes (text) values (?)", [(f"note {i}" * 50,) for i in range(200)])
    c.close()
    corrupt = d / "corrupt.db"
    corrupt.write_bytes(random.Random(1).randbytes(20000))
    fake_header = d / "fakeheader.db"     # right magic, garbage after
    fake_header.write_bytes(b"SQLite format 3\x00" + random.Random(2).randbytes(8000))
    data = good.read_bytes()
    truncated = d / "truncated.db"
    truncated.write_bytes(data[: len(data) // 2])
    page = int.from_bytes(data[16:18], "big")
    pages = len(data) // page
    broken = bytearray(data)
    for n in range(pages // 3, pages // 3 + 3):          # three b-tree pages in the middle
        broken[n * page:(n + 1) * page] = random.Random(n).randbytes(page)
    page_corrupt = d / "pagecorrupt.db"
    page_corrupt.write_bytes(bytes(broken))
    return {"good": good, "foreign": foreign, "corrupt": corrupt, "fakeheader": fake_header,
            "truncated": truncated, "pagecorrupt": page_corrupt}


def snapshot(root: Path) -> dict:
    """Every file under ``root``: relative path -> bytes (directories: None)."""
    out = {}
    for p in sorted(root.rglob("*")):
        out[str(p.relative_to(root))] = None if p.is_dir() else p.read_bytes()
    return out


# root reads every file: without the capabilities that let it, root is refused as anyone is
NO_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


def run_ocop(args, cwd, *, unprivileged=False, timeout=120):
    env = dict(os.environ, http_proxy="http://127.0.0.1:9", https_proxy="http://127.0.0.1:9",
               PYTHONPATH=str(ROOT))       # a stray request would go to a closed loopback port
    env.pop("OCOP_DEBUG", None)
    prefix = NO_OVERRIDE if unprivileged and os.geteuid() == 0 else []
    return subprocess.run(prefix + OCOP + list(args), cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env=env)


def assert_one_line_error(proc, *words, status=None):
    err = proc.stderr.strip()
    assert proc.returncode != 0, f"exit 0 for bad input; stdout={proc.stdout!r} stderr={err!r}"
    if status is not None:
        assert proc.returncode == status, (proc.returncode, err)
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, proc.stderr
    assert err and len(err.splitlines()) == 1, f"expected one line on stderr, got:\n{proc.stderr}"
    assert err.startswith("ocop"), err
    for w in words:
        assert w.lower() in err.lower(), (w, err)
    return err


def check_case(tmp_path, args, *words, setup=None, status=2):
    """Run ``ocop ARGS`` in ``tmp_path`` and assert the error line and that nothing changed."""
    if setup:
        setup(tmp_path)
    before = snapshot(tmp_path)
    proc = run_ocop(args, tmp_path)
    line = assert_one_line_error(proc, *words, status=status)
    assert snapshot(tmp_path) == before, f"files changed by {args}: {line}"
    return line


# -- missing paths, directories ----------------------------------------------------------
MISSING = [
    (["extract", "missing.txt"], ["does not exist"]),
    (["extract", "missing.jsonl", "-o", "out.jsonl"], ["does not exist"]),
    (["reextract", "--db", "missing.db"], ["no database", "missing.db"]),
    (["serve", "--db", "missing.db"], ["no database"]),
    (["publish", "--db", "missing.db", "--out", "pub"], ["no database"]),
    (["crawl", "--db", "nodir/ocop.db", *SAMPLE], ["nodir", "does not exist"]),
    (["demo", "--db", "nodir/ocop.db", "--no-serve"], ["nodir", "does not exist"]),
]


@pytest.mark.parametrize("args,words", MISSING, ids=[" ".join(a) for a, _ in MISSING])
def test_missing_paths(tmp_path, args, words):
    check_case(tmp_path, args, *words)


DIRECTORY = [
    (["extract", "adir"], ["directory"]),
    (["extract", "one.txt", "-o", "adir"], ["directory"]),
    (["reextract", "--db", "adir"], ["directory"]),
    (["serve", "--db", "adir"], ["directory"]),
    (["publish", "--db", "adir"], ["directory"]),
    (["crawl", "--db", "adir", *SAMPLE], ["directory"]),
    (["demo", "--db", "adir", "--no-serve"], ["directory"]),
    (["publish", "--db", "good.db", "--out", "one.txt"], ["is a file"]),
    (["crawl", "--db", "new.db", "--jobdir", "one.txt", *SAMPLE], ["jobdir", "is a file"]),
]


def _dir_setup(root: Path, dbs=None):
    (root / "adir").mkdir()
    (root / "adir" / "inside.txt").write_text("x", "utf-8")
    (root / "one.txt").write_text("Hà Tĩnh có 287 sản phẩm OCOP.", "utf-8")
    if dbs:
        shutil.copy(dbs["good"], root / "good.db")


@pytest.mark.parametrize("args,words", DIRECTORY, ids=[" ".join(a) for a, _ in DIRECTORY])
def test_directory_paths(tmp_path, dbs, args, words):
    check_case(tmp_path, args, *words, setup=lambda r: _dir_setup(r, dbs))


# -- unreadable files (run as an unprivileged user when the tests run as root) ----------
UNREADABLE = [
    (["extract", "secret.txt"], ["secret.txt"]),
    (["extract", "secret.jsonl"], ["secret.jsonl"]),
    (["reextract", "--db", "secret.db"], ["read", "secret.db"]),
    (["serve", "--db", "secret.db"], ["read"]),
    (["publish", "--db", "secret.db", "--out", "pub"], ["read"]),
    (["crawl", "--db", "secret.db", *SAMPLE], ["read"]),
]


@pytest.mark.parametrize("args,words", UNREADABLE, ids=[" ".join(a) for a, _ in UNREADABLE])
def test_unreadable_paths(tmp_path, dbs, args, words):
    if os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv (util-linux): every file is readable")
    root = tmp_path
    try:
        for name in ("secret.txt", "secret.jsonl"):
            (root / name).write_text('{"id": "a", "text": "Hà Tĩnh có 287 sản phẩm OCOP."}\n', "utf-8")
        shutil.copy(dbs["good"], root / "secret.db")
        for name in ("secret.txt", "secret.jsonl", "secret.db"):
            (root / name).chmod(0)
        before = snapshot(root)
        proc = run_ocop(args, root, unprivileged=True)
        assert_one_line_error(proc, *words, status=2)
        assert snapshot(root) == before
    finally:
        for p in root.iterdir():
            p.chmod(0o644)


# -- databases that are not intact ocop databases -----------------------------------------
BAD_DBS = {
    "corrupt": ["not an sqlite database"],
    "fakeheader": ["ocop"],
    "truncated": ["truncated"],
    "pagecorrupt": ["damaged"],
    "foreign": ["not an ocop database", "untouched"],
}
DB_COMMANDS = {
    "crawl": ["crawl", "--db", "x.db", *SAMPLE],
    "crawl --refresh": ["crawl", "--db", "x.db", "--refresh", *SAMPLE],
    "reextract": ["reextract", "--db", "x.db"],
    "serve": ["serve", "--db", "x.db", "--port", "1"],
    "serve --immutable": ["serve", "--db", "x.db", "--immutable"],
    "publish": ["publish", "--db", "x.db", "--out", "pub"],
    "demo": ["demo", "--db", "x.db", "--no-serve"],
}


@pytest.mark.parametrize("kind", list(BAD_DBS))
@pytest.mark.parametrize("command", list(DB_COMMANDS))
def test_bad_database_never_altered(tmp_path, dbs, kind, command):
    shutil.copy(dbs[kind], tmp_path / "x.db")
    line = check_case(tmp_path, DB_COMMANDS[command], *BAD_DBS[kind])
    assert "x.db" in line
    assert not (tmp_path / "x.db-wal").exists() and not (tmp_path / "x.db-shm").exists()


def test_foreign_db_keeps_its_tables_and_journal_mode(tmp_path, dbs):
    """The issue's case: reextract on another program's SQLite file added 29 tables and WAL."""
    db = shutil.copy(dbs["foreign"], tmp_path / "other.db")
    proc = run_ocop(["reextract", "--db", "other.db"], tmp_path)
    assert_one_line_error(proc, "not an ocop database", status=2)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        assert [r[0] for r in c.execute("select name from sqlite_master")] == ["notes"]
        assert c.execute("pragma journal_mode").fetchone()[0] == "delete"
    c.close()


def test_reextract_api_leaves_a_foreign_db_alone(tmp_path, dbs):
    """The Python API checks the file as the command does (it once added 29 tables)."""
    from ocop_crawler import checks, extraction
    db = shutil.copy(dbs["foreign"], tmp_path / "other.db")
    before = Path(db).read_bytes()
    with pytest.raises(checks.InputError, match="not an ocop database"):
        extraction.reextract(str(db))
    assert Path(db).read_bytes() == before
    assert not Path(f"{db}-wal").exists()
    with pytest.raises(checks.InputError, match="no database"):
        extraction.reextract(str(tmp_path / "missing.db"))
    assert not (tmp_path / "missing.db").exists()


def test_good_database_still_accepted(tmp_path, dbs):
    """The checks let an intact database through (reextract works on it)."""
    shutil.copy(dbs["good"], tmp_path / "good.db")
    proc = run_ocop(["reextract", "--db", "good.db"], tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "re-extracted 40 articles" in proc.stdout


# -- extract: bad lines ------------------------------------------------------------------
def test_extract_bad_jsonl_lines(tmp_path):
    good1 = json.dumps({"id": "a", "text": "Hà Tĩnh hiện có 287 sản phẩm OCOP."}, ensure_ascii=False)
    good2 = json.dumps({"id": 7, "text": "Năm 2024, Thanh Hóa có 40 sản phẩm OCOP."}, ensure_ascii=False)
    lines = [
        good1.encode(),
        b'{"id": "u", "text": "H\xe0 T\xc4\xa9nh \xff\xfe c\xf3 5 s\xe1n ph\xe1\xba\xa9m"}',   # invalid UTF-8
        b'{"id": "t", "text": 5}',                   # wrong type
        b'{"id": ["x"], "text": "12 s\xe1\xba\xa3n ph\xe1\xba\xa9m"}',
        b'{"id": "p", "text": "5 s\xe1\xba\xa3n ph\xe1\xba\xa9m", "published": 2024}',
        b'{"id": "h", "html": {"body": 1}}',
        b'[1, 2, 3]',
        b'{"id": "n", "text": "x"',                 # truncated JSON
        b'',
        b'{"id": "e"}',
        b"[" * 100000,                             # nested too deeply
        good2.encode(),
    ]
    (tmp_path / "in.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    before = snapshot(tmp_path)
    proc = run_ocop(["extract", "in.jsonl"], tmp_path)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("in.jsonl:")]
    assert [e.split(":")[1] for e in errors] == ["2", "3", "4", "5", "6", "7", "8", "10", "11"], proc.stderr
    assert "invalid UTF-8" in errors[0] and "`text` must be a string" in errors[1]
    assert "`published` must be a string" in errors[3]
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", 7]                 # the rest still processed
    assert [f["value"] for f in rows[0]["facts"]] == [287]
    assert [f["value"] for f in rows[1]["facts"]] == [40]
    assert snapshot(tmp_path) == before


def test_extract_invalid_utf8_text_file(tmp_path):
    (tmp_path / "a.txt").write_bytes("Hà Tĩnh hiện có 287 sản phẩm OCOP.\n".encode() + b"\xff\xfe\n")
    proc = run_ocop(["extract", "a.txt"], tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "a.txt:2: invalid UTF-8" in proc.stderr
    assert [f["value"] for f in json.loads(proc.stdout)["facts"]] == [287]


def test_extract_output_into_missing_directory(tmp_path):
    check_case(tmp_path, ["extract", "one.txt", "-o", "nodir/facts.jsonl"], "nodir", "does not exist",
               setup=_dir_setup)


# -- ports -------------------------------------------------------------------------------
PORTS = [
    (["serve", "--db", "good.db", "--port", "0"], ["--port", "range"]),
    (["serve", "--db", "good.db", "--port", "70000"], ["--port", "range"]),
    (["serve", "--db", "good.db", "--port", "-5"], ["--port"]),
    (["serve", "--db", "good.db", "--port", "http"], ["--port"]),
    (["demo", "--db", "demo.db", "--port", "65536"], ["--port", "range"]),
]


@pytest.mark.parametrize("args,words", PORTS, ids=[" ".join(a) for a, _ in PORTS])
def test_ports_out_of_range(tmp_path, dbs, args, words):
    check_case(tmp_path, args, *words, setup=lambda r: shutil.copy(dbs["good"], r / "good.db"))


@pytest.mark.parametrize("command", ["serve", "demo"])
def test_port_in_use(tmp_path, dbs, command):
    shutil.copy(dbs["good"], tmp_path / "good.db")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        db = "good.db" if command == "serve" else "demo.db"
        line = check_case(tmp_path, [command, "--db", db, "--port", str(port)], "in use", str(port))
    assert not (tmp_path / "demo.db").exists(), line


# -- crawl options -----------------------------------------------------------------------
def _job_setup(content: bytes | None, as_dir=False):
    def setup(root: Path):
        job = root / "job"
        job.mkdir()
        (job / "requests.queue").mkdir()
        (job / "requests.queue" / "active.json").write_text("[]", "utf-8")
        if as_dir:
            (job / "ocop-run.json").mkdir()
        else:
            (job / "ocop-run.json").write_bytes(content)
    return setup


@pytest.mark.parametrize("content,as_dir", [
    (b'{"sites": ["sample-hatinh"], "since": nul', False),
    (b"\xff\xfe\x00garbage", False),
    (b'["sample-hatinh"]', False),
    (b'{"sites": "sample-hatinh"}', False),
    (None, True),
], ids=["truncated-json", "binary", "a-list", "sites-not-a-list", "a-directory"])
def test_corrupt_job_file(tmp_path, content, as_dir):
    check_case(tmp_path, ["crawl", "--db", "ocop.db", "--resume", "--jobdir", "job"], "job", "corrupt",
               setup=_job_setup(content, as_dir))
    assert not (tmp_path / "ocop.db").exists()


CRAWL_ARGS = [
    (["crawl", "--db", "ocop.db", "--max-pages", "-1", *SAMPLE], ["--max-pages"]),
    (["crawl", "--db", "ocop.db", "--max-pages", "ten", *SAMPLE], ["--max-pages"]),
    (["crawl", "--db", "ocop.db", "--since", "", *SAMPLE], ["--since", "YYYY-MM-DD"]),
    (["crawl", "--db", "ocop.db", "--since", "   ", *SAMPLE], ["--since"]),
    (["crawl", "--db", "ocop.db", "--since", "yesterday", *SAMPLE], ["--since"]),
    (["crawl", "--db", "ocop.db", "--since", "2024-13-01", *SAMPLE], ["--since"]),
    (["crawl", "--db", "ocop.db", "--log-level", "LOUD", *SAMPLE], ["--log-level"]),
    (["sites", "--kind", "weekly"], ["--kind"]),
    (["sites", "--province", "Atlantis"], ["atlantis"]),
    (["extract"], ["missing argument"]),
    (["nosuchcommand"], ["no such command"]),
]


@pytest.mark.parametrize("args,words", CRAWL_ARGS, ids=[" ".join(a) for a, _ in CRAWL_ARGS])
def test_bad_options(tmp_path, args, words):
    check_case(tmp_path, args, *words, setup=_job_setup(b'{"sites": ["sample-hatinh"]}'))
