"""Báo Thanh Hóa (mẫu): articles written for the sample site, with hand-annotated facts."""
from .model import Article, Fact as F

S = "sample-thanhhoa"
P = "Thanh Hóa"


def D(name, **kw):
    return {"level": "district", "district": name, **kw}


ARTICLES = [
    Article(
        S, 2201, "ocop", "thanh-hoa-479-san-pham-ocop-01-san-pham-dat-5-sao", "2024-04-16 08:15",
        "Thanh Hóa: 479 sản phẩm OCOP, 01 sản phẩm đạt 5 sao",
        "Sau 5 năm thực hiện Chương trình OCOP, Thanh Hóa là một trong những địa phương có số sản phẩm OCOP nhiều nhất cả nước.",
        [
            "Tính đến hết quý I/2024, toàn tỉnh có 479 sản phẩm OCOP của 355 chủ thể, gồm 01 sản phẩm 5 sao, 56 sản phẩm 4 sao và 422 sản phẩm 3 sao.",
            "Riêng quý I/2024, tỉnh công nhận thêm 15 sản phẩm.",
            "Huyện Thọ Xuân dẫn đầu với 31 sản phẩm; huyện Hoằng Hóa có 28 sản phẩm.",
            "Năm 2024, tỉnh phấn đấu có thêm từ 120 sản phẩm OCOP trở lên.",
            "Các sản phẩm OCOP đã giúp hơn 12.000 lao động nông thôn có việc làm ổn định.",
        ],
        author="Minh Hiếu", province=P, ocop=True, amp=True, tags=("OCOP", "Thanh Hóa"),
        facts=[
            F("toàn tỉnh có 479 sản phẩm OCOP", 479, year=2024),
            F("của 355 chủ thể", 355, metric="subjects", year=2024),
            F("gồm 01 sản phẩm 5 sao", 1, stars=(5, 5), year=2024),
            F("56 sản phẩm 4 sao", 56, stars=(4, 4), year=2024),
            F("422 sản phẩm 3 sao", 422, stars=(3, 3), year=2024),
            F("tỉnh công nhận thêm 15 sản phẩm", 15, increment=True, year=2024),
            F("Huyện Thọ Xuân dẫn đầu với 31 sản phẩm", 31, year=2024, **D("Thọ Xuân")),
            F("huyện Hoằng Hóa có 28 sản phẩm", 28, year=2024, **D("Hoằng Hóa")),
            F("có thêm từ 120 sản phẩm OCOP trở lên", 120, kind="target", increment=True, comparator="gte", year=2024),
        ],
    ),
    Article(
        S, 2207, "ocop", "nam-2024-thanh-hoa-vuot-ke-hoach-phat-trien-san-pham-ocop", "2025-01-09 14:30",
        "Năm 2024, Thanh Hóa vượt kế hoạch phát triển sản phẩm OCOP",
        "Năm 2024, Thanh Hóa có 132 sản phẩm được công nhận đạt chuẩn OCOP, đạt 110% kế hoạch.",
        [
            "Trong số sản phẩm mới, có 118 sản phẩm đạt 3 sao và 14 sản phẩm đạt 4 sao; các sản phẩm thuộc 6 nhóm ngành.",
            "Các sản phẩm mới của 97 chủ thể, gồm 22 doanh nghiệp, 38 hợp tác xã và 37 hộ sản xuất kinh doanh.",
            "Qua đó, nâng tổng số sản phẩm OCOP của tỉnh lên 611 sản phẩm, đứng thứ 2 cả nước.",
            "Năm 2025, tỉnh đặt mục tiêu có thêm khoảng 100 sản phẩm OCOP, trong đó có ít nhất 1 sản phẩm 5 sao.",
        ],
        author="Lê Hợi", province=P, ocop=True, tags=("OCOP", "tổng kết"),
        facts=[
            F("Thanh Hóa có 132 sản phẩm được công nhận", 132, increment=True, year=2024),
            F("có 118 sản phẩm đạt 3 sao", 118, increment=True, stars=(3, 3), year=2024),
            F("14 sản phẩm đạt 4 sao", 14, increment=True, stars=(4, 4), year=2024),
            F("của 97 chủ thể", 97, metric="subjects", increment=True, year=2024),
            F("gồm 22 doanh nghiệp", 22, metric="subjects", segment="doanh nghiệp", increment=True, year=2024),
            F("38 hợp tác xã", 38, metric="subjects", segment="hợp tác xã", increment=True, year=2024),
            F("37 hộ sản xuất kinh doanh", 37, metric="subjects", segment="hộ sản xuất", increment=True, year=2024),
            F("nâng tổng số sản phẩm OCOP của tỉnh lên 611", 611, year=2024),
            F("có thêm khoảng 100 sản phẩm OCOP", 100, kind="target", increment=True, comparator="approx", year=2025),
            F("có ít nhất 1 sản phẩm 5 sao", 1, kind="target", increment=True, comparator="gte", stars=(5, 5), year=2025),
        ],
    ),
    Article(
        S, 2213, "ocop", "huyen-nong-cong-co-them-san-pham-ocop-4-sao", "2022-06-20 10:00",
        "Huyện Nông Cống có thêm sản phẩm OCOP 4 sao",
        "Miến gạo của một hợp tác xã ở xã Thăng Long vừa được công nhận sản phẩm OCOP 4 sao, là sản phẩm 4 sao đầu tiên của huyện Nông Cống.",
        [
            "Đến nay, huyện Nông Cống có 17 sản phẩm OCOP, gồm 1 sản phẩm 4 sao và 16 sản phẩm 3 sao.",
            "Năm 2022, huyện có 9 sản phẩm tham gia đánh giá, phân hạng.",
            "Huyện phấn đấu đến năm 2025 có ít nhất 25 sản phẩm OCOP.",
            "HTX Thăng Long hiện có 3 sản phẩm OCOP, mỗi năm tiêu thụ khoảng 60 tấn miến.",
        ],
        author="Hoài Anh", province=P, ocop=True, tags=("OCOP", "Nông Cống"),
        facts=[
            F("huyện Nông Cống có 17 sản phẩm OCOP", 17, year=2022, **D("Nông Cống")),
            F("gồm 1 sản phẩm 4 sao", 1, stars=(4, 4), year=2022, **D("Nông Cống")),
            F("16 sản phẩm 3 sao", 16, stars=(3, 3), year=2022, **D("Nông Cống")),
            F("có ít nhất 25 sản phẩm OCOP", 25, kind="target", comparator="gte", year=2025, **D("Nông Cống")),
        ],
    ),
    Article(
        S, 2219, "ocop", "nam-2020-co-67-san-pham-dat-chuan-ocop", "2020-11-30 09:00",
        "Thanh Hóa: Năm 2020 có 67 sản phẩm đạt chuẩn OCOP",
        "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thanh Hóa vừa công nhận 67 sản phẩm đạt chuẩn năm 2020.",
        [
            "Trong đó, có 8 sản phẩm đạt 4 sao, 59 sản phẩm đạt 3 sao.",
            "Như vậy, tính từ năm 2019, Thanh Hóa đã có 137 sản phẩm OCOP.",
            "Mục tiêu của tỉnh là đến năm 2025 có 300 sản phẩm OCOP được công nhận từ 3 sao trở lên, trong đó có 5 sản phẩm 5 sao.",
            "Tỉnh đã hỗ trợ 4,2 tỷ đồng cho các chủ thể OCOP trong năm 2020.",
        ],
        author="Minh Hiếu", province=P, ocop=True, tags=("OCOP",),
        facts=[
            F("vừa công nhận 67 sản phẩm đạt chuẩn năm 2020", 67, increment=True, year=2020),
            F("có 8 sản phẩm đạt 4 sao", 8, increment=True, stars=(4, 4), year=2020),
            F("59 sản phẩm đạt 3 sao", 59, increment=True, stars=(3, 3), year=2020),
            F("Thanh Hóa đã có 137 sản phẩm OCOP", 137, year=2020),
            F("có 300 sản phẩm OCOP được công nhận từ 3 sao trở lên", 300, kind="target", year=2025),
            F("có 5 sản phẩm 5 sao", 5, kind="target", stars=(5, 5), year=2025),
        ],
    ),
    Article(
        S, 2225, "ocop", "thanh-hoa-tren-700-san-pham-ocop", "2026-08-12 16:45",
        "Thanh Hóa: Trên 700 sản phẩm OCOP",
        "Tính đến tháng 7/2026, Thanh Hóa có trên 700 sản phẩm OCOP, trong đó số sản phẩm 4 sao chiếm khoảng 15%.",
        [
            "Sáu tháng đầu năm 2026, tỉnh công nhận thêm 64 sản phẩm, đạt 58% kế hoạch năm.",
            "Năm 2026, Thanh Hóa đặt chỉ tiêu có thêm 110 sản phẩm OCOP.",
            "Sản phẩm OCOP của tỉnh đang được bày bán tại 1.250 điểm giới thiệu, cửa hàng và trên 12 sàn thương mại điện tử.",
            "Tỉnh có 3 sản phẩm OCOP 5 sao, đều là sản phẩm thực phẩm.",
        ],
        author="Lê Hợi", province=P, ocop=True, tags=("OCOP",),
        facts=[
            F("Thanh Hóa có trên 700 sản phẩm OCOP", 700, comparator="gt", year=2026),
            F("số sản phẩm 4 sao chiếm khoảng 15%", 15, unit="percent", comparator="approx", stars=(4, 4), year=2026),
            F("tỉnh công nhận thêm 64 sản phẩm", 64, increment=True, year=2026),
            F("đặt chỉ tiêu có thêm 110 sản phẩm OCOP", 110, kind="target", increment=True, year=2026),
            F("Tỉnh có 3 sản phẩm OCOP 5 sao", 3, stars=(5, 5), year=2026),
        ],
    ),
    # ---------------------------------------------------------------- not OCOP
    Article(
        S, 2230, "giao-thong", "cao-toc-bac-nam-doan-qua-thanh-hoa-don-25000-luot-xe", "2026-11-21 09:00",
        "Cao tốc Bắc - Nam đoạn qua Thanh Hóa đón 25.000 lượt xe dịp cuối tuần",
        "Lưu lượng phương tiện qua các tuyến cao tốc trên địa bàn tỉnh tăng khoảng 20% so với ngày thường.",
        [
            "Đoạn Mai Sơn - Quốc lộ 45 và Quốc lộ 45 - Nghi Sơn có tổng chiều dài gần 100 km.",
            "Lực lượng Cảnh sát giao thông đã kiểm tra 320 trường hợp, xử phạt 57 trường hợp vi phạm tốc độ, thu nộp ngân sách hơn 280 triệu đồng.",
            "Cơ quan chức năng khuyến cáo tài xế giữ khoảng cách an toàn tối thiểu 100 m khi chạy với tốc độ 90 km/h.",
        ],
        author="Trọng Hiếu", province=P, tags=("giao thông", "cao tốc"),
    ),
    Article(
        S, 2233, "van-hoa", "le-hoi-lam-kinh-2025-quang-ba-san-pham-du-lich-xu-thanh", "2025-07-15 11:00",
        "Lễ hội Lam Kinh 2025: Quảng bá sản phẩm du lịch xứ Thanh",
        "Lễ hội Lam Kinh năm 2025 thu hút hơn 50.000 lượt khách đến dâng hương, tham quan.",
        [
            "Trong khuôn khổ lễ hội, Ban tổ chức giới thiệu 30 sản phẩm du lịch mới, gắn với các tuyến tham quan di tích và làng nghề.",
            "Tỉnh đặt mục tiêu năm 2025 đón 17 triệu lượt khách, tổng thu từ du lịch đạt 38.000 tỷ đồng.",
            "Khu di tích quốc gia đặc biệt Lam Kinh rộng hơn 200 ha, có 15 hạng mục đã được trùng tu.",
        ],
        author="Hoài Anh", province=P, tags=("văn hóa", "du lịch"),
    ),
    Article(
        S, 2242, "van-hoa", "thanh-hoa-co-them-2-bao-vat-quoc-gia", "2026-02-03 10:15",
        "Thanh Hóa có thêm 2 bảo vật quốc gia",
        "Thủ tướng Chính phủ vừa công nhận thêm 2 hiện vật của Thanh Hóa là bảo vật quốc gia, nâng tổng số bảo vật quốc gia của tỉnh lên 12.",
        [
            "Hai hiện vật gồm trống đồng Cẩm Giang và bia đá thời Lê sơ, đang được lưu giữ tại Bảo tàng tỉnh.",
            "Hiện tỉnh có 1.535 di tích được xếp hạng, trong đó có 1 di sản văn hóa thế giới và 6 di tích quốc gia đặc biệt.",
        ],
        author="Hoài Anh", province=P, tags=("văn hóa", "di sản"),
    ),
    Article(
        S, 2245, "van-hoa", "hat-xuan-pha-bieu-dien-tai-le-hoi-du-lich-bien-sam-son", "2020-05-30 21:00",
        "Hát Xuân Phả biểu diễn tại lễ hội du lịch biển Sầm Sơn",
        "Đêm khai mạc lễ hội du lịch biển Sầm Sơn năm 2020 có sự tham gia của 300 diễn viên, nghệ nhân.",
        [
            "Trò diễn Xuân Phả gồm 5 điệu múa cổ, được công nhận là di sản văn hóa phi vật thể quốc gia năm 2016.",
            "Dịp này, thành phố Sầm Sơn giới thiệu 20 sản phẩm du lịch mới và các món đặc sản biển.",
        ],
        author="Minh Hiếu", province=P, tags=("văn hóa", "lễ hội"),
    ),
    Article(
        S, 2236, "thoi-tiet", "nang-nong-gay-gat-nhiet-do-co-noi-tren-39-do-c", "2024-07-28 17:30",
        "Thanh Hóa: Nắng nóng gay gắt, nhiệt độ có nơi trên 39 độ C",
        "Theo Đài Khí tượng thủy văn tỉnh, từ ngày 28 - 31/7, khu vực đồng bằng và trung du Thanh Hóa có nắng nóng gay gắt.",
        [
            "Nhiệt độ cao nhất phổ biến từ 37 - 39 độ C, có nơi trên 39 độ C; độ ẩm thấp nhất 45 - 50%.",
            "Ngành điện dự báo sản lượng tiêu thụ có thể đạt 25 triệu kWh/ngày, tăng 12% so với cùng kỳ.",
            "Người dân được khuyến cáo hạn chế ra ngoài từ 11 giờ đến 16 giờ.",
        ],
        author="Trọng Hiếu", province=P, tags=("thời tiết", "nắng nóng"),
    ),
    Article(
        S, 2239, "nong-nghiep", "gia-lua-tang-nong-dan-thanh-hoa-phan-khoi", "2023-03-09 08:00",
        "Giá lúa tăng, nông dân Thanh Hóa phấn khởi",
        "Vụ đông xuân năm nay, toàn tỉnh gieo cấy hơn 120.000 ha lúa, giá lúa tươi tại ruộng dao động 7.000 - 7.500 đồng/kg.",
        [
            "Năng suất lúa ước đạt 65 tạ/ha, sản lượng khoảng 800.000 tấn.",
            "Ngành nông nghiệp khuyến cáo nông dân liên kết với doanh nghiệp để tiêu thụ ổn định, nâng cao giá trị sản phẩm gạo.",
            "Hiện toàn tỉnh có 45 doanh nghiệp thu mua, chế biến lúa gạo với khoảng 1.200 sản phẩm hàng hóa các loại.",
        ],
        author="Lê Hợi", province=P, tags=("nông nghiệp", "lúa gạo"),
    ),
]
