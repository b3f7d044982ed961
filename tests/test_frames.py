"""Rules that read a count in its article: intakes and their breakdowns, stars of a
round, segments, areas named after a count, the province of the source line or
site, widgets. Every sentence here is written for the test."""
from nlp import extract_facts
from nlp.segments import segment_of
from nlp.source import province_from_source_line, province_from_url


def facts(text, **kw):
    return extract_facts(text, published=kw.pop("published", "2024-06-01"), **kw)


def key(f):
    return (f["level"], f["district"] or f["province"], f["metric"], f["value"], f["stars_min"], f["stars_max"])


def test_breakdown_of_an_intake_is_no_fact():
    text = ("Hà Tĩnh: năm 2024 có 98 sản phẩm tham gia chương trình OCOP. "
            "Cụ thể: huyện Kỳ Anh 28 sản phẩm, huyện Hương Sơn 24 sản phẩm.")
    assert facts(text) == []


def test_products_and_subjects_of_an_intake():
    text = "Tỉnh Bắc Ninh phê duyệt 62 sản phẩm của 31 chủ thể tham gia Chương trình OCOP năm 2022."
    assert facts(text) == []
    text = "Năm 2023, toàn tỉnh Nghệ An có 70 sản phẩm của 40 chủ thể có hồ sơ đủ điều kiện để Hội đồng OCOP chấm điểm."
    assert facts(text) == []


def test_intake_list_with_a_result_keeps_the_result():
    text = ("Trong 20 sản phẩm tham gia chương trình OCOP năm 2023 của huyện Hương Sơn thì có 15 sản phẩm "
            "được hội đồng cấp tỉnh xếp hạng 4 sao.")
    got = {key(f) for f in facts(text, home_province="Hà Tĩnh")}
    assert ("district", "Hương Sơn", "products", 15, 4, 4) in got
    assert not any(k[3] == 20 for k in got)


def test_parts_take_the_stars_of_their_round():
    text = ("UBND tỉnh Hà Tĩnh công nhận 8 sản phẩm OCOP đạt 4 sao. "
            "Trong đó, huyện Kỳ Anh có 3 sản phẩm, huyện Hương Sơn có 2 sản phẩm.")
    got = {key(f) for f in facts(text)}
    assert ("province", "Hà Tĩnh", "products", 8, 4, 4) in got
    assert ("district", "Kỳ Anh", "products", 3, 4, 4) in got
    assert ("district", "Hương Sơn", "products", 2, 4, 4) in got


def test_area_named_after_the_count():
    text = ("Năm 2024, tỉnh Hà Tĩnh công nhận 30 sản phẩm OCOP; trong đó có 12 sản phẩm của huyện Kỳ Anh; "
            "8 sản phẩm của huyện Hương Sơn.")
    got = {key(f)[:4] for f in facts(text)}
    assert ("district", "Kỳ Anh", "products", 12) in got
    assert ("district", "Hương Sơn", "products", 8) in got
    assert ("province", "Hà Tĩnh", "products", 12) not in got


def test_named_producer_after_the_count_is_no_fact():
    text = ("Toàn tỉnh Hà Tĩnh có 400 sản phẩm OCOP. Ngoài ra, 2 sản phẩm “Cam khô” và “Mứt cam” "
            "của Công ty TNHH Hồng Lam được nâng hạng lên 4 sao.")
    assert [f["value"] for f in facts(text)] == [400]


def test_segments():
    assert segment_of("hợp tác xã", "", "") == "hợp tác xã"
    assert segment_of("chủ thể", "", " là HTX") == "hợp tác xã"
    assert segment_of("sản phẩm", "", " thuộc ngành đồ uống") == "đồ uống"
    assert segment_of("sản phẩm", "Nhóm thủ công mỹ nghệ có ", "") == "thủ công mỹ nghệ"
    assert segment_of("sản phẩm", "", " đánh giá lại") == "đánh giá lại"
    assert segment_of("sản phẩm", "", " mới", part=True) == "cấp mới"
    assert segment_of("sản phẩm", "", " OCOP mới đạt 3 sao") is None      # "thêm 35 sản phẩm OCOP mới": all new
    assert segment_of("sản phẩm", "", " OCOP được bán trên sàn thương mại điện tử") == "sàn thương mại điện tử"
    assert segment_of("sản phẩm", "Các HTX sở hữu ", " OCOP") == "hợp tác xã"
    assert segment_of("sản phẩm", "", " OCOP của tỉnh") is None
    assert segment_of("chủ thể", "", " (doanh nghiệp, hợp tác xã, hộ gia đình)") is None


def test_segment_in_an_article():
    text = ("Hà Tĩnh hiện có 350 sản phẩm OCOP, trong đó có 120 sản phẩm của 80 hợp tác xã. "
            "Các HTX sở hữu 120 sản phẩm OCOP, chiếm khoảng 34%.")
    got = {(f["value"], f["segment"]) for f in facts(text)}
    assert (350, None) in got
    assert (120, "hợp tác xã") in got and (80, "hợp tác xã") in got


def test_province_from_site_and_source_line():
    assert province_from_url("https://baohungyen.vn/kinh-te/202010/a.html") == "Hưng Yên"
    assert province_from_url("https://dakrlap.daknong.gov.vn/tin/1") == "Đắk Nông"
    assert province_from_url("https://vnexpress.net/a") is None
    assert province_from_source_line("…\nNguồn: https://baocaobang.vn/ocop-123.html") == "Cao Bằng"
    assert province_from_source_line("…\nBáo Đắk Lắk – baodaklak.vn") == "Đắk Lắk"
    text = "Phấn đấu đến năm 2025 có 30 sản phẩm OCOP đạt 4 sao trở lên."
    got = facts(text, url="https://baohungyen.vn/kinh-te/a.html")
    assert [(f["level"], f["province"]) for f in got] == [("province", "Hưng Yên")]
    got = facts(text + "\nNguồn: baocaobang.vn")
    assert [(f["level"], f["province"]) for f in got] == [("province", "Cao Bằng")]


def test_weather_widget_is_no_area():
    text = "Hà Nội 20°C\nToàn tỉnh Lạng Sơn hiện có 150 sản phẩm OCOP."
    assert [(f["province"], f["value"]) for f in facts(text)] == [("Lạng Sơn", 150)]


def test_national_programme_figure_is_national():
    text = ("Hưng Yên triển khai OCOP. Theo Quyết định số 919/QĐ-TTg của Thủ tướng Chính phủ, mục tiêu đến năm 2025 "
            "có ít nhất 10.000 sản phẩm OCOP.")
    got = facts(text)
    assert [(f["level"], f["value"]) for f in got] == [("national", 10000)]


def test_explain_and_why():
    records = []
    text = ("Hà Tĩnh: năm 2024 có 98 sản phẩm tham gia chương trình OCOP. "
            "UBND tỉnh công nhận 8 sản phẩm đạt 4 sao.")
    got = extract_facts(text, published="2024-06-01", explain=records)
    assert [(r["number"], r["fact"]) for r in records] == [("98 sản phẩm", False), ("8 sản phẩm", True)]
    assert "intake" in records[0]["why"]
    assert [f["value"] for f in got] == [8]
    assert "stars 4..4" in got[0]["why"] and "Hà Tĩnh" in got[0]["why"]


def test_evaluated_for_is_an_intake():
    text = "Tỉnh Hà Tĩnh cũng thực hiện đánh giá lại đối với 25 sản phẩm OCOP hết hạn."
    assert facts(text) == []


def test_shared_district_name_takes_the_site_province():
    text = "Trong năm 2023, huyện Bình Tân có thêm 10 sản phẩm đạt chứng nhận OCOP."
    got = facts(text, url="https://baovinhlong.com.vn/kinh-te/a.html")
    assert [(f["province"], f["district"]) for f in got] == [("Vĩnh Long", "Bình Tân")]


def test_producers_take_the_stars_of_their_products_unless_a_list_by_stars():
    text = "Năm 2024, UBND tỉnh Hà Tĩnh công nhận 60 sản phẩm đạt 3 - 4 sao của 25 chủ thể."
    assert ("province", "Hà Tĩnh", "subjects", 25, 3, 4) in {key(f) for f in facts(text)}
    text = ("Toàn tỉnh Hà Tĩnh hiện có 500 sản phẩm OCOP; trong đó, có 400 sản phẩm 3 sao, 90 sản phẩm 4 sao "
            "và 10 sản phẩm 5 sao của 300 chủ thể.")
    assert ("province", "Hà Tĩnh", "subjects", 300, 3, 5) in {key(f) for f in facts(text)}


def test_average_per_unit_is_no_count():
    text = "Năm 2025, tỉnh Hà Tĩnh phấn đấu có thêm 40 sản phẩm OCOP, bình quân 3 sản phẩm/huyện."
    assert [f["value"] for f in facts(text)] == [40]


def test_bullet_items_continue_the_list_above():
    text = ("Toàn tỉnh Hà Tĩnh có 150 sản phẩm OCOP, gồm:\n"
            "+ 120 sản phẩm thuộc ngành thực phẩm;\n"
            "+ 30 sản phẩm thuộc ngành đồ uống.")
    got = {(f["value"], f["segment"]) for f in facts(text)}
    assert got == {(150, None), (120, "thực phẩm"), (30, "đồ uống")}


def test_future_tense_is_a_goal():
    text = "Năm 2026, tỉnh Hà Tĩnh sẽ hỗ trợ các chủ thể phát triển thêm 20 sản phẩm OCOP đạt 3 sao trở lên."
    assert [(f["kind"], f["value"]) for f in facts(text)] == [("target", 20)]


def test_bullet_list_under_a_heading_count():
    text = ("Toàn tỉnh Hà Tĩnh có 60 chủ thể có sản phẩm OCOP:\n"
            "+ Có 20 doanh nghiệp, chiếm 33,3%;\n"
            "+ 40 hợp tác xã (66,7%).")
    got = {(f["metric"], f["unit"], f["value"], f["segment"]) for f in facts(text)}
    assert got == {("subjects", "count", 60, None), ("subjects", "count", 20, "doanh nghiệp"),
                   ("subjects", "percent", 33.3, "doanh nghiệp"), ("subjects", "count", 40, "hợp tác xã"),
                   ("subjects", "percent", 66.7, "hợp tác xã")}


def test_undated_running_total_takes_the_year_of_the_round():
    text = ("Hà Tĩnh công nhận thêm 25 sản phẩm OCOP năm 2023\n"
            "UBND tỉnh Hà Tĩnh vừa công nhận 25 sản phẩm đạt OCOP 3 sao năm 2023. "
            "Đến nay, toàn tỉnh có 410 sản phẩm OCOP.")
    got = {f["value"]: f["year"] for f in extract_facts(text)}
    assert got == {25: 2023, 410: 2023}


def test_an_addition_takes_the_year_of_the_round_not_of_publication():
    text = ("UBND tỉnh Đồng Tháp vừa phê duyệt kết quả đánh giá, phân hạng sản phẩm OCOP đợt 3 năm 2023. "
            "Theo đó, công nhận 62 sản phẩm đạt 3 sao.")
    got = facts(text, published="2024-01-05")
    assert [(f["value"], f["increment"], f["year"]) for f in got] == [(62, True, 2023)]


def test_an_undated_article_takes_the_year_of_its_round_for_running_totals():
    text = ("Huyện Can Lộc có thêm 5 sản phẩm OCOP.\n\n"
            "Đến nay, huyện Can Lộc đã có 31 sản phẩm OCOP.\n\n"
            "Hội đồng huyện vừa chấm điểm, công nhận các sản phẩm OCOP đợt 2/2023.")
    got = extract_facts(text, home_province="Hà Tĩnh")
    assert {(f["value"], f["year"]) for f in got} == {(5, 2023), (31, 2023)}


def test_a_programme_phase_before_den_nay_is_no_as_of_year():
    text = "Thực hiện Chương trình OCOP giai đoạn 2021 - 2025, đến nay, tỉnh Cà Mau có 88 sản phẩm OCOP."
    got = facts(text, published="2023-08-01")
    assert [(f["value"], f["year"]) for f in got] == [(88, 2023)]
    text = "Giai đoạn 2021 - 2025, tỉnh Cà Mau phấn đấu có 150 sản phẩm OCOP."
    assert [(f["value"], f["year"]) for f in facts(text, published="2023-08-01")] == [(150, 2025)]


def inc(text, **kw):
    return [(f["value"], f["metric"], f["increment"]) for f in facts(text, **kw)]


def test_a_round_stated_after_the_linked_subjects_is_an_addition():
    text = "Theo quyết định của UBND tỉnh Nghệ An, 64 sản phẩm của 37 chủ thể được phân hạng và cấp giấy chứng nhận OCOP."
    assert inc(text) == [(64, "products", True), (37, "subjects", True)]


def test_a_news_verb_or_an_evaluation_makes_an_addition():
    text = "UBND tỉnh Yên Bái vừa công nhận sản phẩm đạt chuẩn OCOP đối với 27 sản phẩm trên địa bàn tỉnh."
    assert inc(text) == [(27, "products", True)]
    text = "Qua đánh giá, tỉnh Hà Giang có 33 sản phẩm được cấp giấy chứng nhận OCOP 3 sao."
    assert inc(text) == [(33, "products", True)]


def test_as_of_the_end_of_a_quarter_is_a_running_total():
    text = "Đến hết quý II năm nay, huyện Đăk Tô có 14 sản phẩm được chứng nhận OCOP."
    assert inc(text, home_province="Kon Tum") == [(14, "products", False)]


def test_the_counts_after_trong_n_are_its_parts():
    text = ("Tỉnh Phú Thọ vừa công nhận 45 sản phẩm OCOP. "
            "Trong 45 sản phẩm được công nhận có 9 sản phẩm đạt 4 sao, 36 sản phẩm đạt 3 sao.")
    got = {(f["value"], f["stars_min"], f["increment"]) for f in facts(text)}
    assert got == {(45, 3, True), (9, 4, True), (36, 3, True)}


def test_a_headline_less_lead_about_one_district_makes_it_the_main_area():
    text = ("UBND huyện Hướng Hóa vừa tổ chức hội nghị trao giấy chứng nhận sản phẩm OCOP năm 2024.\n\n"
            "Theo đó, có 7 sản phẩm được chứng nhận OCOP 3 sao.")
    got = facts(text, home_province="Quảng Trị")
    assert [(f["level"], f["district"], f["value"]) for f in got] == [("district", "Hướng Hóa", 7)]
    text = ("Cụ thể, huyện Cam Lộ 3 sản phẩm, huyện Hướng Hóa 4 sản phẩm.\n\n"
            "Với 7 sản phẩm mới được công nhận, đến nay, tỉnh có 50 sản phẩm OCOP.")
    assert {f["level"] for f in facts(text, home_province="Quảng Trị") if f["value"] in (7, 50)} == {"province"}


def test_an_acronym_after_huyen_is_not_part_of_the_name():
    from nlp.places import find_places
    (p,) = find_places("Từ năm 2019 đến nay, huyện UBND Krông Pa đã trao chứng nhận", "Gia Lai")
    assert (p.level, p.district) == ("district", "Krông Pa")


def test_every_kind_of_producer_is_no_segment():
    assert segment_of("chủ thể", "", " là doanh nghiệp, hợp tác xã và hộ kinh doanh thuộc Chương trình") is None
    assert segment_of("doanh nghiệp", "", ", hợp tác xã, tổ hợp tác, cơ sở sản xuất được công nhận") is None
    assert segment_of("hợp tác xã", "", ", chiếm 22%") == "hợp tác xã"
    assert segment_of("chủ thể", "", " là hợp tác xã") == "hợp tác xã"


def test_a_generic_word_for_producers_is_a_segment_only_as_a_part():
    assert segment_of("cơ sở", "", " sản xuất trên địa bàn tỉnh", part=False) is None
    assert segment_of("tổ chức kinh tế", "", " tham gia", part=False) is None
    assert segment_of("cơ sở", "", " sản xuất", part=True) == "cơ sở sản xuất"


def test_new_products_of_a_district_or_an_addition_are_no_round_segment():
    text = ("Tỉnh Yên Bái có 20 sản phẩm được công nhận OCOP năm 2024, trong đó: huyện Văn Chấn có 5 sản phẩm mới; "
            "huyện Trấn Yên có 15 sản phẩm (12 sản phẩm mới, 3 sản phẩm đánh giá lại).")
    seg = {(f["district"], f["value"]): f["segment"] for f in facts(text)}
    assert seg[("Văn Chấn", 5)] is None and seg[("Trấn Yên", 15)] is None
    assert seg[("Trấn Yên", 12)] == "cấp mới" and seg[("Trấn Yên", 3)] == "đánh giá lại"
    assert segment_of("sản phẩm", "phát triển thêm ", " OCOP mới", paired_round=True) is None
    assert segment_of("sản phẩm", "ít nhất ", " từ 3 sao lên 4 sao") == "nâng hạng"


def test_counts_below_three_stars_are_no_facts():
    text = "Hội đồng tỉnh Kon Tum đã xác định được 41 sản phẩm đạt OCOP 3 sao trở lên và 6 sản phẩm đạt 2 sao."
    assert [f["value"] for f in facts(text)] == [41]
    assert facts("Kon Tum có thêm 38 sản phẩm OCOP từ 2 - 4 sao") == []
    assert [f["stars_min"] for f in facts("Tỉnh Kon Tum có 5 sản phẩm được nâng từ 2 sao lên 3 sao OCOP.")] == [3]


def test_entering_a_round_or_evaluating_dossiers_is_an_intake():
    text = "Tham dự đánh giá, phân hạng sản phẩm OCOP tỉnh Kon Tum lần này có 44 sản phẩm của 30 chủ thể."
    assert facts(text) == []
    text = "Sau khi xem xét, đánh giá hồ sơ của 19 sản phẩm thuộc 9 chủ thể, Hội đồng OCOP tỉnh Đắk Lắk họp bàn."
    assert facts(text) == []


def test_a_list_of_districts_continues_the_first_items_addition():
    text = ("Huyện Yên Sơn dẫn đầu với 11 sản phẩm OCOP được công nhận, huyện Hàm Yên 8 sản phẩm, "
            "huyện Sơn Dương 6 sản phẩm.")
    got = {(f["district"], f["increment"]) for f in facts(text, home_province="Tuyên Quang")}
    assert got == {("Yên Sơn", True), ("Hàm Yên", True), ("Sơn Dương", True)}


def test_the_products_listed_by_district_break_down_the_round():
    text = ("UBND tỉnh Lào Cai vừa công nhận 9 sản phẩm OCOP. "
            "Các sản phẩm thuộc các địa phương gồm: huyện Bát Xát 04 sản phẩm, thị xã Sa Pa 05 sản phẩm.")
    got = {(f["district"], f["value"], f["increment"]) for f in facts(text)}
    assert got == {(None, 9, True), ("Bát Xát", 4, True), ("Sa Pa", 5, True)}


def test_counted_since_a_year_is_a_running_total_whatever_verb_follows():
    text = "Từ năm 2019 đến nay, huyện Krông Pa đã trao giấy chứng nhận cho 41 sản phẩm OCOP."
    assert inc(text, home_province="Gia Lai") == [(41, "products", False)]


def test_theo_do_and_a_part_with_its_own_year_are_additions():
    text = ("UBND huyện Krông Pa vừa trao giấy chứng nhận OCOP năm 2024.\n\n"
            "Theo đó, có 14 sản phẩm của 8 chủ thể được trao chứng nhận OCOP 3 sao.")
    assert {f["value"]: f["increment"] for f in facts(text, home_province="Gia Lai")} == {14: True, 8: True}
    text = ("Đến nay, tỉnh Yên Bái có 350 sản phẩm OCOP. "
            "Cụ thể: đã có 58 sản phẩm được đánh giá và cấp giấy chứng nhận OCOP năm 2024.")
    assert {f["value"]: f["increment"] for f in facts(text)} == {350: False, 58: True}


def test_an_undated_article_reads_nam_nay_as_the_year_it_last_named():
    text = ("UBND huyện Chư Sê đã ban hành kế hoạch thực hiện Chương trình OCOP trong năm 2023.\n\n"
            "Theo đó, trong năm nay toàn huyện dự kiến sẽ có 12 sản phẩm đạt OCOP 3 sao.\n\n"
            "Phấn đấu có từ 1 - 2 sản phẩm đạt 4 sao.")
    got = extract_facts(text, home_province="Gia Lai")
    assert {(f["value"], f["kind"], f["year"]) for f in got} == {(12, "target", 2023), (1, "target", 2023),
                                                                  (2, "target", 2023)}


def test_a_round_decided_on_its_evaluation_result_is_no_intake():
    text = ("Ngày 28/12/2023, UBND tỉnh Đồng Tháp quyết định công nhận kết quả đánh giá, phân hạng sản phẩm "
            "4 sao OCOP đối với 36 sản phẩm của 12 chủ thể.")
    assert {(f["value"], f["stars_min"]) for f in facts(text)} == {(36, 4), (12, 4)}


def test_entered_products_with_their_result_in_the_clause_are_facts():
    text = ("Hội đồng huyện Ninh Sơn thống nhất xếp loại 5 sản phẩm tham gia đánh giá phân hạng "
            "đạt tiêu chuẩn OCOP 3 sao cấp huyện.")
    assert [(f["value"], f["stars_min"]) for f in facts(text, home_province="Ninh Thuận")] == [(5, 3)]
    assert facts("Huyện Ninh Sơn có 5 sản phẩm tham gia đánh giá phân hạng OCOP năm 2024.",
                 home_province="Ninh Thuận") == []


def test_star_levels_written_in_words():
    got = facts("Tỉnh Phú Yên có ba sản phẩm được công nhận đạt tiêu chuẩn ba sao và một sản phẩm đạt bốn sao.")
    assert {(f["value"], f["stars_min"], f["stars_max"]) for f in got} == {(3, 3, 3), (1, 4, 4)}


def test_the_national_council_certifies_national_five_star_counts():
    text = ("Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp Trung ương năm 2024 đã quyết định công nhận "
            "31 sản phẩm đạt chứng nhận OCOP.")
    got = facts(text, home_province="Phú Thọ")
    assert [(f["level"], f["value"], f["stars_min"]) for f in got] == [("national", 31, 5)]
    text = ("Sáng 5/11, Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp quốc gia họp tại Hà Nội.\n\n"
            "Kết quả, Hội đồng đã công nhận mới 6 sản phẩm OCOP 5 sao, trong đó, tỉnh Lào Cai có 3 sản phẩm.")
    got = {(f["level"], f["province"], f["value"]) for f in facts(text, home_province="Lào Cai")}
    assert got == {("national", None, 6), ("province", "Lào Cai", 3)}


def test_subjects_take_the_stars_of_their_own_products():
    text = "Tỉnh Đồng Tháp công nhận 30 sản phẩm đạt 4 sao của 8 chủ thể và 90 sản phẩm đạt 3 sao của 51 chủ thể."
    got = {(f["metric"], f["value"], f["stars_min"], f["stars_max"]) for f in facts(text)}
    assert ("subjects", 8, 4, 4) in got and ("subjects", 51, 3, 3) in got


def test_the_denominator_of_a_share_of_the_plan_is_the_plan():
    text = "Đến hết tháng 10/2024, tỉnh Yên Bái đã cấp chứng nhận OCOP cho 52/40 sản phẩm, đạt 130% kế hoạch."
    got = {(f["value"], f["kind"], f["increment"]) for f in facts(text)}
    assert (40, "target", True) in got and 52 in {v for v, kind, _ in got if kind == "actual"}


def test_as_of_a_quarter_since_a_year_and_a_total_raised_by_the_round():
    text = "Tính đến hết quý I/2024, toàn tỉnh Thanh Hóa có 455 sản phẩm OCOP của 340 chủ thể."
    assert {(f["value"], f["increment"]) for f in facts(text, published="2024-04-20")} == {(455, False), (340, False)}
    text = "Như vậy, tính từ năm 2019, Thanh Hóa đã có 121 sản phẩm OCOP."
    assert [(f["increment"], f["year"]) for f in facts(text, published="2020-11-30")] == [(False, 2020)]
    text = ("Năm 2024, tỉnh Thanh Hóa công nhận thêm 95 sản phẩm OCOP. "
            "Qua đó, nâng tổng số sản phẩm OCOP của tỉnh lên 587 sản phẩm.")
    assert {(f["value"], f["year"]) for f in facts(text, published="2025-01-09")} == {(95, 2024), (587, 2024)}


def test_the_products_listed_without_a_colon_break_down_the_round():
    text = ("UBND tỉnh Lào Cai công nhận 30 sản phẩm OCOP năm 2019. "
            "Các sản phẩm gồm 22 sản phẩm 3 sao và 8 sản phẩm 4 sao.")
    assert {(f["value"], f["increment"]) for f in facts(text, published="2019-11-05")} == {(30, True), (22, True), (8, True)}


def test_the_first_year_of_a_programme_counts_additions():
    text = ("Sau năm đầu tiên triển khai, Hà Tĩnh đã có 48 sản phẩm được công nhận đạt chuẩn OCOP. "
            "Các sản phẩm OCOP thuộc 40 chủ thể.")
    assert {(f["value"], f["increment"]) for f in facts(text, published="2019-12-20")} == {(48, True), (40, True)}


def test_an_as_of_date_frames_the_totals_after_it():
    text = ("Đến cuối năm 2024, cả nước có 16.000 sản phẩm OCOP.\n\n"
            "Thành phố Hà Nội dẫn đầu cả nước với hơn 3.000 sản phẩm OCOP.")
    got = {(f["level"], f["value"], f["year"]) for f in facts(text, published="2025-02-20")}
    assert got == {("national", 16000, 2024), ("province", 3000, 2024)}


def test_a_total_restated_as_of_now_takes_the_publication_year():
    text = ("UBND tỉnh vừa công nhận thêm 20 sản phẩm đạt chuẩn OCOP năm 2023, nâng tổng số sản phẩm OCOP "
            "của tỉnh Hà Tĩnh lên 340 sản phẩm.\n\nĐến nay, toàn tỉnh có 340 sản phẩm OCOP.")
    got = {(f["value"], f["year"]) for f in facts(text, published="2024-02-12")}
    assert got == {(20, 2023), (340, 2024)}
