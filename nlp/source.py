"""Where an article comes from: the province of the site that published it, or of
the source line a syndicated copy carries.

- ``province_from_url(url)``: the registry's outlet for the host (its home
  province, None for a national outlet), else a host whose labels spell a
  province ("baohungyen.vn", "camlo.quangtri.gov.vn", "ocop.hagiang.gov.vn").
- ``province_from_source_line(text)``: "Nguồn: baocaobang.vn", "Nguồn Cao Bằng:
  https://…", "Báo Đắk Lắk – baodaklak.vn", "(Theo Báo Lào Cai)".

>>> province_from_url("https://baohungyen.vn/kinh-te/a.html")
'Hưng Yên'
>>> province_from_source_line("Nguồn: https://baocaobang.vn/abc-123.html")
'Cao Bằng'
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from . import areas
from .normalize import fold
from .places import find_places

_NATIONAL = object()
_SOURCE_LINE = re.compile(
    r"(?:^|\n|\()\s*(?:Nguồn|Theo)\b(?P<line>[^\n]{0,160})|"
    r"(?:^|\n)\s*(?P<paper>Báo\s+[A-ZĐÀ-Ỹ][^\n–—|-]{1,40})\s*[–—|-]\s*(?P<host>[\w.-]+\.vn)\b")
_HOST = re.compile(r"(?:https?://)?(?P<h>(?:[\w-]+\.)+(?:vn|com|net|org))\b", re.I)


def _registry_province(host: str):
    """The home province of the registry outlet publishing on ``host`` (its parent domains and
    old hosts count: ``ocop_crawler.sites.site_for_host``), _NATIONAL for a national outlet,
    None when no outlet is known (or the NLP package is used without the crawler)."""
    try:
        from ocop_crawler.sites import site_for_host
    except ImportError:
        return None
    site = site_for_host(host)
    return None if site is None else (site.province or _NATIONAL)


@lru_cache(maxsize=1)
def _squashed() -> dict:
    """'hungyen' -> 'Hưng Yên' for every province (unaccented, spaces removed)."""
    return {fold(name).replace(" ", "").replace("-", ""): name for name in areas.provinces()}


@lru_cache(maxsize=4096)
def province_from_host(host: str) -> str | None:
    host = (host or "").lower().removeprefix("www.")
    if not host:
        return None
    found = _registry_province(host)
    if found is not None:
        return None if found is _NATIONAL else found
    labels = host.split(".")
    squashed = _squashed()
    for label in labels[:-1]:
        name = label.removeprefix("bao").removeprefix("ocop").removesuffix("tv")
        if name in squashed:
            return squashed[name]
        if label in squashed:
            return squashed[label]
    return None


def province_from_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return province_from_host(urlsplit(url if "//" in url else "//" + url).hostname or "")
    except ValueError:
        return None


def province_from_source_line(text: str) -> str | None:
    """The province of the newspaper a source line names (the last such line wins)."""
    found = None
    for m in _SOURCE_LINE.finditer(text or ""):
        line = m["line"] if m["line"] is not None else f"{m['paper']} {m['host']}"
        hm = _HOST.search(line)
        prov = province_from_host(hm["h"]) if hm else None
        if prov is None:
            words = _HOST.sub(" ", line)
            if re.match(r"\s*:?\s*(?:Báo|báo|Đài|Cổng|TTXVN)|\s+[A-ZĐÀ-Ỹ]", words):
                places = [p for p in find_places(words[:80]) if p.level == "province"]
                prov = places[0].province if places else None
        found = prov or found
    return found
