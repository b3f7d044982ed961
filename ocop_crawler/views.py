"""Full-text search, views and summary tables that Datasette serves.

``ensure(db)`` creates what is missing (cheap: it runs every time a ``Store``
opens); ``refresh(db)`` rebuilds the summary tables after a crawl or a
re-extraction (seconds at a million facts). Everything here is plain SQLite
that any client can read; nothing needs a custom SQL function except
``refresh`` itself.

What it adds to the storage schema:

* ``provinces`` – the 63 provinces of 2019–2025 from the gazetteer
  (vietnamadminunits): name, name on the 2025 map, coordinates (for the map).
* ``articles_fts`` / ``facts_fts`` – FTS5 indexes kept in sync by triggers,
  over the original text *and* a copy with "đ"/"Đ" folded to "d"/"D"; with the
  ``unicode61 remove_diacritics 2`` tokenizer one search box then matches
  "ha tinh" → "Hà Tĩnh" and "dong thap" → "Đồng Tháp" (FTS5 alone does not fold
  "đ"), as well as the accented spelling.
* ``fact_details`` – a view: each fact with its article's title, URL, date
  and its source (scalar subqueries, so counting its rows stays cheap).
* summary tables rebuilt by ``refresh``: ``series`` (the reconciled series: one
  value per province – as published and on the 2025 map – metric, kind, addition
  or running total, star range and year, chosen by the rule of docs/series.md),
  ``series_conflicts`` (every report that disagrees with a chosen value, both
  sentences), ``province_years`` (the as-published series) and ``province_totals``
  (its latest running total per province/metric/kind/unit/star range) – all from
  facts whose ``segment`` is null only (FACTS.md: a province's totals are built
  from segment-null facts), each row with the fact it shows and its report count,
  ``article_provinces`` (which provinces an article is about, for per-province
  feeds), ``source_stats`` and ``skipped_reasons``
  (per outlet, for crawl health), ``facts_cube`` (facts counted per combination
  of the facet columns) and ``facet_counts`` (so facts pages are faceted
  without a GROUP BY over a million rows), ``summary_state`` (when, which layout).
"""
from __future__ import annotations

import re

# -- names (shared with the Datasette plugin, which must stay self-contained) ------

from .datasette.plugins.ocop import fold, province_key  # noqa: E402,F401

# -- provinces -------------------------------------------------------------

def _gazetteer_provinces() -> list[dict]:
    """The 63 provinces of 2019–2025 with coordinates and their 2025 province (nlp.areas)."""
    from nlp.areas import province_records
    return [dict(r, key=province_key(r["name"]), key_2025=province_key(r["name_2025"]))
            for r in province_records()]


# -- full-text search ------------------------------------------------------

def _d(col: str) -> str:
    return f"replace(replace({col}, 'đ', 'd'), 'Đ', 'D')"


# table, FTS table, indexed columns
_FTS = {
    "articles": ("articles_fts", ("title", "body")),
    "facts": ("facts_fts", ("evidence",)),
}
TOKENIZE = "unicode61 remove_diacritics 2"


def _ensure_fts(db, table: str) -> None:
    fts, cols = _FTS[table]
    fts_cols = list(cols) + [f"{c}_d" for c in cols]
    if fts not in db.table_names():
        db.execute(
            f"create virtual table [{fts}] using fts5({', '.join(fts_cols)}, "
            f"tokenize = '{TOKENIZE}')")
        db.execute(
            f"insert into [{fts}] (rowid, {', '.join(fts_cols)}) select id, "
            f"{', '.join(cols)}, {', '.join(_d(c) for c in cols)} from [{table}]")
    new_vals = ", ".join([f"new.{c}" for c in cols] + [_d(f"new.{c}") for c in cols])
    insert = (f"insert into [{fts}] (rowid, {', '.join(fts_cols)}) values (new.id, {new_vals});")
    delete = f"delete from [{fts}] where rowid = old.id;"
    triggers = {
        f"{fts}_ai": f"after insert on [{table}] begin {insert} end",
        f"{fts}_ad": f"after delete on [{table}] begin {delete} end",
        f"{fts}_au": (f"after update of {', '.join(cols)}, id on [{table}] begin "
                      f"{delete} {insert} end"),
    }
    existing = set(db.triggers_dict)
    for name, body in triggers.items():
        if name not in existing:
            db.execute(f"create trigger [{name}] {body}")


# -- views -------------------------------------------------------------------

# Article and source columns are scalar subqueries, not joins: Datasette counts the
# view's rows on every page, and ``count(*)`` then reads only the facts index.
FACT_DETAILS = """
select
  f.id, f.article_id,
  (select a.title from articles a where a.id = f.article_id) as article_title,
  (select a.url from articles a where a.id = f.article_id) as article_url,
  (select a.published from articles a where a.id = f.article_id) as published,
  (select s.title from articles a join sources s on s.id = a.source_id
    where a.id = f.article_id) as source,
  f.level, f.province, f.province_2025, f.district,
  f.metric, f.unit, f.kind, f.increment, f.value, f.comparator, f.stars_min, f.stars_max,
  f.year, f.segment, f.evidence, f.why, f.extractor_version
from facts f
"""

# -- summary tables ------------------------------------------------------------

# Bump when a summary table changes: `ocop serve` then refreshes a file made earlier.
SUMMARY_VERSION = 7  # 5: totals from segment-null facts only; segment in the cube;
# 6: reconciled series (+ conflicts) that the province summaries read;
# 7: the skipped-pages example is one page (URL and its own title)
SUMMARY_TABLES = ("series", "series_conflicts", "province_totals", "province_years",
                  "article_provinces", "source_stats", "skipped_reasons", "facet_counts",
                  "facts_cube")
CUBE_COLUMNS = ("province", "province_2025", "metric", "kind", "stars_min", "stars_max", "year",
                "segment")
# Summary tables declare no foreign keys: they are derived data, rebuilt by refresh(),
# and must not stop the storage from replacing or deleting facts and articles.
_SCHEMA = {
    "series": """
create table series (
  scope text, area text, area_key text, area_2025 text, area_2025_key text, metric text, kind text, unit text, increment int,
  stars_min int, stars_max int, stars text, year int,
  value numeric, comparator text, as_of text, max_value numeric, reports int, articles int,
  conflicts int, fact_id int, article_id int, published text, source text, evidence text,
  parts int, parts_total int, provinces text, fact_ids text,
  primary key (scope, area, metric, kind, unit, increment, stars_min, stars_max, year))""",
    "series_conflicts": """
create table series_conflicts (
  area text, area_key text, area_2025 text, metric text, kind text, unit text, increment int,
  stars_min int, stars_max int, stars text, year int, tolerance numeric,
  value numeric, comparator text, fact_id int, article_id int, published text, source text,
  evidence text,
  other_value numeric, other_comparator text, other_fact_id int, other_article_id int,
  other_published text, other_source text, other_evidence text, other_rank text,
  primary key (area, metric, kind, unit, increment, stars_min, stars_max, year, other_fact_id))""",
    "province_totals": """
create table province_totals (
  province text, province_key text, province_2025 text, province_2025_key text,
  metric text, kind text, unit text, stars_min int, stars_max int, stars text,
  value numeric, comparator text, year int, published text, reports int,
  fact_id int, article_id int,
  primary key (province, metric, kind, unit, stars_min, stars_max))""",
    "province_years": """
create table province_years (
  province text, province_key text, province_2025 text, province_2025_key text, year int,
  metric text, kind text, unit text, increment int, stars_min int, stars_max int, stars text,
  value numeric, max_value numeric, reports int, articles int,
  fact_id int,
  primary key (province, year, metric, kind, unit, increment, stars_min, stars_max))""",
    "article_provinces": """
create table article_provinces (
  article_id int, province text, province_key text,
  province_2025 text, province_2025_key text, published text, facts int,
  primary key (article_id, province))""",
    "source_stats": """
create table source_stats (
  source_id text primary key, articles int, facts int, skipped int,
  latest_published text, latest_fetched text)""",
    "skipped_reasons": """
create table skipped_reasons (
  source_id text, reason text, pages int, last_seen text, example_url text, example_title text,
  primary key (source_id, reason))""",
    "facts_cube": """
create table facts_cube (
  province text, province_2025 text, metric text, kind text, stars_min int, stars_max int,
  year int, segment text, n int)""",
    "summary_state": """
create table summary_state (
  id int primary key, version int, refreshed_at text, facts int, seconds real)""",
    "facet_counts": """
create table facet_counts (
  table_name text, column_name text, value, count int,
  primary key (table_name, column_name, value))""",
}
_INDEXES = [
    "create index if not exists series_area on series (area_key, scope, metric, year)",
    "create index if not exists series_year on series (scope, year, metric)",
    "create index if not exists series_conflicts_area on series_conflicts (area_key, year)",
    "create index if not exists province_totals_key on province_totals (province_key)",
    "create index if not exists province_totals_key25 on province_totals (province_2025_key)",
    "create index if not exists province_years_key on province_years (province_key, year)",
    "create index if not exists province_years_key25 on province_years (province_2025_key, year)",
    "create index if not exists province_years_year on province_years (year)",
    "create index if not exists article_provinces_key on article_provinces (province_key, published)",
    "create index if not exists article_provinces_key25 on article_provinces "
    "(province_2025_key, published)",
    "drop index if exists facts_article_province",
    "create index if not exists facts_article_province25 on facts "
    "(article_id, province, province_2025)",
    "create index if not exists articles_fetched on articles (fetched_at)",
    "create index if not exists crawl_run_sites_source on crawl_run_sites (source_id, run_id)",
]

# Province-level facts with a null segment (FACTS.md: a province's totals count all of
# its OCOP products/subjects, not a subset such as "Các HTX sở hữu 201 sản phẩm" or
# "7 cấp mới") of articles that are not syndicated copies, built once per refresh as a
# temporary table that every province summary reads. Each carries what the series rule
# (docs/series.md) ranks reports by: its as-of year (the fact's year, else the article's),
# its as-of date (the publication date when the fact is of that year, else the end of
# the fact's year), whether an aggregator published it, how rounded it is (exact, a
# lower bound "tối thiểu/hơn", an upper bound "tối đa/dưới", "khoảng") and whether the
# province's own paper published it.
_FY = """
create temp table _fy as
select f.id, f.article_id, f.province, f.province_2025, f.metric, f.kind, f.unit,
  coalesce(f.increment, 0) as increment, f.stars_min, f.stars_max, f.value, f.comparator,
  coalesce(f.year, cast(substr(a.published, 1, 4) as integer)) as as_of_year, a.published,
  case when f.year is null or a.published is null
         or f.year = cast(substr(a.published, 1, 4) as integer) then substr(a.published, 1, 10)
       else f.year || '-12-31' end as as_of,
  case when s.kind = 'aggregator' then 1 else 0 end as syndicated,
  case f.comparator when 'eq' then 0 when 'gte' then 1 when 'gt' then 1
       when 'lte' then 2 when 'lt' then 2 else 3 end as rounded,
  case when s.province = f.province then 1 else 0 end as own_paper, a.source_id
from facts f join articles a on a.id = f.article_id left join sources s on s.id = a.source_id
where a.duplicate_of is null and f.level = 'province' and f.province is not null
  and f.segment is null
"""
_YEAR_KEY = "province, as_of_year, metric, kind, unit, increment, stars_min, stars_max"
# The series rule, as an ORDER BY: the first report of a series point is its value.
SERIES_RULE = "syndicated, rounded, as_of desc, own_paper desc, published desc, id desc"
# A report disagrees with the chosen value V when it is further from V than this
# (5 % of V, at least 1), in the direction its comparator allows.
TOLERANCE = "max(1, 0.05 * chosen_value)"
MERGER_DATE = "2025-07-01"  # the 34-province map (nlp.areas: province_2025)

_STARS = ("case when stars_min is null then null when stars_min = stars_max "
          "then stars_min || '★' else stars_min || '–' || stars_max || '★' end")
_SAME_KEY = """n.metric = s.metric and n.kind = s.kind and n.unit = s.unit
  and n.increment = s.increment and n.stars_min is s.stars_min and n.stars_max is s.stars_max
  and n.year = s.year"""

_REBUILD = {
    "_fy_id": "create unique index temp._fy_id on _fy (id)",
    "_ranked_reset": "drop table if exists temp._ranked",
    # every report ranked within its series point (one window pass): the chosen report is
    # the first by the rule; a later one disagrees when it is beyond the tolerance
    "_ranked": f"""
create temp table _ranked as
select r.*, case when rn > 1 and (
    (comparator in ('eq', 'approx') and abs(value - chosen_value) > {TOLERANCE})
    or (comparator in ('gt', 'gte') and value - chosen_value > {TOLERANCE})
    or (comparator in ('lt', 'lte') and chosen_value - value > {TOLERANCE})) then 1 else 0
  end as disagrees
from (
  select fy.*, row_number() over w as rn, first_value(id) over w as chosen_id,
    first_value(value) over w as chosen_value, first_value(rounded) over w as chosen_rounded,
    first_value(as_of) over w as chosen_as_of, max(value) over p as max_value,
    count(*) over p as reports
  from _fy fy where as_of_year is not null
  window p as (partition by {_YEAR_KEY}), w as (p order by {SERIES_RULE})
) r""",
    # one value per province, metric, kind, addition or total, star range and year
    "series": f"""
insert into series
select 'province', x.province, ocop_key(x.province), x.province_2025, ocop_key(x.province_2025),
  x.metric, x.kind, x.unit, x.increment, x.stars_min, x.stars_max,
  {_STARS.replace("stars_", "x.stars_")}, x.as_of_year, x.value, x.comparator, x.as_of,
  x.max_value, x.reports, c.articles, c.conflicts, x.id, x.article_id, x.published,
  (select title from sources where id = x.source_id), (select evidence from facts where id = x.id),
  1, 1, x.province, cast(x.id as text)
from _ranked x
join (
  select {_YEAR_KEY}, count(distinct article_id) as articles, sum(disagrees) as conflicts
  from _ranked group by {_YEAR_KEY}
) c on c.province = x.province and c.as_of_year = x.as_of_year and c.metric = x.metric
   and c.kind = x.kind and c.unit = x.unit and c.increment = x.increment
   and c.stars_min is x.stars_min and c.stars_max is x.stars_max
where x.rn = 1""",
    # every report of a series point that disagrees with its chosen value, both sentences
    "series_conflicts": f"""
insert into series_conflicts
select o.province, ocop_key(o.province), o.province_2025, o.metric, o.kind, o.unit, o.increment,
  o.stars_min, o.stars_max, {_STARS.replace("stars_", "o.stars_")}, o.as_of_year,
  {TOLERANCE}, s.value, s.comparator, s.id, s.article_id, s.published,
  (select title from sources where id = s.source_id), (select evidence from facts where id = s.id),
  o.value, o.comparator, o.id, o.article_id, o.published,
  (select title from sources where id = o.source_id), (select evidence from facts where id = o.id),
  case when o.syndicated then 'syndicated' when o.rounded > o.chosen_rounded then 'rounded'
       when o.as_of < o.chosen_as_of then 'earlier' when o.as_of > o.chosen_as_of then 'later'
       else 'same date' end
from _ranked o join _fy s on s.id = o.chosen_id
where o.disagrees = 1""",
    "_ranked_done": "drop table temp._ranked",
    # the 2025 map: a province's point is the sum of the provinces merged into it, unless
    # a report after the merger gives it for the new province itself
    "series_2025": f"""
insert into series
select 'province_2025', p.name_2025, p.key_2025, p.name_2025, p.key_2025, s.metric, s.kind,
  s.unit, s.increment, s.stars_min, s.stars_max, s.stars, s.year, sum(s.value),
  case when min(s.comparator) = max(s.comparator) then min(s.comparator) else 'approx' end,
  max(s.as_of), sum(s.max_value), sum(s.reports), sum(s.articles), sum(s.conflicts),
  case when count(*) = 1 then max(s.fact_id) end,
  case when count(*) = 1 then max(s.article_id) end, max(s.published),
  case when count(*) = 1 then max(s.source) end, case when count(*) = 1 then max(s.evidence) end,
  case when max(s.area_key = p.key_2025 and s.as_of >= '{MERGER_DATE}') then max(m.total)
       else count(*) end,
  max(m.total), group_concat(s.area, ', '), group_concat(s.fact_id, ',')
from series s join provinces p on p.key = s.area_key
join (select key_2025, count(*) as total from provinces group by key_2025) m
  on m.key_2025 = p.key_2025
where s.scope = 'province' and (
  (s.area_key = p.key_2025 and s.as_of >= '{MERGER_DATE}')
  or not exists (select 1 from series n where n.scope = 'province' and n.area_key = p.key_2025
                 and {_SAME_KEY} and n.as_of >= '{MERGER_DATE}'))
group by p.key_2025, s.metric, s.kind, s.unit, s.increment, s.stars_min, s.stars_max, s.year""",
    "province_years": """
insert into province_years
select area, area_key, area_2025, area_2025_key, year, metric, kind, unit, increment,
  stars_min, stars_max, stars, value, max_value, reports, articles, fact_id
from series where scope = 'province'""",
    "province_totals": """
insert into province_totals
select area, area_key, area_2025, area_2025_key, metric, kind, unit, stars_min, stars_max, stars,
  value, comparator, year, published, all_reports, fact_id, article_id
from (
  select s.*, sum(reports) over w as all_reports, row_number() over (w order by year desc) as rn
  from series s where scope = 'province' and increment = 0
  window w as (partition by area, metric, kind, unit, stars_min, stars_max)
) where rn = 1""",
    "article_provinces": """
insert into article_provinces
select f.article_id, f.province, ocop_key(f.province), max(f.province_2025),
  ocop_key(max(f.province_2025)), a.published, count(*)
from facts f join articles a on a.id = f.article_id
where f.province is not null
group by f.article_id, f.province
union all
select a.id, s.province, ocop_key(s.province), s.province_2025, ocop_key(s.province_2025),
  a.published, 0
from articles a join sources s on s.id = a.source_id
where s.province is not null
  and not exists (select 1 from facts f where f.article_id = a.id and f.province = s.province)""",
    "skipped_reasons": """
insert into skipped_reasons
select source_id, reason, pages, last_seen, url, title from (
  select source_id, reason, url, title, count(*) over w as pages, max(fetched_at) over w as last_seen,
    row_number() over (w order by title is null, fetched_at desc, url) as rn
  from skipped window w as (partition by source_id, reason)
) where rn = 1""",  # the example is one page: its URL with its own title (a titled one first)
    "facts_cube": f"""
insert into facts_cube
select {", ".join(CUBE_COLUMNS)}, count(*) from facts group by {", ".join(CUBE_COLUMNS)}""",
    "source_stats": """
insert into source_stats
select s.id,
  (select count(*) from articles a where a.source_id = s.id),
  (select count(*) from facts f join articles a on a.id = f.article_id where a.source_id = s.id),
  (select count(*) from skipped k where k.source_id = s.id),
  (select max(published) from articles a where a.source_id = s.id),
  (select max(fetched_at) from articles a where a.source_id = s.id)
from sources s""",
}


def _norm(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip().lower()


def _sql_of(db, name: str) -> str:
    row = db.execute("select sql from sqlite_master where name = ?", [name]).fetchone()
    return _norm(row[0]) if row and row[0] else ""


def ensure(db) -> None:
    """Create the provinces table, FTS indexes, triggers, views and (empty) summary tables."""
    from .storage import migrate_facts
    tables = set(db.table_names())
    with db.conn:
        if {"facts", "articles"} <= tables:
            migrate_facts(db)  # a file made before facts.segment/why (fact_details reads them)
        if "provinces" not in tables:
            db["provinces"].insert_all(_gazetteer_provinces(), pk="name")
            db["provinces"].create_index(["key"], if_not_exists=True)
            db["provinces"].create_index(["key_2025"], if_not_exists=True)
        for table in _FTS:
            if table in tables:
                _ensure_fts(db, table)
        if "fact_details" in db.view_names() and _sql_of(db, "fact_details") != _norm(
                f'create view "fact_details" as {FACT_DETAILS}'):
            db.execute("drop view fact_details")
        if "fact_details" not in db.view_names() and {"facts", "articles"} <= tables:
            db.create_view("fact_details", FACT_DETAILS)
        for name, ddl in _SCHEMA.items():
            if name in tables and _sql_of(db, name) != _norm(ddl):
                db.execute(f"drop table [{name}]")  # derived data of an older layout
                tables.discard(name)
            if name not in tables:
                db.execute(ddl)
        for ddl in _INDEXES:
            try:
                db.execute(ddl)
            except Exception as exc:  # a table of the storage schema is missing
                if "no such table" not in str(exc):
                    raise


def needs_refresh(conn) -> bool:
    """True when the summary tables are missing, of an older layout or never filled."""
    try:
        row = conn.execute("select version from summary_state where id = 1").fetchone()
    except Exception:  # no such table
        return True
    return not row or row[0] != SUMMARY_VERSION


def refresh(db) -> dict:
    """Rebuild every summary table from facts/articles/sources in one transaction.

    Returns their row counts. Must not be called inside an open transaction.
    """
    import time
    from datetime import datetime, timezone
    from .faults import pause_point
    from .storage import transaction
    if db.conn.in_transaction:   # ensure() would commit it half-way
        raise RuntimeError("views.refresh cannot run inside an open transaction")
    started = time.perf_counter()
    ensure(db)
    db.conn.create_function("ocop_key", 1, province_key, deterministic=True)
    # One transaction (BEGIN IMMEDIATE) for the whole rebuild: under WAL, readers see
    # every summary table as it was before or as it is after, never half rebuilt.
    with transaction(db):
        for name in SUMMARY_TABLES:
            db.execute(f"delete from [{name}]")
        db.execute("drop table if exists temp._fy")
        db.execute(_FY)
        for name, sql in _REBUILD.items():
            db.execute(sql)
        db.execute("drop table temp._fy")
        pause_point("refresh")   # tests read Datasette / kill here, mid-rebuild
        for col in CUBE_COLUMNS:  # the facts page's facets, from the cube
            db.execute(
                f"insert into facet_counts select 'facts', ?, [{col}], sum(n) from facts_cube "
                f"where [{col}] is not null group by [{col}]", [col])
        for table, col in (("skipped", "reason"), ("skipped", "source_id"),
                           ("articles", "source_id")):
            db.execute(
                f"insert into facet_counts select ?, ?, [{col}], count(*) from [{table}] "
                f"where [{col}] is not null group by [{col}]", [table, col])
        db.execute("insert or replace into summary_state values (1, ?, ?, ?, ?)", [
            SUMMARY_VERSION, datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
            db.execute("select count(*) from facts").fetchone()[0],
            round(time.perf_counter() - started, 3)])
    db.execute("analyze")
    return {name: db[name].count for name in SUMMARY_TABLES}
