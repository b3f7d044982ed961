"""Checks of the command line's input, made before a command changes anything.

    >>> from ocop_crawler.checks import InputError, open_existing_db, check_port
    >>> open_existing_db("ocop.db")      # Path, or InputError("ocop.db is not ...")
    >>> check_port(8001)                 # InputError when out of range or in use

Every check raises ``InputError`` with one line a person can act on; ``ocop``
prints it (prefixed with the command) on stderr and exits with status 2. A
database file is only ever *read* here: its header is read as bytes, then it is
opened read-only (``mode=ro``) to list its tables and run ``PRAGMA quick_check``,
so a corrupt, truncated or foreign file is left exactly as it was (no table
added, no switch to WAL).
"""
from __future__ import annotations

import json
import os
import socket
import sqlite3
from datetime import date
from pathlib import Path
from urllib.parse import quote

SQLITE_MAGIC = b"SQLite format 3\x00"
# The tables (and, for facts, the columns) every ocop database has: a file without
# them belongs to another program and is never opened for writing.
OCOP_TABLES = {"sources", "articles", "facts", "skipped", "crawl_runs"}
OCOP_FACT_COLUMNS = {"id", "article_id", "level", "province", "metric", "unit", "kind", "value",
                     "stars_min", "stars_max", "evidence"}


class InputError(Exception):
    """Bad input from the command line: the message is one line, the exit status 2."""


def _readable_file(path: Path, what: str) -> None:
    if not path.exists():
        raise InputError(f"no {what} at {path}")
    if path.is_dir():
        raise InputError(f"{path} is a directory, not a {what} file")
    try:
        with path.open("rb") as fh:
            fh.read(1)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None


def _sqlite_header(path: Path) -> None:
    """The file is an SQLite database of the size its header announces."""
    with path.open("rb") as fh:
        head = fh.read(100)
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        raise InputError(f"{path} is not an SQLite database")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    # the in-header size is valid when its change counter matches (SQLite >= 3.7.0 writers)
    if head[24:28] == head[92:96] and pages and path.stat().st_size < pages * page_size:
        raise InputError(f"{path} is truncated ({path.stat().st_size} bytes, "
                         f"its header says {pages * page_size})")


QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024   # quick_check reads every page: ~10 s at 1.3 GB


def open_existing_db(path, *, what: str = "database", quick_check: bool | None = True,
                     tables: set | None = None) -> Path:
    """Check that ``path`` is an intact ocop database, without writing to it.

    Raises ``InputError`` when the file is missing, a directory, unreadable, not
    SQLite, truncated, damaged (``PRAGMA quick_check``) or another program's
    database. ``quick_check=None`` (the read-only commands) runs the page check
    only on files up to ``QUICK_CHECK_MAX_BYTES``; commands that write always run
    it. ``tables``: the tables required (default ``OCOP_TABLES``; the demo, which
    rebuilds an old demo database, needs only ``sources``). Returns the path.
    """
    path, required = Path(path), tables
    _readable_file(path, what)
    _sqlite_header(path)
    # immutable=1 when there is no write-ahead log: SQLite then creates no -wal/-shm
    # file beside a database that is only being looked at
    wal = Path(f"{path}-wal").exists()
    uri = f"file:{quote(str(path.resolve()))}?{'mode=ro' if wal else 'immutable=1'}"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
            missing = (OCOP_TABLES if required is None else required) - tables
            if missing:
                raise InputError(f"{path} is not an ocop database (no {', '.join(sorted(missing))} "
                                 "table); it was left untouched")
            columns = {r[1] for r in conn.execute("pragma table_info(facts)")}
            if "facts" in tables and not OCOP_FACT_COLUMNS <= columns:
                raise InputError(f"{path} is not an ocop database (its facts table is another "
                                 "program's); it was left untouched")
            if quick_check is None:
                quick_check = path.stat().st_size <= QUICK_CHECK_MAX_BYTES
            if quick_check:
                result = [r[0] for r in conn.execute("pragma quick_check(3)")]
                if result != ["ok"]:
                    raise InputError(f"{path} is damaged (SQLite quick_check: {result[0]}); "
                                     "restore it from a copy")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{path} is damaged or not an SQLite database ({exc})") from None
    return path


def check_db_for_writing(path, tables: set | None = None) -> Path:
    """A database a command may create or add to: a new file in an existing
    directory, or an intact ocop database (with ``tables``, see ``open_existing_db``)."""
    path = Path(path)
    if path.is_file() and path.stat().st_size == 0:
        return path            # an empty file is an empty SQLite database
    if path.exists() or path.is_symlink():
        return open_existing_db(path, tables=tables)
    check_output_path(path, what="database")
    return path


def check_output_path(path, *, what: str = "output") -> Path:
    """A file that will be written: its directory exists and is writable, it is no directory."""
    if str(path) == "-":
        return Path(path)
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path} is a directory, not a {what} file")
    parent = path.parent
    if not parent.is_dir():
        raise InputError(f"cannot write {path}: directory {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise InputError(f"cannot write {path}: permission denied")
    return path


def check_output_dir(path, *, what: str = "output") -> Path:
    """A directory that will be created or written into."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise InputError(f"{path} is a file, not a {what} directory")
    existing = path
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise InputError(f"cannot create {path}: {existing} is not a directory")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise InputError(f"cannot write {path}: permission denied")
    return path


def check_port(port: int, host: str = "127.0.0.1") -> int:
    """A TCP port that a server can listen on now: 1–65535 and free on ``host``."""
    if not isinstance(port, int) or not 1 <= port <= 65535:
        raise InputError(f"port {port} is out of range (1-65535)")
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)   # as uvicorn binds
            sock.bind((host, port))
    except OSError as exc:
        if exc.errno in (98, 48):  # EADDRINUSE (Linux, macOS)
            raise InputError(f"port {port} on {host} is already in use; choose another with --port") from None
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    return port


def check_since(value) -> str | None:
    """``--since``: None (not given) or a date YYYY-MM-DD; an empty value is an error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise InputError(f"--since must be a date YYYY-MM-DD, not {value!r}") from None


def check_jobdir(jobdir, *, resume: bool) -> Path:
    """``--jobdir``: a directory (or nothing yet); with ``--resume`` its run file must be readable JSON."""
    from .crawl import RUN_FILE
    jobdir = Path(jobdir)
    if jobdir.exists() and not jobdir.is_dir():
        raise InputError(f"--jobdir {jobdir} is a file, not a directory")
    if not jobdir.exists():
        check_output_dir(jobdir, what="job")
    run_file = jobdir / RUN_FILE
    if resume and run_file.exists():
        try:
            saved = json.loads(run_file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise InputError(f"the job file {run_file} is corrupt ({type(exc).__name__}); "
                             f"remove {jobdir} and start a new crawl") from None
        if not isinstance(saved, dict) or not isinstance(saved.get("sites", []), list) \
                or not isinstance(saved.get("base_urls") or {}, dict):
            raise InputError(f"the job file {run_file} is corrupt (not a crawl's state); "
                             f"remove {jobdir} and start a new crawl")
    return jobdir
