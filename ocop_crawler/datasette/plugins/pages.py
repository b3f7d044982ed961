"""Pages for researchers: a province's reconciled series, provinces ranked, the map,
and every figure one click from its fact (self-contained: copied into hosted deployments).

* ``/-/ocop/provinces`` – provinces ranked by their latest totals (or a year's), with
  sortable columns and an offline map (an SVG drawn from the gazetteer's coordinates:
  no tile server, no script), as published (63) or on the 2025 map (34).
* ``/-/ocop/province/<name>`` – a province's series year by year, its chart (SVG) and the
  reports that disagree with the chosen values, both sentences side by side. The name
  may be typed without diacritics or in its 2025 form.
* The row page of a fact (``/ocop/facts/<id>``) shows its sentence highlighted in the
  stored article text, with the article's title, date, outlet, original URL and the
  stored copy (``/ocop/articles/<id>``) that stands in when the original is gone.
* ``render_cell``: in the summary queries and tables, a value whose row carries its fact
  (a ``<column>_fact`` column, or ``fact_id`` beside ``value``) links to that fact.

Everything reads the summary tables ``series`` and ``series_conflicts`` that
``ocop_crawler.views.refresh`` builds (rule: docs/series.md).
"""
from __future__ import annotations

import math
import urllib.parse

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

DB = "ocop"
MERGER_NOTE = "the 34-province map in force since 1 July 2025"
SIGN = {"eq": "", "gte": "≥ ", "gt": "> ", "lte": "≤ ", "lt": "< ", "approx": "≈ "}
COMPARATOR_WORDS = {"eq": "exactly", "gte": "at least", "gt": "more than", "lte": "at most",
                    "lt": "under", "approx": "about"}

# The columns of a province's series table and of the ranking:
# (name, label, metric, kind, increment, stars_min, stars_max)
COLUMNS = [
    ("products", "Sản phẩm / products 3–5★", "products", "actual", 0, 3, 5),
    ("products_3_star", "3★", "products", "actual", 0, 3, 3),
    ("products_4_star", "4★", "products", "actual", 0, 4, 4),
    ("products_5_star", "5★", "products", "actual", 0, 5, 5),
    ("products_added", "Thêm / added in the year", "products", "actual", 1, 3, 5),
    ("subjects", "Chủ thể / subjects", "subjects", "actual", 0, 3, 5),
    ("target", "Mục tiêu / target", "products", "target", 0, 3, 5),
    ("target_added", "Mục tiêu thêm / target added", "products", "target", 1, 3, 5),
]
CHART_SERIES = [  # (column, legend, colour, dashed)
    ("products", "products, total (3–5★)", "#1f77b4", False),
    ("products_added", "products added in the year", "#2ca02c", False),
    ("subjects", "subjects (producers), total", "#ff7f0e", False),
    ("target", "products target (total, by deadline)", "#d62728", True),
]


def _num(v) -> str:
    if v is None:
        return ""
    if float(v).is_integer():
        return f"{int(v):,}".replace(",", ".")  # Vietnamese thousands: 17.500
    return f"{v:g}".replace(".", ",")


def fact_url(datasette, fact_id) -> str:
    return datasette.urls.path(f"/{DB}/facts/{int(fact_id)}")


def facts_url(datasette, fact_ids: str) -> str:
    return datasette.urls.path(f"/{DB}/facts?" + urllib.parse.urlencode({"id__in": fact_ids}))


def province_url(datasette, name, scope=None) -> str:
    url = datasette.urls.path("/-/ocop/province/" + urllib.parse.quote(name))
    return url + ("?scope=" + scope if scope else "")


def cell_link(datasette, cell) -> Markup:
    """A series value as a link to its fact (or to the facts it sums)."""
    if not cell:
        return Markup("")
    text = SIGN.get(cell.get("comparator") or "eq", "") + _num(cell["value"])
    if cell.get("fact_id"):
        href = fact_url(datasette, cell["fact_id"])
    elif cell.get("fact_ids"):
        href = facts_url(datasette, cell["fact_ids"])
    else:
        return Markup(escape(text))
    title = f"{cell.get('reports') or 1} report(s); as of {cell.get('as_of') or cell.get('year')}"
    if cell.get("parts") and cell.get("parts_total", 1) > 1:
        title += f"; {cell['parts']} of {cell['parts_total']} provinces: {cell.get('provinces')}"
    return Markup('<a class="figure" href="{}" title="{}">{}</a>').format(href, title, text)


# -- render_cell: figures of canned queries and summary tables link to their fact ----

@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if value is None or not isinstance(value, (int, float)) or column.endswith("_fact"):
        return None
    keys = row.keys() if hasattr(row, "keys") else []
    fact_id = None
    if f"{column}_fact" in keys:
        fact_id = row[f"{column}_fact"]
    elif column in ("value", "fact_id") and "fact_id" in keys and table in (
            "series", "province_totals", "province_years"):
        fact_id = row["fact_id"]
    if not fact_id:
        return None
    return Markup('<a class="figure" href="{}">{}</a>').format(
        fact_url(datasette, fact_id), _num(value))


# -- the fact row page: its sentence in the stored article -------------------------

def highlight(body: str, start, end, evidence: str) -> Markup:
    """The article body with the fact's sentence marked (offsets, else a text search)."""
    body = body or ""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body)):
        start = body.find(evidence or "\0")
        end = start + len(evidence or "")
    if start < 0 or not evidence:
        return Markup("{}").format(body)
    return Markup('{}<mark id="sentence">{}</mark>{}').format(
        body[:start], body[start:end], body[end:])


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if view_name != "row" or table != "facts" or database != DB or request is None:
        return {}

    async def inner():
        pk = request.url_vars.get("pks", "")
        if not pk.isdigit():
            return {}
        rows = (await datasette.get_database(DB).execute(
            "select f.id, f.evidence, f.sent_start, f.sent_end, f.value, f.comparator, f.metric,"
            " f.kind, f.increment, f.stars_min, f.stars_max, f.year, f.province, f.segment,"
            " a.id as article_id, a.title, a.url, a.published, a.author, a.body,"
            " s.title as source from facts f join articles a on a.id = f.article_id"
            " left join sources s on s.id = a.source_id where f.id = ?", [int(pk)])).rows
        if not rows:
            return {}
        r = dict(rows[0])
        r["highlighted"] = highlight(r["body"], r["sent_start"], r["sent_end"], r["evidence"])
        r["stored_url"] = datasette.urls.path(f"/{DB}/articles/{r['article_id']}")
        r["figure"] = SIGN.get(r["comparator"] or "eq", "") + _num(r["value"])
        r["comparator_words"] = COMPARATOR_WORDS.get(r["comparator"] or "eq", "")
        r["province_url"] = province_url(datasette, r["province"]) if r["province"] else None
        return {"ocop_fact": r}

    return inner


# -- data ----------------------------------------------------------------------------

async def _resolve(db, name: str):
    """The provinces row for a name typed any way (None when no province matches)."""
    rows = (await db.execute(
        "select * from provinces where key = ocop_key(:n) or name = :n "
        "union all select * from provinces where key_2025 = ocop_key(:n) and name = name_2025 "
        "limit 1", {"n": name})).rows
    return dict(rows[0]) if rows else None


def _cell_key(r):
    return (r["metric"], r["kind"], r["increment"], r["stars_min"], r["stars_max"])


_KEY_OF = {c[0]: c[2:] for c in COLUMNS}


async def series_by_year(db, scope: str, area_key: str) -> dict:
    """{year: {column: series row}} for one area."""
    rows = (await db.execute(
        "select * from series where scope = :scope and area_key = :k and unit = 'count' "
        "order by year", {"scope": scope, "k": area_key})).rows
    out: dict = {}
    by_key = {v: k for k, v in _KEY_OF.items()}
    for r in rows:
        col = by_key.get(_cell_key(r))
        if col:
            out.setdefault(r["year"], {})[col] = dict(r)
    return out


async def ranking(db, scope: str, year: int | None) -> list[dict]:
    """One row per area: the latest value of each column (or the year's)."""
    where = "year = :year" if year else "1 = 1"
    rows = (await db.execute(
        f"select * from series where scope = :scope and unit = 'count' and {where} "
        "order by area, year", {"scope": scope, "year": year})).rows
    by_key = {v: k for k, v in _KEY_OF.items()}
    areas: dict = {}
    for r in rows:
        col = by_key.get(_cell_key(r))
        if not col:
            continue
        a = areas.setdefault(r["area"], {"area": r["area"], "area_key": r["area_key"]})
        if year is None and col in ("products_added", "target_added"):
            continue  # additions are of a year: shown when a year is chosen
        if col == "target":
            a.setdefault("_targets", []).append(dict(r))
        a[col] = dict(r)  # ordered by year: the last one is the latest
    out = []
    for a in areas.values():
        # the target: the nearest deadline not before the latest total's year, else the last
        since = (a.get("products") or {}).get("year", 0)
        ahead = [t for t in a.pop("_targets", []) if t["year"] >= since]
        if ahead:
            a["target"] = ahead[0]
        p, t = a.get("products"), a.get("target")
        a["progress"] = round(100.0 * p["value"] / t["value"]) if p and t and t["value"] else None
        a["reports"] = sum((a[c] or {}).get("reports") or 0 for c in _KEY_OF if c in a)
        a["conflicts"] = sum((a[c] or {}).get("conflicts") or 0 for c in _KEY_OF if c in a)
        out.append(a)
    return out


SORTABLE = ["area"] + [c[0] for c in COLUMNS] + ["progress", "reports", "conflicts"]


def sort_rows(rows, sort: str, desc: bool):
    def key(a):
        v = a.get(sort)
        if isinstance(v, dict):
            v = v.get("value")
        if sort == "area":
            return (0, a["area_key"] or "")
        return (0 if v is not None else 1, -(v or 0) if desc else (v or 0))
    rows.sort(key=key, reverse=(sort == "area" and desc))
    return rows


# -- SVG: chart and map (no scripts, no tiles) ---------------------------------------

def _nice_ticks(top: float, n: int = 5) -> list[float]:
    if top <= 0:
        return [0, 1]
    raw = top / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(s * mag for s in (1, 2, 2.5, 5, 10) if s * mag >= raw)
    return [i * step for i in range(int(math.ceil(top / step)) + 1)]


def chart_svg(datasette, by_year: dict, width=960, height=420) -> Markup:
    """A line chart of the series over the years: a time axis, a y axis, a legend, every
    point a link to its fact."""
    years = sorted(by_year)
    if not years:
        return Markup("<p>No series to draw yet.</p>")
    lo, hi = years[0], years[-1]
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    values = [c["value"] for y in years for col, *_ in CHART_SERIES
              if (c := by_year[y].get(col)) is not None]
    ticks = _nice_ticks(max(values) if values else 1)
    top = ticks[-1] or 1
    ml, mr, mt, mb = 70, 20, 70, 50
    pw, ph = width - ml - mr, height - mt - mb

    def x(year):
        return ml + (year - lo) / (hi - lo) * pw

    def y(v):
        return mt + ph - v / top * ph

    parts = [f'<svg class="ocop-chart" xmlns="http://www.w3.org/2000/svg" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Series over the years" font-family="sans-serif" font-size="14">']
    for t in ticks:
        parts.append(f'<line x1="{ml}" x2="{ml + pw}" y1="{y(t):.1f}" y2="{y(t):.1f}" '
                     f'stroke="#ddd"/><text x="{ml - 8}" y="{y(t) + 5:.1f}" '
                     f'text-anchor="end">{escape(_num(t))}</text>')
    for yr in range(lo, hi + 1):
        parts.append(f'<line x1="{x(yr):.1f}" x2="{x(yr):.1f}" y1="{mt + ph}" y2="{mt + ph + 6}" '
                     f'stroke="#333"/><text class="year" x="{x(yr):.1f}" y="{mt + ph + 24}" '
                     f'text-anchor="middle">{yr}</text>')
    parts.append(f'<line x1="{ml}" x2="{ml + pw}" y1="{mt + ph}" y2="{mt + ph}" stroke="#333"/>'
                 f'<line x1="{ml}" x2="{ml}" y1="{mt}" y2="{mt + ph}" stroke="#333"/>'
                 f'<text x="{ml + pw / 2}" y="{height - 6}" text-anchor="middle">'
                 f'năm / year (as-of year of the figure)</text>')
    lx = ml
    for i, (col, legend, colour, dashed) in enumerate(CHART_SERIES):  # legend, 2 per row
        lx, ly = ml + (i % 2) * (pw / 2), 18 + (i // 2) * 22
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        parts.append(f'<g class="legend"><line x1="{lx:.1f}" x2="{lx + 28:.1f}" y1="{ly}" '
                     f'y2="{ly}" stroke="{colour}" stroke-width="3"{dash}/>'
                     f'<text x="{lx + 36:.1f}" y="{ly + 5}">{escape(legend)}</text></g>')
    for col, legend, colour, dashed in CHART_SERIES:
        pts = [(yr, by_year[yr][col]) for yr in years if col in by_year[yr]]
        if not pts:
            continue
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        if len(pts) > 1:
            path = " ".join(f"{x(yr):.1f},{y(c['value']):.1f}" for yr, c in pts)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                         f'stroke-width="2.5"{dash}/>')
        for yr, c in pts:
            href = fact_url(datasette, c["fact_id"]) if c.get("fact_id") else (
                facts_url(datasette, c["fact_ids"]) if c.get("fact_ids") else "#")
            label = f"{legend} {yr}: {SIGN.get(c['comparator'] or 'eq', '')}{_num(c['value'])}"
            parts.append(Markup('<a href="{}"><circle cx="{:.1f}" cy="{:.1f}" r="6" fill="{}">'
                                '<title>{}</title></circle></a>').format(
                href, x(yr), y(c["value"]), colour, label))
    parts.append("</svg>")
    return Markup("".join(str(p) for p in parts))


# Vietnam spans about 102.1–109.5 °E and 8.4–23.4 °N.
LON0, LON1, LAT0, LAT1 = 101.8, 110.2, 8.0, 23.8


def map_svg(datasette, provinces: list[dict], values: dict, scope: str,
            width=380, height=710) -> Markup:
    """Provinces as circles sized by products (area ∝ value) over a silhouette of the
    country drawn from the same coordinates; each circle links to its province page."""
    lat_c, lon_c = ("latitude_2025", "longitude_2025") if scope == "province_2025" else (
        "latitude", "longitude")

    def px(lon, lat):
        return ((lon - LON0) / (LON1 - LON0) * width,
                (LAT1 - lat) / (LAT1 - LAT0) * height)

    parts = [f'<svg class="ocop-map" xmlns="http://www.w3.org/2000/svg" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Map of provinces" font-family="sans-serif" font-size="12">',
             f'<rect width="{width}" height="{height}" fill="#eaf3fb"/>']
    for lat in range(9, 24, 2):  # graticule
        _, yy = px(LON0, lat)
        parts.append(f'<line x1="0" x2="{width}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="#cddff0"/>'
                     f'<text x="4" y="{yy - 3:.1f}" fill="#7a93ab">{lat}°N</text>')
    for lon in range(103, 111, 2):
        xx, _ = px(lon, LAT0)
        parts.append(f'<line x1="{xx:.1f}" x2="{xx:.1f}" y1="0" y2="{height}" stroke="#cddff0"/>'
                     f'<text x="{xx + 3:.1f}" y="{height - 4}" fill="#7a93ab">{lon}°E</text>')
    # the land: every province of 2019–2025 as a disc (the 63 discs overlap into the country)
    land = "".join(f'<circle cx="{px(p["longitude"], p["latitude"])[0]:.1f}" '
                   f'cy="{px(p["longitude"], p["latitude"])[1]:.1f}" r="{width / 18:.1f}"/>'
                   for p in provinces if p.get("latitude"))
    parts.append(f'<g class="land" fill="#f4efe4" stroke="none">{land}</g>')
    top = max([v["value"] for v in values.values()] or [1])
    seen = set()
    shown = sorted(((values.get(p["key_2025" if scope == "province_2025" else "key"]), p)
                    for p in provinces), key=lambda vp: -(vp[0]["value"] if vp[0] else 0))
    for v, p in shown:
        key = p["key_2025" if scope == "province_2025" else "key"]
        if key in seen or p.get(lat_c) is None:
            continue
        seen.add(key)
        name = p["name_2025" if scope == "province_2025" else "name"]
        cx, cy = px(p[lon_c], p[lat_c])
        href = province_url(datasette, name, "2025" if scope == "province_2025" else None)
        if not v:
            parts.append(Markup('<a href="{}"><circle cx="{:.1f}" cy="{:.1f}" r="3" '
                                'fill="#b9b3a6"><title>{}: no total reported</title></circle></a>'
                                ).format(href, cx, cy, name))
            continue
        r = 4 + 30 * math.sqrt(v["value"] / top)
        label = f"{name}: {SIGN.get(v['comparator'] or 'eq', '')}{_num(v['value'])} products ({v['year']})"
        parts.append(Markup(
            '<a href="{}" class="province"><circle cx="{:.1f}" cy="{:.1f}" r="{:.1f}" '
            'fill="#1f77b4" fill-opacity="0.55" stroke="#0b3d66"><title>{}</title></circle>'
            '<text x="{:.1f}" y="{:.1f}" font-size="12" fill="#0b2540">{} {}</text></a>').format(
            href, cx, cy, r, label, cx + r + 3, cy + 4, name, _num(v["value"])))
    lx, ly = px(102.0, 13.2)  # the legend over Cambodia, west of the Mekong delta
    parts.append(f'<g transform="translate({lx:.0f},{ly:.0f})" class="legend">'
                 f'<rect width="128" height="104" fill="#fff" fill-opacity="0.85"/>'
                 f'<text x="6" y="16">products (3–5★)</text>')
    for i, frac in enumerate((1.0, 0.25)):
        r = 4 + 30 * math.sqrt(frac)
        parts.append(f'<circle cx="{38 + i * 56}" cy="{56}" r="{r:.1f}" fill="#1f77b4" '
                     f'fill-opacity="0.55" stroke="#0b3d66"/><text x="{38 + i * 56}" y="100" '
                     f'text-anchor="middle">{escape(_num(round(top * frac)))}</text>')
    parts.append("</g></svg>")
    return Markup("".join(str(p) for p in parts))


# -- pages ---------------------------------------------------------------------------

async def _state(db):
    try:
        rows = (await db.execute("select refreshed_at from summary_state where id = 1")).rows
    except Exception:  # no summaries yet
        return None
    return rows[0][0] if rows else None


async def provinces_page(datasette, request):
    db = datasette.get_database(DB)
    scope = "province_2025" if request.args.get("scope") == "2025" else "province"
    year = request.args.get("year", "")
    year = int(year) if year.isdigit() else None
    sort = request.args.get("sort", "products")
    sort = sort if sort in SORTABLE else "products"
    desc = request.args.get("order", "asc" if sort == "area" else "desc") != "asc"
    rows = sort_rows(await ranking(db, scope, year), sort, desc)
    provinces = [dict(r) for r in (await db.execute("select * from provinces")).rows]
    values = {a["area_key"]: a["products"] for a in rows if a.get("products")}
    years = [r[0] for r in (await db.execute(
        "select distinct year from series where scope = :s order by year", {"s": scope})).rows]

    def sort_url(col):
        order = "asc" if (col == sort and desc) or (col == "area" and col != sort) else "desc"
        args = {"sort": col, "order": order}
        if scope == "province_2025":
            args["scope"] = "2025"
        if year:
            args["year"] = year
        return "?" + urllib.parse.urlencode(args)

    for a in rows:
        a["url"] = province_url(datasette, a["area"], "2025" if scope == "province_2025" else None)
        a["cells"] = {c[0]: cell_link(datasette, a.get(c[0])) for c in COLUMNS}
    columns = [c for c in COLUMNS if year or c[0] not in ("products_added", "target_added")]
    return Response.html(await datasette.render_template("ocop_provinces.html", {
        "rows": rows, "columns": columns, "scope": scope, "year": year, "years": years,
        "sort": sort, "desc": desc, "sort_url": sort_url, "refreshed_at": await _state(db),
        "map": map_svg(datasette, provinces, values, scope), "merger_note": MERGER_NOTE,
    }, request=request))


async def province_page(datasette, request):
    db = datasette.get_database(DB)
    name = urllib.parse.unquote(request.url_vars["name"])
    p = await _resolve(db, name)
    if p is None:
        return Response.html(await datasette.render_template("ocop_province.html", {
            "missing": name, "provinces": [r[0] for r in (await db.execute(
                "select name from provinces order by name")).rows]}, request=request), status=404)
    scope = "province_2025" if request.args.get("scope") == "2025" else "province"
    area, key = (p["name_2025"], p["key_2025"]) if scope == "province_2025" else (p["name"], p["key"])
    by_year = await series_by_year(db, scope, key)
    merged = [r[0] for r in (await db.execute(
        "select name from provinces where key_2025 = :k order by name", {"k": p["key_2025"]})).rows]
    conflicts = [dict(r) for r in (await db.execute(
        "select * from series_conflicts where " + (
            "area_key in (select key from provinces where key_2025 = :k)"
            if scope == "province_2025" else "area_key = :k") +
        " order by year, metric, kind, increment, stars_min desc, stars_max", {"k": key})).rows]
    for c in conflicts:
        c["url"] = fact_url(datasette, c["fact_id"])
        c["other_url"] = fact_url(datasette, c["other_fact_id"])
        c["article_url"] = datasette.urls.path(f"/{DB}/articles/{c['article_id']}")
        c["other_article_url"] = datasette.urls.path(f"/{DB}/articles/{c['other_article_id']}")
        c["shown"] = SIGN.get(c["comparator"] or "eq", "") + _num(c["value"])
        c["other_shown"] = SIGN.get(c["other_comparator"] or "eq", "") + _num(c["other_value"])
        c["series"] = (f"{c['metric']} {c['kind']} {'added' if c['increment'] else 'total'} "
                       f"{c['stars']}")
    table = [{"year": y, "cells": {c[0]: cell_link(datasette, by_year[y].get(c[0]))
                                   for c in COLUMNS}} for y in sorted(by_year)]
    return Response.html(await datasette.render_template("ocop_province.html", {
        "p": p, "area": area, "scope": scope, "merged": merged, "columns": COLUMNS,
        "table": table, "chart": chart_svg(datasette, by_year), "conflicts": conflicts,
        "refreshed_at": await _state(db), "merger_note": MERGER_NOTE,
        "url_as_published": province_url(datasette, p["name"]),
        "url_2025": province_url(datasette, p["name_2025"], "2025"),
        "parts": [(m, province_url(datasette, m)) for m in merged],
    }, request=request))


@hookimpl
def register_routes():
    return [
        (r"^/-/ocop/provinces$", provinces_page),
        (r"^/-/ocop/province/(?P<name>[^/]+)$", province_page),
    ]
