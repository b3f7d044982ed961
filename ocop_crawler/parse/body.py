"""The article text and its lead.

The site's ``body`` selector is tried first, then trafilatura over the whole page.
Before either runs, the page is cleaned of Vietnamese news boilerplate
trafilatura lets through: "Tin liên quan" / "Những tin mới hơn" / "Tin cũ hơn" /
"Đọc thêm" / "Bài liên quan" boxes with their teasers, share bars, tags, menus,
breadcrumbs, footers and photo captions. :func:`clean_lines` then drops share
lines, date lines, the headline and flat related lists from the text lines.
"""
from __future__ import annotations

import copy
import html
import logging
import re
from functools import lru_cache

import lxml.etree

from ..dates import parse_vn_datetime
from .html import (_ancestors, _block_lines, _boiler_classes, _classes, _headline_element,
                   _in_boilerplate, _is_main, _remove, _select, _squash, _text)

log = logging.getLogger(__package__)  # the logger of ocop_crawler.parse, as before the split


#: Headings of related-article boxes: the heading and its list of teasers are not the article.
RELATED_HEADINGS = (
    "tin liên quan", "bài liên quan", "tin bài liên quan", "những tin mới hơn", "những tin cũ hơn",
    "tin mới hơn", "tin cũ hơn", "tin cùng chuyên mục", "bài cùng chuyên mục", "tin khác",
    "các tin khác", "tin bài khác", "đọc thêm", "xem thêm", "có thể bạn quan tâm",
    "bạn có thể quan tâm", "tin mới nhất", "tin mới", "tin đọc nhiều", "đọc nhiều nhất",
    "tin nổi bật", "tin xem nhiều", "xem nhiều", "bài viết liên quan", "cùng chuyên mục",
    "tin tiêu điểm", "tin tức khác", "bài đọc thêm", "tin liên quan:", "video liên quan",
    "tin nóng", "tin hot", "tham khảo thêm", "từ khóa", "từ khoá", "tags", "tag",
)
_RELATED_RE = re.compile(
    r"^\s*(?:" + "|".join(re.escape(h.rstrip(":")) for h in RELATED_HEADINGS) + r")\s*[:»>]?\s*$",
    re.I)
#: the same headings in raw element text (any run of whitespace, no-break spaces included)
_RELATED_RAW = re.compile(
    r"^\s*(?:" + "|".join(re.escape(h.rstrip(":")).replace(r"\ ", r"\s+") for h in RELATED_HEADINGS)
    + r")\s*[:»>]?\s*$", re.I)
_BOILER_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "form", "button",
                "input", "select", "textarea", "nav", "footer", "aside", "header", "video",
                "audio", "object", "embed", "canvas", "map")
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
_SAPO_CLASS = re.compile(r"(?:^|[-_\s])(?:sapo|lead|summary|chapeau|chappeau|description|excerpt|intro|"
                         r"tom-?tat|tomtat|desc|teaser|subtitle|sub-?title|abstract)(?:$|[-_\s])",
                         re.I)
_CAPTION_TOKEN = re.compile(r"(?:^|[-_])(?:caption|captions|img-?caption|image-?caption|"
                            r"photo-?caption|chu-?thich|chuthich)(?:$|[-_])"
                            # a description of an image: "desc_image", "image-desc", "img_des"
                            r"|(?:^|[-_])(?:desc|description|des)[-_]?(?:image|img|photo|pic|anh)"
                            r"|(?:image|img|photo|pic|anh)[-_]?(?:desc|description|des)(?:$|[-_])",
                            re.I)
#: short metadata blocks (date, byline, source credit) that are not article text
_META_TOKEN = re.compile(r"(?:^|[-_])(?:date|time|datetime|publish|published|ngay-?dang|ngaydang|"
                         r"post-?info|meta|info|byline|author|by|tac-?gia|tacgia|source|nguon)"
                         r"(?:$|[-_])", re.I)


#: elements with a short visible text (a cheap pre-filter for related-box headings, in C)
_SHORT_TEXT = lxml.etree.XPath("descendant-or-self::*[not(self::html or self::body)]"
                               "[string-length(normalize-space(.)) <= 60][normalize-space(.) != '']")


@lru_cache(maxsize=8192)
def _sapo_classes(classes: str) -> bool:
    return bool(_SAPO_CLASS.search(classes))


@lru_cache(maxsize=8192)
def _caption_classes(classes: str) -> bool:
    return any(_CAPTION_TOKEN.search(t) for t in classes.split())


#: elements whose class or id may say what they are (selected in C, in document order)
_WITH_CLASS = lxml.etree.XPath("descendant-or-self::*[@class or @id]")
_CAPTION_CANDIDATES = lxml.etree.XPath("descendant-or-self::*[@class or @id or self::figcaption]")


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
    for el in _WITH_CLASS(root):
        if el.tag in ("html", "body") or el.getparent() is None:
            continue
        if not _is_main(el) and _boiler_classes(_classes(el), False):
            if el.find(".//h1") is not None and len(_text(el)) > 0.3 * total:
                continue  # a wrapper of the whole article that merely shares a word
            if len(_text(el)) > 0.6 * total and total > 500:
                continue
            _remove(el)
    _drop_related_boxes(root)
    # photo captions are not article text (trafilatura leaves them out too): drop them in
    # both modes so a site's overrides and the generic extractor give the same body
    for el in _CAPTION_CANDIDATES(root):
        if el.getparent() is None:
            continue
        if el.tag == "figcaption" or _caption_classes(_classes(el)):
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
    heads = [el for el in _SHORT_TEXT(root)
             if _RELATED_RAW.match(el.text_content().replace("\u200b", ""))
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


def _lead_text(el) -> str:
    """The text of a sapo candidate, or "" when it is a teaser, a caption or too short."""
    if any(a.tag in ("li", "a") for a in _ancestors(el)) or el.find(".//img") is not None:
        return ""
    if _caption_classes(_classes(el)):
        return ""  # "desc_image": the description of a photo
    text = _text(el)
    if len(text) < 40:
        return ""
    links = sum(len(_text(a)) for a in el.iter("a"))
    return text if links < 0.5 * len(text) else ""


def _lead(tree, description: str = "", title: str = "") -> str:
    """The sapo/lead paragraph of the article (not a teaser's summary in a related list).

    A sapo is an element with a lead class (``sapo``, ``lead``, ``summary``, ...) or
    ``data-role="sapo"`` after the headline and before the first related-article heading
    that follows it (a "Xem nhiều" link in the page's menu is not such a heading).
    Without one, the visible element that repeats the page's description
    (``og:description``) is the lead; then a sapo above the headline.
    """
    h1 = _headline_element(tree, title)
    seen_h1 = h1 is None
    desc_key = _squash(html.unescape(description or "")).lower()[:50]
    by_desc = before = None
    body = tree.find(".//body")
    for el in (body if body is not None else tree).iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        if el is h1:
            seen_h1 = True
            continue
        raw = el.text
        if seen_h1 and raw and len(raw) <= 120:
            own = _squash(raw)
            if (own and len(own) <= 40 and _RELATED_RE.match(own) and len(_text(el)) <= 40
                    and not any(a.tag in ("a", "li", "nav") for a in (el, *_ancestors(el)))):
                break  # past the article: what follows are other articles' teasers
        cls = _classes(el)
        if ((cls and _sapo_classes(cls) or (el.get("data-role") or "").lower() == "sapo")
                and not _in_boilerplate(el)):
            text = _lead_text(el)
            if text and seen_h1:
                return text
            before = before or text  # a kicker or a teaser above the headline: a last resort
        if (by_desc is None and len(desc_key) >= 30 and raw and len(raw) >= 30
                and _squash(raw).lower().startswith(desc_key[:30]) and not _in_boilerplate(el)):
            text = _lead_text(el)
            if text and text.lower()[:50] == desc_key:
                by_desc = text
    return by_desc or before or ""


@lru_cache(maxsize=1)
def _trafilatura_config():
    from trafilatura.settings import use_config
    config = use_config()
    # news items of a few short paragraphs are common: do not fall back to the whole page
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "50")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


@lru_cache(maxsize=8192)
def _meta_classes(classes: str) -> bool:
    return any(_META_TOKEN.search(t) for t in classes.split())


#: a source credit the fact extractor reads for the province (nlp/source.py): kept in the text
_SOURCE_LINE = re.compile(r"^(?:nguồn|theo)\b|^báo\s|[\w-]+\.(?:vn|com|net|org)\b", re.I)
_SOURCE_TOKEN = re.compile(r"(?:^|[-_\s])(?:source|nguon)(?:$|[-_\s])", re.I)
_META_CANDIDATES = lxml.etree.XPath("descendant-or-self::*[@class or @id or self::time]")


def _drop_metadata_blocks(root) -> None:
    """Date lines and bylines are fields, not text: drop them before the generic extractor."""
    for el in _META_CANDIDATES(root):
        if el.getparent() is None:
            continue
        cls = _classes(el)
        if el.tag == "time" or _meta_classes(cls):
            text = _text(el)
            if len(text) <= 160 and not (_SOURCE_TOKEN.search(cls) and _SOURCE_LINE.search(text)):
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
