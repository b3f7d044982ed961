"""Gazetteer of provinces and districts (vietnamadminunits' offline data).

The 63 provinces in force before 1 July 2025 with their districts, names
written as FACTS.md wants them (no "tỉnh"/"huyện" prefix, tone on the first
vowel of oa/oe/uy), common variants (TP.HCM, Huế, BR-VT, Đăk/Đắk), and
``province_2025``: the province each one belongs to on the 34-province map.

    >>> from nlp.areas import find_province, province_2025
    >>> find_province("tp hồ chí minh")
    'Hồ Chí Minh'
    >>> province_2025("Bến Tre")
    'Vĩnh Long'
"""
from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .normalize import canonical_tones, name_key

# Provinces whose legacy short name is not the one the press and FACTS.md use.
_RENAME = {"Huế": "Thừa Thiên Huế"}
# Extra spellings seen in the press (keys are compared folded).
_PROVINCE_ALIASES = {
    "Hồ Chí Minh": ["TP.HCM", "TPHCM", "TP HCM", "TP. HCM", "HCM", "Sài Gòn", "Thành phố Hồ Chí Minh"],
    "Thừa Thiên Huế": ["Thừa Thiên - Huế", "Huế", "TT-Huế", "TT Huế"],
    "Bà Rịa - Vũng Tàu": ["Bà Rịa Vũng Tàu", "BR-VT", "BRVT", "Bà Rịa-Vũng Tàu"],
    "Đắk Lắk": ["Đăk Lăk", "Đắc Lắc", "Dak Lak"],
    "Đắk Nông": ["Đăk Nông", "Đắc Nông"],
    "Hà Nội": ["Thủ đô"],
}
CENTRAL_CITIES = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"}


@dataclass(frozen=True)
class District:
    name: str          # "Hương Sơn"
    province: str      # "Hà Tĩnh"
    type: str          # "Huyện" | "Thị xã" | "Thành phố" | "Quận"


def _data_dir() -> Path:
    import vietnamadminunits
    return Path(vietnamadminunits.__file__).parent / "data"


@dataclass(frozen=True)
class _Gazetteer:
    by_key: dict          # folded name or alias -> canonical province
    records: tuple        # one dict per province, official code order (see province_records)
    to_2025: dict         # canonical province -> its province on the 2025 map
    districts: dict       # folded district name -> [District, ...]


@lru_cache(maxsize=1)
def _load() -> _Gazetteer:
    """Read vietnamadminunits' data once: provinces, districts, the 2025 map."""
    con = sqlite3.connect(f"file:{_data_dir() / 'dataset.db'}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "select distinct provinceShort, province, provinceKey, provinceCode, provinceLat, provinceLon, "
            "districtShort, districtType from admin_units_legacy "
            "order by cast(provinceCode as int)").fetchall()
        new = {key: (canonical_tones(short), lat, lon) for key, short, lat, lon in con.execute(
            "select provinceKey, provinceShort, provinceLat, provinceLon from admin_units group by provinceKey")}
    finally:
        con.close()
    merged = json.loads((_data_dir() / "converter_2025.json").read_text("utf-8"))["DICT_PROVINCE"]
    successor = {old: new_key for new_key, olds in merged.items() for old in olds}
    by_key, records, to_2025, districts = {}, {}, {}, {}
    for short, full, pkey, code, lat, lon, dshort, dtype in rows:
        name = canonical_tones(_RENAME.get(short, short))
        if name not in records:
            name_2025, lat_2025, lon_2025 = new[successor[pkey]]
            by_key[name_key(name)] = name
            to_2025[name] = name_2025
            records[name] = {"name": name, "full_name": canonical_tones(full), "code": code,
                             "latitude": lat, "longitude": lon, "name_2025": name_2025,
                             "latitude_2025": lat_2025, "longitude_2025": lon_2025}
        dname = canonical_tones(re.sub(r"\s*\(.*\)$", "", dshort or "")).strip()
        if dname:
            districts.setdefault(name_key(dname), []).append(District(dname, name, dtype))
    for name, aliases in _PROVINCE_ALIASES.items():
        for alias in aliases:
            by_key.setdefault(name_key(alias), name)
    return _Gazetteer(by_key, tuple(records.values()), to_2025, districts)


def province_records() -> tuple[dict, ...]:
    """One record per province of 2019-2025, in official code order: name, full_name, code,
    latitude, longitude, and name_2025/latitude_2025/longitude_2025 of its 2025 province."""
    return _load().records


def provinces() -> list[str]:
    """The 63 provinces (canonical names), sorted."""
    return sorted(r["name"] for r in _load().records)


@lru_cache(maxsize=8192)
def find_province(text: str) -> str | None:
    """Canonical province for a name or variant ("tỉnh Hà Tĩnh", "TP.HCM"), else None."""
    key = name_key(text)
    key = re.sub(r"^(tinh|thanh pho|tp\.?)\s+", "", key)
    return _load().by_key.get(key) or _load().by_key.get(name_key(text))


def province_2025(province: str | None) -> str | None:
    """The province on the 34-province map (since 1 July 2025) that ``province`` is part of."""
    if not province:
        return None
    canon = find_province(province) or province
    return _load().to_2025.get(canon)


def districts_named(name: str) -> list[District]:
    """Every district whose name matches (folded), across all provinces."""
    return list(_load().districts.get(name_key(name), ()))


def find_district(name: str, province: str | None = None) -> District | None:
    """The district called ``name`` in ``province`` (or the only one of that name)."""
    found = districts_named(name)
    if province:
        found = [d for d in found if d.province == province]
    return found[0] if len(found) == 1 or (found and province) else None
