"""`ocop reextract` over a database built by a real crawl of the sample site."""
import sqlite3
import subprocess
import sys

from conftest import copy_db

OCOP = [sys.executable, "-m", "ocop_crawler.cli"]


def test_reextract_replaces_facts_and_rebuilds_summaries(crawled_db, tmp_path):
    db = copy_db(crawled_db, tmp_path / "copy.db")
    con = sqlite3.connect(db)
    before = con.execute("select count(*) from facts").fetchone()[0]
    assert before > 100
    # simulate facts of an older extractor: one article lost its facts, the rest carry an old version
    aid = con.execute("select article_id from facts group by article_id order by count(*) desc limit 1").fetchone()[0]
    lost = con.execute("select count(*) from facts where article_id = ?", [aid]).fetchone()[0]
    con.execute("pragma foreign_keys = off")
    con.execute("delete from facts where article_id = ?", [aid])
    con.execute("update facts set extractor_version = '0.0.1'")
    con.commit()
    con.close()

    res = subprocess.run(OCOP + ["reextract", "--db", str(db)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "re-extracted" in res.stdout

    con = sqlite3.connect(db)
    assert con.execute("select count(*) from facts").fetchone()[0] == before
    assert con.execute("select count(*) from facts where article_id = ?", [aid]).fetchone()[0] == lost
    versions = {r[0] for r in con.execute("select distinct extractor_version from facts")}
    assert versions == {con.execute("select extractor_version from articles where id = ?", [aid]).fetchone()[0]}
    assert "0.0.1" not in versions
    # copies of syndicated stories keep no facts; every fact points at its article's body
    assert con.execute("select count(*) from facts f join articles a on a.id = f.article_id "
                       "where a.duplicate_of is not null").fetchone()[0] == 0
    bad = con.execute("select count(*) from facts f join articles a on a.id = f.article_id "
                      "where f.sent_start is not null and substr(a.body, f.sent_start + 1, "
                      "f.sent_end - f.sent_start) != f.evidence").fetchone()[0]
    assert bad == 0
    assert con.execute("select count(*) from province_totals").fetchone()[0] > 0


def test_reextract_without_database_is_a_clear_error(tmp_path):
    res = subprocess.run(OCOP + ["reextract", "--db", str(tmp_path / "none.db")], capture_output=True, text=True)
    assert res.returncode == 2
    assert "no database" in res.stderr
