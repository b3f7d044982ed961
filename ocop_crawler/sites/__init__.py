"""The site registry: one small module per outlet in ``ocop_crawler/sites/outlets/``.

Each outlet module defines ``SITE = Site(...)``. ``all_sites()`` loads them all;
``get(name)`` returns one; ``site_for_host(host)`` the outlet that publishes on a
host (its base URL's, or one of its ``old_hosts``). Entry points that could not be
checked from the project's machines carry ``verified=False``; ``verified_from`` says
where each entry's URLs came from and when (see docs/sites.md).
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from urllib.parse import urlsplit


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
    verified_from: str = ""         # where its URLs came from, and when ("real page 2025-10 (...)")
    old_hosts: tuple[str, ...] = () # earlier domains whose archived URLs belong to this outlet
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

    def owns(self, url: str) -> bool:
        """Is ``url`` on one of the outlet's hosts: its base URL's, its entry points', its
        ``old_hosts`` (``www.``/``m.`` ignored), or a subdomain of one (``ocop.baohatinh.vn``)?
        The crawl follows no redirect, and reads no sitemap, anywhere else."""
        from ..urls import same_site, subdomain_of
        roots = [self.base_url, *self.entry_points(), *(f"https://{h}/" for h in self.old_hosts)]
        return any(same_site(url, u) or subdomain_of(url, u) for u in roots)

    def hosts(self) -> list[str]:
        """Host names (``host:port`` for a loopback sample) its articles are published under."""
        parts = urlsplit(self.base_url)
        host = (parts.hostname or "").removeprefix("www.")
        if parts.port:
            host = f"{host}:{parts.port}"
        return [host] + [h.removeprefix("www.") for h in self.old_hosts]

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


def host_index(sites) -> dict[str, Site]:
    """host -> Site for these sites (base URL host without "www.", and old hosts)."""
    out: dict[str, Site] = {}
    for site in sites:
        for host in site.hosts():
            out.setdefault(host, site)
    return out


@lru_cache(maxsize=1)
def _registry_index() -> dict[str, Site]:
    return host_index(all_sites())


def site_for_host(netloc: str, index: dict[str, Site] | None = None) -> Site | None:
    """The outlet publishing on ``netloc`` ("www.baohatinh.vn", "m.vov.vn",
    "127.0.0.1:8101"): the host itself, then its parent domains. ``index``
    defaults to the registry's real outlets (:func:`host_index`)."""
    if index is None:
        index = _registry_index()
    netloc = (netloc or "").lower().rsplit("@", 1)[-1]
    if netloc in index:
        return index[netloc]
    labels = netloc.split(":", 1)[0].removeprefix("www.").split(".")
    for k in range(len(labels) - 1):
        hit = index.get(".".join(labels[k:]))
        if hit is not None:
            return hit
    return None
