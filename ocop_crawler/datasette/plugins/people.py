"""Pages for people: the province box, Vietnamese labels, readable cells, superseded facts.

Self-contained (copied into hosted deployments next to ``ocop.py``).

* The ``province`` box of a canned query offers every province (a datalist of the
  63 provinces of 2019–2025, the 34 of the 2025 map and "TP.HCM"); the ``since``
  box is a date picker and ``year`` a number.
* Column headers and facets carry a Vietnamese label beside the English column
  name ("Tỉnh" over ``province``; facet "Tỉnh · province").
* Cells: an integral float shows as an integer (350, not 350.0); the evidence
  sentence wraps and its number is highlighted (``<mark>``).
* ``/ocop/facts/ID`` of a fact id that no longer exists (``superseded_facts``)
  says what replaced it and links on (HTTP 410, ``Link: rel=successor-version``),
  instead of "Record not found".
"""
from __future__ import annotations

import html
import json
import re

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup

LABELS = {
    "id": "Mã", "article_id": "Bài báo", "article_title": "Tiêu đề bài", "article_url": "Đường dẫn",
    "level": "Cấp", "province": "Tỉnh", "province_2025": "Tỉnh (bản đồ 2025)",
    "district": "Huyện", "metric": "Đối tượng", "unit": "Đơn vị", "kind": "Đạt / mục tiêu",
    "increment": "Tăng thêm", "value": "Giá trị", "comparator": "So sánh", "stars_min": "Sao từ",
    "stars_max": "Sao đến", "stars": "Hạng sao", "year": "Năm", "segment": "Nhóm",
    "evidence": "Câu trích", "why": "Vì sao", "extractor_version": "Phiên bản quy tắc",
    "fact_key": "Khóa số liệu", "published": "Ngày đăng", "found": "Ngày tìm thấy",
    "fetched_at": "Ngày tải", "source": "Báo", "source_id": "Báo", "title": "Tiêu đề",
    "url": "Đường dẫn", "author": "Tác giả", "body": "Nội dung", "fact": "Số liệu",
    "fact_id": "Số liệu", "latest_actual": "Đạt gần nhất", "actual_comparator": "So sánh",
    "actual_year": "Năm đạt", "target": "Mục tiêu", "target_comparator": "So sánh",
    "target_year": "Năm mục tiêu", "progress_pct": "Tiến độ %", "actual_reports": "Số báo cáo",
    "actual_article": "Bài (đạt)", "target_article": "Bài (mục tiêu)",
    "products_total": "Tổng sản phẩm", "products_3_star": "Sản phẩm 3★",
    "products_4_star": "Sản phẩm 4★", "products_5_star": "Sản phẩm 5★",
    "products_added": "Sản phẩm thêm", "subjects_total": "Tổng chủ thể",
    "products_target": "Mục tiêu sản phẩm", "facts": "Số liệu", "reports": "Số báo cáo",
    "articles": "Bài báo", "series": "Chuỗi", "products": "Sản phẩm",
    "products_year": "Năm", "subjects": "Chủ thể", "max_value": "Giá trị lớn nhất",
    "provinces_before_2025": "Tỉnh trước 2025", "provinces_reporting": "Tỉnh có số liệu",
    "reason": "Lý do", "pages": "Số trang", "last_seen": "Lần cuối", "example_url": "Trang ví dụ",
    "example_title": "Tiêu đề trang ví dụ", "last_run": "Lượt gần nhất",
    "last_run_started": "Bắt đầu", "run_status": "Trạng thái", "pages_fetched": "Trang đã tải",
    "articles_kept": "Bài giữ lại", "articles_skipped": "Trang bỏ qua", "run_facts": "Số liệu",
    "errors": "Lỗi", "no_body": "Không có nội dung", "no_date": "Không có ngày",
    "drift": "Dấu hiệu thay đổi", "skipped": "Trang bỏ qua", "latest_published": "Bài mới nhất",
    "latest_fetched": "Lần tải mới nhất", "old_id": "Mã cũ", "new_id": "Mã mới",
    "superseded_at": "Ngày thay thế", "note": "Ghi chú", "name": "Tên", "name_2025": "Tên (2025)",
    "latitude": "Vĩ độ", "longitude": "Kinh độ",
}
# Floats shown as they are even when integral.
_KEEP_FLOAT = {"latitude", "longitude", "latitude_2025", "longitude_2025"}
EVIDENCE_STYLE = "white-space:normal;min-width:22em;max-width:46em;line-height:1.45"


# -- cells ---------------------------------------------------------------------------

def _number_forms(value, percent: bool):
    """How a number may be written in the sentence: 17500 → "17.500", "17,500", "17500"."""
    number = float(value)
    if number.is_integer():
        n = int(number)
        forms = [f"{n:,}".replace(",", "."), f"{n:,}", str(n)]
    else:
        plain = f"{number:.6f}".rstrip("0").rstrip(".")
        forms = [plain.replace(".", ","), plain]
    return list(dict.fromkeys(forms))


_NUMBER = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*")


def highlight(evidence: str, value, unit=None) -> Markup:
    """The sentence, escaped, with the first standalone spelling of ``value`` in <mark>."""
    text = str(evidence)
    if value is not None:
        try:
            forms = set(_number_forms(value, unit == "percent"))
        except (TypeError, ValueError):
            forms = set()
        for m in _NUMBER.finditer(text):
            if m.group(0) in forms:
                return Markup(f"{html.escape(text[:m.start()])}<mark>{html.escape(m.group(0))}"
                              f"</mark>{html.escape(text[m.end():])}")
    return Markup(html.escape(text))


def _get(row, name):
    try:
        return row[name]
    except (KeyError, IndexError, TypeError):
        return None


@hookimpl(trylast=True)  # a plugin that links a figure (the summary pages) goes first
def render_cell(row, value, column, table, database, datasette):
    if column == "evidence" and isinstance(value, str) and value:
        shown = highlight(value, _get(row, "value"), _get(row, "unit"))
        return Markup(f'<div class="ocop-evidence" style="{EVIDENCE_STYLE}">{shown}</div>')
    if isinstance(value, float) and value.is_integer() and column not in _KEEP_FLOAT:
        return str(int(value))
    return None


# -- the province box, date and year boxes, Vietnamese labels ------------------------------

_PROVINCE_NAMES: dict = {}

BOXES = """
(function () {
  var labels = %(labels)s, provinces = %(provinces)s;
  var ths = document.querySelectorAll('table.rows-and-columns th');
  for (var i = 0; i < ths.length; i++) {
    var th = ths[i], name = th.getAttribute('data-column') || th.textContent.trim();
    if (labels[name] && !th.querySelector('.ocop-vi')) {
      var vi = document.createElement('span');
      vi.className = 'ocop-vi'; vi.lang = 'vi'; vi.textContent = labels[name];
      vi.style.cssText = 'display:block;font-weight:normal;font-size:0.85em;color:#555';
      th.insertBefore(vi, th.firstChild);
    }
  }
  var facets = document.querySelectorAll('.facet-info[data-column] .facet-info-name strong');
  for (var f = 0; f < facets.length; f++) {
    var col = facets[f].closest('.facet-info').getAttribute('data-column');
    if (labels[col] && !facets[f].querySelector('.ocop-vi')) {
      var fl = document.createElement('span');
      fl.className = 'ocop-vi'; fl.lang = 'vi'; fl.textContent = labels[col] + ' · ';
      facets[f].insertBefore(fl, facets[f].firstChild);
    }
  }
  var boxes = document.querySelectorAll('form.sql input[name="province"]');
  if (boxes.length && provinces.length) {
    var list = document.createElement('datalist');
    list.id = 'ocop-provinces';
    for (var j = 0; j < provinces.length; j++) {
      var option = document.createElement('option');
      option.value = provinces[j];
      list.appendChild(option);
    }
    document.body.appendChild(list);
    for (var k = 0; k < boxes.length; k++) {
      boxes[k].setAttribute('list', 'ocop-provinces');
      boxes[k].setAttribute('autocomplete', 'off');
      boxes[k].placeholder = 'Hà Tĩnh, ha tinh, Vĩnh Long, TP.HCM';
    }
  }
  var since = document.querySelectorAll('form.sql input[name="since"]');
  for (var m = 0; m < since.length; m++) {
    if (!since[m].value || /^\\d{4}-\\d{2}-\\d{2}$/.test(since[m].value)) since[m].type = 'date';
  }
  var years = document.querySelectorAll('form.sql input[name="year"]');
  for (var n = 0; n < years.length; n++) { years[n].type = 'number'; years[n].min = 2018; years[n].max = 2035; }
})();
"""


async def _provinces(datasette, database):
    if database not in _PROVINCE_NAMES:
        names = []
        try:
            rows = await datasette.get_database(database).execute(
                "select name from provinces union select name_2025 from provinces "
                "where name_2025 is not null order by 1")
            names = [r[0] for r in rows]
        except Exception:  # a database without the provinces table
            return []
        if "Hồ Chí Minh" in names:
            names.append("TP.HCM")
        _PROVINCE_NAMES[database] = names
    return _PROVINCE_NAMES[database]


@hookimpl
def extra_body_script(template, database, table, columns, view_name, request, datasette):
    async def script():
        provinces = await _provinces(datasette, database) if database else []
        return BOXES % {"labels": json.dumps(LABELS, ensure_ascii=False),
                        "provinces": json.dumps(provinces, ensure_ascii=False)}
    return script


# -- a superseded fact's page ------------------------------------------------------------

_FACT_PAGE = re.compile(r"^/([^/]+)/facts/(\d+)(\.json)?$")


async def superseded_chain(db, fact_id: int) -> list[dict]:
    """The superseded_facts rows from ``fact_id`` on, following new_id while it is superseded too."""
    chain, seen = [], set()
    current = fact_id
    while current is not None and current not in seen and len(chain) < 50:
        seen.add(current)
        row = (await db.execute("select * from superseded_facts where old_id = ?", [current])).first()
        if row is None:
            break
        chain.append(dict(row))
        current = row["new_id"]
    return chain


@hookimpl
def handle_exception(datasette, request, exception):
    if not isinstance(exception, NotFound) or request is None:
        return None
    m = _FACT_PAGE.match(request.path)
    if not m:
        return None

    async def page():
        try:
            db = datasette.get_database(m.group(1))
            chain = await superseded_chain(db, int(m.group(2)))
        except Exception:  # no such database or no superseded_facts table
            return None
        if not chain:
            return None
        first, last = chain[0], chain[-1]
        current = last["new_id"]
        base = datasette.urls.database(m.group(1))
        link = f"{base}/facts/{current}" if current is not None else None
        headers = {"Link": f'<{link}>; rel="successor-version"'} if link else {}
        if m.group(3):
            return Response.json({"ok": False, "superseded": True, "id": first["old_id"],
                                  "new_id": current, "chain": chain, "status": 410},
                                 status=410, headers=headers)
        steps = []
        for r in chain:
            new = ("—" if r["new_id"] is None else
                   f'<a href="{base}/facts/{r["new_id"]}">{r["new_id"]}</a>')
            steps.append(f"<li>{html.escape(str(r['superseded_at'] or ''))}: "
                         f"{r['old_id']} → {new} ({html.escape(r['note'] or '')})</li>")
        body = await datasette.render_template("error.html", {
            "ok": False, "status": 410,
            "title": f"Số liệu {first['old_id']} đã được thay thế · Fact {first['old_id']} was superseded",
            "error": Markup(
                f"<p>Số liệu này không còn. This fact id no longer exists: {html.escape(first['note'] or '')}.</p>"
                + (f'<p><strong>Xem số liệu thay thế · see the fact that replaces it: '
                   f'<a href="{link}">{link}</a></strong></p>' if link else
                   "<p>Không có số liệu thay thế · nothing replaces it.</p>")
                + f"<p>Câu trích · its sentence: <q>{highlight(first['evidence'] or '', first['value'])}</q>"
                f" — <a href=\"{base}/articles/{first['article_id']}\">bài báo · the article</a></p>"
                + f"<ol>{''.join(steps)}</ol>"),
        }, request=request)
        return Response.html(body, status=410, headers=headers)
    return page
