"""Page metadata: ``<meta>`` tags (Open Graph, Dublin Core, ...), article JSON-LD, canonical URL."""
from __future__ import annotations

import json
from urllib.parse import urljoin, urlsplit

from ..urls import canonical_url
from .html import _squash


_LD_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting",
                     "analysisnewsarticle", "webpage", "opinionnewsarticle", "backgroundnewsarticle"}


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
