"""Serve the database with Datasette (read-only), or prepare a hosted deployment.

    >>> from ocop_crawler.serve import serve, publish
    >>> serve("ocop.db", port=8001)          # blocks until Ctrl-C, returns 0
    >>> publish("ocop.db", "publish")         # writes a directory `datasette serve` runs as is

The database is always served under the name ``ocop`` (URLs ``/ocop/...``)
whatever the file is called, with ``ocop_crawler/datasette/metadata.yaml``,
the project's plugin (``ocop_crawler/datasette/plugins``) and the settings in
``SETTINGS``: a time limit on every query, a row cap, no facet suggestions (the
expensive part of a table page at a million facts) and precomputed facet counts.
"""
from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).parent / "datasette"
METADATA = HERE / "metadata.yaml"
PLUGINS_DIR = HERE / "plugins"
TEMPLATES_DIR = HERE / "templates"
STATIC_DIR = HERE / "static"
DB_NAME = "ocop"

SETTINGS = {
    "sql_time_limit_ms": 3000,       # analysts' ad-hoc SQL: a GROUP BY over 1M facts takes ~0.5 s
    "max_returned_rows": 5000,
    "suggest_facets": False,         # suggestions GROUP BY every column: 1.3 s at 1M facts
    "default_facet_size": 20,
    "facet_time_limit_ms": 400,
    "default_page_size": 50,
    "allow_facet": True,
    "allow_download": True,
    "num_sql_threads": 3,
}

PLUGIN_PACKAGES = ("datasette", "datasette-atom", "feedgen", "datasette-block-robots")


def load_metadata() -> dict:
    return yaml.safe_load(METADATA.read_text("utf-8"))


def _check_db(db_path) -> Path:
    path = Path(db_path)
    if not path.is_file():
        raise FileNotFoundError(f"no database at {path}: build one with `ocop demo --no-serve` "
                                f"or `ocop crawl --db {path}`")
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    missing = {"facts", "articles", "sources"} - tables
    if missing:
        raise ValueError(f"{path} is not an ocop database (missing tables: {', '.join(sorted(missing))})")
    return path


def _ensure_summaries(path: Path) -> None:
    """Build the FTS indexes and summary tables if the file predates them (or their layout)."""
    from . import views
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        stale = views.needs_refresh(conn)
    if stale:
        import sqlite_utils
        db = sqlite_utils.Database(str(path))
        views.refresh(db)
        db.conn.close()


def make_datasette(db_path, *, immutable: bool = False, settings: dict | None = None):
    """A configured ``Datasette`` instance serving ``db_path`` as /ocop (not yet started)."""
    from datasette.app import Datasette
    from datasette.database import Database

    path = _check_db(db_path)
    ds = Datasette(
        files=[], metadata=load_metadata(), settings={**SETTINGS, **(settings or {})},
        plugins_dir=str(PLUGINS_DIR),
        template_dir=str(TEMPLATES_DIR) if TEMPLATES_DIR.is_dir() else None,
        static_mounts=[("ocop-static", str(STATIC_DIR))] if STATIC_DIR.is_dir() else None,
    )
    ds.add_database(Database(ds, path=str(path.resolve()), is_mutable=not immutable), name=DB_NAME)
    if "_memory" in ds.databases:  # added by Datasette when it is given no files
        ds.remove_database("_memory")
    return ds


def serve(db_path, port: int = 8001, host: str = "127.0.0.1", immutable: bool = False) -> int:
    """Serve ``db_path`` read-only on http://HOST:PORT/ until Ctrl-C; returns the exit status.

    ``immutable=True`` (a file nothing writes to any more) lets Datasette skip
    locking and cache table counts.
    """
    import uvicorn

    try:
        path = _check_db(db_path)
        if not immutable:
            _ensure_summaries(path)
        ds = make_datasette(path, immutable=immutable)
    except (FileNotFoundError, ValueError, sqlite3.DatabaseError) as exc:
        print(f"ocop serve: {exc}", file=sys.stderr)
        return 2
    asyncio.run(ds.invoke_startup())
    print(f"Serving {path} at http://{host}:{port}/{DB_NAME} (Ctrl-C to stop)", flush=True)
    try:
        uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")
    except KeyboardInterrupt:
        pass
    return 0


# -- hosted deployment ------------------------------------------------------

RUN_SH = """#!/bin/sh
# Serve this directory with Datasette (configuration-directory mode): ocop.db is opened
# immutable (inspect-data.json), with metadata.yaml, settings.json and plugins/.
# pip install -r requirements.txt   # once
cd "$(dirname "$0")"
exec datasette serve . --host "${HOST:-0.0.0.0}" --port "${PORT:-8001}" "$@"
"""

DOCKERFILE = """FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
ENV PORT=8001
EXPOSE 8001
CMD ["sh", "run.sh"]
"""

README = """# OCOP facts: hosted Datasette

Made by `ocop publish`. Everything Datasette needs is in this directory:

- `ocop.db` – a snapshot of the database (served immutable; robots blocked by datasette-block-robots)
- `metadata.yaml`, `settings.json`, `plugins/` (ocop.py, pages.py, feeds.py, people.py), `templates/`, `inspect-data.json` (cached table counts)
- `requirements.txt` – Datasette and the plugins, pinned

Run it anywhere with Python:

    pip install -r requirements.txt
    sh run.sh                      # http://0.0.0.0:8001/ocop (HOST/PORT override)

or as a container (`docker build -t ocop-datasette . && docker run -p 8001:8001 ocop-datasette`),
or with Datasette's own publishers, e.g. Google Cloud Run:

    datasette publish cloudrun ocop.db --service ocop-facts \\
      --metadata metadata.yaml --plugins-dir plugins --template-dir templates \\
      --install datasette-atom --install feedgen --install datasette-block-robots \\
{settings}
"""


def _installed_version(package: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version(package)
    except PackageNotFoundError:
        return None


def publish(db_path, out_dir) -> int:
    """Write a ready-to-host directory: a snapshot of the database plus Datasette config.

    The snapshot is taken with SQLite's backup API (safe while a crawl writes),
    its summary tables are rebuilt, it is switched out of WAL mode and
    vacuumed, so it can be served immutable. Returns the exit status.
    """
    import sqlite_utils
    from . import views

    try:
        src = _check_db(db_path)
    except (FileNotFoundError, ValueError, sqlite3.DatabaseError) as exc:
        print(f"ocop publish: {exc}", file=sys.stderr)
        return 2
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{DB_NAME}.db"
    for p in (target, out / f"{DB_NAME}.db-wal", out / f"{DB_NAME}.db-shm"):
        p.unlink(missing_ok=True)
    with sqlite3.connect(f"file:{src}?mode=ro", uri=True) as s, sqlite3.connect(target) as t:
        s.backup(t)
    db = sqlite_utils.Database(str(target))
    views.refresh(db)
    db.conn.execute("pragma journal_mode = delete")
    db.conn.execute("vacuum")
    db.conn.close()

    shutil.copy(METADATA, out / "metadata.yaml")
    (out / "plugins").mkdir(exist_ok=True)
    for plugin in sorted(PLUGINS_DIR.glob("*.py")):  # ocop.py, pages.py, feeds.py, people.py
        if plugin.name != "__init__.py":
            shutil.copy(plugin, out / "plugins" / plugin.name)
    for sub, src_dir in (("templates", TEMPLATES_DIR), ("static", STATIC_DIR)):
        if src_dir.is_dir() and any(src_dir.iterdir()):
            shutil.copytree(src_dir, out / sub, dirs_exist_ok=True)
    (out / "settings.json").write_text(json.dumps(SETTINGS, indent=2) + "\n", "utf-8")
    # configuration-directory mode opens immutable the files inspect-data.json names
    subprocess.run([sys.executable, "-m", "datasette", "inspect", target.name,
                    "--inspect-file", "inspect-data.json"], check=True, cwd=out)
    reqs = []
    for pkg in PLUGIN_PACKAGES:
        v = _installed_version(pkg)
        reqs.append(f"{pkg}=={v}" if v else pkg)
    (out / "requirements.txt").write_text("\n".join(reqs) + "\n", "utf-8")
    run = out / "run.sh"
    run.write_text(RUN_SH, "utf-8")
    run.chmod(0o755)
    (out / "Dockerfile").write_text(DOCKERFILE, "utf-8")
    flags = " \\\n".join(f"      --setting {k} {str(v).lower() if isinstance(v, bool) else v}"
                         for k, v in SETTINGS.items())
    (out / "README.md").write_text(README.format(settings=flags), "utf-8")
    size = target.stat().st_size / 1e6
    print(f"Wrote {out}/ ({size:.1f} MB database). Serve it with: sh {out}/run.sh")
    return 0
