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

import os
import re
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


@hookimpl
def prepare_connection(conn):
    conn.create_function("ocop_fold", 1, fold, deterministic=True)
    conn.create_function("ocop_key", 1, province_key, deterministic=True)


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
        rows = (await db.execute(
            f"select {cols}, count(*) as n from ({self.sql}) group by {cols}", self.params,
            custom_time_limit=self.ds.setting("facet_time_limit_ms") * 2,
        )).rows
        out = {}
        for i, column in enumerate(columns):
            counts = {}
            for row in rows:
                if row[i] is not None:
                    counts[row[i]] = counts.get(row[i], 0) + row["n"]
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


@hookimpl
def startup(datasette):
    for db in datasette.databases.values():
        if db.path and db.is_mutable and not db.is_memory:
            _cache_table_counts(db)


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

