"""Canonical URLs: tracking parameters, AMP and mobile variants, slashes, same-site checks."""
import pytest

from ocop_crawler.urls import canonical_url, is_amp, same_site

BASE = "https://baohatinh.vn/kinh-te/ha-tinh-co-them-25-san-pham-ocop-123.html"


@pytest.mark.parametrize("variant", [
    BASE,
    BASE + "#binh-luan",
    BASE + "?utm_source=facebook&utm_medium=social&utm_campaign=ocop",
    BASE + "?fbclid=IwAR0abc&gclid=xyz",
    BASE + "?zarsrc=30&zaloid=123&_ga=2.1.2",
    BASE + "?ref=home&share=zalo&mc_cid=1&mc_eid=2",
    "HTTPS://BaoHaTinh.VN/kinh-te/ha-tinh-co-them-25-san-pham-ocop-123.html",
    "https://baohatinh.vn:443/kinh-te/ha-tinh-co-them-25-san-pham-ocop-123.html",
    "https://m.baohatinh.vn/kinh-te/ha-tinh-co-them-25-san-pham-ocop-123.html",
    "https://baohatinh.vn/amp/kinh-te/ha-tinh-co-them-25-san-pham-ocop-123.html",
    "https://baohatinh.vn/kinh-te/ha-tinh-co-them-25-san-pham-ocop-123.amp.html",
    BASE + "?amp",
    BASE + "?amp=1",
    BASE + "/",
    "https://baohatinh.vn//kinh-te/ha-tinh-co-them-25-san-pham-ocop-123.html",
])
def test_variants_collapse_to_one_url(variant):
    assert canonical_url(variant) == BASE


def test_amp_suffix_and_default_http_port():
    assert canonical_url("http://baothanhhoa.vn:80/ocop/bai-viet-99/amp") == "http://baothanhhoa.vn/ocop/bai-viet-99"
    assert canonical_url("http://baothanhhoa.vn/ocop/bai-viet-99/amp/") == "http://baothanhhoa.vn/ocop/bai-viet-99"


def test_remaining_query_is_sorted_and_kept():
    assert canonical_url("https://x.vn/tim-kiem?q=OCOP&page=2&utm_term=a") == "https://x.vn/tim-kiem?page=2&q=OCOP"
    # a listing's page number is not tracking; "amp" as a real value of another key stays
    assert canonical_url("https://x.vn/list?page=3&p=amp") == "https://x.vn/list?p=amp&page=3"


def test_root_keeps_its_slash_and_other_ports_stay():
    assert canonical_url("https://baohatinh.vn") == "https://baohatinh.vn/"
    assert canonical_url("https://baohatinh.vn/") == "https://baohatinh.vn/"
    assert canonical_url("http://127.0.0.1:8123/a/b/") == "http://127.0.0.1:8123/a/b"


def test_vietnamese_path_is_percent_encoded_once():
    raw = canonical_url("https://x.vn/tin-tức/sản-phẩm")
    encoded = canonical_url("https://x.vn/tin-t%E1%BB%A9c/s%E1%BA%A3n-ph%E1%BA%A9m")
    assert raw == encoded == "https://x.vn/tin-t%E1%BB%A9c/s%E1%BA%A3n-ph%E1%BA%A9m"


def test_www_is_kept_but_mobile_host_dropped():
    assert canonical_url("https://www.baoquangninh.vn/a.html") == "https://www.baoquangninh.vn/a.html"
    assert canonical_url("https://m.baoquangninh.vn/a.html") == "https://baoquangninh.vn/a.html"


@pytest.mark.parametrize("bad", ["", "   ", "baohatinh.vn/a.html", "/kinh-te/a.html",
                                 "ftp://x.vn/a", "mailto:toa@baohatinh.vn", None, 42])
def test_bad_input_is_a_clear_error(bad):
    with pytest.raises(ValueError):
        canonical_url(bad)


@pytest.mark.parametrize("url,amp", [
    ("https://x.vn/amp/a.html", True), ("https://x.vn/a/amp", True), ("https://x.vn/a.amp.html", True),
    ("https://x.vn/a.html?amp", True), ("https://x.vn/a.html?amp=1", True),
    ("https://x.vn/a.html", False), ("https://x.vn/camp/a.html", False), ("https://x.vn/lamp", False),
    ("not a url", False),
])
def test_is_amp(url, amp):
    assert is_amp(url) is amp


def test_same_site():
    assert same_site("https://m.baohatinh.vn/a", "https://baohatinh.vn")
    assert same_site("https://www.baohatinh.vn/a", "https://baohatinh.vn/")
    assert same_site("http://127.0.0.1:8123/a", "http://127.0.0.1:8123")
    assert same_site("https://baohatinh.vn:443/a", "https://baohatinh.vn")
    assert not same_site("http://127.0.0.1:8123/a", "http://127.0.0.1:8124")  # two sample outlets
    assert not same_site("https://baothanhhoa.vn/a", "https://baohatinh.vn")
    assert not same_site("https://baohatinh.vn.evil.com/a", "https://baohatinh.vn")
    assert not same_site("/relative", "https://baohatinh.vn")
