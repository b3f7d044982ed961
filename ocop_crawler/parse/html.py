"""Tree helpers: parse a page, read text and class/id tokens, CSS selectors, boilerplate tests.

Shared by the field extractors (:mod:`.title`, :mod:`.published`, :mod:`.author`,
:mod:`.body`): NFC text with squashed whitespace, one line per block element,
compiled site selectors (a malformed one is a ``ValueError``), "is this element in
the site's chrome, a menu, a footer or a related box?" and tail-preserving removal.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

import lxml.etree
import lxml.html
from lxml.cssselect import CSSSelector, SelectorError


#: class/id tokens of boilerplate blocks (matched per token, as whole words joined by - or _).
_BOILER_TOKEN = re.compile(
    r"(?:^|[-_])(?:related|relate|relates|lien-?quan|lienquan|tinlienquan|other-?news|othernews|"
    r"more-?news|tin-?khac|tinkhac|read-?more|readmore|doc-?them|docthem|share|shares|sharing|"
    r"social|socials|tags?|tag-?list|keywords?|breadcrumbs?|breadcrumb|menu|menus|navbar|nav|"
    r"navigation|footer|comments?|binh-?luan|banner|banners|ads|advert|adv|quang-?cao|sidebar|"
    r"widget|popup|modal|newsletter|subscribe|toolbar|rating|vote|most-?read|doc-?nhieu|"
    r"docnhieu|latest|cung-?chuyen-?muc|same-?cate(?:gory)?|bookmark|fb-like|zalo|foot|"
    r"copyright|site-?info|contact|promo|promotion|sponsor|sponsored|advertis\w*|qc)"
    r"(?:$|[-_])"
    # inside compound and camelCase names: "kbwscwl-relatedbox", "VCObjectBoxRelatedNewsItemSapo"
    r"|related|lienquan|lien-quan", re.I)
_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table",
               "blockquote", "section", "article", "figure", "figcaption", "dd", "dt", "dl",
               "pre", "header", "footer", "main", "td", "th", "br", "hr", "address", "center"}
#: class/id tokens of the site's chrome (not the article's own header): "site-header", "topbar"
_CHROME_TOKEN = re.compile(r"^(?:(?:site|main|top|global|g)[-_]?)?(?:header|topbar|top-bar|masthead|"
                           r"weather|clock|today|date-?today)(?:$|[-_])|(?:^|[-_])(?:other|box-?news|"
                           r"tin-?moi|moi-?cap-?nhat|tin-?cu|news-?list|list-?news)(?:$|[-_])", re.I)


def _parse_tree(html):
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not isinstance(html, str) or not html.strip():
        return None
    html = _nfc_page(html)
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    try:
        return lxml.html.document_fromstring(html, parser=_html_parser())
    except (lxml.etree.ParserError, ValueError):
        return None


_local = threading.local()


def _html_parser():
    """lxml.html's parser with a lookup done in C: every element an ``HtmlElement`` (lxml.html's
    own lookup runs Python code for each element the code touches, a tenth of the parse time).
    One per thread: an lxml parser must not be shared between threads."""
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = lxml.html.HTMLParser()
        parser.set_element_class_lookup(lxml.etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))
    return parser


_COMBINING = re.compile("[\u0300-\u036f]")


def _nfc_page(html: str) -> str:
    """NFC of a whole page. With combining marks in it (decomposed Vietnamese: "e" + U+0301),
    line by line: CPython normalizes a long string that is not NFC slowly (35 ms for 500 kB),
    and NFC never joins across a newline or a space, so the result is the same."""
    if not _COMBINING.search(html):
        return unicodedata.normalize("NFC", html)
    out = []
    for line in html.split("\n"):
        if len(line) > 4000:
            line = " ".join(unicodedata.normalize("NFC", w) for w in line.split(" "))
        else:
            line = unicodedata.normalize("NFC", line)
        out.append(line)
    return "\n".join(out)


def _nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "")


def _squash(text: str | None) -> str:
    """NFC, one space for each run of whitespace (no-break spaces included), no zero-width spaces."""
    if not text:
        return ""
    if "\u200b" in text:
        text = text.replace("\u200b", "")
    return " ".join(_nfc(text).split())


def _text(el) -> str:
    """Visible text of an element, squashed (the tree's text is NFC already: see _parse_tree)."""
    try:
        text = el.text_content()
    except (ValueError, AttributeError):
        return ""
    if "\u200b" in text:
        text = text.replace("\u200b", "")
    return " ".join(text.split())


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


#: class/id tokens that name the article's own metadata: "author-share-top" is a byline bar
#: that also holds share buttons, not a share bar
_META_WORD = re.compile(r"(?:^|[-_])(?:author|byline|date|time|datetime|publish|post-?info|info|"
                        r"meta|tac-?gia)(?:$|[-_])", re.I)
#: attribute set on the element that holds the article's paragraphs and on its ancestors
MAIN_MARK = "data-ocop-main"


def _boiler_token(token: str, chrome: bool = True) -> bool:
    """Does a class/id token say boilerplate (or, with ``chrome``, the site's chrome), and
    not the article's byline or date?"""
    return bool((_BOILER_TOKEN.search(token) or chrome and _CHROME_TOKEN.search(token))
                and not _META_WORD.search(token))


@lru_cache(maxsize=8192)
def _boiler_classes(classes: str, chrome: bool = True) -> bool:
    """Does any token of a class/id string say boilerplate? (cached: class strings repeat)"""
    return any(_boiler_token(t, chrome) for t in classes.split())


def _teaser(p) -> bool:
    """A paragraph right after a linked title: another article's teaser."""
    prev = p.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    return prev is not None and (prev.tag == "a" or prev.tag in ("h2", "h3", "h4", "h5", "h6")
                                 and prev.find(".//a") is not None)


def _mark_main(tree) -> None:
    """Mark the article's text container and its ancestors (``MAIN_MARK``).

    The container is the innermost element that holds more than half of the page's prose:
    its ``<p>`` paragraphs of 60+ characters that are not in a list, a link, a nav, a
    footer or an aside, not mostly a link and not a teaser after a linked title. A
    container that holds the article is never boilerplate, whatever its class says
    ("sidebar-1", "col-share" wrappers)."""
    held: dict = {}
    total = 0
    for p in tree.iter("p"):
        n = len(" ".join(p.text_content().split()))
        if n < 60:
            continue
        ancestors = list(_ancestors(p))
        if any(isinstance(a.tag, str) and a.tag in ("li", "a", "nav", "footer", "aside")
               for a in ancestors):
            continue
        links = sum(len(" ".join(a.text_content().split())) for a in p.iter("a"))
        if links > 0.5 * n or _teaser(p):
            continue
        total += n
        for a in ancestors:
            held[a] = held.get(a, 0) + n
    for el, n in held.items():
        if n > 0.5 * total:
            el.set(MAIN_MARK, "1")


def _is_main(el) -> bool:
    return el.get(MAIN_MARK) is not None


def _in_boilerplate(el) -> bool:
    """Inside the site's chrome, a menu, a footer or a related-article box?"""
    chain = [el, *_ancestors(el)]
    in_article = any(isinstance(a.tag, str) and a.tag in ("article", "main") for a in chain)
    for a in chain:
        if not isinstance(a.tag, str) or _is_main(a):
            continue
        if a.tag in ("nav", "footer", "aside") or (a.tag == "header" and not in_article):
            return True
        if _boiler_classes(_classes(a)):
            return True
    return False


def _headline_element(tree, title: str):
    """The element showing the headline: the first <h1> outside the chrome, else the one whose text is the title."""
    h1 = next((h for h in tree.iter("h1") if not _in_boilerplate(h)), None)
    if h1 is not None or not title:
        return h1
    body = tree.find(".//body")
    for el in (body if body is not None else tree).iter():
        if not isinstance(el.tag, str) or el.tag in ("title", "meta", "script", "style"):
            continue
        own = _squash(el.text)
        if (own and title.startswith(own) or not own and len(el)) and _text(el) == title:
            return el
    return None


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
