"""Atom feeds monitors can rely on, and dates checked before a query runs.

Self-contained (copied into hosted deployments next to ``ocop.py``).

* The ``.atom`` renderer (it replaces datasette-atom's, whose columns it reads:
  ``atom_id``, ``atom_title``, ``atom_updated``, optional ``atom_link``,
  ``atom_content``/``atom_content_html``, ``atom_author_name``): an empty result is
  a valid empty feed (its ``updated`` is when the summaries were last rebuilt),
  every feed has a feed-level author, a stable id and a title naming its
  parameters ("… — Hà Tĩnh").
* SQL functions ``ocop_number(value)`` ("17.500", "12,5") and
  ``ocop_fact_title(province, district, metric, unit, kind, increment, value,
  comparator, stars_min, stars_max, year, segment)``: an entry title that says
  what the number is ("Hà Tĩnh: thêm 46 sản phẩm OCOP 3–5★ (đạt, 2024)",
  "trên 700", "tối thiểu 500", "5★").
* Canned queries with a ``:since`` parameter answer a date that is not
  YYYY-MM-DD ("01/02/2025", "yesterday") with HTTP 400 and one clear line instead
  of running (a text comparison would return every row).
"""
from __future__ import annotations

import json
import re
from datetime import date, datetime, timezone
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response

FEED_AUTHOR = {"name": "ocop-harvester", "uri": "https://www.gnu.org/licenses/gpl-3.0.html"}
COMPARATOR_WORDS = {"gt": "trên", "gte": "tối thiểu", "lt": "dưới", "lte": "tối đa",
                    "approx": "khoảng"}
METRIC_WORDS = {"products": "sản phẩm OCOP", "subjects": "chủ thể OCOP"}
KIND_WORDS = {"actual": "đạt", "target": "mục tiêu"}


# -- entry titles ------------------------------------------------------------------

def vn_number(value) -> str | None:
    """A number as Vietnamese papers print it: 17500 → "17.500", 12.5 → "12,5"."""
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if number.is_integer():
        return f"{int(number):,}".replace(",", ".")
    whole, _, frac = f"{number:.2f}".rstrip("0").partition(".")
    return f"{int(whole):,}".replace(",", ".") + ("," + frac if frac else "")


def stars_label(stars_min, stars_max) -> str:
    if stars_min is None:
        return ""
    if stars_max is None or stars_min == stars_max:
        return f"{stars_min}★"
    return f"{stars_min}–{stars_max}★"


def fact_title(province, district, metric, unit, kind, increment, value, comparator,
               stars_min, stars_max, year, segment) -> str:
    """"Hà Tĩnh / Can Lộc: thêm 46 sản phẩm OCOP 4★ · hợp tác xã (đạt, 2024)"."""
    place = (province or "Việt Nam") + (f" / {district}" if district else "")
    words = []
    if increment:
        words.append("thêm")
    if comparator in COMPARATOR_WORDS:
        words.append(COMPARATOR_WORDS[comparator])
    words.append((vn_number(value) or "?") + ("%" if unit == "percent" else ""))
    words.append(METRIC_WORDS.get(metric, metric or ""))
    stars = stars_label(stars_min, stars_max)
    if stars:
        words.append(stars)
    title = f"{place}: {' '.join(w for w in words if w)}"
    if segment:
        title += f" · {segment}"
    detail = KIND_WORDS.get(kind, kind or "")
    if year:
        detail += f", {year}"
    return f"{title} ({detail})"


@hookimpl
def prepare_connection(conn):
    conn.create_function("ocop_number", 1, vn_number, deterministic=True)
    conn.create_function("ocop_fact_title", 12, fact_title, deterministic=True)


# -- the Atom renderer -----------------------------------------------------------

REQUIRED_COLUMNS = {"atom_id", "atom_updated", "atom_title"}


def _feed_id(request) -> str:
    """Stable across hosts and reruns: the path and its non-underscore parameters."""
    params = sorted((k, v) for k in request.args.keys() if not k.startswith("_")
                    for v in request.args.getlist(k))
    query = urlencode(params)
    return f"tag:ocop-harvester,2024:feed:{request.path}" + (f"?{query}" if query else "")


async def _data_as_of(datasette, database) -> str:
    """When the summaries were last rebuilt (the updated time of an empty feed)."""
    try:
        row = (await datasette.get_database(database).execute(
            "select refreshed_at from summary_state where id = 1")).first()
        if row and row[0]:
            return row[0]
    except Exception:  # a file without summaries
        pass
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _clean_html(html: str) -> str:
    try:  # the sanitiser datasette-atom uses, when it is installed
        from datasette_atom import clean
    except ImportError:
        import html as _html
        return _html.escape(html)
    return clean(html)


async def render_atom(datasette, request, sql, columns, rows, database, table, query_name,
                      data):
    from datasette.views.base import DatasetteError
    from feedgen.feed import FeedGenerator

    if not REQUIRED_COLUMNS.issubset(columns):
        raise DatasetteError("SQL query must return columns " + ", ".join(sorted(REQUIRED_COLUMNS)),
                             status=400)
    title = None
    if query_name:
        try:
            title = datasette.metadata(database=database)["queries"][query_name]["title"]
        except (KeyError, TypeError):
            title = None
    if not title:
        title = request.args.get("_feed_title") or (f"{database}/{table}" if table else query_name) \
            or "OCOP facts"
    params = [request.args.get(k) for k in request.args.keys()
              if not k.startswith("_") and request.args.get(k)]
    if params:
        title += " — " + ", ".join(params)
    fg = FeedGenerator()
    fg.id(_feed_id(request))
    fg.title(title)
    fg.author(FEED_AUTHOR)
    fg.link(href=request.url, rel="self")
    fg.link(href=re.sub(r"\.atom(?=$|\?)", "", request.url), rel="alternate")
    fg.generator(generator="ocop-harvester (Datasette)")
    updated = [row["atom_updated"] for row in rows if row["atom_updated"]]
    fg.updated(max(updated) if updated else await _data_as_of(datasette, database))
    for row in reversed(rows):  # feedgen lists the last added first
        entry = fg.add_entry()
        entry.id(str(row["atom_id"]))
        entry.title(str(row["atom_title"]))
        entry.updated(row["atom_updated"] or fg.updated())
        if "atom_content_html" in columns and row["atom_content_html"]:
            entry.content(_clean_html(row["atom_content_html"]), type="html")
        elif "atom_content" in columns and row["atom_content"]:
            entry.content(row["atom_content"], type="text")
        if "atom_link" in columns and row["atom_link"]:
            entry.link(href=row["atom_link"], rel="alternate")
        if "atom_author_name" in columns and row["atom_author_name"]:
            entry.author({"name": row["atom_author_name"]})
    return Response(fg.atom_str(pretty=True), content_type="application/atom+xml; charset=utf-8",
                    status=200)


def can_render_atom(columns):
    return REQUIRED_COLUMNS.issubset(columns)


@hookimpl(trylast=True)  # called after datasette-atom's hook, so this one serves .atom
def register_output_renderer(datasette):
    return {"extension": "atom", "render": render_atom, "can_render": can_render_atom}


# -- dates checked before a canned query runs -------------------------------------------

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)?$")


def date_error(text: str) -> str | None:
    """None when ``text`` is a date YYYY-MM-DD (optionally with a time), else why not."""
    text = (text or "").strip()
    if _ISO.match(text):
        try:
            date.fromisoformat(text[:10])
            return None
        except ValueError:
            return f"since={text!r} is not a real date (YYYY-MM-DD)"
    m = _DMY.match(text)
    if m:
        day, month, year = (int(g) for g in m.groups())
        try:
            iso = date(year, month, day).isoformat()
            named = f"{day} {_MONTHS[month - 1]} {year}"
            return f"since={text!r}: write dates as YYYY-MM-DD (for {named}: since={iso})"
        except ValueError:
            pass
    return f"since={text!r} is not a date: write it as YYYY-MM-DD, e.g. since=2025-01-31"


def _since_queries(datasette) -> set[str]:
    names = set()
    for db in (datasette.metadata("databases") or {}).values():
        for name, query in (db.get("queries") or {}).items():
            sql = query.get("sql", "") if isinstance(query, dict) else str(query)
            if re.search(r":since\b", sql):
                names.add(name)
    return names


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def checked(scope, receive, send):
            if scope.get("type") == "http":
                m = re.match(r"^/[^/]+/([^/.]+)(\.\w+)?$", scope.get("path", ""))
                if m and m.group(1) in _since_queries(datasette):
                    args = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
                    since = args.get("since")
                    error = date_error(since) if since else None
                    if error:
                        await _bad_request(datasette, scope, receive, send, error, m.group(2))
                        return
            await app(scope, receive, send)
        return checked
    return wrap


async def _bad_request(datasette, scope, receive, send, error, ext):
    from datasette.utils.asgi import Request
    if ext == ".json":
        body, ctype = json.dumps({"ok": False, "error": error, "status": 400},
                                 ensure_ascii=False), "application/json; charset=utf-8"
    elif ext:
        body, ctype = error + "\n", "text/plain; charset=utf-8"
    else:
        body = await datasette.render_template(
            "error.html", {"ok": False, "error": error, "status": 400,
                           "title": "Ngày không hợp lệ · Invalid date"},
            request=Request(dict(scope, csrftoken=lambda: ""), receive))
        ctype = "text/html; charset=utf-8"
    await send({"type": "http.response.start", "status": 400,
                "headers": [[b"content-type", ctype.encode()]]})
    await send({"type": "http.response.body", "body": body.encode("utf-8")})
