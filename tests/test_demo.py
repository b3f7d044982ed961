"""`ocop demo --no-serve` from the command line: sample site, real crawl, database, summary."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

OCOP = Path(sys.executable).with_name("ocop")


def _db_with_source(path: Path, source_id: str, kind: str) -> Path:
    """An existing database holding one source, as a previous run would leave it."""
    con = sqlite3.connect(path)
    con.execute("create table sources (id text primary key, kind text)")
    con.execute("insert into sources values (?, ?)", [source_id, kind])
    con.commit()
    con.close()
    return path


def test_demo_builds_the_database_and_prints_a_summary(tmp_path):
    # an older demo database (sample sources only) is rebuilt from scratch
    db = _db_with_source(tmp_path / "demo.db", "sample-old", "sample")
    proc = subprocess.run([str(OCOP), "demo", "--db", str(db), "--no-serve"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Articles fetched:" in out and "kept (OCOP):" in out and "skipped:" in out
    assert "Facts:" in out and "Facts by province:" in out and "Hà Tĩnh" in out
    assert "sample-hatinh" in out and "TOTAL" in out          # the crawl's summary table
    assert "127.0.0.1:" in proc.stderr                          # where the sample papers ran
    con = sqlite3.connect(db)
    kept, = con.execute("select count(*) from articles").fetchone()
    skipped, = con.execute("select count(*) from skipped").fetchone()
    facts, = con.execute("select count(*) from facts").fetchone()
    status, = con.execute("select status from crawl_runs").fetchone()
    sources = {r[0] for r in con.execute("select id from sources")}
    con.close()
    assert kept >= 20 and skipped >= 10 and facts > 0 and status == "finished"
    assert f"kept (OCOP): {kept}" in out and f"Facts: {facts}" in out
    assert "sample-old" not in sources and "sample-hatinh" in sources
    assert not (tmp_path / ".ocop-job").exists()      # the demo keeps no crawl state around


def test_demo_refuses_a_database_of_real_crawls(tmp_path):
    db = _db_with_source(tmp_path / "real.db", "baohatinh", "provincial")
    proc = subprocess.run([str(OCOP), "demo", "--db", str(db), "--no-serve"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "real crawl data" in proc.stderr
    assert db.exists()
