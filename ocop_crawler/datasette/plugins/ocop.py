"""The project's Datasette plugin (self-contained: it is copied into hosted deployments).

* SQL functions for every connection: ``ocop_fold(text)`` strips Vietnamese
  diacritics including đ→d ("Đồng Tháp" → "Dong Thap"); ``ocop_key(name)`` turns a
  province name into a spelling-proof key ("Tỉnh Hoà Bình", "hoa binh" →
  "hoabinh"), used by the canned queries' ``:province`` parameter.
* A ``summary`` facet type: like Datasette's column facet, but on an unfiltered
  table it reads the value counts from the ``facet_counts`` summary table that
  ``ocop_crawler.views.refresh`` keeps, instead of a GROUP BY over a million rows.
  Filtered pages (a selected facet, a search) are counted live as usual.
* The chart of the ``province_over_time`` canned query opens with a line per
  series (datasette-vega reads its settings from the URL fragment).
"""
from __future__ import annotations

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
SUMMARISED = {"facts": "facts", "fact_details": "facts", "skipped": "skipped",
              "articles": "articles"}


class SummaryFacet(ColumnFacet):
    """Column facet served from ``facet_counts`` when the page is not filtered."""

    type = "summary"

    async def suggest(self):
        return []

    def _unfiltered(self) -> bool:
        return (self.table in SUMMARISED and not self.params
                and not re.search(r"\bwhere\b", self.sql, re.I))

    async def facet_results(self):
        results, timed_out = await self._facet_results()
        for facet in results:  # shown like Datasette's own column facets ("province", not
            facet["type"] = "column"  # "province (summary)")
        return results, timed_out

    async def _facet_results(self):
        if not self._unfiltered():
            return await super().facet_results()
        facet_results, facets_timed_out = [], []
        qs_pairs = self.get_querystring_pairs()
        facet_size = self.get_facet_size()
        db = self.ds.get_database(self.database)
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            try:
                rows = (await db.execute(
                    "select value, count from facet_counts where table_name = ? "
                    "and column_name = ? order by count desc, value limit ?",
                    [SUMMARISED[self.table], column, facet_size + 1],
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


@hookimpl
def register_facet_classes():
    return [SummaryFacet]


VEGA_DEFAULTS = ("g.mark=line&g.x_column=year&g.x_type=ordinal&g.y_column=value"
                 "&g.y_type=quantitative&g.color_column=series")


@hookimpl
def extra_body_script(request):
    if request is not None and request.path.rstrip("/").endswith("/province_over_time"):
        return (f"if (!location.hash) {{ history.replaceState(null, '', "
                f"location.pathname + location.search + '#{VEGA_DEFAULTS}'); }}")
    return ""

