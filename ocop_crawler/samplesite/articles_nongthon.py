"""Nông thôn mới (mẫu), a national portal: articles about several provinces and the nation.

Even ids carry og:/article: meta tags; odd ids do not (see render.article_page).
"""
from .model import Article, Fact as F

S = "sample-nongthon"


def D(name, **kw):
    return {"level": "district", "district": name, **kw}


NAT = {"level": "national", "province": None}

ARTICLES = [
    Article(
        S, 4102, "ocop", "ca-nuoc-co-16300-san-pham-ocop", "2025-02-20 09:00",
        "Cả nước có 16.300 sản phẩm OCOP",
        "Sau 7 năm triển khai, Chương trình OCOP đã trở thành chương trình phát triển kinh tế khu vực nông thôn được người dân hưởng ứng rộng rãi.",
        [
            "Theo Văn phòng Điều phối nông thôn mới Trung ương, đến cuối năm 2024, cả nước có 16.300 sản phẩm OCOP của hơn 8.000 chủ thể.",
            "Trong đó, 76% sản phẩm đạt 3 sao, 23% đạt 4 sao và 1% đạt 5 sao.",
            "Các chủ thể OCOP gồm 38% hợp tác xã, 27% doanh nghiệp, còn lại là tổ hợp tác và hộ sản xuất.",
            "Mục tiêu đến năm 2025 cả nước có ít nhất 10.000 sản phẩm OCOP đã được hoàn thành vượt mức.",
            "Thành phố Hà Nội dẫn đầu cả nước với hơn 3.100 sản phẩm OCOP.",
        ],
        author="Văn phòng Điều phối NTM Trung ương", province=None, ocop=True, tags=("OCOP", "toàn quốc"),
        facts=[
            F("cả nước có 16.300 sản phẩm OCOP", 16300, year=2024, **NAT),
            F("của hơn 8.000 chủ thể", 8000, metric="subjects", comparator="gt", year=2024, **NAT),
            F("76% sản phẩm đạt 3 sao", 76, unit="percent", stars=(3, 3), year=2024, **NAT),
            F("23% đạt 4 sao", 23, unit="percent", stars=(4, 4), year=2024, **NAT),
            F("1% đạt 5 sao", 1, unit="percent", stars=(5, 5), year=2024, **NAT),
            F("38% hợp tác xã", 38, metric="subjects", segment="hợp tác xã", unit="percent", year=2024, **NAT),
            F("27% doanh nghiệp", 27, metric="subjects", segment="doanh nghiệp", unit="percent", year=2024, **NAT),
            F("có ít nhất 10.000 sản phẩm OCOP", 10000, kind="target", comparator="gte", year=2025, **NAT),
            F("Hà Nội dẫn đầu cả nước với hơn 3.100 sản phẩm", 3100, comparator="gt", year=2024, province="Hà Nội"),
        ],
    ),
    Article(
        S, 4105, "ocop", "ben-tre-co-248-san-pham-ocop", "2024-08-30 10:30",
        "Bến Tre có 248 sản phẩm OCOP",
        "Bến Tre hiện có 248 sản phẩm OCOP, trong đó có 1 sản phẩm 5 sao.",
        [
            "Cụ thể, tỉnh có 195 sản phẩm 3 sao, 52 sản phẩm 4 sao và 1 sản phẩm 5 sao là kẹo dừa.",
            "Huyện Chợ Lách có 36 sản phẩm, nhiều nhất tỉnh.",
            "Tỉnh đặt mục tiêu đến năm 2025 có 200 sản phẩm OCOP và đã hoàn thành trước thời hạn.",
            "Có 3 sản phẩm tiềm năng 5 sao đang được hoàn thiện hồ sơ.",
            "Sản phẩm từ dừa chiếm khoảng 40% số sản phẩm OCOP của tỉnh.",
        ],
        author="Minh Đảm", province="Bến Tre", ocop=True, tags=("OCOP", "Bến Tre"),
        facts=[
            F("Bến Tre hiện có 248 sản phẩm OCOP", 248, year=2024),
            F("có 1 sản phẩm 5 sao", 1, stars=(5, 5), year=2024),
            F("tỉnh có 195 sản phẩm 3 sao", 195, stars=(3, 3), year=2024),
            F("52 sản phẩm 4 sao", 52, stars=(4, 4), year=2024),
            F("Huyện Chợ Lách có 36 sản phẩm", 36, year=2024, **D("Chợ Lách")),
            F("có 200 sản phẩm OCOP", 200, kind="target", year=2025),
            F("chiếm khoảng 40% số sản phẩm OCOP", 40, unit="percent", comparator="approx", year=2024),
        ],
    ),
    Article(
        S, 4108, "ocop", "bac-giang-nam-2023-co-them-50-san-pham-ocop", "2023-11-07 14:00",
        "Bắc Giang: Năm 2023 có thêm 50 sản phẩm OCOP",
        "Năm 2023, tỉnh Bắc Giang có thêm 50 sản phẩm đạt chuẩn OCOP, nâng tổng số lên 378 sản phẩm.",
        [
            "Trong số sản phẩm mới, có 42 sản phẩm 3 sao và 8 sản phẩm 4 sao.",
            "Huyện Lục Ngạn có 41 sản phẩm OCOP, chủ yếu từ vải thiều, cam, bưởi.",
            "Năm 2024, Bắc Giang phấn đấu có thêm từ 40 đến 50 sản phẩm OCOP.",
            "Tỉnh có 40 làng nghề, trong đó có 15 làng nghề có sản phẩm OCOP.",
        ],
        author="Hà Linh", province="Bắc Giang", ocop=True, tags=("OCOP", "Bắc Giang"),
        facts=[
            F("tỉnh Bắc Giang có thêm 50 sản phẩm", 50, increment=True, year=2023),
            F("nâng tổng số lên 378 sản phẩm", 378, year=2023),
            F("có 42 sản phẩm 3 sao", 42, increment=True, stars=(3, 3), year=2023),
            F("8 sản phẩm 4 sao", 8, increment=True, stars=(4, 4), year=2023),
            F("Huyện Lục Ngạn có 41 sản phẩm OCOP", 41, year=2023, **D("Lục Ngạn")),
            F("có thêm từ 40 đến 50 sản phẩm OCOP", 40, kind="target", increment=True, comparator="gte", year=2024),
            F("có thêm từ 40 đến 50 sản phẩm OCOP", 50, kind="target", increment=True, comparator="lte", year=2024),
        ],
    ),
    Article(
        S, 4111, "ocop", "son-la-68-san-pham-ocop-muc-tieu-100-san-pham-nam-2025", "2021-09-15 08:30",
        "Sơn La: 68 sản phẩm OCOP, mục tiêu 100 sản phẩm năm 2025",
        "Tính đến tháng 8/2021, Sơn La có 68 sản phẩm OCOP, gồm 53 sản phẩm 3 sao và 15 sản phẩm 4 sao.",
        [
            "Huyện Mộc Châu có 20 sản phẩm, chiếm gần 30% số sản phẩm OCOP của tỉnh.",
            "Theo kế hoạch, đến năm 2025 Sơn La có tối thiểu 100 sản phẩm OCOP, trong đó có ít nhất hai mươi sản phẩm đạt 4 sao.",
            "Hiện có 48 chủ thể OCOP, trong đó 35 là hợp tác xã.",
            "Ngành nông nghiệp hỗ trợ 2,5 tỷ đồng để xây dựng 12 điểm giới thiệu, bán sản phẩm OCOP.",
        ],
        author="Quỳnh Anh", province="Sơn La", ocop=True, tags=("OCOP", "Sơn La"),
        facts=[
            F("Sơn La có 68 sản phẩm OCOP", 68, year=2021),
            F("gồm 53 sản phẩm 3 sao", 53, stars=(3, 3), year=2021),
            F("15 sản phẩm 4 sao", 15, stars=(4, 4), year=2021),
            F("Huyện Mộc Châu có 20 sản phẩm", 20, year=2021, **D("Mộc Châu")),
            F("chiếm gần 30% số sản phẩm OCOP của tỉnh", 30, unit="percent", comparator="approx", year=2021,
              **D("Mộc Châu")),
            F("Sơn La có tối thiểu 100 sản phẩm OCOP", 100, kind="target", comparator="gte", year=2025),
            F("có ít nhất hai mươi sản phẩm đạt 4 sao", 20, kind="target", comparator="gte", stars=(4, 4), year=2025),
            F("Hiện có 48 chủ thể OCOP", 48, metric="subjects", year=2021),
            F("35 là hợp tác xã", 35, metric="subjects", segment="hợp tác xã", year=2021),
        ],
    ),
    Article(
        S, 4114, "ocop", "34-tinh-thanh-pho-tiep-tuc-trien-khai-chuong-trinh-ocop", "2026-06-18 09:00",
        "Sau sắp xếp, 34 tỉnh, thành phố tiếp tục triển khai Chương trình OCOP",
        "Văn phòng Điều phối nông thôn mới Trung ương cho biết, đến tháng 5/2026, cả nước có khoảng 17.500 sản phẩm OCOP.",
        [
            "Trong 5 tháng đầu năm 2026, các địa phương công nhận thêm 820 sản phẩm, trong đó có 12 sản phẩm 5 sao.",
            "Giai đoạn 2026 - 2030, chương trình đặt mục tiêu có thêm ít nhất 5.000 sản phẩm OCOP, trong đó khoảng 10% đạt 4 sao trở lên.",
            "Có 34 tỉnh, thành phố và hơn 3.300 xã, phường tham gia chương trình.",
            "Tỉnh Lâm Đồng sau sáp nhập có 520 sản phẩm OCOP, nhiều nhất khu vực Tây Nguyên.",
        ],
        author="Thu Trang", province=None, ocop=True, tags=("OCOP", "toàn quốc"),
        facts=[
            F("cả nước có khoảng 17.500 sản phẩm OCOP", 17500, comparator="approx", year=2026, **NAT),
            F("công nhận thêm 820 sản phẩm", 820, increment=True, year=2026, **NAT),
            F("có 12 sản phẩm 5 sao", 12, increment=True, stars=(5, 5), year=2026, **NAT),
            F("có thêm ít nhất 5.000 sản phẩm OCOP", 5000, kind="target", increment=True, comparator="gte", year=2030,
              **NAT),
            F("khoảng 10% đạt 4 sao trở lên", 10, unit="percent", kind="target", increment=True, comparator="approx",
              stars=(4, 5), year=2030, **NAT),
            F("Tỉnh Lâm Đồng sau sáp nhập có 520 sản phẩm OCOP", 520, year=2026, province="Lâm Đồng"),
        ],
    ),
    # ---------------------------------------------------------------- not OCOP
    Article(
        S, 4117, "nong-nghiep", "gia-ca-phe-tay-nguyen-dat-120000-dong-kg", "2025-12-02 10:00",
        "Giá cà phê Tây Nguyên đạt 120.000 đồng/kg",
        "Giá cà phê nhân xô tại các tỉnh Tây Nguyên hôm nay tăng 1.500 đồng/kg, lên mức 120.000 - 121.000 đồng/kg.",
        [
            "Niên vụ 2025 - 2026, sản lượng cà phê cả nước ước đạt 1,8 triệu tấn.",
            "Nhiều hợp tác xã đang đầu tư chế biến sâu, đa dạng hóa sản phẩm cà phê rang xay, hòa tan để nâng giá trị.",
        ],
        author="Minh Đảm", province=None, tags=("nông nghiệp", "cà phê"),
    ),
    Article(
        S, 4120, "giao-thong", "cung-hoa-5000-km-duong-giao-thong-nong-thon-trong-quy-i", "2024-03-22 15:00",
        "Cứng hóa 5.000 km đường giao thông nông thôn trong quý I",
        "Quý I/2024, các địa phương đã cứng hóa thêm khoảng 5.000 km đường giao thông nông thôn.",
        [
            "Đến nay, 99% số xã có đường ô tô đến trung tâm xã được nhựa hóa hoặc bê tông hóa.",
            "Nhiều tuyến đường mới giúp vận chuyển nông sản, sản phẩm làng nghề thuận lợi, giảm 15 - 20% chi phí logistics.",
        ],
        author="Thu Trang", province=None, tags=("giao thông nông thôn",),
    ),
    Article(
        S, 4123, "van-hoa", "phat-huy-gia-tri-van-hoa-trong-xay-dung-nong-thon-moi", "2019-10-10 09:00",
        "Phát huy giá trị văn hóa trong xây dựng nông thôn mới",
        "Đến nay, cả nước có 4.665 xã đạt chuẩn nông thôn mới, nhiều xã gắn tiêu chí văn hóa với phát triển du lịch.",
        [
            "Nhiều địa phương khôi phục 120 lễ hội truyền thống và xây dựng 2.000 thiết chế văn hóa thôn, bản.",
            "Các sản phẩm du lịch nông thôn như homestay, trải nghiệm làng nghề được hình thành ở 30 tỉnh.",
        ],
        author="Quỳnh Anh", province=None, tags=("văn hóa", "nông thôn mới"),
    ),
]
