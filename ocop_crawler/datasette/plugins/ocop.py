"""The project's Datasette plugin (self-contained: it is copied into hosted deployments).

* SQL functions for every connection: ``ocop_fold(text)`` strips Vietnamese
  diacritics including đ→d ("Đồng Tháp" → "Dong Thap"); ``ocop_key(name)`` turns a
  province name into a spelling-proof key ("Tỉnh Hoà Bình", "hoa binh" →
  "hoabinh"), used by the canned queries' ``:province`` parameter.
* A ``summary`` facet type: like Datasette's column facet, but on an unfiltered
  table it reads the value counts from the ``facet_counts`` summary table that
  ``ocop_crawler.views.refresh`` keeps, instead of a GROUP BY over a million rows.
  Filtered pages (a selected facet, a search) are counted live as usual.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import unicodedata

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import ColumnFacet
from datasette.utils import path_with_added_args, path_with_removed_args

_PREFIXES = ("tinh", "thanhpho", "tp")
_ALIASES = {"thuathienhue": "hue", "hcm": "hochiminh", "tphcm": "hochiminh",
            "saigon": "hochiminh", "brvt": "bariavungtau"}


def fold(text):
    """Strip Vietnamese diacritics, including đ→d and Đ→D: "Đồng Tháp" → "Dong Thap"."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFD", str(text))
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D"))


def province_key(name):
    """A spelling-proof key for a province name: "Tỉnh Hoà Bình", "hoa binh" → "hoabinh".

    Old/new tone placement, case, diacritics, spaces and the "tỉnh"/"thành phố"
    prefixes do not matter. Returns None for an empty name.
    """
    if name is None:
        return None
    key = re.sub(r"[^a-z0-9]", "", fold(name).lower())
    for prefix in _PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix) + 2:
            key = key[len(prefix):]
            break
    key = _ALIASES.get(key, key)
    return key or None


# Memory-map the database file (capped by SQLite's build limit, 2 GB by default): a page read
# is then a memory access instead of a read() call. A search over facts reads thousands of
# rows scattered over the file (one per match): 50 -> 31 ms at 20,000 matches of a million.
MMAP_SIZE = 1 << 32


@hookimpl
def prepare_connection(conn):
    conn.create_function("ocop_fold", 1, fold, deterministic=True)
    conn.create_function("ocop_key", 1, province_key, deterministic=True)
    conn.execute(f"pragma mmap_size = {MMAP_SIZE}")


# Tables whose unfiltered facet counts are precomputed in facet_counts, and the
# table whose counts they share (fact_details is facts joined to its articles).
# facts_cube: the count of facts for every combination of these columns, so a page
# filtered on them (?province=...&year__gte=...) is faceted without touching facts.
CUBE_COLUMNS = ("province", "province_2025", "metric", "kind", "stars_min", "stars_max", "year",
                "segment")
SUMMARISED = {"facts": ("facts", CUBE_COLUMNS), "fact_details": ("facts", CUBE_COLUMNS),
              "skipped": ("skipped", ("reason", "source_id")),
              "articles": ("articles", ("source_id",))}
CUBED = {"facts": "facts_cube", "fact_details": "facts_cube"}
_SQL_WORDS = {"and", "or", "not", "in", "is", "null", "like", "glob", "between", "escape",
              "collate", "nocase", "true", "false"}


def cube_where(sql: str):
    """The WHERE clause of a table page's SQL if it only involves cube columns.

    Returns "" for no WHERE clause, None when the clause involves anything else
    (a search, another column, a custom ``_where``).
    """
    m = re.search(r"\bfrom\s+\S+\s+where\s+(.*)$", sql, re.S | re.I)
    if not m:
        return None if re.search(r"\bwhere\b", sql, re.I) else ""
    where = m.group(1)
    bare = re.sub(r"'(?:[^']|'')*'", " ", where)
    bare = re.sub(r":\w+", " ", bare)
    for quoted, bracketed, word in re.findall(r'"([^"]+)"|\[([^\]]+)\]|\b([A-Za-z_]\w*)', bare):
        name = quoted or bracketed or word
        if word and word.lower() in _SQL_WORDS:
            continue
        if name not in CUBE_COLUMNS:
            return None
    return where


class SummaryFacet(ColumnFacet):
    """Column facet served from summary tables instead of a GROUP BY over the table.

    Unfiltered page: ``facet_counts``. Page filtered on the columns of
    ``facts_cube`` only: that cube. A search or other filters on facts: one GROUP BY
    over the page's rows gives every facet (instead of one query per facet).
    Anything else: counted live like Datasette's column facet.
    """

    type = "summary"

    async def suggest(self):
        return []

    async def facet_results(self):
        results, timed_out = await self._facet_results()
        for facet in results:  # shown like Datasette's own column facets ("province", not
            facet["type"] = "column"  # "province (summary)")
        return results, timed_out

    def _summary_sql(self, column: str):
        """(sql, params) reading the counts of ``column`` from a summary table, or None."""
        where = cube_where(self.sql) if self.table in SUMMARISED or self.table in CUBED else None
        if where == "" and column in SUMMARISED.get(self.table, ("", ()))[1]:
            return ("select value, count from facet_counts where table_name = :_t "
                    "and column_name = :_c order by count desc, value limit :_n",
                    {"_t": SUMMARISED[self.table][0], "_c": column})
        if where is not None and self.table in CUBED and column in CUBE_COLUMNS:
            cond = f"({where}) and " if where else ""
            return (f"select [{column}] as value, sum(n) as count from {CUBED[self.table]} "
                    f"where {cond}[{column}] is not null group by [{column}] "
                    f"order by count desc, value limit :_n", dict(self.params or {}))
        return None

    async def _one_pass_counts(self, db, columns, limit):
        """Every facet of a searched/filtered page from one GROUP BY over its rows."""
        cols = ", ".join(f"[{c}]" for c in columns)
        limit_ms = self.ds.setting("facet_time_limit_ms") * 2
        try:
            # grouped on one key (the combination as a JSON array): sorting one text value
            # per row is ~15 ms cheaper than sorting on 8 columns at 15,000 matching rows
            rows = [(*json.loads(r[0]), r[1]) for r in (await db.execute(
                f"select json_array({cols}) as k, count(*) as n from ({self.sql}) group by k",
                self.params, custom_time_limit=limit_ms)).rows]
        except sqlite3.Error:  # a value JSON cannot hold (a blob)
            rows = [tuple(r) for r in (await db.execute(
                f"select {cols}, count(*) as n from ({self.sql}) group by {cols}", self.params,
                custom_time_limit=limit_ms)).rows]
        out = {}
        for i, column in enumerate(columns):
            counts = {}
            for row in rows:
                if row[i] is not None:
                    counts[row[i]] = counts.get(row[i], 0) + row[-1]
            ordered = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:limit]
            out[column] = [{"value": v, "count": n} for v, n in ordered]
        return out

    async def _facet_results(self):
        configs = self.get_configs()
        columns = [c["config"].get("column") or c["config"]["simple"] for c in configs]
        if not columns:
            return await super().facet_results()
        facet_results, facets_timed_out = [], []
        qs_pairs = self.get_querystring_pairs()
        facet_size = self.get_facet_size()
        db = self.ds.get_database(self.database)
        one_pass = None
        if any(self._summary_sql(c) is None for c in columns):
            if self.table not in CUBED or not set(columns) <= set(CUBE_COLUMNS):
                return await super().facet_results()
            try:
                one_pass = await self._one_pass_counts(db, columns, facet_size + 1)
            except QueryInterrupted:
                return [], columns
        for source_and_config, column in zip(configs, columns):
            if one_pass is not None:
                rows = one_pass[column]
            else:
                sql, params = self._summary_sql(column)
                try:
                    rows = (await db.execute(
                        sql, dict(params, _n=facet_size + 1),
                        custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                    )).rows
                except QueryInterrupted:
                    facets_timed_out.append(column)
                    continue
            values = []
            facet_results.append({
                "name": column, "type": self.type,
                "hideable": source_and_config["source"] != "metadata",
                "toggle_url": self.ds.urls.path(
                    path_with_removed_args(self.request, {"_facet_summary": column})),
                "results": values, "truncated": len(rows) > facet_size,
            })
            rows = rows[:facet_size]
            expanded = await self.ds.expand_foreign_keys(
                self.database, self.table, column, [r["value"] for r in rows])
            for row in rows:
                column_qs = f"{column}__exact" if column.startswith("_") else column
                selected = (column_qs, str(row["value"])) in qs_pairs
                if selected:
                    toggle_path = path_with_removed_args(self.request, {column_qs: str(row["value"])})
                else:
                    toggle_path = path_with_added_args(self.request, {column_qs: row["value"]})
                values.append({
                    "value": row["value"],
                    "label": expanded.get((column, row["value"]), row["value"]),
                    "count": row["count"],
                    "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(toggle_path)),
                    "selected": selected,
                })
        return facet_results, facets_timed_out


def _file_stamp(path: str):
    """Changes whenever SQLite writes the file (main file or its WAL)."""
    stamp = []
    for p in (path, path + "-wal"):
        try:
            st = os.stat(p)
            stamp.append((st.st_mtime_ns, st.st_size))
        except OSError:
            stamp.append(None)
    return tuple(stamp)


def _cache_table_counts(db) -> None:
    """Count a mutable file's tables once per change of the file, not on every page view.

    Datasette counts every table (FTS shadow tables included) each time the index
    or database page is shown: ~0.3-0.5 s at a million facts.
    """
    original = db.table_counts
    cache = {}

    async def table_counts(limit=10):
        key = (_file_stamp(db.path), limit)
        if cache.get("key") != key:
            cache["counts"] = await original(limit)
            cache["key"] = key
        return dict(cache["counts"])

    db.table_counts = table_counts


# Tables searched through an FTS5 index kept in sync by triggers (ocop_crawler.views:
# one FTS row per row of the table, rowid = id, inserted, updated and deleted with it),
# and the triggers that must exist for that to hold. fact_details is a view with one row
# per fact (same id).
SYNCED_FTS = {"facts": ("facts_fts", "facts"), "fact_details": ("facts_fts", "facts"),
              "articles": ("articles_fts", "articles")}
FTS_TRIGGERS = ("_ai", "_ad", "_au")
_SEARCH_COUNT = re.compile(
    r"select count\(\*\) from (\w+) where id in \(select rowid from (\w+) "
    r"where \2 match (escape_fts\(:search\)|:search)\) ?$")


def search_count_sql(sql: str, synced=SYNCED_FTS):
    """The count of a plain search page (``?_search=`` and nothing else) read from its index.

    Datasette counts a search's matches with ``select count(*) from facts where id in
    (select rowid from facts_fts where facts_fts match ...)``: every match is looked up
    in ``facts`` (20,000 scattered rows of a million: 30-50 ms). As each row of the FTS
    index is a row of the table (triggers), counting the index's matches gives the same
    number in a few ms. Returns None for any other SQL (filters, other tables).
    """
    m = _SEARCH_COUNT.match(sql)
    if not m or synced.get(m.group(1), ("",))[0] != m.group(2):
        return None
    return f"select count(*) from {m.group(2)} where {m.group(2)} match {m.group(3)}"


# Datasette resolves a table's spelling with this query on every view-table permission
# check: 66 times for the database page (every table and view, twice).
NAME_LOOKUP = ("select name from sqlite_master where type in ('table', 'view') "
               "and name = ? collate nocase")


_SEARCH_PAGE = re.compile(
    r"(select [\w\[\], ]+ from (\w+) where id in \(select rowid from (\w+) "
    r"where \3 match (?:escape_fts\(:search\)|:search))\) order by id( desc)? limit (\d+)$")


def search_page_sql(sql: str, synced=SYNCED_FTS):
    """The first page of a plain search sorted by id, its ids taken from the index in order.

    Datasette writes ``... where id in (select rowid from facts_fts where facts_fts match
    ...) order by id desc limit 51``: SQLite collects every match (20,000) before taking
    51. FTS5 returns its matches in rowid order itself, so ``order by rowid desc limit 51``
    inside the subquery picks the same rows (every index row is a row of the table) from
    the first 51 matches. Returns None for any other SQL (views, filters, later pages,
    other sort orders).
    """
    m = _SEARCH_PAGE.match(sql)
    if not m or m.group(2) not in synced or synced[m.group(2)] != (m.group(3), m.group(2)):
        return None
    direction = " desc" if m.group(4) else ""
    return (f"{m.group(1)} order by rowid{direction} limit {m.group(5)}) "
            f"order by id{direction} limit {m.group(5)}")


async def _speed_up_queries(db) -> None:
    """Wrap ``db.execute``: plain search counts and first pages are read from the FTS
    index (``search_count_sql``, ``search_page_sql``; only for the tables whose index and
    sync triggers exist at startup) and table-name lookups (``NAME_LOOKUP``) are answered once per change of
    the file, like the table counts.
    """
    names = {r[0] for r in (await db.execute(
        "select name from sqlite_master where type in ('table', 'trigger')")).rows}
    synced = {t: v for t, v in SYNCED_FTS.items()
              if v[0] in names and all(v[0] + suffix in names for suffix in FTS_TRIGGERS)}
    original = db.execute
    lookups = {}

    async def execute(sql, params=None, *args, **kwargs):
        if sql == NAME_LOOKUP and not args and not kwargs:
            key = (tuple(params or ()), _file_stamp(db.path))
            if key not in lookups:
                if len(lookups) > 10_000:
                    lookups.clear()
                lookups[key] = await original(sql, params)
            return lookups[key]
        if synced and isinstance(sql, str) and "match" in sql:
            if sql.startswith("select count(*) from "):
                sql = search_count_sql(sql, synced) or sql
            elif sql.endswith(tuple("0123456789")):
                sql = search_page_sql(sql, synced) or sql
        return await original(sql, params, *args, **kwargs)

    db.execute = execute


def _allow_signature(metadata) -> tuple:
    """What Datasette's view-table permission depends on in the metadata: every table's
    name and ``allow`` block (top level and per database)."""
    if not isinstance(metadata, dict):
        return (repr(metadata),)
    scopes = [(None, metadata.get("tables"))]
    databases = metadata.get("databases")
    if isinstance(databases, dict):
        scopes += [(name, cfg.get("tables") if isinstance(cfg, dict) else cfg)
                   for name, cfg in databases.items()]
    out = []
    for scope, tables in scopes:
        if isinstance(tables, dict):
            out.append((scope, tuple((name, repr(cfg.get("allow")) if isinstance(cfg, dict)
                                      else repr(cfg)) for name, cfg in tables.items())))
        elif tables is not None:
            out.append((scope, repr(tables)))
    return tuple(out)


def _cache_table_permissions(datasette) -> None:
    """Work out each table's ``allow`` blocks once, not on every permission check.

    Datasette 0.65.5 deep-copies the whole metadata (descriptions, canned queries) for
    every view-table check, and the database page checks every table and view twice:
    ~60 of its ~90 ms at this project's metadata. The answer only depends on the tables'
    names and allow blocks, which form the cache key; with a plugin that supplies
    metadata (``get_metadata`` hook) nothing is cached.
    """
    from datasette.plugins import pm

    original = getattr(datasette, "_table_permission_allows", None)
    if original is None:     # another Datasette version: nothing to cache
        return
    cache = {}

    def table_permission_allows(database, table):
        if pm.hook.get_metadata.get_hookimpls():
            return original(database, table)
        key = (database, table, _allow_signature(datasette._metadata_local))
        if key not in cache:
            if len(cache) > 10_000:
                cache.clear()
            cache[key] = original(database, table)
        return list(cache[key])

    datasette._table_permission_allows = table_permission_allows


@hookimpl
def startup(datasette):
    async def inner():
        _cache_table_permissions(datasette)
        for db in datasette.databases.values():
            if db.path and db.is_mutable and not db.is_memory:
                _cache_table_counts(db)
            if db.path and not db.is_memory:
                await _speed_up_queries(db)
    return inner


@hookimpl
def register_facet_classes():
    return [SummaryFacet]


# Column descriptions fold into a "What the columns mean" box above the table (they
# would otherwise push the rows below the fold) and become tooltips of the headers.
FOLD_DESCRIPTIONS = """
(function () {
  var dl = document.querySelector('dl.column-descriptions');
  if (!dl) return;
  var box = document.createElement('details');
  var summary = document.createElement('summary');
  summary.textContent = 'What the columns mean';
  box.appendChild(summary);
  dl.parentNode.insertBefore(box, dl);
  box.appendChild(dl);
  var dts = dl.querySelectorAll('dt');
  for (var i = 0; i < dts.length; i++) {
    var th = document.querySelector('th[data-column="' + dts[i].textContent + '"]');
    if (th && dts[i].nextElementSibling) th.title = dts[i].nextElementSibling.textContent;
  }
})();
"""


@hookimpl
def extra_body_script(request):
    return FOLD_DESCRIPTIONS

