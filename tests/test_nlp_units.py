"""Unit tests of the nlp modules, on our own Vietnamese sentences."""
import pytest

from nlp import areas, cues
from nlp.mentions import find_mentions
from nlp.normalize import canonical_tones, fold, name_key, normalize
from nlp.numbers import parse_number, parse_words
from nlp.places import find_places
from nlp.sentences import is_candidate, paragraphs


# -- normalisation -----------------------------------------------------------
def test_normalize_nfc_spaces_quotes_and_eth():
    raw = "Ðến\u00a0nay “OCOP” – tỉnh có\u2009300 sản phẩm <b>mới</b> &amp; hơn"
    out = normalize(raw)
    assert out == 'Đến nay "OCOP" - tỉnh có 300 sản phẩm mới & hơn'


@pytest.mark.parametrize("old,new", [("Hoà Bình", "Hòa Bình"), ("Thanh Hoá", "Thanh Hóa"),
                                     ("Yên Thuỷ", "Yên Thủy"), ("Khánh Hoà", "Khánh Hòa"),
                                     ("Hoàng Mai", "Hoàng Mai"), ("Chùa Hang", "Chùa Hang")])
def test_canonical_tones(old, new):
    assert canonical_tones(old) == new


def test_name_key_meets_variants():
    assert name_key("Hoà Bình") == name_key("Hòa Bình")
    assert name_key("Đăk Pơ") == name_key("Đắk Pơ") == name_key("Đak Pơ")
    assert fold("Đồng Tháp") == "dong thap"


# -- numbers -----------------------------------------------------------------
@pytest.mark.parametrize("text,value", [("1.250", 1250), ("01", 1), ("12,26", 12.26), ("59.18", 59.18),
                                        ("10.000", 10000), ("1.002", 1002), ("7", 7)])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text,value", [("ba", 3), ("mười hai", 12), ("hai mươi lăm", 25), ("một trăm", 100),
                                        ("hai nghìn", 2000)])
def test_parse_words(text, value):
    assert parse_words(text) == value


# -- gazetteer ---------------------------------------------------------------
def test_gazetteer_has_63_provinces_and_2025_map():
    assert len(areas.provinces()) == 63
    assert areas.find_province("TP.HCM") == "Hồ Chí Minh"
    assert areas.find_province("tỉnh Thừa Thiên - Huế") == "Thừa Thiên Huế"
    assert areas.find_province("Bà Rịa-Vũng Tàu") == "Bà Rịa - Vũng Tàu"
    assert areas.province_2025("Bến Tre") == "Vĩnh Long"
    assert areas.province_2025("Hoà Bình") == "Phú Thọ"
    assert areas.province_2025("Hà Tĩnh") == "Hà Tĩnh"
    assert areas.find_district("Phú Quốc").province == "Kiên Giang"


def test_places_prefixes_bare_names_and_references():
    s = "Huyện Cẩm Xuyên có 12 sản phẩm, thị xã Hồng Lĩnh 5 sản phẩm; toàn tỉnh có 330 sản phẩm, cả nước hơn 16.000"
    got = [(p.level, p.province, p.district) for p in find_places(s, "Hà Tĩnh")]
    assert got == [("district", "Hà Tĩnh", "Cẩm Xuyên"), ("district", "Hà Tĩnh", "Hồng Lĩnh"),
                   ("province-ref", None, None), ("national", None, None)]
    # a city that is a province vs a city that is a district
    assert find_places("TP Cần Thơ công nhận 18 sản phẩm")[0].level == "province"
    assert find_places("thành phố Hà Tĩnh có 20 sản phẩm", "Hà Tĩnh")[0].district == "Hà Tĩnh"
    assert find_places("Vùng Đồng bằng sông Hồng chiếm 32%")[0].level == "region"


# -- sentences ---------------------------------------------------------------
def test_paragraphs_cut_related_lists_and_join_wrapped_lines():
    text = ("Tiêu đề bài viết\nĐến cuối năm 2024, tỉnh có\n196 sản phẩm OCOP.\nẢnh minh họa |\n"
            "Tin liên quan\nHà Tĩnh có thêm 99 sản phẩm OCOP")
    paras = [p for _, p in paragraphs(text)]
    assert paras == ["Tiêu đề bài viết", "Đến cuối năm 2024, tỉnh có 196 sản phẩm OCOP."]


def test_candidate_filter():
    assert is_candidate("Toàn tỉnh có 300 sản phẩm OCOP")
    assert not is_candidate("Thời tiết hôm nay nắng nóng trên diện rộng")


# -- mentions and cues ---------------------------------------------------------
def test_mentions_counts_ranges_percent_words_and_non_facts():
    s = ("có thêm từ 20 - 30 sản phẩm, ít nhất một sản phẩm 5 sao, 40% chủ thể là HTX, "
         "2 nghìn lao động, 15 tỷ đồng, 8 điểm bán, Quyết định số 490 và 2.167/9.852 sản phẩm, chiếm 22%")
    got = [(m.value, m.metric, m.unit, m.range_role, m.denominator, m.anchored) for m in find_mentions(s)]
    assert got == [(20, "products", "count", "low", False, False), (30, "products", "count", "high", False, False),
                   (1, "products", "count", None, False, False), (40, "subjects", "percent", None, False, False),
                   (2167, "products", "count", None, False, False), (9852, "products", "count", None, True, False),
                   (22, "products", "percent", None, False, True)]


def test_mentions_skip_programme_name_and_plan_ratio():
    assert find_mentions("Chương trình Mỗi xã một sản phẩm năm 2024") == []
    assert [m.value for m in find_mentions("có 57 sản phẩm, đạt 190% kế hoạch")] == [57]


@pytest.mark.parametrize("text,stars", [(" OCOP 4 sao", (4, 4)), (" đạt từ 3 sao trở lên", (3, 5)),
                                        (" đạt 3 - 4 sao", (3, 4)), (" OCOP 3, 4 sao", (3, 4)),
                                        (" đạt 4-5 sao", (4, 5)), (" đạt 5 sao quốc gia", (5, 5)),
                                        (" xếp hạng 03 sao", (3, 3)), (" nâng cấp từ 3 sao lên 4 sao", (4, 4)),
                                        (" thực phẩm", None)])
def test_stars(text, stars):
    assert cues.stars(text) == stars


@pytest.mark.parametrize("left,comp", [("phấn đấu có tối thiểu ", "gte"), ("có ít nhất ", "gte"),
                                       ("toàn tỉnh có hơn ", "gt"), ("có trên ", "gt"), ("có gần ", "approx"),
                                       ("khoảng ", "approx"), ("tối đa ", "lte"), ("dưới ", "lt"),
                                       ("có thêm từ ", "gte"), ("được công nhận từ ", None), ("có ", None)])
def test_comparator(left, comp):
    assert cues.comparator_before(left) == comp


def test_target_cues_and_plan_ratio():
    assert cues.target_cue("Năm 2025, tỉnh phấn đấu có") is not None
    assert cues.target_cue("Kế hoạch đặt chỉ tiêu đến năm 2025 có") is not None
    assert cues.target_cue("tỉnh đã có 57 sản phẩm, đạt 190% kế hoạch, trong đó") is None
    assert cues.target_cue("Văn phòng Điều phối chương trình mục tiêu quốc gia cho biết, tỉnh có") is None


@pytest.mark.parametrize("left,inc", [("Năm 2024, toàn tỉnh có thêm ", True), ("Lũy kế đến hết năm 2024, tỉnh có ", False),
                                      ("Tính đến 31/1/2025, tỉnh có ", False), ("Từ đầu năm 2024 đến nay, tỉnh có ", True),
                                      ("Đến nay, tỉnh Thanh Hóa đã có ", False), ("Hà Tĩnh hiện có ", False),
                                      ("phấn đấu đến năm 2025 có ", False), ("Năm 2023, tỉnh đã công nhận ", True),
                                      ("thực hiện chương trình, tỉnh có ", None)])
def test_increment_cue(left, inc):
    assert cues.increment_cue(left) == inc


def test_years():
    assert [y for _, y in cues.years("giai đoạn 2021-2025, đến năm 2025")] == [2025, 2025]
    assert [y for _, y in cues.years("riêng quý 1/2024 công nhận thêm")] == [2024]
    assert [y for _, y in cues.years("năm nay", published_year=2025)] == [2025]
    assert [y for _, y in cues.years("Quyết định số 3292/QĐ-UBND ngày 1/11/2018 của UBND tỉnh")] == []
    assert [y for _, y in cues.years("tăng 126 sản phẩm so với giai đoạn 2019-2021")] == []


def test_years_plan_names_and_since():
    assert [y for _, y in cues.years("Theo kế hoạch năm 2024, toàn tỉnh phấn đấu")] == [2024]
    assert [y for _, y in cues.years("Theo Kế hoạch số 49/KH-UBND ngày 21/02/2024 của UBND tỉnh")] == []
    assert [y for _, y in cues.years("Từ năm 2019 đến nay, tỉnh đã có")] == []
    assert [y for _, y in cues.years("từ đầu năm 2024 đến nay, toàn tỉnh có")] == [2024]


def test_sentences_split_a_paragraph_with_offsets_into_it():
    """underthesea's splitter on a multi-sentence paragraph (the sample site's are single sentences)."""
    from nlp.sentences import sentences
    para = ("Năm 2024, huyện Can Lộc có thêm 12 sản phẩm đạt chuẩn OCOP. Trong đó, 3 sản phẩm đạt 4 sao. "
            "Đến nay, toàn huyện có 85 sản phẩm OCOP, đứng đầu tỉnh Hà Tĩnh.")
    got = sentences(para)
    assert [s for _, s in got] == [
        "Năm 2024, huyện Can Lộc có thêm 12 sản phẩm đạt chuẩn OCOP.", "Trong đó, 3 sản phẩm đạt 4 sao.",
        "Đến nay, toàn huyện có 85 sản phẩm OCOP, đứng đầu tỉnh Hà Tĩnh."]
    assert all(para[off:off + len(s)] == s for off, s in got)
