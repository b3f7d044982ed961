"""Canonical URLs: one article, one URL, whatever variant a link or a feed used.

    >>> canonical_url("HTTPS://M.BaoHaTinh.vn:443/amp/kinh-te/ocop-123.html?utm_source=fb&b=2&a=1#top")
    'https://baohatinh.vn/kinh-te/ocop-123.html?a=1&b=2'
    >>> is_amp("https://baohatinh.vn/kinh-te/ocop-123.amp.html")
    True
    >>> same_site("https://m.baohatinh.vn/x", "https://www.baohatinh.vn")
    True

``canonical_url`` lower-cases scheme and host, drops the default port, the
fragment and tracking parameters (utm_*, fbclid, gclid, zarsrc, ...), sorts the
remaining query, strips AMP variants (``/amp/`` prefix, ``/amp`` suffix,
``.amp.html``, ``?amp``, ``amp=1``) and mobile hosts (``m.``), and strips a
trailing slash except for the root. It raises ``ValueError`` on anything that is
not an absolute http(s) URL.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

__all__ = ["canonical_url", "is_amp", "same_site", "TRACKING_PARAMS"]

#: Query parameters that only track a click or a share; dropped (case-insensitive).
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "twclid",
    "zarsrc", "zaloid", "zalo_src", "_ga", "_gl", "_hsenc", "_hsmi", "ref", "ref_src", "ref_url",
    "referrer", "share", "shared", "mc_cid", "mc_eid", "mkt_tok", "ocid", "cmpid", "spm",
    "s_cid", "gad_source", "fb_action_ids", "fb_action_types", "fb_ref", "fb_source",
    "action_object_map", "action_type_map", "action_ref_map", "amp_js_v", "amp_gsa", "usqp",
})
TRACKING_PREFIXES = ("utm_", "pk_", "hsa_", "vero_", "__twitter", "_hs")

_AMP_VALUES = {"", "1", "true", "yes", "amp"}
_DEFAULT_PORTS = {"http": 80, "https": 443}
_MOBILE_PREFIXES = ("m.", "mobile.", "amp.")


def _is_tracking(key: str, value: str) -> bool:
    k = key.lower()
    if k in ("amp", "outputtype", "output"):
        # ?amp, amp=1, outputType=amp: AMP switches; keep other meanings of output=...
        return value.lower() in _AMP_VALUES
    return k in TRACKING_PARAMS or k.startswith(TRACKING_PREFIXES)


def _strip_amp_path(path: str) -> str:
    if path.startswith("/amp/"):
        path = path[4:]
    elif path == "/amp":
        path = "/"
    if path.endswith("/amp") or path.endswith("/amp/"):
        path = path[: path.rstrip("/").rfind("/amp")] or "/"
    path = re.sub(r"[.\-_]amp(\.html?)$", r"\1", path, flags=re.I)
    return path


def _host(netloc_host: str) -> str:
    host = netloc_host.lower().rstrip(".")
    for prefix in _MOBILE_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            return host[len(prefix):]
    return host


def _split(url: str):
    if not isinstance(url, str) or not url.strip():
        raise ValueError(f"not a URL: {url!r}")
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an absolute http(s) URL: {url!r}")
    return parts, scheme


def canonical_url(url: str) -> str:
    """The canonical form of an article URL (see the module docstring)."""
    parts, scheme = _split(url)
    host = _host(parts.hostname)
    try:
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"bad port in URL {url!r}") from exc
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    if parts.username or parts.password:
        raise ValueError(f"URL with credentials refused: {url!r}")
    # Re-quote the path consistently (Vietnamese slugs may arrive raw or percent-encoded).
    path = quote(unquote(parts.path or "/"), safe="/:@!$&'()*+,;=-._~%")
    path = re.sub(r"/{2,}", "/", path)
    path = _strip_amp_path(path)
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _is_tracking(k, v)]
    query.sort()
    return urlunsplit((scheme, netloc, path, urlencode(query, doseq=True), ""))


def is_amp(url: str) -> bool:
    """True when the URL is an AMP variant of an article page."""
    try:
        parts, _ = _split(url)
    except ValueError:
        return False
    path = parts.path or "/"
    if path.startswith("/amp/") or path == "/amp" or re.search(r"/amp/?$", path):
        return True
    if re.search(r"[.\-_]amp\.html?$", path, re.I):
        return True
    if (parts.hostname or "").lower().startswith("amp."):
        return True
    return any(_is_tracking(k, v) and k.lower() in ("amp", "outputtype", "output")
               for k, v in parse_qsl(parts.query, keep_blank_values=True))


def _site_host(url: str) -> str:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().rstrip(".")
    for prefix in ("www.",) + _MOBILE_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
            break
    port = parts.port
    if port is not None and port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    return host


def same_site(url: str, base: str) -> bool:
    """True when both URLs are on the same host (and port), ignoring ``www.`` and ``m.``."""
    try:
        a, b = _site_host(url), _site_host(base)
    except (ValueError, AttributeError):
        return False
    return bool(a) and a == b


def subdomain_of(url: str, base: str) -> bool:
    """``url``'s host is a subdomain of ``base``'s (same port), e.g. ocop.baohatinh.vn;
    never for an IP address."""
    try:
        a, b = urlsplit(url), urlsplit(base)
        host, root = (a.hostname or ""), (b.hostname or "").removeprefix("www.")
        if a.port != b.port or not root or root.replace(".", "").isdigit():
            return False
    except ValueError:
        return False
    return host.endswith("." + root)
