"""The site registry: one small module per outlet in ``ocop_crawler/sites/outlets/``.

Each outlet module defines ``SITE = Site(...)``. ``all_sites()`` loads them all;
``get(name)`` returns one. Entry points that could not be checked from the
project's machines carry ``verified=False``.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache


@dataclass(frozen=True)
class Site:
    name: str                       # registry key, e.g. "baohatinh"
    title: str                      # human name, e.g. "Báo Hà Tĩnh"
    base_url: str                   # "https://baohatinh.vn"
    province: str | None = None     # home province (FACTS.md spelling), None for national outlets
    kind: str = "provincial"        # provincial | national | aggregator | sample
    feeds: tuple[str, ...] = ()     # RSS/Atom feed URLs
    sitemaps: tuple[str, ...] = ()  # XML sitemap (or sitemap index) URLs
    listings: tuple[str, ...] = ()  # OCOP tag/category listing pages (first page)
    search: str | None = None       # search URL with "{query}" placeholder
    article_pattern: str | None = None   # regex an article URL matches
    deny_patterns: tuple[str, ...] = ()  # regexes of URLs never to follow
    selectors: dict = field(default_factory=dict)  # CSS overrides: title, date, body, author
    verified: bool = False          # entry points checked against the live site?
    successor: str | None = None    # registry name of the paper it merged into (2025)
    notes: str = ""

    def entry_points(self) -> list[str]:
        out = list(self.feeds) + list(self.sitemaps) + list(self.listings)
        if self.search:
            out.append(self.search.format(query="OCOP"))
        return out or [self.base_url]

    def with_base(self, base_url: str) -> "Site":
        """The same outlet served from another base URL (used for the sample site)."""
        old = self.base_url.rstrip("/")
        new = base_url.rstrip("/")
        def move(u):
            return new + u[len(old):] if u and u.startswith(old) else u
        return replace(
            self, base_url=new,
            feeds=tuple(map(move, self.feeds)), sitemaps=tuple(map(move, self.sitemaps)),
            listings=tuple(map(move, self.listings)), search=move(self.search),
        )

    def as_dict(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=1)
def _registry() -> dict[str, Site]:
    from . import outlets
    sites: dict[str, Site] = {}
    for mod in pkgutil.iter_modules(outlets.__path__):
        site = getattr(importlib.import_module(f"{outlets.__name__}.{mod.name}"), "SITE", None)
        if site is None:
            continue
        if site.name in sites:
            raise ValueError(f"duplicate site name {site.name!r} in outlets/{mod.name}.py")
        sites[site.name] = site
    return dict(sorted(sites.items()))


def all_sites(include_samples: bool = False) -> list[Site]:
    return [s for s in _registry().values() if include_samples or s.kind != "sample"]


def get(name: str) -> Site:
    try:
        return _registry()[name]
    except KeyError:
        raise KeyError(f"unknown site {name!r}; `ocop sites` lists the registry") from None
