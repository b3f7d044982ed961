"""``ocop sites --check-live``: ask every entry point of the registry once, and say what answers.

    >>> from ocop_crawler.sites.live import check_live
    >>> check_live([get("baohatinh")])                                  # doctest: +SKIP
    [{'site': 'baohatinh', 'url': 'https://baohatinh.vn', 'result': 'ok', 'status': 200, ...}, ...]

For users with internet access (the tests run it against the sample site on
127.0.0.1 only). Each outlet's base URL and entry points (feeds, sitemaps,
listings, the search for "OCOP") get one GET each, politely: the crawler's
User-Agent, a timeout, redirects reported and not followed, at most 64 KB read,
one request at a time per host with a pause between two (``delay``), and a few
hosts at once (``workers``). Results:

- ``ok``: 2xx (or 304);
- ``redirect``: 3xx, with ``location`` (and ``other_host`` when it leaves the outlet's domain);
- ``gone``: 404 or 410;
- ``failing``: any other status (403, 429, 5xx ...);
- ``unreachable``: no HTTP answer (DNS, refused, reset, timeout, TLS).
"""
from __future__ import annotations

import json
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urljoin, urlsplit

from . import Site

MAX_READ = 64 * 1024
RESULTS = ("ok", "redirect", "gone", "failing", "unreachable")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None          # report the redirect instead of following it


def _opener():
    return urllib.request.build_opener(_NoRedirect())


def _user_agent() -> str:
    from ocop_crawler.settings import USER_AGENT
    return USER_AGENT


def entry_urls(site: Site) -> list[tuple[str, str]]:
    """(kind, url) of what ``--check-live`` asks for one outlet: base URL, then entry points."""
    out = [("base", site.base_url)]
    out += [("feed", u) for u in site.feeds] + [("sitemap", u) for u in site.sitemaps]
    out += [("listing", u) for u in site.listings]
    if site.search:
        out.append(("search", site.search.format(query="OCOP")))
    seen, unique = set(), []
    for kind, url in out:
        if url not in seen:
            seen.add(url)
            unique.append((kind, url))
    return unique


def _same_site(url: str, site: Site) -> bool:
    """Is ``url`` on one of the outlet's hosts (or their subdomains)? See ``Site.owns``."""
    return site.owns(url)


def probe(url: str, site: Site, *, timeout: float = 15.0, user_agent: str | None = None,
          opener=None) -> dict:
    """One GET of ``url``: result, status, location, detail."""
    opener = opener or _opener()
    req = urllib.request.Request(url, headers={"User-Agent": user_agent or _user_agent(),
                                               "Accept": "*/*"})
    out = {"url": url, "status": None, "location": None}
    try:
        with opener.open(req, timeout=timeout) as resp:
            resp.read(MAX_READ)
            out.update(status=resp.status, result="ok",
                       detail=resp.headers.get("Content-Type") or "")
    except urllib.error.HTTPError as exc:
        out["status"] = exc.code
        location = exc.headers.get("Location") if exc.headers else None
        if 300 <= exc.code < 400 and exc.code != 304:
            target = urljoin(url, location) if location else None
            out.update(result="redirect", location=target,
                       detail=("to another host" if target and not _same_site(target, site)
                               else "within the site"))
            out["other_host"] = bool(target) and not _same_site(target, site)
        elif exc.code == 304:
            out.update(result="ok", detail="not modified")
        elif exc.code in (404, 410):
            out.update(result="gone", detail=exc.reason or "")
        else:
            out.update(result="failing", detail=str(exc.reason or ""))
        exc.close()
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        out.update(result="unreachable", detail=str(reason)[:120])
    return out


def check_live(sites, *, timeout: float = 15.0, delay: float = 1.0, workers: int = 4,
               user_agent: str | None = None) -> list[dict]:
    """Probe each outlet's base URL and entry points once; one dict per URL, in registry order."""
    by_host: dict[str, list] = {}
    order = []
    for site in sites:
        for kind, url in entry_urls(site):
            job = {"site": site.name, "kind": kind, "url": url, "_site": site}
            by_host.setdefault(urlsplit(url).netloc.lower(), []).append(job)
            order.append(job)
    opener = _opener()

    def run_host(jobs):
        for i, job in enumerate(jobs):
            if i and delay:
                time.sleep(delay)            # one request at a time per host, spaced out
            job.update(probe(job["url"], job["_site"], timeout=timeout, user_agent=user_agent,
                             opener=opener))

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        list(pool.map(run_host, by_host.values()))
    return [{k: v for k, v in job.items() if k != "_site"} for job in order]


def format_results(results: list[dict]) -> str:
    header = ("site", "kind", "url", "result")
    rows = []
    for r in results:
        what = r["result"] + (f" {r['status']}" if r.get("status") else "")
        if r["result"] == "redirect":
            what += f" -> {r.get('location') or '?'}" + (" (another host)" if r.get("other_host") else "")
        elif r.get("detail") and r["result"] != "ok":
            what += f" ({r['detail']})"
        rows.append((r["site"], r["kind"], r["url"], what))
    widths = [max(len(str(x[i])) for x in rows + [header]) for i in range(3)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(header[:3], widths)) + "  " + header[3],
             "  ".join("-" * w for w in widths) + "  " + "-" * 6]
    lines += ["  ".join(str(c).ljust(w) for c, w in zip(r[:3], widths)) + "  " + r[3] for r in rows]
    counts = {k: sum(r["result"] == k for r in results) for k in RESULTS}
    n_sites = len({r["site"] for r in results})
    lines.append("")
    lines.append(f"{len(results)} URLs of {n_sites} outlet{'' if n_sites == 1 else 's'}: "
                 + ", ".join(f"{n} {k}" for k, n in counts.items())
                 + f" ({sum(bool(r.get('other_host')) for r in results)} redirect to another host)")
    return "\n".join(lines)


def print_check_live(sites=None, names=(), as_json=False, *, file=None, **kwargs) -> int:
    """Print the live check of ``sites`` (or the registry outlets ``names``, default all).

    Exit status: 0 when every URL answered 2xx, 1 when some redirect, are gone or
    fail, 2 for an unknown outlet name.
    """
    from . import all_sites, get
    out = file or sys.stdout
    if sites is None:
        try:
            sites = [get(n) for n in names] if names else all_sites()
        except KeyError as exc:
            print(f"Error: {exc.args[0]}", file=sys.stderr)
            return 2
    results = check_live(sites, **kwargs)
    if as_json:
        json.dump(results, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        print(format_results(results), file=out)
    return 0 if all(r["result"] == "ok" for r in results) else 1
