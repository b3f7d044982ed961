"""Báo Lào Cai (mẫu): articles written for the sample site, with hand-annotated facts.

The newest item (published ``None``) is dated "2 giờ trước" on the page.
"""
from .model import Article, Fact as F

S = "sample-laocai"
P = "Lào Cai"


def D(name, **kw):
    return {"level": "district", "district": name, **kw}


ARTICLES = [
    Article(
        S, 3101, "ocop", "lao-cai-co-215-san-pham-ocop", "2024-10-08 08:15",
        "Lào Cai có 215 sản phẩm OCOP",
        "Sau 6 năm triển khai, Chương trình OCOP đã giúp nâng cao giá trị nông sản vùng cao Lào Cai.",
        [
            "Đến nay, toàn tỉnh có 215 sản phẩm OCOP từ 3 sao trở lên, trong đó có 34 sản phẩm 4 sao.",
            "Huyện Bắc Hà có 38 sản phẩm, huyện Bát Xát có 27 sản phẩm, thị xã Sa Pa có 25 sản phẩm.",
            "Năm 2024, tỉnh phấn đấu có thêm 30 sản phẩm OCOP, trong đó có 1 - 2 sản phẩm tiềm năng 5 sao được hoàn thiện hồ sơ gửi Trung ương.",
            "Sản phẩm OCOP của tỉnh tập trung vào các nhóm dược liệu, chè, mận, rượu và thổ cẩm, tạo việc làm cho khoảng 1.700 lao động.",
        ],
        author="Hồng Duyên", province=P, ocop=True, amp=True, tags=("OCOP", "Lào Cai"),
        facts=[
            F("toàn tỉnh có 215 sản phẩm OCOP từ 3 sao trở lên", 215, year=2024),
            F("có 34 sản phẩm 4 sao", 34, stars=(4, 4), year=2024),
            F("Huyện Bắc Hà có 38 sản phẩm", 38, year=2024, **D("Bắc Hà")),
            F("huyện Bát Xát có 27 sản phẩm", 27, year=2024, **D("Bát Xát")),
            F("thị xã Sa Pa có 25 sản phẩm", 25, year=2024, **D("Sa Pa")),
            F("có thêm 30 sản phẩm OCOP", 30, kind="target", increment=True, year=2024),
        ],
    ),
    Article(
        S, 3107, "ocop", "sa-pa-phat-trien-san-pham-ocop-gan-voi-du-lich", "2021-05-27 10:00",
        "Sa Pa phát triển sản phẩm OCOP gắn với du lịch",
        "Thị xã Sa Pa hiện có 19 sản phẩm OCOP, phần lớn gắn với phát triển du lịch cộng đồng.",
        [
            "Trong số đó, có 4 sản phẩm đạt 4 sao, gồm thuốc tắm người Dao, cá hồi, rượu táo mèo và dịch vụ du lịch cộng đồng.",
            "Năm 2021, thị xã đề ra chỉ tiêu có thêm 5 sản phẩm đạt chuẩn.",
            "Tại các bản Tả Van, Tả Phìn, gần 300 hộ đồng bào Dao đỏ sống bằng nghề thuốc tắm, thêu thổ cẩm; 2 làng nghề đã có sản phẩm OCOP.",
            "Thị xã đón khoảng 1,2 triệu lượt khách mỗi năm, là thị trường tiêu thụ lớn của sản phẩm OCOP.",
        ],
        author="Ngọc Bằng", province=P, ocop=True, tags=("OCOP", "Sa Pa", "du lịch"),
        facts=[
            F("Thị xã Sa Pa hiện có 19 sản phẩm OCOP", 19, year=2021, **D("Sa Pa")),
            F("có 4 sản phẩm đạt 4 sao", 4, stars=(4, 4), year=2021, **D("Sa Pa")),
            F("đề ra chỉ tiêu có thêm 5 sản phẩm", 5, kind="target", increment=True, year=2021, **D("Sa Pa")),
        ],
    ),
    Article(
        S, 3113, "ocop", "nam-2023-lao-cai-co-them-39-san-pham-ocop", "2023-12-19 15:30",
        "Lào Cai: Năm 2023 có thêm 39 sản phẩm OCOP",
        "Năm 2023, Lào Cai có thêm 39 sản phẩm được công nhận đạt chuẩn OCOP, vượt chỉ tiêu đề ra.",
        [
            "Trong đó, có 5 sản phẩm đạt 4 sao và 34 sản phẩm đạt 3 sao, của 31 chủ thể.",
            "Chỉ tiêu năm 2023 của tỉnh là 30 sản phẩm.",
            "Lũy kế đến nay, toàn tỉnh có 187 sản phẩm OCOP.",
            "Tỉnh đang hoàn thiện hồ sơ đề nghị công nhận 2 sản phẩm OCOP 5 sao.",
        ],
        author="Hồng Duyên", province=P, ocop=True, tags=("OCOP",),
        facts=[
            F("Lào Cai có thêm 39 sản phẩm", 39, increment=True, year=2023),
            F("có 5 sản phẩm đạt 4 sao", 5, increment=True, stars=(4, 4), year=2023),
            F("34 sản phẩm đạt 3 sao", 34, increment=True, stars=(3, 3), year=2023),
            F("của 31 chủ thể", 31, metric="subjects", increment=True, year=2023),
            F("Chỉ tiêu năm 2023 của tỉnh là 30 sản phẩm", 30, kind="target", increment=True, year=2023),
            F("toàn tỉnh có 187 sản phẩm OCOP", 187, year=2023),
        ],
    ),
    Article(
        S, 3119, "ocop", "lao-cai-cong-nhan-34-san-pham-ocop-dau-tien", "2019-11-05 09:00",
        "Lào Cai công nhận 34 sản phẩm OCOP đầu tiên",
        "UBND tỉnh Lào Cai vừa trao giấy chứng nhận cho 34 sản phẩm đạt chuẩn OCOP năm 2019.",
        [
            "Các sản phẩm gồm 26 sản phẩm 3 sao và 8 sản phẩm 4 sao, chủ yếu thuộc nhóm thực phẩm và đồ uống.",
            "Đây là kết quả sau một năm triển khai, với 57 sản phẩm được các huyện, thị xã, thành phố đề xuất tham gia đánh giá.",
            "Theo kế hoạch, đến năm 2020 Lào Cai có ít nhất 50 sản phẩm OCOP.",
        ],
        author="Ngọc Bằng", province=P, ocop=True, tags=("OCOP",),
        facts=[
            F("trao giấy chứng nhận cho 34 sản phẩm", 34, increment=True, year=2019),
            F("gồm 26 sản phẩm 3 sao", 26, increment=True, stars=(3, 3), year=2019),
            F("8 sản phẩm 4 sao", 8, increment=True, stars=(4, 4), year=2019),
            F("Lào Cai có ít nhất 50 sản phẩm OCOP", 50, kind="target", comparator="gte", year=2020),
        ],
    ),
    # ---------------------------------------------------------------- not OCOP
    Article(
        S, 3125, "thoi-tiet", "ret-dam-vung-cao-dinh-fansipan-duoi-0-do-c", None,
        "Rét đậm vùng cao, đỉnh Fansipan xuống dưới 0 độ C",
        "Sáng nay, nhiệt độ tại khu vực phường Sa Pa xuống còn 4 độ C, trên đỉnh Fansipan có nơi dưới 0 độ C.",
        [
            "Cơ quan khí tượng dự báo đợt rét kéo dài 3 - 4 ngày; người dân cần che chắn chuồng trại cho khoảng 12.000 con gia súc.",
            "Lượng khách lên Fansipan ngắm băng giá tăng mạnh, ước khoảng 8.000 lượt mỗi ngày.",
        ],
        author="Thành Đạt", province=P, tags=("thời tiết", "rét đậm"),
    ),
    Article(
        S, 3128, "giao-thong", "thong-xe-duong-noi-cao-toc-noi-bai-lao-cai-voi-sa-pa", "2026-09-02 08:00",
        "Thông xe đường nối cao tốc Nội Bài - Lào Cai với Sa Pa",
        "Tuyến đường dài 51 km được đầu tư hơn 5.900 tỷ đồng, rút ngắn thời gian di chuyển từ cao tốc lên Sa Pa còn khoảng 45 phút.",
        [
            "Tuyến có quy mô 4 làn xe, 6 cầu lớn và 2 hầm xuyên núi.",
            "Dự kiến lưu lượng xe đạt 15.000 lượt mỗi ngày vào năm 2030.",
        ],
        author="Thành Đạt", province=P, tags=("giao thông",),
    ),
    Article(
        S, 3131, "van-hoa", "cho-phien-bac-ha-san-pham-du-lich-doc-dao-vung-cao", "2022-04-14 19:00",
        "Chợ phiên Bắc Hà - sản phẩm du lịch độc đáo vùng cao",
        "Chợ phiên Bắc Hà họp vào Chủ nhật hằng tuần, thu hút hàng nghìn du khách trong và ngoài nước.",
        [
            "Chợ có khoảng 500 gian hàng, bày bán hơn 1.200 sản phẩm hàng hóa như thổ cẩm, rượu ngô, mận tam hoa, gia súc.",
            "Năm 2021, huyện Bắc Hà đón 250.000 lượt khách, doanh thu du lịch đạt 300 tỷ đồng.",
        ],
        author="Ngọc Bằng", province=P, tags=("văn hóa", "chợ phiên"),
    ),
    Article(
        S, 3134, "nong-nghiep", "man-tam-hoa-bac-ha-duoc-mua", "2025-06-25 07:00",
        "Mận tam hoa Bắc Hà được mùa, giá 25.000 - 40.000 đồng/kg",
        "Năm nay, diện tích mận tam hoa toàn huyện Bắc Hà đạt khoảng 1.000 ha, sản lượng ước 12.000 tấn.",
        [
            "Nhiều nhà vườn bán qua mạng xã hội, mỗi ngày tiêu thụ 3 - 5 tấn quả.",
            "Huyện đã xây dựng 20 mã số vùng trồng, phục vụ xuất khẩu sang Trung Quốc.",
        ],
        author="Hồng Duyên", province=P, tags=("nông nghiệp", "mận"),
    ),
]
