"""Vietnamese press dates -> timezone-aware datetimes (Vietnam time, +07:00).

    >>> parse_vn_datetime("Thứ Hai, 12/02/2024 - 08:15").isoformat()
    '2024-02-12T08:15:00+07:00'
    >>> parse_vn_datetime("ngày 12 tháng 2 năm 2024").isoformat()
    '2024-02-12T00:00:00+07:00'
    >>> from datetime import datetime
    >>> parse_vn_datetime("2 giờ trước", now=datetime(2024, 2, 12, 10, 0)).isoformat()
    '2024-02-12T08:00:00+07:00'

Formats: "Thứ Hai, 12/02/2024 - 08:15", "12/02/2024 08:15 (GMT+7)",
"08:15 | 12/02/2024", "12/2/2024", "12-02-2024 08:15", "12.02.2024",
"Cập nhật: 16/06/2023", "ngày 12 tháng 2 năm 2024", "Chủ nhật, 3/3/2024, 20:05
(GMT+7)", "8h15", "08:15 SA/CH/AM/PM", ISO 8601, RFC 822 (feeds), and relative
times against ``now`` (the fetch time): "2 giờ trước", "30 phút trước",
"hôm qua", "hôm nay 08:15", "3 ngày trước", "vừa xong". Numeric dates are
always day-first. The result is converted to Asia/Ho_Chi_Minh so stored
timestamps compare as strings; a naive ``now`` is read as Vietnam time.
Returns None when no date can be read (never raises on odd text).
"""
from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

try:
    from zoneinfo import ZoneInfo
    VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
except Exception:  # pragma: no cover - tzdata missing: Vietnam has kept +07:00 since 1975
    VN_TZ = timezone(timedelta(hours=7), "ICT")

__all__ = ["parse_vn_datetime", "VN_TZ"]

_MIN_YEAR, _MAX_YEAR = 1990, 2100

_REL_UNITS = {
    "giây": "seconds", "giay": "seconds",
    "phút": "minutes", "phut": "minutes",
    "giờ": "hours", "gio": "hours", "tiếng": "hours", "tieng": "hours",
    "ngày": "days", "ngay": "days",
    "tuần": "weeks", "tuan": "weeks",
}
_RELATIVE = re.compile(
    r"(\d+)\s*(giây|giay|phút|phut|giờ|gio|tiếng|tieng|ngày|ngay|tuần|tuan|tháng|thang|năm|nam)"
    r"\s*(?:trước|truoc)\b")
_TZ = re.compile(r"\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\b", re.I)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
                  r"\s*(?:Z|[+-]\d{2}:?\d{2})?$", re.I)
_RFC822 = re.compile(r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
                     r"\s+\d{2,4}\b", re.I)
_VN_WORDS = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*(?:năm|,)?\s*(\d{4})", re.I)
_DMY = re.compile(r"(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?![\d/.-]|:\d)")
_YMD = re.compile(r"(?<![\d/.-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\d/.-])")
_TIME = re.compile(
    r"(?<![\d/.:])(\d{1,2})\s*(?::|h|g|giờ)\s*(\d{2})(?:\s*:\s*(\d{2}))?"
    r"(?:\s*(am|pm|sa|ch|sáng|chiều|tối))?(?![\d/])", re.I)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(VN_TZ)
    return now.replace(tzinfo=VN_TZ) if now.tzinfo is None else now.astimezone(VN_TZ)


def _offset(text: str):
    m = _TZ.search(text)
    if not m:
        return None
    sign = 1 if m.group(1) == "+" else -1
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _finish(dt: datetime, tz) -> datetime | None:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=tz or VN_TZ)
    if not (_MIN_YEAR <= dt.year <= _MAX_YEAR):
        return None
    return dt.astimezone(VN_TZ)


def _time_of(text: str):
    """(hour, minute, second) from the text, or (0, 0, 0)."""
    for m in _TIME.finditer(text):
        h, mi, s = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        ampm = (m.group(4) or "").lower()
        if ampm in ("pm", "ch", "chiều", "tối") and h < 12:
            h += 12
        elif ampm in ("am", "sa", "sáng") and h == 12:
            h = 0
        if h < 24 and mi < 60 and s < 60:
            return h, mi, s
    return 0, 0, 0


def _relative(low: str, now: datetime | None) -> datetime | None:
    base = _now(now)
    if re.search(r"\b(vừa xong|vừa đăng|mới đây|just now)\b", low):
        return base.replace(microsecond=0)
    m = _RELATIVE.search(low)
    if m:
        n, unit = int(m.group(1)), m.group(2)
        if unit in ("tháng", "thang"):
            delta = timedelta(days=30 * n)
        elif unit in ("năm", "nam"):
            delta = timedelta(days=365 * n)
        else:
            delta = timedelta(**{_REL_UNITS[unit]: n})
        return (base - delta).replace(microsecond=0)
    for word, days in (("hôm kia", 2), ("hôm qua", 1), ("hôm nay", 0)):
        if word in low:
            day = (base - timedelta(days=days)).date()
            h, mi, s = _time_of(low.replace(word, " "))
            return datetime(day.year, day.month, day.day, h, mi, s, tzinfo=VN_TZ)
    return None


def _make(y: int, mo: int, d: int, text_for_time: str, tz) -> datetime | None:
    if y < 100:
        y += 2000
    try:
        h, mi, s = _time_of(text_for_time)
        return _finish(datetime(y, mo, d, h, mi, s), tz)
    except ValueError:
        return None


def parse_vn_datetime(text: str, now: datetime | None = None) -> datetime | None:
    """Read a Vietnamese press date/time; None when there is none (see module doc)."""
    if not isinstance(text, str):
        return None
    text = _nfc(text).strip().replace("\xa0", " ")
    if not text or len(text) > 300:
        text = text[:300]
    if not text:
        return None
    low = text.lower()

    # ISO 8601 (meta tags, JSON-LD, <time datetime>)
    if _ISO.match(text):
        iso = text.replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2} \d", text) else text
        iso = re.sub(r"\s+", "", iso)
        iso = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", iso)
        try:
            return _finish(datetime.fromisoformat(iso.replace("z", "Z")), None)
        except ValueError:
            pass

    tz = _offset(text)
    scan = _TZ.sub(" ", text)

    m = _VN_WORDS.search(scan)
    if m:
        d, mo, y = (int(g) for g in m.groups())
        return _make(y, mo, d, scan[:m.start()] + " " + scan[m.end():], tz)

    m = _DMY.search(scan)
    if m and (len(m.group(4)) == 4 or m.group(2) == "/"):
        d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        return _make(y, mo, d, scan[:m.start()] + " " + scan[m.end():], tz)

    m = _YMD.search(scan)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(3)), int(m.group(4))
        return _make(y, mo, d, scan[:m.start()] + " " + scan[m.end():], tz)

    if _RFC822.search(text):
        try:
            dt = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            dt = None
        if dt is not None:
            return _finish(dt, None)

    return _relative(low, now)
