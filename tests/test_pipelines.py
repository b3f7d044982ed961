"""The item pipelines, each on its own, with a real Scrapy crawler and a real SQLite store."""
from __future__ import annotations

import sqlite3
import unicodedata

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from ocop_crawler.items import ArticleItem
from ocop_crawler.sites import Site
from ocop_crawler.storage import Store
from pipelines.dedup import DedupPipeline
from pipelines.extract import ExtractFactsPipeline
from pipelines.normalize import NormalizePipeline, normalize_text
from pipelines.store import StorePipeline
from spiders.news import NewsSpider

SITES = [Site(name="bao-a", title="Báo A", base_url="http://127.0.0.1:9", province="Hà Tĩnh",
              kind="sample"),
         Site(name="bao-b", title="Tin B", base_url="http://127.0.0.1:10", kind="sample")]

STORY = ("Toàn tỉnh Hà Tĩnh hiện có 287 sản phẩm OCOP đạt từ 3 sao trở lên, trong đó có 01 sản "
         "phẩm 5 sao, 40 sản phẩm 4 sao.\nNăm 2023, tỉnh công nhận thêm 35 sản phẩm OCOP của 30 chủ "
         "thể, vượt kế hoạch đề ra.\nCác sản phẩm OCOP được giới thiệu tại nhiều hội chợ, được người "
         "tiêu dùng đón nhận, giá trị gia tăng cho nông dân ở các huyện miền núi Hương Sơn, Vũ Quang.\n"
         "Tỉnh phấn đấu đến năm 2025 có tối thiểu 300 sản phẩm OCOP đạt từ 3 sao trở lên.")
OTHER = ("Huyện Kỳ Anh vừa tổ chức hội nghị tổng kết mùa vụ lúa đông xuân với năng suất bình quân "
         "đạt 60 tạ/ha.\nNgành nông nghiệp khuyến cáo bà con chủ động giống, vật tư cho vụ hè thu.\n"
         "Lãnh đạo huyện đề nghị các xã tăng cường cơ giới hóa, liên kết tiêu thụ lúa gạo chất lượng cao.")


@pytest.fixture
def crawler(tmp_path):
    store = Store(tmp_path / "p.db")
    for s in SITES:
        store.upsert_source(s)
    run_id = store.start_run(sites=[s.name for s in SITES])
    crawler = get_crawler(NewsSpider, {"REMOTE_CONTROL_ENABLED": False})
    crawler.spider = NewsSpider.from_crawler(crawler, sites=SITES, store=store, run_id=run_id)
    return crawler


def item(site="bao-a", url="http://127.0.0.1:9/ocop/a-1.html", body=STORY, status="kept",
         published="2024-02-12T08:15:00+07:00", **kw):
    return ArticleItem(site=site, url=url, request_url=url, title=kw.pop("title", "Hà Tĩnh có 287 sản phẩm OCOP"),
                       published=published, author=None, body=body, fetched_at="2024-02-12T02:00:00+00:00",
                       status=status, reason=kw.pop("reason", "ocop: title"), home_province="Hà Tĩnh", **kw)


def run(crawler, it):
    """Pass an item through all four pipelines, as Scrapy does."""
    pipes = crawler.__dict__.setdefault("_pipes", None)
    if pipes is None:
        pipes = [NormalizePipeline(), DedupPipeline.from_crawler(crawler),
                 ExtractFactsPipeline.from_crawler(crawler), StorePipeline.from_crawler(crawler)]
        pipes[1].open_spider()
        crawler._pipes = pipes
    for p in pipes:
        it = p.process_item(it)
    return it


def test_normalize_nfc_and_whitespace():
    decomposed = unicodedata.normalize("NFD", "Hà Tĩnh  có\u00a0287 sản phẩm")
    assert normalize_text(decomposed) == "Hà Tĩnh có 287 sản phẩm"
    assert normalize_text(" a \n\n  b\t c \n", multiline=True) == "a\nb c"
    it = NormalizePipeline().process_item(item(title=decomposed + "\n", body=" x \n\n y "))
    assert it["title"] == "Hà Tĩnh có 287 sản phẩm" and it["body"] == "x\ny"


def test_store_kept_and_skipped_and_idempotent(crawler):
    store = crawler.spider.store
    run(crawler, item())
    run(crawler, item(url="http://127.0.0.1:9/nong-nghiep/b-2.html", body=OTHER, status="skipped",
                      reason="skip: no OCOP mention", title="Tổng kết vụ lúa"))
    assert store.counts()["articles"] == 1 and store.counts()["skipped"] == 1
    skipped = list(store.db["skipped"].rows)[0]
    assert skipped["reason"] == "skip: no OCOP mention" and skipped["source_id"] == "bao-a"
    assert crawler.stats.get_value("ocop/bao-a/kept") == 1
    assert crawler.stats.get_value("ocop/bao-a/skipped") == 1
    # the same canonical URL again in this run is dropped
    with pytest.raises(DropItem):
        run(crawler, item())
    assert store.counts()["articles"] == 1


def test_items_before_since_are_not_stored(crawler):
    run(crawler, item(status="old", reason="published before --since 2022-01-01"))
    assert crawler.spider.store.counts()["articles"] == 0
    assert crawler.stats.get_value("ocop/bao-a/too_old") == 1


def test_syndicated_copy_links_to_original(crawler):
    store = crawler.spider.store
    run(crawler, item())
    copy_body = "Nguồn: Báo A\n" + STORY.replace("Hà Tĩnh hiện có", "Hà Tĩnh hiện đã có")
    run(crawler, item(site="bao-b", url="http://127.0.0.1:10/ocop/c-9.html", body=copy_body,
                      published="2024-02-13T10:00:00+07:00", title="[Tổng hợp] Hà Tĩnh: 287 sản phẩm OCOP"))
    a, b = store.db.execute("select id, duplicate_of from articles order by id").fetchall()
    assert a[1] is None and b[1] == a[0]
    assert store.db.execute("select count(*) from facts where article_id = ?", [b[0]]).fetchone()[0] == 0


def test_earlier_original_supersedes_a_stored_copy(crawler):
    """Crawl order must not matter: a copy stored first becomes the duplicate."""
    store = crawler.spider.store
    copy_body = "Nguồn: Báo A\n" + STORY
    run(crawler, item(site="bao-b", url="http://127.0.0.1:10/ocop/c-9.html", body=copy_body,
                      published="2024-02-13T10:00:00+07:00"))
    run(crawler, item())   # the origin, published a day earlier
    rows = dict(store.db.execute("select url, duplicate_of from articles").fetchall())
    orig_id = store.article_id("http://127.0.0.1:9/ocop/a-1.html")
    assert rows["http://127.0.0.1:9/ocop/a-1.html"] is None
    assert rows["http://127.0.0.1:10/ocop/c-9.html"] == orig_id


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_copies_published_at_the_same_time_pick_one_original_whatever_the_order(crawler, order):
    """Same publication time (or none): the smaller URL is the original, in either order."""
    store = crawler.spider.store
    pages = [item(url="http://127.0.0.1:9/ocop/a-1.html", published=None),
             item(site="bao-b", url="http://127.0.0.1:10/ocop/c-9.html",
                  body="Nguồn: Báo A\n" + STORY, published=None)]
    for i in order:
        run(crawler, pages[i])
    first, copy = "http://127.0.0.1:10/ocop/c-9.html", "http://127.0.0.1:9/ocop/a-1.html"
    rows = dict(store.db.execute("select url, duplicate_of from articles").fetchall())
    assert rows[first] is None and rows[copy] == store.article_id(first)
    assert store.db.execute("select count(*) from facts where article_id = ?",
                            [store.article_id(copy)]).fetchone()[0] == 0
    assert store.db.execute("select count(*) from facts where article_id = ?",
                            [store.article_id(first)]).fetchone()[0] > 0


def test_different_stories_are_not_linked(crawler):
    store = crawler.spider.store
    run(crawler, item())
    other = ("Thanh Hóa có 550 sản phẩm OCOP.\n" + OTHER.replace("lúa", "ngô") +
             "\nTỉnh tổ chức hội chợ giới thiệu sản phẩm OCOP tại thành phố Thanh Hóa vào tháng 10.")
    run(crawler, item(site="bao-b", url="http://127.0.0.1:10/ocop/d-5.html", body=other))
    assert [r[0] for r in store.db.execute("select duplicate_of from articles")] == [None, None]


def test_extract_offsets_point_into_stored_body(crawler):
    store = crawler.spider.store
    it = run(crawler, item())
    body = store.db.execute("select body from articles").fetchone()[0]
    for f in store.db.query("select * from facts"):
        assert f["evidence"] in it["title"] + "\n" + body
        if f["sent_start"] is not None:
            assert body[f["sent_start"]:f["sent_end"]] == f["evidence"]


def test_sqlite_file_is_wal(crawler, tmp_path):
    run(crawler, item())
    con = sqlite3.connect(tmp_path / "p.db")
    assert con.execute("pragma journal_mode").fetchone()[0] == "wal"
    con.close()
