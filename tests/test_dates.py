"""Vietnamese press dates: every format of the brief, relative times, time zones, junk."""
from datetime import datetime, timedelta, timezone

import pytest

from ocop_crawler.dates import parse_vn_datetime

NOW = datetime(2024, 2, 12, 10, 0, tzinfo=timezone(timedelta(hours=7)))


@pytest.mark.parametrize("text,expected", [
    ("Thứ Hai, 12/02/2024 - 08:15", "2024-02-12T08:15:00+07:00"),
    ("12/02/2024 08:15 (GMT+7)", "2024-02-12T08:15:00+07:00"),
    ("08:15 | 12/02/2024", "2024-02-12T08:15:00+07:00"),
    ("12/2/2024", "2024-02-12T00:00:00+07:00"),
    ("12-02-2024 08:15", "2024-02-12T08:15:00+07:00"),
    ("12.02.2024", "2024-02-12T00:00:00+07:00"),
    ("Cập nhật: 16/06/2023", "2023-06-16T00:00:00+07:00"),
    ("Cập nhật lúc 16:40, 16/06/2023", "2023-06-16T16:40:00+07:00"),
    ("ngày 12 tháng 2 năm 2024", "2024-02-12T00:00:00+07:00"),
    ("Thứ Năm, ngày 29 tháng 02 năm 2024 lúc 9:05", "2024-02-29T09:05:00+07:00"),
    ("Chủ nhật, 3/3/2024, 20:05 (GMT+7)", "2024-03-03T20:05:00+07:00"),
    ("Thứ hai, 12/2/2024 | 8h15", "2024-02-12T08:15:00+07:00"),
    ("12/02/2024 08:15 PM", "2024-02-12T20:15:00+07:00"),
    ("12/02/2024 | 08:15 CH", "2024-02-12T20:15:00+07:00"),
    ("2024/02/12 08:15", "2024-02-12T08:15:00+07:00"),
    # ISO 8601 (meta tags, JSON-LD): other offsets are converted to Vietnam time
    ("2024-02-12T08:15:00+07:00", "2024-02-12T08:15:00+07:00"),
    ("2024-02-12T01:15:00Z", "2024-02-12T08:15:00+07:00"),
    ("2024-02-12T08:15:00+0700", "2024-02-12T08:15:00+07:00"),
    ("2024-02-12 08:15:00", "2024-02-12T08:15:00+07:00"),
    ("2024-02-12", "2024-02-12T00:00:00+07:00"),
    # RFC 822 (RSS)
    ("Mon, 12 Feb 2024 01:15:00 GMT", "2024-02-12T08:15:00+07:00"),
    ("Mon, 12 Feb 2024 08:15:00 +0700", "2024-02-12T08:15:00+07:00"),
    # explicit GMT offset in press text
    ("12/02/2024 08:15 GMT+0", "2024-02-12T15:15:00+07:00"),
])
def test_absolute_formats(text, expected):
    dt = parse_vn_datetime(text, now=NOW)
    assert dt is not None, text
    assert dt.isoformat() == expected
    assert dt.utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize("text,expected", [
    ("2 giờ trước", "2024-02-12T08:00:00+07:00"),
    ("30 phút trước", "2024-02-12T09:30:00+07:00"),
    ("3 ngày trước", "2024-02-09T10:00:00+07:00"),
    ("1 tuần trước", "2024-02-05T10:00:00+07:00"),
    ("hôm qua", "2024-02-11T00:00:00+07:00"),
    ("Hôm qua lúc 14:30", "2024-02-11T14:30:00+07:00"),
    ("Hôm nay, 07:45", "2024-02-12T07:45:00+07:00"),
    ("vừa xong", "2024-02-12T10:00:00+07:00"),
])
def test_relative_to_fetch_time(text, expected):
    assert parse_vn_datetime(text, now=NOW).isoformat() == expected


def test_naive_now_is_vietnam_time_and_utc_now_is_converted():
    assert parse_vn_datetime("2 giờ trước", now=datetime(2024, 2, 12, 10, 0)).isoformat() == \
        "2024-02-12T08:00:00+07:00"
    utc_now = datetime(2024, 2, 12, 3, 0, tzinfo=timezone.utc)  # 10:00 in Hà Nội
    assert parse_vn_datetime("hôm qua", now=utc_now).isoformat() == "2024-02-11T00:00:00+07:00"


def test_day_first_always():
    assert parse_vn_datetime("03/04/2024").isoformat().startswith("2024-04-03")
    assert parse_vn_datetime("01/12/2023").isoformat().startswith("2023-12-01")


def test_decomposed_unicode_is_normalised():
    import unicodedata
    nfd = unicodedata.normalize("NFD", "Thứ Hai, 12/02/2024 - 08:15 · ngày đăng")
    assert parse_vn_datetime(nfd).isoformat() == "2024-02-12T08:15:00+07:00"
    assert parse_vn_datetime(unicodedata.normalize("NFD", "2 giờ trước"), now=NOW).hour == 8


@pytest.mark.parametrize("junk", [
    "", "   ", "Tin liên quan", "31/02/2024", "45/13/2024", "12/02/1850", "25 sản phẩm OCOP",
    "99:99 12/02", None, 20240212,
])
def test_no_date_is_none(junk):
    assert parse_vn_datetime(junk, now=NOW) is None
