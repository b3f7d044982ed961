"""The author: site ``author`` selector, JSON-LD / meta author, byline elements; and the
test for a trailing byline line ("Thanh Hoài", "Theo TTXVN", "Hà Thu (tổng hợp)",
"Tin, ảnh: P.Y") at the end of the body.

An organisation is not an author: a metadata author that names the publisher
("VnExpress", "NLD.COM.VN", "baodautu.vn", "TUOI TRE ONLINE") is ignored, so the
byline on the page is found instead.
"""
from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit

import lxml.etree

from .html import _ancestors, _classes, _in_boilerplate, _is_main, _select, _squash, _text
from .meta import _ld_get


_AUTHOR_CLASS = re.compile(r"(?:^|\s|[-_])(?:author|byline|by|tac-?gia|tacgia|writer|reporter|"
                           r"nguoi-?viet)(?:$|\s|[-_])", re.I)
#: credit words before a name: "Bài và ảnh: ", "Tin, ảnh: ", "PV: "
_CREDIT_PREFIX = re.compile(r"^(?:tác giả|bài(?: và ảnh)?|tin(?: và ảnh)?|bài\s*,\s*ảnh|tin\s*,\s*ảnh|"
                            r"bài\s*[-&/+]\s*ảnh|tin\s*[-&/+]\s*ảnh|by|phóng viên|pv|nhóm pv)"
                            r"\s*[:\-–]\s*", re.I)
#: a role after a name: "Hà Thu (tổng hợp)", "Minh Anh (TH)", "Lan Hương (theo VnExpress)"
_ROLE_SUFFIX = re.compile(r"\s*\((?:tổng hợp|t\.?h|th|tổng hợp từ[^)]*|theo [^)]*|lược dịch|"
                          r"biên dịch|dịch|st|sưu tầm|ctv|cộng tác viên)\)\s*$", re.I)
#: words of an outlet's name
_ORG_WORDS = re.compile(r"^(?:báo|tạp chí|đài|cổng|trang tin|trang thông tin|kênh|ban biên tập|"
                        r"tòa soạn|toà soạn|thông tấn)\b|\b(?:online|news|media|group|newspaper|magazine|tv|"
                        r"điện tử|ban biên tập)\b", re.I)
_DOMAIN = re.compile(r"\b[\w-]+\.(?:vn|com|net|org|info|asia)\b", re.I)


def _fold(text: str) -> str:
    """Lower case, no diacritics, letters and digits only: "Tuổi Trẻ Online" -> "tuoitreonline"."""
    t = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in t if c.isalnum() and not unicodedata.combining(c))


def _org_like(name: str, site_name: str | None = None, url: str | None = None) -> bool:
    """Does an author string name the publisher rather than a person?"""
    if _DOMAIN.search(name) or _ORG_WORDS.search(name):
        return True
    key = _fold(name)
    if not key:
        return True
    if site_name and (key == _fold(site_name) or len(key) >= 6 and key in _fold(site_name)):
        return True
    host = (urlsplit(url).hostname or "") if isinstance(url, str) else ""
    labels = [lab for lab in host.split(".") if lab not in ("www", "m", "amp", "vn", "com", "net")]
    label = _fold(labels[0]) if labels else ""
    return bool(label) and (key == label or len(label) >= 4 and label in key)


def _clean_author(text: str) -> str | None:
    t = _squash(html.unescape(text or ""))
    t = _CREDIT_PREFIX.sub("", t)
    t = _ROLE_SUFFIX.sub("", t)
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
    if _NOT_A_NAME.match(line):
        return False
    name = _ROLE_SUFFIX.sub("", _CREDIT_PREFIX.sub("", line))
    words = name.rstrip(".").split()
    if not 1 <= len(words) <= 6 or any(ch.isdigit() for ch in name):
        return False
    return all(w[0].isupper() or w[0] in "(-–" for w in words if w)


#: short capitalised lines after an article that are not names: photo credits, box headings,
#: share buttons ("Ảnh: Minh Hoà", "TIN LIÊN QUAN", "Chia sẻ", "Facebook")
_NOT_A_NAME = re.compile(r"^(?:ảnh|video|clip|nguồn ảnh|đồ họa|infographic|tin liên quan|bài liên quan|"
                         r"tin khác|tin cùng chuyên mục|xem thêm|đọc thêm|chia sẻ|bình luận|facebook|"
                         r"zalo|twitter|email|in bài|từ khóa|tags?|quảng cáo)\b", re.I)


def _names(value) -> list[str]:
    """Person names of a JSON-LD ``author`` (a string, an object or a list of them)."""
    out = []
    for v in value if isinstance(value, list) else [value]:
        if isinstance(v, dict):
            if str(v.get("@type") or "").lower() == "organization":
                continue
            v = v.get("name")
        if isinstance(v, str):
            out.append(v)
    return out


_BYLINE_CANDIDATES = lxml.etree.XPath("//*[@class or @id or @rel or @itemprop]")


@lru_cache(maxsize=8192)
def _author_classes(classes: str) -> bool:
    return bool(_AUTHOR_CLASS.search(classes))


def _byline_element(el) -> bool:
    return (el.get("rel") == "author" or (el.get("itemprop") or "").lower() == "author"
            or _author_classes(_classes(el)))


def _author(tree, meta, ld, selectors, url: str | None = None) -> str | None:
    for el in _select(tree, selectors.get("author"), "author"):
        a = _clean_author(_text(el))
        if a:
            return a
    site = meta.get("og:site_name")
    people = [a for a in (_clean_author(n) for n in _names(_ld_get(ld, "author")))
              if a and not _org_like(a, site, url)]
    if people:
        return ", ".join(dict.fromkeys(people[:3]))
    for cand in (meta.get("author"), meta.get("article:author"), meta.get("dc.creator")):
        if isinstance(cand, str):
            a = _clean_author(cand)
            if a and not _org_like(a, site, url):
                return a
    for el in _BYLINE_CANDIDATES(tree):
        if el.tag in ("html", "body", "head", "meta", "link"):
            continue
        if _byline_element(el):
            if _in_boilerplate(el) or any(_byline_element(d) for d in el.iterdescendants()
                                          if isinstance(d.tag, str)):
                continue  # the innermost byline element: not the bar that also holds the date
            a = _clean_author(_text(el))
            if a and len(a.split()) <= 8 and not _org_like(a, site, url):
                return a
    return None


def _trailing_byline(tree) -> str | None:
    """A name on its own right after the article's last paragraph, inside the article's
    container ("<strong>XUÂN LONG</strong>" after the text), when no extractor kept it."""
    mains = [el for el in tree.iter() if isinstance(el.tag, str) and _is_main(el)]
    if not mains:
        return None
    main = mains[-1]  # the innermost: the marked elements are the container and its ancestors
    last = None
    for p in main.iter("p"):
        if len(_squash(p.text_content())) >= 60:
            last = p
    if last is None:
        return None
    after = False
    for el in main.iter():
        if el is last:
            after = True
            continue
        if not after or not isinstance(el.tag, str) or last in _ancestors(el):
            continue
        if (el.tag in ("script", "style", "a", "li") or _in_boilerplate(el)
                or any(a.tag in ("a", "li") for a in _ancestors(el))):
            continue
        own = _squash(el.text)
        if not own:
            continue
        if (len(own) <= 70 and _looks_like_author(own) and len(_text(el)) <= 70
                and not any(a.tag in ("figure", "figcaption", "table") for a in (el, *_ancestors(el)))):
            return _clean_author(own)
        return None  # the first text after the article decides
    return None
