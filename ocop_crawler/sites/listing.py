"""``ocop sites``: list the site registry as a table or JSON, and check it for consistency.

    >>> from ocop_crawler.sites.listing import print_sites, check_registry
    >>> print_sites(province="Hà Tĩnh")          # doctest: +SKIP
    >>> check_registry()                          # [] when the registry is consistent
    []

The 63 provinces of 2019-2025 and the 34-province map of 1 July 2025 come from
``nlp.areas`` (vietnamadminunits' data; its "Huế" is spelled "Thừa Thiên Huế"
here, as in FACTS.md). Province names are compared after NFC, lower-casing and
folding the old/new tone-mark placement (Hoà = Hòa, Thuỷ = Thủy).
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from urllib.parse import urlsplit

from nlp import areas
from nlp.normalize import canonical_tones, name_key

from . import Site, all_sites

KINDS = ("provincial", "national", "aggregator", "sample")
# What ``verified_from`` may say, and whether that kind of evidence must carry a date.
EVIDENCE = {"real page": True, "live-checked config": True, "checked live": True,
            "written from memory": False, "bundled sample site": False}
_DATE = re.compile(r"\b(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?\b")
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}")
SELECTOR_KEYS = ("title", "date", "body", "author")

# Names and the 2025 map come from the project's gazetteer (nlp.areas, on vietnamadminunits).

def fold(name: str) -> str:
    """Comparison key of a Vietnamese name: NFC, lower case, one tone-mark placement."""
    return canonical_tones(unicodedata.normalize("NFC", " ".join(name.split()))).lower()


def unaccent(name: str) -> str:
    """The name without diacritics ("Đắk Lắk" -> "dak lak"), for lenient filters."""
    return name_key(name)


def provinces_63() -> list[str]:
    """The 63 provinces of 2019-2025, FACTS.md spelling, sorted by name."""
    return areas.provinces()


def province_2025(province: str) -> str | None:
    """The province of the 34-province map (1/7/2025) that ``province`` is part of."""
    return areas.province_2025(province)


def canonical_province(name: str) -> str | None:
    """The FACTS.md spelling of a province name given with or without diacritics, else None."""
    return areas.find_province(name)


def _same_domain(url: str, base: str) -> bool:
    host, base_host = urlsplit(url).hostname or "", urlsplit(base).hostname or ""
    root = base_host.removeprefix("www.")
    return host == base_host or host == root or host.endswith("." + root)


def check_site(site: Site, module: str | None = None) -> list[str]:
    """The problems of one entry (an empty list when it is consistent)."""
    p = []
    err = p.append
    sample = site.kind == "sample"  # the bundled sample sites are named "sample-<x>"
    if module is not None and (site.name.replace("-", "_") if sample else site.name) != module:
        err(f"name {site.name!r} differs from its module outlets/{module}.py")
    if not re.fullmatch(r"[a-z][a-z0-9_-]*" if sample else r"[a-z][a-z0-9_]*", site.name):
        err(f"name {site.name!r} is not a lower-case identifier")
    for key, value in site.as_dict().items():
        if isinstance(value, str) and value != unicodedata.normalize("NFC", value):
            err(f"{key} is not NFC")
    if site.kind not in KINDS:
        err(f"kind {site.kind!r} is not one of {', '.join(KINDS)}")
    if site.kind == "provincial" and not site.province:
        err("a provincial outlet needs a province")
    if site.kind == "national" and site.province:
        err("a national outlet has no home province")
    if site.province and site.province not in provinces_63():
        hint = canonical_province(site.province)
        err(f"province {site.province!r} is not one of the 63 provinces"
            + (f" (FACTS.md spelling: {hint!r})" if hint else ""))
    urls = [("base_url", site.base_url)] + [(k, u) for k in ("feeds", "sitemaps", "listings")
                                            for u in getattr(site, k)]
    if site.search is not None:
        if "{query}" not in site.search:
            err("search has no {query} placeholder")
        else:
            urls.append(("search", site.search.format(query="OCOP")))
    for key, url in urls:
        parts = urlsplit(url)
        if site.kind != "sample" and parts.scheme != "https":
            err(f"{key} {url!r} is not an absolute https URL")
        elif not parts.hostname:
            err(f"{key} {url!r} is not an absolute URL")
        elif key != "base_url" and not _same_domain(url, site.base_url):
            err(f"{key} {url!r} is not on the outlet's domain")
    for key, rx in [("article_pattern", site.article_pattern)] + [("deny_patterns", d) for d in site.deny_patterns]:
        if rx is None:
            continue
        try:
            re.compile(rx)
        except re.error as e:
            err(f"{key} {rx!r} does not compile: {e}")
    from cssselect import GenericTranslator, SelectorError
    for key, css in site.selectors.items():
        if key not in SELECTOR_KEYS:
            err(f"selector key {key!r} is not one of {', '.join(SELECTOR_KEYS)}")
        try:
            GenericTranslator().css_to_xpath(css)
        except SelectorError as e:
            err(f"selector {key} {css!r} is not valid CSS: {e}")
    if not site.verified and not sample and not site.notes.strip():
        err("an unverified entry must say in notes what is a guess")
    p += _check_evidence(site)
    return [f"{site.name}: {m}" for m in p]


def evidence_kinds(verified_from: str) -> list[str]:
    """The kinds of evidence ``verified_from`` names ("real page", "written from memory"...)."""
    text = verified_from.lower()
    return [k for k in EVIDENCE if k in text]


def _check_evidence(site: Site) -> list[str]:
    """``verified_from`` says where the URLs came from (and when); ``old_hosts`` are hosts."""
    p = []
    vf = site.verified_from.strip()
    kinds = evidence_kinds(vf)
    if not vf:
        p.append("verified_from is empty: say where its URLs came from and when "
                 "(e.g. 'written from memory, unverified')")
    elif not kinds:
        p.append(f"verified_from {vf[:40]!r}… names no evidence: one of " + ", ".join(EVIDENCE))
    elif any(EVIDENCE[k] for k in kinds) and not _DATE.search(vf):
        p.append("verified_from cites a page or a check but no date (YYYY-MM or YYYY-MM-DD)")
    if site.verified and kinds == ["written from memory"]:
        p.append("verified=True but verified_from says it was written from memory")
    for host in site.old_hosts:
        if not _HOST.fullmatch(host):
            p.append(f"old_hosts {host!r} is not a host name")
    return p


def check_registry(include_samples: bool = True, sites: list[Site] | None = None) -> list[str]:
    """Consistency problems of the whole registry (an empty list when all is well).

    Checks each entry (:func:`check_site`), that every module's ``SITE.name`` is
    its module name, that each of the 63 provinces has a provincial paper, that
    successors exist, and that a paper of a province absorbed on 1/7/2025 names
    the paper of the province it joined as its successor. ``sites`` checks
    these entries instead of the registry's (successors are looked up among them).
    """
    import importlib
    import pkgutil
    from . import outlets

    problems: list[str] = []
    modules = {}
    for mod in pkgutil.iter_modules(outlets.__path__):
        site = getattr(importlib.import_module(f"{outlets.__name__}.{mod.name}"), "SITE", None)
        if site is not None:
            modules[site.name] = mod.name
    given = sites is not None
    if sites is None:
        sites = all_sites(include_samples=include_samples)
    sites = {s.name: s for s in sites}
    for site in sites.values():
        problems += check_site(site, modules.get(site.name))
    covered = {s.province for s in sites.values() if s.kind == "provincial"}
    for prov in provinces_63():
        if prov not in covered:
            problems.append(f"{prov}: no provincial paper in the registry")
    all_names = dict(sites) if given else {s.name: s for s in all_sites(include_samples=True)}
    for site in sites.values():
        succ = all_names.get(site.successor) if site.successor else None
        if site.successor and succ is None:
            problems.append(f"{site.name}: successor {site.successor!r} is not in the registry")
        if site.successor == site.name:
            problems.append(f"{site.name}: is its own successor")
        if site.kind != "provincial" or site.province not in provinces_63():
            continue
        new = province_2025(site.province)
        absorbed = new is not None and fold(new) != fold(site.province) and site.province != "Thừa Thiên Huế"
        if absorbed and not site.successor:
            problems.append(f"{site.name}: {site.province} joined {new} on 1/7/2025 but no successor is recorded")
        if succ is not None and succ.province and province_2025(succ.province) != new:
            problems.append(f"{site.name}: successor {succ.name} is in {succ.province}, not in {new}")
        if succ is not None and succ.successor:
            problems.append(f"{site.name}: successor {succ.name} itself has a successor ({succ.successor})")
    owner: dict[str, str] = {}
    for site in sites.values():
        for host in site.hosts():
            if host in owner and owner[host] != site.name:
                problems.append(f"{site.name}: host {host} is already {owner[host]}'s")
            owner.setdefault(host, site.name)
    return problems


def select_sites(include_samples: bool = False, province: str | None = None,
                 kind: str | None = None) -> list[Site]:
    """Registry entries sorted by name, optionally of one province and/or kind.

    ``province`` matches with or without diacritics and either tone placement
    ("Hoa Binh", "Hoà Bình"); an unknown province raises ValueError.
    """
    sites = all_sites(include_samples=include_samples or kind == "sample")
    if province is not None:
        canon = canonical_province(province)
        if canon is None:
            raise ValueError(f"unknown province {province!r}: expected one of the 63 provinces, "
                             f"e.g. 'Hà Tĩnh', 'Thừa Thiên Huế', 'Bà Rịa - Vũng Tàu'")
        sites = [s for s in sites if s.province and fold(s.province) == fold(canon)]
    if kind is not None:
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}: expected one of {', '.join(KINDS)}")
        sites = [s for s in sites if s.kind == kind]
    return sorted(sites, key=lambda s: s.name)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


SHORT_EVIDENCE = {"real page": "real page", "live-checked config": "live config",
                  "checked live": "checked live", "written from memory": "memory",
                  "bundled sample site": "sample"}


def evidence_label(verified_from: str) -> str:
    """A short form of ``verified_from`` for the table: "real page + live config", "memory"."""
    kinds = evidence_kinds(verified_from)
    if len(kinds) > 1:
        kinds = [k for k in kinds if k != "written from memory"]
    return " + ".join(SHORT_EVIDENCE[k] for k in kinds) or "?"


def format_table(sites: list[Site]) -> str:
    """The human table printed by ``ocop sites``."""
    header = ("name", "province", "kind", "entry points", "verified", "successor", "verified from")
    rows = []
    for s in sites:
        eps = s.entry_points()
        first = _clip(eps[0], 44)
        rows.append((s.name, s.province or "—", s.kind,
                     f"{len(eps)}: {first}" if len(eps) > 1 else first,
                     "yes" if s.verified else "no", s.successor or "",
                     evidence_label(s.verified_from)))
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    kinds = {}
    for s in sites:
        kinds[s.kind] = kinds.get(s.kind, 0) + 1
    by_kind = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    n_verified = sum(s.verified for s in sites)
    n_evidence = sum(any(k != "written from memory" for k in evidence_kinds(s.verified_from))
                     for s in sites if s.kind != "sample")
    lines.append("")
    lines.append(f"{len(sites)} outlet{'' if len(sites) == 1 else 's'} ({by_kind or 'none'}); {n_verified} verified, "
                 f"{sum(bool(s.successor) for s in sites)} merged in 2025 (see successor).")
    lines.append(f"{n_evidence} outlet{'' if n_evidence == 1 else 's'} with URLs seen working elsewhere "
                 "(real page or live-checked config), the rest written from memory; "
                 "`--json` gives each entry's verified_from.")
    return "\n".join(lines)


def print_sites(as_json: bool = False, include_samples: bool = False, province: str | None = None,
                kind: str | None = None, file=None) -> int:
    """Print the registry (table or JSON array of ``Site.as_dict()``); return an exit status."""
    out = file or sys.stdout
    try:
        sites = select_sites(include_samples=include_samples, province=province, kind=kind)
    except ValueError as e:
        print(f"ocop sites: {e}", file=sys.stderr)
        return 2
    if as_json:
        json.dump([s.as_dict() for s in sites], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        print(format_table(sites), file=out)
    return 0


def print_check(include_samples: bool = True, file=None) -> int:
    """Print the registry's consistency problems; 0 when there are none, else 1."""
    out = file or sys.stdout
    problems = check_registry(include_samples=include_samples)
    for line in problems:
        print(line, file=out)
    n = len(all_sites(include_samples=include_samples))
    print(f"{n} outlets checked: " + (f"{len(problems)} problem(s)" if problems else "consistent"), file=out)
    return 1 if problems else 0
