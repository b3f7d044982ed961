"""Normalise article text: Unicode NFC and whitespace (one space inside lines,
no blank lines, trimmed) for every text field of an ``ArticleItem``."""
from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
TEXT_FIELDS = ("title", "author", "reason")


def normalize_text(text: str | None, *, multiline: bool = False) -> str | None:
    if text is None:
        return None
    text = unicodedata.normalize("NFC", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "").replace("\u200c", "").replace("\u200d", "")
    if multiline:
        lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
        return "\n".join(line for line in lines if line)
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


class NormalizePipeline:
    def process_item(self, item):
        for key in TEXT_FIELDS:
            if item.get(key) is not None:
                item[key] = normalize_text(item[key]) or None
        item["body"] = normalize_text(item.get("body") or "", multiline=True)
        item["url"] = unicodedata.normalize("NFC", item["url"])
        return item
