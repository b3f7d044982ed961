"""A generated sample site of thousands of real-sized article pages, served on loopback.

    >>> from benchmarks.bigsite import start
    >>> with start(2000) as sites:      # five outlets, 2,000 articles, ~100 KB per page
    ...     sites.urls, len(sites.requests)

The articles are made from the bundled sample site's own articles (written for
this project, ``ocop_crawler.samplesite``) with its article model and its
templates: each generated article takes the paragraphs of three to six sample
articles of its outlet, with their figures and dates changed, so no two pages
have the same text (the dedup step sees distinct articles). About 60 % are OCOP
articles. Every article page is padded to about ``PAGE_BYTES`` with what makes
a real provincial paper's page that heavy — an inline script of site settings,
a sidebar of headlines and a footer of text (the same on pages of about the
same size, as a site's boilerplate is), no extra links — so parsing costs
what it costs on the real press. The servers are the sample site's own
(``ThreadingHTTPServer``), with a listen backlog of ``BACKLOG`` connections.
"""
from __future__ import annotations

import random
import re
from dataclasses import replace

from ocop_crawler import samplesite
from ocop_crawler.samplesite import server as sample_server

PAGE_BYTES = 100_000
BACKLOG = 1024
SIDEBAR = ("Thời sự", "Kinh tế", "Nông nghiệp", "Xã hội", "Văn hóa", "Thể thao", "Du lịch", "Pháp luật",
           "Giáo dục", "Y tế", "Quốc phòng", "Bạn đọc")


def _vary(text: str, rnd: random.Random) -> str:
    """The same sentence with other figures: every number changed, dates kept plausible."""
    def number(m):
        s = m.group(0)
        if len(s) == 4 and s.startswith("20"):                 # a year
            return str(rnd.choice((2021, 2022, 2023, 2024, 2025)))
        if "." in s or "," in s:
            return s
        n = int(s)
        return str(max(1, n + rnd.randint(-n // 3 - 1, n // 3 + 2)))
    return re.sub(r"\d[\d.,]*\d|\d", number, text)


def generate(n: int, seed: int = 2024) -> list:
    """``n`` public articles over the five sample outlets (``samplesite.Article`` records)."""
    rnd = random.Random(seed)
    base = [a for a in samplesite.articles() if not a.private and not a.syndicated_from]
    by_site: dict = {}
    for a in base:
        by_site.setdefault(a.site, []).append(a)
    sites = sorted(by_site)
    out = []
    for i in range(n):
        site = sites[i % len(sites)]
        pool = by_site[site]
        ocop = [a for a in pool if a.ocop] or pool
        other = [a for a in pool if not a.ocop] or pool
        lead = rnd.choice(ocop if rnd.random() < 0.6 else other)
        parts = [lead] + rnd.sample(pool, k=min(len(pool), rnd.randint(2, 5)))
        body = [_vary(p, rnd) for a in parts for p in a.body]
        year = rnd.choice((2022, 2023, 2024, 2025))
        when = f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d} {rnd.randint(6, 21):02d}:{rnd.randint(0, 59):02d}"
        out.append(replace(lead, id=100000 + i, slug=f"{lead.slug}-b{i}", published=when,
                           title=f"{_vary(lead.title, rnd)} ({i})", sapo=_vary(lead.sapo, rnd),
                           body=body, amp=False, facts=[], tags=lead.tags))
    return out


def _padding(seed: int, size: int) -> str:
    """Script, sidebar and footer text (no links) making a page about ``size`` bytes heavier."""
    rnd = random.Random(seed)
    words = ("tỉnh huyện xã sản phẩm nông dân hợp tác xã thị trường kinh tế phát triển "
             "chương trình người dân chính quyền nông thôn mới du lịch văn hóa").split()
    settings = ",".join(f'"k{i}":"{rnd.getrandbits(64):x}"' for i in range(size // 38))
    script = f'<script type="text/javascript">window.__SITE__={{{settings}}};</script>'
    heads = "".join(f"<li>{rnd.choice(SIDEBAR)}: {' '.join(rnd.choices(words, k=12))}</li>"
                    for _ in range(size // 300))
    side = f'<aside class="sidebar"><h3>Tin nổi bật</h3><ul>{heads}</ul></aside>'
    foot = ('<div class="copyright">Cơ quan chủ quản: UBND tỉnh. Giấy phép số 123/GP-BTTTT. '
            'Ghi rõ nguồn khi phát hành lại thông tin từ website này.</div>')
    return script + side + foot


class BigSites(sample_server.SampleSites):
    """The sample outlets serving generated articles; article pages padded to PAGE_BYTES."""

    def __init__(self, articles, page_bytes: int = PAGE_BYTES):
        sample_server.Server.request_queue_size = BACKLOG
        super().__init__(samplesite.OUTLETS, articles)
        for outlet in self.sites.values():
            outlet.respond = _padded(outlet.respond, outlet.by_path, page_bytes)


def _padded(respond, articles_by_path, page_bytes):
    cache: dict = {}

    def wrapper(path, query, base):
        status, ctype, text, modified = respond(path, query, base)
        if status == 200 and path in articles_by_path and "</body>" in text:
            missing = page_bytes - len(text.encode("utf-8"))
            if missing > 0:
                size = missing // 2000 * 2000 + 2000      # one padding per 2 KB step, shared
                pad = cache.get(size)
                if pad is None:
                    pad = cache[size] = _padding(size, size)
                text = text.replace("</body>", pad + "</body>", 1)
        return status, ctype, text, modified
    return wrapper


def start(n: int = 2000, page_bytes: int = PAGE_BYTES) -> BigSites:
    """Serve ``n`` generated articles on loopback (use as a context manager)."""
    return BigSites(generate(n), page_bytes)


if __name__ == "__main__":
    import sys
    import time
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with start(n) as s:
        for name, url in sorted(s.urls.items()):
            print(f"{name:18} {url}")
        print(f"{n} articles; Ctrl-C to stop")
        try:
            while True:
                time.sleep(1)
        except KeyboardInterrupt:
            pass
