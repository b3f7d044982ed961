"""Discovery helpers, HTTP freshness, drift flags and `ocop crawl` argument errors."""
from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from scrapy.http import HtmlResponse, Request, TextResponse, XmlResponse

from ocop_crawler.crawl import drift_flags
from spiders import discovery as disc
from spiders import freshness

BASE = "http://127.0.0.1:8101"


def html(url, body, **kw):
    return HtmlResponse(url, body=body.encode("utf-8"), encoding="utf-8", request=Request(url), **kw)


def test_feed_links_and_entries():
    home = html(BASE + "/", '<html><head><link rel="alternate" type="application/rss+xml" href="/rss">'
                            '<link rel="alternate" hreflang="en" href="/en"></head></html>')
    assert disc.feed_links(home) == [BASE + "/rss"]
    rss = XmlResponse(BASE + "/rss", body="""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
      <item><title>Hà Tĩnh có thêm 35 sản phẩm OCOP</title><link>/ocop/a-1.html</link>
      <pubDate>Mon, 12 Feb 2024 08:15:00 +0700</pubDate></item>
      <item><title>B</title><guid>http://127.0.0.1:8101/ocop/b-2.html</guid></item></channel></rss>""".encode())
    assert disc.looks_like_feed(rss)
    assert disc.feed_entries(rss) == [(BASE + "/ocop/a-1.html", date(2024, 2, 12)),
                                     (BASE + "/ocop/b-2.html", None)]
    atom = XmlResponse(BASE + "/atom", body=b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry>
      <link rel="alternate" href="http://127.0.0.1:8101/ocop/c-3.html"/><updated>2024-03-01T10:00:00Z</updated>
      </entry></feed>""")
    assert disc.feed_entries(atom) == [(BASE + "/ocop/c-3.html", date(2024, 3, 1))]
    assert not disc.looks_like_feed(html(BASE + "/rss.xml", "<html><body>404</body></html>"))


def test_sitemaps_index_urlset_and_robots():
    index = XmlResponse(BASE + "/sitemap.xml", body=b"""<?xml version="1.0"?>
      <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>
      <loc>http://127.0.0.1:8101/sitemap-articles.xml</loc><lastmod>2024-02-12</lastmod></sitemap></sitemapindex>""")
    assert disc.sitemap_entries(index) == [("sitemap", BASE + "/sitemap-articles.xml", date(2024, 2, 12))]
    urlset = XmlResponse(BASE + "/sitemap-articles.xml", body=b"""<?xml version="1.0"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://127.0.0.1:8101/ocop/a-1.html</loc>
      <lastmod>2019-05-02T08:00:00+07:00</lastmod></url></urlset>""")
    assert disc.sitemap_entries(urlset) == [("url", BASE + "/ocop/a-1.html", date(2019, 5, 2))]
    assert disc.sitemap_entries(html(BASE + "/x", "<html></html>")) is None
    robots = "User-agent: *\nDisallow: /private/\nSitemap: http://127.0.0.1:8101/sitemap.xml\n"
    assert disc.robots_sitemaps(robots, BASE + "/robots.txt") == [BASE + "/sitemap.xml"]


def test_listing_items_dates_and_pagination():
    page = html(BASE + "/chuyen-muc/ocop?page=2", """<html><body><ul class="menu"><li><a href="/">Trang chủ</a></li></ul>
      <div class="news-item"><h3><a href="/ocop/a-1.html?utm_source=fb">A</a></h3><span>Thứ Hai, 12/02/2024 - 08:15</span></div>
      <div class="news-item"><h3><a href="/ocop/b-2.html">B</a></h3><time datetime="2019-06-01">1/6/2019</time></div>
      <div class="news-item"><h3><a href="/ocop/c-3.html">C</a></h3><span>2 giờ trước</span></div>
      <div class="pagination"><a href="/chuyen-muc/ocop?page=1">Trang trước</a><a href="/chuyen-muc/ocop?page=3">Trang sau</a></div>
      </body></html>""")
    items = disc.listing_items(page, lambda u: "/ocop/" in u)
    assert items == [(BASE + "/ocop/a-1.html?utm_source=fb", date(2024, 2, 12)),
                     (BASE + "/ocop/b-2.html", date(2019, 6, 1)),
                     (BASE + "/ocop/c-3.html", date.today())]
    assert disc.next_page(page) == BASE + "/chuyen-muc/ocop?page=3"
    rel = html(BASE + "/tag/ocop", '<html><head><link rel="next" href="/tag/ocop/p2"></head></html>')
    assert disc.next_page(rel) == BASE + "/tag/ocop/p2"
    numbered = html(BASE + "/tim-kiem?q=OCOP", '<a href="/tim-kiem?q=OCOP&page=2">2</a>')
    assert disc.next_page(numbered) == BASE + "/tim-kiem?page=2&q=OCOP" or \
        disc.next_page(numbered) == BASE + "/tim-kiem?q=OCOP&page=2"
    assert disc.next_page(html(BASE + "/chuyen-muc/ocop?page=9", "<p>het</p>")) is None


def test_to_date_formats():
    assert disc.to_date("Mon, 12 Feb 2024 08:15:00 +0700") == date(2024, 2, 12)
    assert disc.to_date("2024-02-12T08:15:00+07:00") == date(2024, 2, 12)
    assert disc.to_date("08:15 | 12/02/2024") == date(2024, 2, 12)
    assert disc.to_date("không có ngày") is None


def test_freshness_rules():
    now = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)

    def resp(**headers):
        return TextResponse(BASE + "/rss.xml", body=b"", headers=headers)
    # explicit max-age wins
    v = freshness.validators(resp(**{"Cache-Control": "public, max-age=600", "ETag": '"x"'}), now)
    assert v["etag"] == '"x"' and freshness.is_fresh(v, now + timedelta(minutes=9))
    assert not freshness.is_fresh(v, now + timedelta(minutes=11))
    # heuristic: 10 % of the age of Last-Modified, capped at 6 hours
    lm = "Mon, 23 Nov 2026 02:00:00 GMT"   # 10 hours old -> 1 hour fresh
    v = freshness.validators(resp(**{"Last-Modified": lm, "Date": "Mon, 23 Nov 2026 12:00:00 GMT"}), now)
    assert freshness.is_fresh(v, now + timedelta(minutes=59))
    assert not freshness.is_fresh(v, now + timedelta(minutes=61))
    assert freshness.conditional_headers(v) == {"If-Modified-Since": lm}
    old = freshness.validators(resp(**{"Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT"}), now)
    assert not freshness.is_fresh(old, now + timedelta(hours=6, minutes=1))
    assert not freshness.is_fresh(freshness.validators(resp(**{"Cache-Control": "no-cache"}), now), now)


def test_drift_flags():
    ok = {"pages": 20, "links_found": 12, "articles_fetched": 10, "kept": 5, "facts": 12,
          "no_body": 0, "no_date": 1}
    assert drift_flags(ok) == []
    assert drift_flags(dict(ok, no_body=6)) == ["no body"]
    assert drift_flags(dict(ok, no_date=5)) == ["no date"]
    assert drift_flags(dict(ok, facts=0)) == ["no facts"]
    assert drift_flags(dict(ok, links_found=0, articles_fetched=0, kept=0)) == ["no article links"]
    assert drift_flags(dict(ok, links_found=0, articles_fetched=0, kept=0), "incremental") == []
    assert drift_flags({"pages": 2, "links_found": 2, "articles_fetched": 2, "no_body": 2}) == []  # too few


def test_crawl_command_rejects_bad_arguments(tmp_path):
    ocop = str(Path(sys.executable).with_name("ocop"))
    bad_date = subprocess.run([ocop, "crawl", "--db", str(tmp_path / "x.db"), "--since", "12/02/2024"],
                              capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    unknown = subprocess.run([ocop, "crawl", "--db", str(tmp_path / "x.db"), "--site", "khong-co"],
                             capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert unknown.returncode == 2 and "khong-co" in unknown.stderr
    assert not (tmp_path / "x.db").exists()
