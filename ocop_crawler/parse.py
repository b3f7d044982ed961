"""Article pages -> fields: title, published, author, body, lead, canonical URL.

    >>> from ocop_crawler.parse import parse_article
    >>> art = parse_article(html, "https://baohatinh.vn/ocop-ha-tinh-123.html",
    ...                     selectors={"body": "div.detail-content"})
    >>> art["title"], art["published"], art["canonical_url"]
    ('Hà Tĩnh có thêm 25 sản phẩm OCOP', '2024-02-12T08:15:00+07:00', 'https://baohatinh.vn/...')

A site's CSS overrides (``selectors``: ``title``, ``date``, ``body``, ``author``)
are tried first; each field then falls back to a generic extractor: page
metadata (Open Graph, JSON-LD, ``<time>``) and visible date lines read with
:func:`ocop_crawler.dates.parse_vn_datetime`, htmldate for the date, and
trafilatura for the main text. Before either body extractor runs, the page is
cleaned of Vietnamese news boilerplate trafilatura lets through: "Tin liên
quan" / "Những tin mới hơn" / "Tin cũ hơn" / "Đọc thêm" / "Bài liên quan" boxes
with their teasers, share bars, tags, menus, breadcrumbs and footers.

Pure functions: no Scrapy. Odd HTML never raises (missing fields are None or
""); only a malformed CSS selector in ``selectors`` raises ``ValueError``.
"""
from __future__ import annotations

import copy
import json
import logging
import re
import unicodedata
from datetime import datetime, timedelta
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html
from lxml.cssselect import CSSSelector, SelectorError

from .dates import VN_TZ, parse_vn_datetime
from .urls import canonical_url

__all__ = ["parse_article", "RELATED_HEADINGS", "clean_lines"]

log = logging.getLogger(__name__)

#: Headings of related-article boxes: the heading and its list of teasers are not the article.
RELATED_HEADINGS = (
    "tin liên quan", "bài liên quan", "tin bài liên quan", "những tin mới hơn", "những tin cũ hơn",
    "tin mới hơn", "tin cũ hơn", "tin cùng chuyên mục", "bài cùng chuyên mục", "tin khác",
    "các tin khác", "tin bài khác", "đọc thêm", "xem thêm", "có thể bạn quan tâm",
    "bạn có thể quan tâm", "tin mới nhất", "tin mới", "tin đọc nhiều", "đọc nhiều nhất",
    "tin nổi bật", "tin xem nhiều", "xem nhiều", "bài viết liên quan", "cùng chuyên mục",
    "tin tiêu điểm", "tin tức khác", "bài đọc thêm", "tin liên quan:", "video liên quan",
)
_RELATED_RE = re.compile(
    r"^\s*(?:" + "|".join(re.escape(h.rstrip(":")) for h in RELATED_HEADINGS) + r")\s*[:»>]?\s*$",
    re.I)

#: class/id tokens of boilerplate blocks (matched per token, as whole words joined by - or _).
_BOILER_TOKEN = re.compile(
    r"(?:^|[-_])(?:related|relate|relates|lien-?quan|lienquan|tinlienquan|other-?news|othernews|"
    r"more-?news|tin-?khac|tinkhac|read-?more|readmore|doc-?them|docthem|share|shares|sharing|"
    r"social|socials|tags?|tag-?list|keywords?|breadcrumbs?|breadcrumb|menu|menus|navbar|nav|"
    r"navigation|footer|comments?|binh-?luan|banner|banners|ads|advert|adv|quang-?cao|sidebar|"
    r"widget|popup|modal|newsletter|subscribe|toolbar|rating|vote|most-?read|doc-?nhieu|"
    r"docnhieu|latest|cung-?chuyen-?muc|same-?cate(?:gory)?|bookmark|fb-like|zalo|foot|"
    r"copyright|site-?info|contact)"
    r"(?:$|[-_])", re.I)
_BOILER_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "form", "button",
                "input", "select", "textarea", "nav", "footer", "aside", "header", "video",
                "audio", "object", "embed", "canvas", "map")
_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table",
               "blockquote", "section", "article", "figure", "figcaption", "dd", "dt", "dl",
               "pre", "header", "footer", "main", "td", "th", "br", "hr", "address", "center"}
_SHARE_LINE = re.compile(
    r"^(?:chia sẻ|share|facebook|zalo|twitter|tweet|in bài|in bài viết|lưu|lưu bài|gửi bài|"
    r"bình luận(?:\s*\(\d+\))?|email|copy link|sao chép liên kết|like|thích|"
    r"(?:từ khóa|từ khoá|tags?|chủ đề)\s*:.*|ảnh minh họa|ảnh minh hoạ|ảnh: minh họa|"
    r"\(ảnh minh họa\)|\(ảnh minh hoạ\)|trang chủ(?:\s*[>»/|].*)?|[>»/|\s]+|"
    r"quảng cáo\b.{0,80}|advertisement|bản quyền\b.{0,120}|©.{0,160})$", re.I)
_DATE_WORDS = re.compile(
    r"thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật|cập\s+nhật|ngày\s+đăng|đăng\s+lúc|"
    r"đăng\s+ngày|xuất\s+bản|ngày|tháng|năm|lúc|gmt|utc|giờ|phút|sáng|chiều|am|pm|sa|ch|"
    r"hôm\s+qua|hôm\s+nay|trước|[\d\s/.:,|()+\-–—h]", re.I)
_SAPO_CLASS = re.compile(r"(?:^|[-_\s])(?:sapo|lead|summary|chapeau|description|excerpt|intro|"
                         r"tom-?tat|tomtat|desc|teaser|subtitle|sub-?title|abstract)(?:$|[-_\s])",
                         re.I)
_DATE_CLASS = re.compile(r"date|time|publish|ngay|thoi-?gian|post-?meta|meta|byline|info", re.I)
_AUTHOR_CLASS = re.compile(r"(?:^|\s|[-_])(?:author|byline|by|tac-?gia|tacgia|writer|reporter|"
                           r"nguoi-?viet)(?:$|\s|[-_])", re.I)
_CAPTION_TOKEN = re.compile(r"(?:^|[-_])(?:caption|captions|img-?caption|image-?caption|"
                            r"photo-?caption|chu-?thich|chuthich|expnoedit)(?:$|[-_])", re.I)
#: short metadata blocks (date, byline) that are not article text
_META_TOKEN = re.compile(r"(?:^|[-_])(?:date|time|datetime|publish|published|ngay-?dang|ngaydang|"
                         r"post-?info|meta|info|byline|author|by|tac-?gia|tacgia)(?:$|[-_])", re.I)
#: class/id tokens of the site's chrome (not the article's own header): "site-header", "topbar"
_CHROME_TOKEN = re.compile(r"^(?:(?:site|main|top|global|g)[-_]?)?(?:header|topbar|top-bar|masthead|"
                           r"weather|clock|today|date-?today)(?:$|[-_])|(?:^|[-_])(?:other|box-?news|"
                           r"tin-?moi|moi-?cap-?nhat|tin-?cu|news-?list|list-?news)(?:$|[-_])", re.I)
_META_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "article.published", "pubdate", "publishdate", "publish-date",
    "publish_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created",
    "sailthru.date", "date", "article:published", "citation_publication_date",
    "parsely-pub-date", "cxenseparse:recs:publishtime",
)
_LD_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting",
                     "analysisnewsarticle", "webpage", "opinionnewsarticle", "backgroundnewsarticle"}


# --------------------------------------------------------------------------- helpers

def _nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "")


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", " ", _nfc(text).replace("\xa0", " ").replace("\u200b", "")).strip()


def _text(el) -> str:
    try:
        return _squash(el.text_content())
    except (ValueError, AttributeError):
        return ""


def _classes(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".strip()


def _compile(selector: str, key: str) -> CSSSelector:
    try:
        return CSSSelector(selector, translator="html")
    except (SelectorError, SyntaxError, ValueError, lxml.etree.XPathError) as exc:
        raise ValueError(f"bad CSS selector for {key!r}: {selector!r} ({exc})") from None


def _select(tree, selector: str | None, key: str) -> list:
    if not selector:
        return []
    return _compile(selector, key)(tree)


def _block_lines(el) -> list[str]:
    """Visible text of an element, one line per block (p, li, h2, br, ...)."""
    parts: list[str] = []

    def walk(node):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        if isinstance(node.tag, str) and node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    walk(el)
    lines = (_squash(line) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def _ancestors(el):
    p = el.getparent()
    while p is not None:
        yield p
        p = p.getparent()


def _in_boilerplate(el) -> bool:
    """Inside the site's chrome, a menu, a footer or a related-article box?"""
    chain = [el, *_ancestors(el)]
    in_article = any(isinstance(a.tag, str) and a.tag in ("article", "main") for a in chain)
    for a in chain:
        if not isinstance(a.tag, str):
            continue
        if a.tag in ("nav", "footer", "aside") or (a.tag == "header" and not in_article):
            return True
        if any(_BOILER_TOKEN.search(t) or _CHROME_TOKEN.search(t) for t in _classes(a).split()):
            return True
    return False


def _remove(el) -> None:
    """Drop an element but keep its tail text in the tree."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


# --------------------------------------------------------------------------- metadata

def _meta(tree) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        value = m.get("content")
        if key and value and key not in out:
            out[key] = _squash(value)
    return out


def _json_ld(tree) -> list[dict]:
    """Article-like JSON-LD objects, most specific first."""
    found: list[dict] = []

    def visit(obj):
        if isinstance(obj, list):
            for o in obj:
                visit(o)
        elif isinstance(obj, dict):
            types = obj.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in _LD_ARTICLE_TYPES for t in types):
                found.append(obj)
            if "@graph" in obj:
                visit(obj["@graph"])

    for s in tree.iter("script"):
        if (s.get("type") or "").strip().lower() != "application/ld+json" or not s.text:
            continue
        try:
            visit(json.loads(s.text.strip()))
        except (ValueError, RecursionError):
            continue
    found.sort(key=lambda o: str(o.get("@type")).lower() in ("webpage", "['webpage']"))
    return found


def _ld_get(objs: list[dict], key: str):
    for o in objs:
        v = o.get(key)
        if v:
            return v
    return None


def _canonical(tree, meta, url: str) -> str:
    def safe(u):
        try:
            return canonical_url(u)
        except ValueError:
            return None

    request = safe(url) or (url or "")
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel and href:
            cand = safe(urljoin(url or "", href))
            if cand and (urlsplit(cand).path not in ("", "/") or urlsplit(request).path in ("", "/")):
                return cand
    og = meta.get("og:url")
    if og:
        cand = safe(urljoin(url or "", og))
        if cand and (urlsplit(cand).path not in ("", "/") or urlsplit(request).path in ("", "/")):
            return cand
    return request


# --------------------------------------------------------------------------- title

_SITE_PART = re.compile(
    r"^(?:báo(?!\s+(?:động|cáo|giá|hiệu|thức|tin|chí\s+cách))|tạp chí|cổng thông tin|cổng tttđt|"
    r"trang tin|trang thông tin|đài phát thanh|đài truyền hình|thông tấn|www\.)\b"
    r"|\.(?:vn|com|net)\b", re.I)


def _site_like(part: str, site_name: str | None) -> bool:
    return part == site_name or bool(_SITE_PART.search(part) and len(part.split()) <= 8)


def _clean_title(title: str, site_name: str | None) -> str:
    """Drop the newspaper's name from a page title: "Báo X - Headline", "Headline | Báo X"."""
    title = _squash(title)
    parts = [p.strip() for p in re.split(r"\s+[-|–—]\s+|\s+::\s+", title) if p.strip()]
    while len(parts) > 1 and _site_like(parts[-1], site_name):
        parts.pop()
    while len(parts) > 1 and _site_like(parts[0], site_name):
        parts.pop(0)
    return " - ".join(parts) if parts else title


def _title(tree, meta, ld, selectors) -> str:
    for el in _select(tree, selectors.get("title"), "title"):
        t = _text(el)
        if t:
            return t
    site = meta.get("og:site_name")
    h1s = [t for t in (_text(h) for h in tree.iter("h1") if not _in_boilerplate(h)) if t]
    cands = [meta.get("og:title"), _ld_get(ld, "headline"), meta.get("twitter:title")]
    for c in cands:
        if isinstance(c, str) and _squash(c):
            t = _clean_title(c, site)
            if h1s and _site_like(t, site) and len(t.split()) <= 5:
                continue  # og:title that is only the newspaper's name
            # the visible headline wins when og:title is a shortened/suffixed form of it
            for h in h1s:
                if h.startswith(t) or t.startswith(h):
                    return h if len(h) >= len(t) * 0.6 else t
            return t
    if h1s:
        return max(h1s[:3], key=len)
    title_el = tree.find(".//title")
    return _clean_title(_text(title_el), site) if title_el is not None else ""


# --------------------------------------------------------------------------- date

def _date_from_element(el, now) -> datetime | None:
    for attr in ("datetime", "content", "data-time", "data-date", "title"):
        v = el.get(attr)
        if v:
            dt = parse_vn_datetime(v, now=now)
            if dt:
                return dt
    text = _text(el)
    return parse_vn_datetime(text, now=now) if 0 < len(text) <= 160 else None


def _plausible(dt: datetime | None, now: datetime) -> datetime | None:
    if dt is None:
        return None
    return dt if dt <= now + timedelta(days=1) else None


def _headline_element(tree, title: str):
    """The element showing the headline: the first <h1> outside the chrome, else the one whose text is the title."""
    h1 = next((h for h in tree.iter("h1") if not _in_boilerplate(h)), None)
    if h1 is not None or not title:
        return h1
    body = tree.find(".//body")
    for el in (body if body is not None else tree).iter():
        if isinstance(el.tag, str) and el.tag not in ("title", "meta") and _text(el) == title:
            return el
    return None


def _published(tree, meta, ld, selectors, now: datetime, title: str = "",
               url: str | None = None) -> datetime | None:
    for el in _select(tree, selectors.get("date"), "date"):
        dt = _plausible(_date_from_element(el, now), now)
        if dt:
            return dt
    # structured metadata (carries the time and offset)
    for key in _META_DATE_KEYS:
        if key in meta:
            dt = _plausible(parse_vn_datetime(meta[key], now=now), now)
            if dt:
                return dt
    v = _ld_get(ld, "datePublished") or _ld_get(ld, "dateCreated")
    if isinstance(v, str):
        dt = _plausible(parse_vn_datetime(v, now=now), now)
        if dt:
            return dt
    for el in tree.iter("time"):
        if el.get("pubdate") is not None or (el.get("itemprop") or "").lower() == "datepublished":
            dt = _plausible(_date_from_element(el, now), now)
            if dt:
                return dt
    # visible date lines near the headline (not the header's "today" clock)
    h1 = _headline_element(tree, title)
    after, before = [], []
    seen_h1 = h1 is None
    for el in tree.iter():
        if el is h1:
            seen_h1 = True
            continue
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "html", "body", "head"):
            continue
        if el.tag != "time" and not _DATE_CLASS.search(_classes(el)):
            continue
        if _in_boilerplate(el) or len(_text(el)) > 160 and el.tag != "time":
            continue
        (after if seen_h1 else before).append(el)
    for el in after[:12] + before[-5:]:
        dt = _plausible(_date_from_element(el, now), now)
        if dt:
            return dt
    # a short line after the headline that is a Vietnamese date ("Cập nhật: 16/06/2023")
    if h1 is not None:
        for n, el in enumerate(h1.itersiblings()):
            if n >= 6:
                break
            for sub in el.iter():
                if not isinstance(sub.tag, str) or _in_boilerplate(sub):
                    continue
                text = _squash(sub.text)
                if 6 <= len(text) <= 100 and any(c.isdigit() for c in text):
                    dt = _plausible(parse_vn_datetime(text, now=now), now)
                    if dt:
                        return dt
    # htmldate, the field's standard generic date finder (date only). Its extensive search
    # hands odd strings to dateparser with every locale (over a second a page), so it runs
    # in its fast mode here, after the Vietnamese-aware steps above.
    try:
        from htmldate import find_date
        found = find_date(copy.deepcopy(tree), original_date=True, extensive_search=False, url=url,
                          max_date=(now + timedelta(days=1)).strftime("%Y-%m-%d"))
    except Exception as exc:  # htmldate is robust, but never let it break a crawl
        log.debug("htmldate failed: %s", exc)
        found = None
    if found:
        return parse_vn_datetime(found, now=now)
    return None


# --------------------------------------------------------------------------- author

def _clean_author(text: str) -> str | None:
    t = _squash(text)
    t = re.sub(r"^(?:tác giả|bài(?: và ảnh)?|tin(?: và ảnh)?|bài, ảnh|tin, ảnh|by|phóng viên|pv)"
               r"\s*[:\-]\s*", "", t, flags=re.I)
    t = t.strip(" -–—|,.;:()")
    if not t or len(t) > 80 or t.startswith("http"):
        return None
    return t


def _looks_like_author(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > 70 or line.endswith((".", "?", "!", ":")) and not line.endswith("."):
        return False
    if re.match(r"^(?:theo|nguồn)\b", line, re.I):
        # "Theo TTXVN", "Nguồn: Báo Nhân Dân" -- not "Theo kế hoạch, năm 2025 có 40 sản phẩm."
        rest = re.sub(r"^(?:theo|nguồn)\s*:?\s*", "", line, flags=re.I)
        return (len(line.split()) <= 8 and not any(ch.isdigit() for ch in line)
                and "," not in line and not line.endswith(".")
                and bool(rest) and (rest[0].isupper() or "." in rest))
    words = line.rstrip(".").split()
    if not 1 <= len(words) <= 6 or any(ch.isdigit() for ch in line):
        return False
    return all(w[0].isupper() or w[0] in "(-–" for w in words if w)


def _author(tree, meta, ld, selectors) -> str | None:
    for el in _select(tree, selectors.get("author"), "author"):
        a = _clean_author(_text(el))
        if a:
            return a
    v = _ld_get(ld, "author")
    if isinstance(v, list) and v:
        v = v[0]
    if isinstance(v, dict):
        v = v.get("name")
    for cand in (v, meta.get("author"), meta.get("article:author"), meta.get("dc.creator")):
        if isinstance(cand, str):
            a = _clean_author(cand)
            if a and a != meta.get("og:site_name"):
                return a
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "head", "meta", "link"):
            continue
        if (el.get("rel") == "author" or (el.get("itemprop") or "").lower() == "author"
                or _AUTHOR_CLASS.search(_classes(el))):
            if _in_boilerplate(el):
                continue
            a = _clean_author(_text(el))
            if a and len(a.split()) <= 8:
                return a
    return None


# --------------------------------------------------------------------------- body

def _unwrap_layout_tables(root) -> None:
    """Old table-based layouts: turn layout tables (cells holding blocks) into divs."""
    for table in list(root.iter("table")):
        cells = table.findall(".//td")
        if any(td.find(".//div") is not None or td.find(".//p") is not None
               or td.find(".//table") is not None or len(_text(td)) > 400 for td in cells):
            for el in [table, *table.iter("tbody", "thead", "tfoot", "tr", "td", "th")]:
                el.tag = "div"


def _strip_boilerplate(root) -> None:
    """Remove boilerplate blocks in place (see module docstring)."""
    for el in list(root.iter(*_BOILER_TAGS)):
        _remove(el)
    _unwrap_layout_tables(root)
    total = len(_text(root)) or 1
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.tag in ("html", "body") or el.getparent() is None:
            continue
        if any(_BOILER_TOKEN.search(tok) for tok in _classes(el).split()):
            if el.find(".//h1") is not None and len(_text(el)) > 0.3 * total:
                continue  # a wrapper of the whole article that merely shares a word
            if len(_text(el)) > 0.6 * total and total > 500:
                continue
            _remove(el)
    _drop_related_boxes(root)
    # photo captions are not article text (trafilatura leaves them out too): drop them in
    # both modes so a site's overrides and the generic extractor give the same body
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if el.tag == "figcaption" or any(_CAPTION_TOKEN.search(t) for t in _classes(el).split()):
            if len(_text(el)) <= 400:
                _remove(el)


def _has_link(el) -> bool:
    return el.tag == "a" or el.find(".//a") is not None


def _linkish(el) -> bool:
    """A list, or a block that is mostly a link (a teaser item), not prose with a link in it."""
    if el.tag in ("ul", "ol"):
        return el.find(".//h1") is None
    if not _has_link(el) or el.find(".//h1") is not None:
        return False
    text = _text(el)
    links = sum(len(_text(a)) for a in ([el] if el.tag == "a" else el.iter("a")))
    return links >= 0.3 * len(text) and len(text) - links <= 300


def _only_links_besides(parent, box) -> bool:
    """Does ``parent`` hold nothing but ``box`` and link lists (with their teasers)?"""
    if len(_squash(parent.text)) > 20:
        return False
    prev_linked = False
    for sib in parent:
        if not isinstance(sib.tag, str):
            continue
        if sib is not box:
            text = _text(sib)
            linked = _linkish(sib)
            if not (linked or not text or prev_linked and len(text) <= 300):
                return False
            prev_linked = linked
        if sib.tail and len(sib.tail.strip()) > 20:
            return False
    return True


def _drop_related_boxes(root) -> None:
    """Remove "Tin liên quan"-style headings with the teaser lists that follow them."""
    heads = [el for el in root.iter()
             if isinstance(el.tag, str) and el.tag not in ("html", "body")
             and len(_text(el)) <= 40 and _RELATED_RE.match(_text(el))]
    # outermost element whose whole text is the heading
    heads = [h for h in heads if not (h.getparent() is not None and h.getparent() in heads)]
    for head in heads:
        if head.getparent() is None or head.getroottree().getroot() is not root.getroottree().getroot():
            continue
        box = head
        # climb while the container holds nothing but the heading and link lists
        while True:
            parent = box.getparent()
            if parent is None or parent.tag in ("html", "body", "article", "main"):
                break
            if not _only_links_besides(parent, box):
                break
            box = parent
        # the teasers after the heading: siblings with links, lists, teaser text after a link
        prev_was_link = False
        if box.tail and len(box.tail.strip()) <= 60:
            box.tail = None
        for sib in list(box.itersiblings()):
            if not isinstance(sib.tag, str):
                continue
            if sib.tag in ("br", "hr", "img") or (not _text(sib) and sib.find(".//img") is None):
                if sib.tail and sib.tail.strip():
                    break  # article text resumes after a line break
                _remove(sib)
                continue
            linked = _linkish(sib)
            if linked or prev_was_link and len(_text(sib)) <= 400 and sib.tag not in ("h2", "h3"):
                prev_was_link = linked
                if sib.tail and len(sib.tail.strip()) <= 60:
                    sib.tail = None  # "(15/06/2023)" after a teaser link
                _remove(sib)
                continue
            break
        _remove(box)


def clean_lines(lines: list[str], title: str = "") -> list[str]:
    """Drop share bars, tag lines, captions-of-nothing, the headline and related lists."""
    out: list[str] = []
    t = _squash(title).lower()
    for line in lines:
        line = _squash(line)
        if not line:
            continue
        if _RELATED_RE.match(line):
            break  # what follows a related heading in flat text is its teaser list
        if _SHARE_LINE.match(line) or (t and line.lower() == t):
            continue
        if (len(line) <= 80 and any(c.isdigit() for c in line) and not _DATE_WORDS.sub("", line).strip()
                and parse_vn_datetime(line) is not None):
            continue  # a date line ("Cập nhật: 16/06/2023", "Thứ Hai, 12/02/2024 - 08:15")
        if out and out[-1] == line:
            continue
        out.append(line)
    return out


def _lead(tree) -> str:
    """The sapo/lead paragraph of the article (not a teaser's summary in a related list)."""
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "meta", "head", "title"):
            continue
        text = _text(el)
        if len(text) <= 40 and _RELATED_RE.match(text):
            break  # past the article: what follows are other articles' teasers
        if _SAPO_CLASS.search(_classes(el)) and not _in_boilerplate(el):
            if any(a.tag in ("li", "a") for a in _ancestors(el)) or len(text) < 40:
                continue
            links = sum(len(_text(a)) for a in el.iter("a"))
            if links < 0.5 * len(text):
                return text
    return ""


@lru_cache(maxsize=1)
def _trafilatura_config():
    from trafilatura.settings import use_config
    config = use_config()
    # news items of a few short paragraphs are common: do not fall back to the whole page
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "50")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def _drop_metadata_blocks(root) -> None:
    """Date lines and bylines are fields, not text: drop them before the generic extractor."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if el.tag == "time" or any(_META_TOKEN.search(t) for t in _classes(el).split()):
            if len(_text(el)) <= 160:
                _remove(el)


def _generic_body(root, url: str) -> list[str]:
    _drop_metadata_blocks(root)
    try:
        import trafilatura
        text = trafilatura.extract(root, url=url or None, include_comments=False,
                                   include_tables=True, include_images=False,
                                   favor_recall=True, deduplicate=False,
                                   config=_trafilatura_config())
    except Exception as exc:  # never let the extractor break a crawl
        log.debug("trafilatura failed on %s: %s", url, exc)
        text = None
    if text:
        return text.split("\n")
    body = root.find(".//body")
    return _block_lines(body if body is not None else root)


def _body(tree, selectors, title: str, url: str) -> list[str]:
    work = copy.deepcopy(tree)
    lines: list[str] = []
    if selectors.get("body"):
        matched = _select(work, selectors["body"], "body")
        # nested matches: keep the outermost only
        matched = [m for m in matched if not any(a in matched for a in _ancestors(m))]
        for el in matched:
            _strip_boilerplate(el)
            lines.extend(_block_lines(el))
    if not clean_lines(lines, title):
        _strip_boilerplate(work)
        lines = _generic_body(work, url)
    return clean_lines(lines, title)


# --------------------------------------------------------------------------- main

def _parse_tree(html):
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not isinstance(html, str) or not html.strip():
        return None
    html = _nfc(html)
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None


def _lines_contain(lines: list[str], text: str) -> bool:
    key = _squash(text)[:60].lower()
    return any(key and key in line.lower() for line in lines)


def parse_article(html: str, url: str, *, selectors: dict | None = None,
                  fetched_at: datetime | None = None) -> dict:
    """Extract ``title, published, author, body, canonical_url, lead`` from an article page.

    ``published`` is an ISO 8601 string in Vietnam time (+07:00) or None; ``body``
    is plain text, lead and paragraphs joined by "\\n". See the module docstring.
    """
    selectors = {k: v for k, v in (selectors or {}).items() if v}
    unknown = set(selectors) - {"title", "date", "body", "author"}
    if unknown:
        raise ValueError(f"unknown selector keys {sorted(unknown)}; use title, date, body, author")
    for key, sel in selectors.items():
        _compile(sel, key)
    try:
        request = canonical_url(url)
    except (ValueError, TypeError):
        request = url or ""
    out = {"title": "", "published": None, "author": None, "body": "",
           "canonical_url": request, "lead": ""}
    tree = _parse_tree(html)
    if tree is None:
        return out
    now = fetched_at or datetime.now(VN_TZ)
    if now.tzinfo is None:
        now = now.replace(tzinfo=VN_TZ)

    meta = _meta(tree)
    ld = _json_ld(tree)
    out["canonical_url"] = _canonical(tree, meta, url)
    out["title"] = _title(tree, meta, ld, selectors)
    dt = _published(tree, meta, ld, selectors, now, out["title"], url if isinstance(url, str) else None)
    out["published"] = dt.isoformat() if dt else None
    author = _author(tree, meta, ld, selectors)

    lines = _body(tree, selectors, out["title"], url)
    lead = _lead(tree)
    if lead:
        # the lead opens the body (trafilatura sometimes moves it after the paragraphs)
        key = _squash(lead).lower()
        if not (lines and lines[0].lower().startswith(key)):
            lines = [line for line in lines if line.lower() != key]
            lines.insert(0, lead)
    if not lead and lines and len(lines[0]) >= 40:
        desc = meta.get("og:description") or meta.get("description") or ""
        if desc and _lines_contain(lines[:1], desc):
            lead = lines[0]
    # a trailing byline ("Thanh Hoài", "Theo TTXVN") is the author, not article text
    if lines and len(lines) > 1 and _looks_like_author(lines[-1]):
        byline = _clean_author(lines.pop())
        author = author or byline
    out["author"] = author
    out["lead"] = lead
    out["body"] = "\n".join(lines)
    return out
