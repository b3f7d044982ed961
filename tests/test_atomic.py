"""Atomic writes: kill -9 a crawl, a ``--refresh`` crawl, a ``reextract`` and a summary
refresh at the points where a write is half done, and read Datasette while another
process writes.

Each writer is a real ``ocop`` process over the loopback sample site. The hook
``ocop_crawler.faults.pause_point`` (driven by ``OCOP_PAUSE_AT``) stops it
deterministically *inside* a transaction: just before an article's facts are
inserted (``facts:N``, the N-th article with facts) or after the summary tables were
rebuilt but before the commit (``refresh``). The test then sends SIGKILL, or reads
Datasette while the writer waits. Without one transaction per article / per refresh
these points are between commits and the tests fail: an article stored without its
facts (never fetched again), summary tables read empty or half rebuilt.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT, _CRAWL, copy_db, query
from ocop_crawler import views

OCOP = [sys.executable, "-m", "ocop_crawler.cli"]
FACT_COLS = ("level", "province", "province_2025", "district", "metric", "unit", "kind",
             "increment", "value", "comparator", "stars_min", "stars_max", "year", "segment",
             "evidence", "sent_start", "sent_end")
SUMMARIES = list(views.SUMMARY_TABLES)


# -- helpers -----------------------------------------------------------------------------
def articles(db) -> set:
    return set(query(db, "select a.url, a.source_id, a.title, a.published, a.body, "
                         "(select c.url from articles c where c.id = a.duplicate_of) "
                         "from articles a"))


def facts_by_url(db) -> dict[str, Counter]:
    out: dict[str, Counter] = {}
    for url, *fact in query(db, f"select a.url, {', '.join('f.' + c for c in FACT_COLS)} "
                                "from articles a join facts f on f.article_id = a.id"):
        out.setdefault(url, Counter())[tuple(fact)] += 1
    return out


# when pages were fetched: differs between two crawls of the same site
TIMESTAMPS = {"last_seen", "latest_fetched"}


def raw_summaries(db) -> dict[str, list]:
    """Every summary table's rows as stored (to compare states of one file)."""
    return {t: sorted(query(db, f"select * from [{t}]"), key=repr) for t in SUMMARIES}


def summaries(db) -> dict[str, list]:
    """Every summary table's rows, ids replaced by what they point at (ids differ by crawl)."""
    urls = dict(query(db, "select id, url from articles"))
    facts = {i: (urls.get(a), ev, v) for i, a, ev, v in
             query(db, "select id, article_id, evidence, value from facts")}
    out = {}
    for t in SUMMARIES:
        # skipped_reasons' example is the latest page seen: which one depends on the crawl's order
        cols = [r[1] for r in query(db, f"pragma table_info([{t}])") if r[1] not in TIMESTAMPS
                and not (t == "skipped_reasons" and r[1] in ("example_url", "example_title"))]
        rows = []
        for row in query(db, f"select {', '.join(cols)} from [{t}]"):
            rows.append(tuple(urls.get(v, ("?", v)) if c.endswith("article_id")
                              else facts.get(v, ("?", v)) if c.endswith("fact_id")
                              else tuple(sorted(facts.get(int(i), ("?", i)) for i in str(v).split(",") if i.strip()))
                              if c == "fact_ids" and v is not None else v
                              for c, v in zip(cols, row)))
        out[t] = sorted(rows, key=repr)
    return out


def integrity(db) -> str:
    return query(db, "pragma integrity_check")[0][0]


def runs(db) -> list[tuple]:
    return query(db, "select id, command, status from crawl_runs order by id")


def crawl_cmd(db, urls, **kwargs) -> list[str]:
    """The same crawl as conftest's ``crawl_in_subprocess`` (so results compare)."""
    args = dict(db=str(db), sites=sorted(urls), base_urls=dict(urls), progress_interval=0.5,
                **kwargs)
    args.setdefault("jobdir", str(Path(db).with_suffix(".job")))
    return [sys.executable, "-c", _CRAWL, json.dumps(args)]


def start_paused(cmd, point: str, tmp_path) -> subprocess.Popen:
    """Start ``cmd`` with ``OCOP_PAUSE_AT=point``; return once it waits at that point."""
    marker = tmp_path / f"paused-{point.replace(':', '-')}"
    marker.unlink(missing_ok=True)
    env = dict(os.environ, OCOP_PAUSE_AT=point, OCOP_PAUSE_FILE=str(marker))
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 180
    while not marker.exists():
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"{cmd[-1][:80]} ended ({proc.returncode}) before {point}:\n{err[-3000:]}")
        assert time.monotonic() < deadline, f"never reached {point}"
        time.sleep(0.02)
    return proc


def kill9(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL


def run(cmd, **kw) -> subprocess.CompletedProcess:
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300, **kw)
    assert res.returncode in (0, 1), res.stderr[-3000:]
    return res


def assert_no_half_article(db, *references: dict[str, Counter]) -> None:
    """Every stored article has exactly the facts of one of ``references`` (old or new)."""
    got = facts_by_url(db)
    for (url,) in query(db, "select url from articles"):
        have = got.get(url, Counter())
        options = [ref.get(url, Counter()) for ref in references]
        assert have in options, (f"{url}: {sum(have.values())} facts, expected one of "
                                 f"{[sum(o.values()) for o in options]}")


# -- crawls killed mid-article -------------------------------------------------------------
@pytest.fixture(scope="module")
def copies_alone(sample_sites, crawled_db, tmp_path_factory) -> dict[str, Counter]:
    """The facts a syndicated copy holds while its original is not yet crawled: the copy is
    then the only version known and keeps its own facts (they move to the original when it
    comes). Measured by crawling, alone, the outlets that carry copies in the reference."""
    hosts = {s for (s,) in query(crawled_db, "select distinct source_id from articles "
                                             "where duplicate_of is not null")}
    assert hosts, "the sample site is meant to carry syndicated copies"
    db = tmp_path_factory.mktemp("copies") / "alone.db"
    run(crawl_cmd(db, {s: u for s, u in sample_sites.urls.items() if s in hosts}))
    copies = {u for (u,) in query(crawled_db, "select url from articles "
                                              "where duplicate_of is not null")}
    return {u: c for u, c in facts_by_url(db).items() if u in copies}


@pytest.mark.parametrize("nth", [1, 9, 22])
def test_crawl_killed_mid_article_resumes_to_the_uninterrupted_result(
        sample_sites, crawled_db, copies_alone, tmp_path, nth):
    db, jobdir = tmp_path / "killed.db", tmp_path / "job"
    ref_facts = facts_by_url(crawled_db)
    proc = start_paused(crawl_cmd(db, sample_sites.urls, jobdir=str(jobdir)), f"facts:{nth}",
                        tmp_path)
    kill9(proc)
    assert integrity(db) == "ok"
    stored = query(db, "select count(*) from articles")[0][0]
    assert stored >= nth - 1
    # the article being written when the process died is not there at all; a copy crawled
    # before its original holds its own facts (which of the two came first is crawl order)
    assert_no_half_article(db, ref_facts, {**ref_facts, **copies_alone})
    assert runs(db) == [(1, "crawl", "running")]

    res = run(crawl_cmd(db, sample_sites.urls, jobdir=str(jobdir), resume=True))
    assert articles(db) == articles(crawled_db), res.stderr[-2000:]
    assert facts_by_url(db) == ref_facts
    assert integrity(db) == "ok"
    assert summaries(db) == summaries(crawled_db)
    assert runs(db) == [(1, "crawl", "interrupted"), (2, "crawl", "finished")]


def test_refresh_crawl_killed_mid_article_keeps_the_old_facts(sample_sites, crawled_db, tmp_path):
    """``ocop crawl --refresh`` replaces stored articles' facts: killed, none goes missing."""
    db = copy_db(crawled_db, tmp_path / "refresh.db")
    jobdir = tmp_path / "job"
    ref_facts = facts_by_url(crawled_db)
    proc = start_paused(crawl_cmd(db, sample_sites.urls, jobdir=str(jobdir), refresh=True),
                        "facts:6", tmp_path)
    kill9(proc)
    assert integrity(db) == "ok"
    assert facts_by_url(db) == ref_facts      # the article being refreshed kept its facts
    run(crawl_cmd(db, sample_sites.urls, jobdir=str(jobdir), resume=True))
    assert articles(db) == articles(crawled_db)
    assert facts_by_url(db) == ref_facts
    assert integrity(db) == "ok"
    assert [r[2] for r in runs(db)][-2:] == ["interrupted", "finished"]


# -- reextract killed mid-article ------------------------------------------------------------
@pytest.fixture(scope="module")
def reextracted_db(crawled_db, tmp_path_factory):
    """The crawled database after one uninterrupted ``ocop reextract``."""
    db = copy_db(crawled_db, tmp_path_factory.mktemp("reextract") / "ref.db")
    run(OCOP + ["reextract", "--db", str(db)])
    return db


@pytest.mark.parametrize("nth", [2, 14])
def test_reextract_killed_mid_article(crawled_db, reextracted_db, tmp_path, nth):
    db = copy_db(crawled_db, tmp_path / "rx.db")
    old, new = facts_by_url(crawled_db), facts_by_url(reextracted_db)
    proc = start_paused(OCOP + ["reextract", "--db", str(db)], f"facts:{nth}", tmp_path)
    kill9(proc)
    assert integrity(db) == "ok"
    assert_no_half_article(db, old, new)
    assert sum(sum(c.values()) for c in facts_by_url(db).values()) > 0
    rows = runs(db)
    assert rows[-1][1:] == ("reextract", "running")

    res = run(OCOP + ["reextract", "--db", str(db)])
    assert "re-extracted" in res.stdout
    assert facts_by_url(db) == new
    assert summaries(db) == summaries(reextracted_db)
    assert integrity(db) == "ok"
    after = runs(db)
    assert after[-2][1:] == ("reextract", "interrupted")
    assert after[-1][1:] == ("reextract", "finished")


# -- the summary refresh killed half-way --------------------------------------------------------
def _shift_summaries(db) -> None:
    """Change the data and rebuild the summaries, so that a later refresh changes them back."""
    con = sqlite3.connect(db)
    con.execute("update facts set value = value + 1000 where level = 'province'")
    con.commit()
    con.close()
    import sqlite_utils
    views.refresh(sqlite_utils.Database(str(db)))


def test_summary_refresh_killed_leaves_the_old_summaries(crawled_db, reextracted_db, tmp_path):
    db = copy_db(crawled_db, tmp_path / "summ.db")
    _shift_summaries(db)
    before = raw_summaries(db)
    assert summaries(db) != summaries(reextracted_db)
    assert sum(len(v) for v in before.values()) > 50
    # reextract restores the real values, then rebuilds the summaries: killed inside that
    proc = start_paused(OCOP + ["reextract", "--db", str(db)], "refresh", tmp_path)
    kill9(proc)
    assert integrity(db) == "ok"
    assert raw_summaries(db) == before        # the old summaries, whole
    assert facts_by_url(db) == facts_by_url(reextracted_db)   # the facts were committed
    run(OCOP + ["reextract", "--db", str(db)])
    assert summaries(db) == summaries(reextracted_db)
    assert runs(db)[-2][1:] == ("reextract", "interrupted")


def test_crawl_killed_during_its_summary_refresh(sample_sites, crawled_db, tmp_path):
    db, jobdir = tmp_path / "end.db", tmp_path / "job"
    proc = start_paused(crawl_cmd(db, sample_sites.urls, jobdir=str(jobdir)), "refresh", tmp_path)
    kill9(proc)
    assert integrity(db) == "ok"
    assert facts_by_url(db) == facts_by_url(crawled_db)   # every article was committed
    assert all(not rows for rows in summaries(db).values())  # summaries: the empty old state
    assert runs(db) == [(1, "crawl", "running")]
    run(crawl_cmd(db, sample_sites.urls, jobdir=str(jobdir), resume=True))
    assert summaries(db) == summaries(crawled_db)
    assert runs(db) == [(1, "crawl", "interrupted"), (2, "crawl", "finished")]


# -- Datasette read while another process writes ---------------------------------------------------
READS = [
    "/ocop/province_totals.json?_shape=array&_size=max",
    "/ocop/province_years.json?_shape=array&_size=max",
    "/ocop/facts_cube.json?_shape=array&_size=max",
    "/ocop/facet_counts.json?_shape=array&_size=max",
    "/ocop/article_provinces.json?_shape=array&_size=max",
    "/ocop/source_stats.json?_shape=array&_size=max",
    "/ocop/province_map.json?_shape=array",
    "/ocop/compare_provinces.json?_shape=array&year=2024",
    "/ocop/skipped_audit.json?_shape=array",
]
# Toggles a province's segment-null facts to a segment and back (each in one transaction),
# rebuilding the summaries after each change: states A and B alternate.
TOGGLE = """
import sys, sqlite_utils
from ocop_crawler import views
from ocop_crawler.storage import transaction
db = sqlite_utils.Database(sys.argv[1])
province, rounds = sys.argv[2], int(sys.argv[3])
for i in range(rounds):
    with transaction(db):
        if i % 2 == 0:
            db.execute("update facts set segment = 'atomic-test' where province = ? "
                       "and segment is null", [province])
        else:
            db.execute("update facts set segment = null where segment = 'atomic-test'")
    views.refresh(db)
print(rounds)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(base, path):
    try:
        with urllib.request.urlopen(base + urllib.parse.quote(path, safe="/?=&._"),
                                    timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, None
    except OSError as exc:
        return repr(exc), None


@pytest.fixture
def served(crawled_db, tmp_path):
    db = copy_db(crawled_db, tmp_path / "served.db")
    port = _free_port()
    proc = subprocess.Popen(OCOP + ["serve", "--db", str(db), "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while _get(base, "/-/versions.json")[0] != 200:
        assert proc.poll() is None, proc.communicate()[1]
        assert time.monotonic() < deadline, "Datasette did not start"
        time.sleep(0.2)
    yield db, base
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _read_all(base) -> dict:
    out = {}
    for path in READS:
        status, body = _get(base, path)
        assert status == 200, (path, status)
        out[path] = body
    return out


def _busiest_province(db) -> str:
    return query(db, "select province from facts where level = 'province' and segment is null "
                     "group by province order by count(*) desc limit 1")[0][0]



def test_datasette_reads_the_old_summaries_while_a_refresh_is_in_flight(served, tmp_path):
    db, base = served
    old = _read_all(base)
    con = sqlite3.connect(db)
    con.execute("update facts set value = value + 1000 where level = 'province'")
    con.commit()
    con.close()
    # a writer stopped inside its summary rebuild (tables deleted and refilled, not committed)
    cmd = [sys.executable, "-c", "import sys, sqlite_utils\nfrom ocop_crawler import views\n"
           "views.refresh(sqlite_utils.Database(sys.argv[1]))\n", str(db)]
    writer = start_paused(cmd, "refresh", tmp_path)
    try:
        for _ in range(3):
            assert _read_all(base) == old
    finally:
        kill9(writer)
    assert _read_all(base) == old
    assert integrity(db) == "ok"


def test_datasette_reads_during_writes_are_whole(served):
    """A writer toggles data + summaries between two states; every read is one of them."""
    db, base = served
    province = _busiest_province(db)
    state_a = _read_all(base)
    run([sys.executable, "-c", TOGGLE, str(db), province, "1"])
    state_b = _read_all(base)
    assert all(state_a[p] != state_b[p] for p in READS[:4]), "the two states must differ"
    run([sys.executable, "-c", TOGGLE, str(db), province, "2"])   # B -> A: through B, back
    assert _read_all(base) == state_a

    writer = subprocess.Popen([sys.executable, "-c", TOGGLE, str(db), province, "400"], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    errors, torn, seen = [], [], Counter()
    try:
        for i in range(400):
            path = READS[i % len(READS)]
            status, body = _get(base, path)
            if status != 200:
                errors.append((path, status))
            elif body == state_a[path]:
                seen["a"] += 1
            elif body == state_b[path]:
                seen["b"] += 1
            else:
                torn.append(path)
            if writer.poll() is not None:
                break
    finally:
        if writer.poll() is None:
            writer.send_signal(signal.SIGKILL)
        writer.communicate(timeout=60)
    assert not errors
    assert not torn, f"{len(torn)} torn reads of {sum(seen.values()) + len(torn)}: {Counter(torn)}"
    assert seen["a"] + seen["b"] >= 20
    assert integrity(db) == "ok"


# -- runs left running -------------------------------------------------------------------------
def test_only_runs_whose_process_is_gone_become_interrupted(tmp_path):
    from ocop_crawler.storage import Store, utcnow
    store = Store(tmp_path / "runs.db")
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    host = socket.gethostname()
    try:
        time.sleep(0.05)
        rows = {
            "live": (live.pid, host, utcnow()),
            "dead": (dead.pid, host, utcnow()),
            "reused pid": (live.pid, host, "2020-01-01T00:00:00+00:00"),  # live began later
            "other host": (dead.pid, host + "-elsewhere", utcnow()),
            "no process": (None, None, utcnow()),     # written before runs kept their pid
        }
        ids = {name: store.db["crawl_runs"].insert(
            {"status": "running", "pid": pid, "host": h, "started_at": at}).last_pk
            for name, (pid, h, at) in rows.items()}
        done = store.db["crawl_runs"].insert({"status": "finished", "pid": dead.pid,
                                              "host": host, "started_at": utcnow()}).last_pk
        new = store.start_run(sites=["x"])
        status = {name: store.db["crawl_runs"].get(i)["status"] for name, i in ids.items()}
    finally:
        live.kill()
        live.wait()
    assert status == {"live": "running", "dead": "interrupted", "reused pid": "interrupted",
                      "other host": "running", "no process": "running"}
    assert store.db["crawl_runs"].get(done)["status"] == "finished"
    row = store.db["crawl_runs"].get(new)
    assert (row["status"], row["command"], row["pid"], row["host"]) == (
        "running", "crawl", os.getpid(), host)


def test_a_failed_article_write_leaves_nothing(tmp_path):
    """An error half-way through an article's transaction rolls back its row and its facts."""
    from ocop_crawler.storage import Store
    store = Store(tmp_path / "tx.db")
    fact = {"level": "province", "province": "Hà Tĩnh", "metric": "products", "unit": "count",
            "kind": "actual", "value": 287, "evidence": "Hà Tĩnh hiện có 287 sản phẩm OCOP."}
    item = {"source_id": None, "url": "http://127.0.0.1/a.html", "title": "t",
            "body": fact["evidence"], "published": "2024-01-02"}
    with pytest.raises(RuntimeError):
        with store.transaction():
            aid = store.add_article(item)
            store.replace_facts(aid, [fact], "test")
            raise RuntimeError("disk full")
    assert store.counts()["articles"] == 0 and store.counts()["facts"] == 0
    assert query(store.path, "select count(*) from articles_fts")[0][0] == 0
    with store.transaction():
        aid = store.add_article(item)
        store.replace_facts(aid, [fact], "test")
    assert store.counts()["articles"] == 1 and store.counts()["facts"] == 1
    assert not store.db.conn.in_transaction
