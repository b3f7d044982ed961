"""Tin tổng hợp (mẫu): an aggregator that republishes provincial stories with small changes.

The syndicated copies (``syndicated_from`` set) keep the origin's body but change
the headline prefix, add a "Nguồn: ..." line and drop or retouch a paragraph, as
aggregators do; a content fingerprint must link them to the origin. They are not
in gold.jsonl: their facts are the origin's.
"""
from dataclasses import replace

from .articles_hatinh import ARTICLES as HATINH
from .articles_thanhhoa import ARTICLES as THANHHOA
from .model import Article

S = "sample-tonghop"


def _origin(articles, id_):
    return next(a for a in articles if a.id == id_)


def syndicate(origin, id_, slug, published, title, source, body=None):
    return replace(
        origin, site=S, id=id_, slug=slug, published=published, title=title,
        body=list(body if body is not None else origin.body), author="Tổng hợp",
        amp=False, facts=[], syndicated_from=origin.key, source_line=source,
        tags=("tin địa phương",),
    )


_ht = _origin(HATINH, 1024)
_th = _origin(THANHHOA, 2207)

ARTICLES = [
    syndicate(_ht, 5001, "tin-dia-phuong-ha-tinh-co-them-35-san-pham-ocop", "2024-02-12 13:40",
              "Tin địa phương | Hà Tĩnh có thêm 35 sản phẩm OCOP", "Nguồn: Báo Hà Tĩnh",
              body=_ht.body[:-1] + [_ht.body[-1].replace("Ông Trần Văn Hùng, Chánh Văn phòng Điều phối nông thôn mới tỉnh cho biết, ", "Theo lãnh đạo Văn phòng Điều phối nông thôn mới tỉnh, ")]),
    syndicate(_th, 5004, "doc-nhanh-thanh-hoa-vuot-ke-hoach-phat-trien-san-pham-ocop", "2025-01-10 07:00",
              "Đọc nhanh: Năm 2024, Thanh Hóa vượt kế hoạch phát triển sản phẩm OCOP", "Nguồn: Báo Thanh Hóa",
              body=_th.body),
    # ---------------------------------------------------------------- own articles, not OCOP
    Article(
        S, 5007, "thoi-tiet", "du-bao-thoi-tiet-ngay-23-11-mien-bac-ret-nam-bo-mua-rao", "2026-11-22 20:00",
        "Dự báo thời tiết ngày 23/11: Miền Bắc rét, Nam Bộ mưa rào",
        "Không khí lạnh tiếp tục ảnh hưởng các tỉnh miền Bắc, nhiệt độ thấp nhất 12 - 15 độ C, vùng núi dưới 10 độ C.",
        [
            "Hà Nội trời rét, nhiệt độ từ 15 - 21 độ C.",
            "Nam Bộ có mưa rào và dông rải rác, lượng mưa 20 - 40 mm.",
        ],
        author="Tổng hợp", province=None, tags=("thời tiết",),
    ),
    Article(
        S, 5010, "van-hoa", "trien-lam-1000-san-pham-thu-cong-my-nghe-tai-ha-noi", "2025-09-09 12:00",
        "Triển lãm 1.000 sản phẩm thủ công mỹ nghệ tại Hà Nội",
        "Triển lãm giới thiệu hơn 1.000 sản phẩm thủ công mỹ nghệ của 60 làng nghề từ 20 tỉnh, thành phố.",
        [
            "Nhiều sản phẩm mây tre đan, gốm sứ, sơn mài được các nghệ nhân làm trực tiếp tại chỗ.",
            "Triển lãm kéo dài đến 15/9, dự kiến đón 30.000 lượt khách.",
        ],
        author="Tổng hợp", province=None, tags=("văn hóa", "làng nghề"),
    ),
]
