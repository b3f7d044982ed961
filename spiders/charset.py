"""Decode an article page whose declared charset may be wrong; spot HTML that lost its paragraphs.

``decode_page(body, declared, label)`` returns ``(text, encoding, note)``:

1. bytes that are valid UTF-8 (and not plain ASCII) are UTF-8, whatever the label
   says: Vietnamese cannot be written in ISO-8859-1/windows-1252, and legacy
   single-byte text is practically never valid UTF-8 by chance;
2. else the declared charset, if it decodes without error;
3. else windows-1258 (the Vietnamese legacy code page), if it decodes;
4. else nothing fits: ``text`` is None and ``note`` says so (a decode error).

``note`` is None when the declared charset was right.

``lost_paragraphs(html)`` compares the ``<p>`` tags written in the page with the
paragraphs its parsed tree holds: an unclosed ``<script>``, comment or attribute
quote swallows the rest of a page, and the body then keeps only a few paragraphs.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

FALLBACKS = ("utf-8", "windows-1258")
_P_TAG = re.compile(r"<p(?=[\s>/])", re.I)
MIN_PARAGRAPHS = 4      # pages with fewer <p> tags are not judged


def _name(encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def declared_charset(response) -> str | None:
    """The charset the page declares: its Content-Type header's, else what Scrapy settled on."""
    ctype = (response.headers.get("Content-Type") or b"").decode("latin-1")
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", ctype, re.I)
    return m.group(1).lower() if m else getattr(response, "encoding", None)


def decode_page(body: bytes, declared: str | None, label: str | None = None
                ) -> tuple[str | None, str | None, str | None]:
    """``declared``: the codec the page's declaration maps to (Scrapy's ``response.encoding``,
    e.g. cp1252 for "iso-8859-1"); ``label``: the declaration as written, for the note."""
    declared_name = _name(declared)
    label = label or declared or "no charset"
    if body.isascii():
        return body.decode("ascii"), declared_name or "ascii", None
    text = _strict(body, "utf-8")
    if text is not None:
        if declared_name in (None, "utf-8"):
            return text, "utf-8", None
        return text, "utf-8", f"labelled {label}, but the bytes are utf-8: decoded as utf-8"
    if declared_name and declared_name != "utf-8":
        text = _strict(body, declared_name)
        if text is not None:
            return unicodedata.normalize("NFC", text), declared_name, None
    for encoding in FALLBACKS[1:]:
        text = _strict(body, encoding)
        if text is not None:   # tones are combining marks in windows-1258: compose them
            return unicodedata.normalize("NFC", text), _name(encoding), (f"labelled {label}, which does not decode the bytes: "
                                           f"decoded as {encoding}")
    tried = list(dict.fromkeys([label, "utf-8", *FALLBACKS[1:]]))
    return None, None, f"decode error: the bytes are not {', '.join(tried[:-1])} or {tried[-1]}"


def lost_paragraphs(html: str, parsed_paragraphs: int) -> str | None:
    """A warning when the parsed page holds less than half of the ``<p>`` tags written in it."""
    written = len(_P_TAG.findall(html))
    if written >= MIN_PARAGRAPHS and parsed_paragraphs * 2 < written:
        return (f"malformed HTML: {parsed_paragraphs} of the {written} paragraphs written in the "
                "page could be read (an unclosed tag swallowed the rest)")
    return None
