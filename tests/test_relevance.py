"""The OCOP relevance filter: spellings, title vs body, passing mentions, hotels, dev recall."""
import glob
import json
from pathlib import Path

import pytest

from nlp.relevance import fold, is_ocop, mentions

OCOP_BODY = (
    "Năm 2023, tỉnh Thanh Hóa có thêm 52 sản phẩm được công nhận đạt chuẩn OCOP. "
    "Đến nay, toàn tỉnh có 423 sản phẩm OCOP, trong đó có 1 sản phẩm đạt 5 sao.\n"
    "Để nâng cao chất lượng, tỉnh tiếp tục hỗ trợ các chủ thể đổi mới bao bì, mẫu mã, xây dựng "
    "thương hiệu cho các sản phẩm đặc trưng của từng địa phương.\n"
    "Mục tiêu đến năm 2025, Thanh Hóa có ít nhất 500 sản phẩm đạt từ 3 sao trở lên."
)


@pytest.mark.parametrize("title", [
    "Hà Tĩnh có thêm 25 sản phẩm OCOP",
    "Phát triển sản phẩm Ocop gắn với du lịch",
    "Chương trình O.C.O.P tạo động lực cho kinh tế nông thôn",
    "Hiệu quả từ chương trình Mỗi xã một sản phẩm",
    "MỖI XÃ MỘT SẢN PHẨM: NÂNG TẦM NÔNG SẢN VIỆT",
    "Moi xa mot san pham o Quang Ninh",
    "Quảng Ninh 10 năm thực hiện chương trình Mỗi xã, phường một sản phẩm",
    "Mỗi xã, phường, thị trấn một sản phẩm: bước tiến mới",
    "Thêm 12 sản phẩm đạt 3 sao",
    "Bưởi Phúc Trạch đạt 4 sao OCOP",
])
def test_title_mentions_keep(title):
    assert is_ocop(title, "") == (True, "ocop: title")


def test_body_with_enough_mentions_keeps():
    keep, reason = is_ocop("Nâng cao giá trị nông sản Thanh Hóa", OCOP_BODY)
    assert keep and reason == "ocop: 3 mentions in body"


def test_two_mentions_with_one_in_the_lead_keep():
    body = ("Chương trình OCOP giúp nông dân Hương Sơn có thêm thu nhập.\n"
            + "Người dân trồng chè, nuôi hươu lấy nhung. " * 20 + "Nhiều sản phẩm đạt 3 sao.")
    assert is_ocop("Hương Sơn đổi mới", body) == (True, "ocop: 2 mentions in body, one in the lead")


def test_passing_mention_skips():
    body = ("Sáng 12/2, lực lượng CSGT tỉnh Hà Tĩnh ra quân xử lý vi phạm nồng độ cồn. "
            "Trong 10 ngày, đã xử lý 1.250 trường hợp, tước 320 giấy phép lái xe.\n"
            "Tại điểm dừng chân trên Quốc lộ 1A có gian hàng giới thiệu sản phẩm OCOP của địa phương.")
    assert is_ocop("Xử lý 1.250 trường hợp vi phạm nồng độ cồn", body) == (False, "skip: 1 passing mention")


def test_no_mention_skips_even_with_products_and_numbers():
    body = ("Năm nay, doanh nghiệp đưa ra thị trường 25 sản phẩm mới, doanh thu đạt 120 tỷ đồng. "
            "Các sản phẩm được bày bán tại 300 cửa hàng trên cả nước.")
    assert is_ocop("Doanh nghiệp ra mắt 25 sản phẩm mới", body) == (False, "skip: no OCOP mention")


def test_hotels_and_stars_of_other_things_are_not_ocop():
    body = ("Khách sạn Mường Thanh đạt chuẩn 4 sao. Khu nghỉ dưỡng được xếp hạng 5 sao. "
            "Resort ven biển đạt 5 sao quốc tế.")
    assert is_ocop("Du lịch Cửa Lò đón 2 triệu khách", body) == (False, "skip: no OCOP mention")
    assert not is_ocop("Khách sạn đạt 4 sao", "")[0]


def test_mentions_close_together_count_once():
    assert len(mentions("Chương trình Mỗi xã một sản phẩm (OCOP) năm 2024")) == 1
    assert len(mentions("OCOP đầu năm. " + "Chữ. " * 30 + "OCOP cuối năm.")) == 2


def test_ocop_inside_words_is_not_a_mention():
    assert mentions("mã ocopx và scoop") == []


def test_fold_keeps_length_and_folds_d():
    assert fold("Đạt chuẩn Mỗi xã") == "dat chuan moi xa"
    assert len(fold("Hòa Bình Thuỷ")) == len("Hòa Bình Thuỷ")


def test_empty_and_bad_input():
    assert is_ocop("", "") == (False, "skip: empty page")
    assert is_ocop(None, None) == (False, "skip: empty page")
    with pytest.raises(TypeError):
        is_ocop(b"OCOP", "")


DEV = sorted(glob.glob("/work/shared/dev/*.jsonl"))


@pytest.mark.skipif(not DEV, reason="/work/shared/dev is not present")
def test_recall_on_dev_articles():
    """Every dev article is about OCOP: all must be kept, from the title or from the body alone."""
    rows = [json.loads(line) for path in DEV for line in Path(path).read_text().splitlines() if line.strip()]
    kept_full = kept_body = 0
    for row in rows:
        title, _, body = row["text"].partition("\n")
        kept_full += is_ocop(title, body)[0]
        kept_body += is_ocop("", body)[0]
    print(f"\nrelevance recall on {len(rows)} dev articles: {kept_full}/{len(rows)} "
          f"(title+body), {kept_body}/{len(rows)} (body alone)")
    assert kept_full == len(rows)
    assert kept_body == len(rows)
