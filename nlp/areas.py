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


@lru_cache(maxsize=1)
def _load():
    con = sqlite3.connect(f"file:{_data_dir() / 'dataset.db'}?mode=ro", uri=True)
    rows = con.execute(
        "select distinct provinceShort, provinceKey, provinceLat, provinceLon, "
        "districtShort, districtType from admin_units_legacy").fetchall()
    con.close()
    provinces, coords, keys, districts = {}, {}, {}, []
    for short, pkey, lat, lon, dshort, dtype in rows:
        name = canonical_tones(_RENAME.get(short, short))
        provinces[name_key(name)] = name
        coords[name] = (lat, lon)
        keys[pkey] = name
        dname = canonical_tones(re.sub(r"\s*\(.*\)$", "", dshort or "")).strip()
        if dname:
            districts.append(District(dname, name, dtype))
    for name, aliases in _PROVINCE_ALIASES.items():
        for alias in aliases:
            provinces.setdefault(name_key(alias), name)
    conv = json.loads((_data_dir() / "converter_2025.json").read_text("utf-8"))["DICT_PROVINCE"]
    new_names = _new_province_names()
    to_2025 = {}
    for new_key, old_keys in conv.items():
        for old in old_keys:
            if old in keys:
                to_2025[keys[old]] = new_names.get(new_key) or keys.get(new_key)
    by_district: dict[str, list[District]] = {}
    for d in districts:
        by_district.setdefault(name_key(d.name), []).append(d)
    return provinces, coords, to_2025, by_district


def _new_province_names() -> dict[str, str]:
    con = sqlite3.connect(f"file:{_data_dir() / 'dataset.db'}?mode=ro", uri=True)
    rows = con.execute("select distinct provinceKey, provinceShort from admin_units").fetchall()
    con.close()
    return {k: canonical_tones(v) for k, v in rows}


@lru_cache(maxsize=1)
def province_records() -> tuple[dict, ...]:
    """One record per province of 2019-2025, in official code order: name, full_name, code,
    latitude, longitude, and name_2025/latitude_2025/longitude_2025 of its 2025 province."""
    con = sqlite3.connect(f"file:{_data_dir() / 'dataset.db'}?mode=ro", uri=True)
    try:
        legacy = con.execute(
            "select provinceShort, province, provinceCode, provinceLat, provinceLon from admin_units_legacy "
            "group by provinceKey order by cast(provinceCode as int)").fetchall()
        new = {canonical_tones(short): (lat, lon) for short, lat, lon in con.execute(
            "select provinceShort, provinceLat, provinceLon from admin_units group by provinceKey")}
    finally:
        con.close()
    out = []
    for short, full, code, lat, lon in legacy:
        name = canonical_tones(_RENAME.get(short, short))
        name_2025 = province_2025(name)
        lat_2025, lon_2025 = new.get(name_2025, (None, None))
        out.append({"name": name, "full_name": canonical_tones(full), "code": code,
                    "latitude": lat, "longitude": lon, "name_2025": name_2025,
                    "latitude_2025": lat_2025, "longitude_2025": lon_2025})
    return tuple(out)


def provinces() -> list[str]:
    """The 63 provinces (canonical names), sorted."""
    return sorted(set(_load()[1]))


@lru_cache(maxsize=8192)
def find_province(text: str) -> str | None:
    """Canonical province for a name or variant ("tỉnh Hà Tĩnh", "TP.HCM"), else None."""
    key = name_key(text)
    key = re.sub(r"^(tinh|thanh pho|tp\.?)\s+", "", key)
    return _load()[0].get(key) or _load()[0].get(name_key(text))


def province_keys() -> dict[str, str]:
    """Folded key -> canonical province, aliases included."""
    return _load()[0]


def province_2025(province: str | None) -> str | None:
    """The province on the 34-province map (since 1 July 2025) that ``province`` is part of."""
    if not province:
        return None
    canon = find_province(province) or province
    return _load()[2].get(canon)


def coordinates(province: str) -> tuple[float, float] | None:
    return _load()[1].get(find_province(province) or province)


def districts_named(name: str) -> list[District]:
    """Every district whose name matches (folded), across all provinces."""
    return list(_load()[3].get(name_key(name), ()))


def district_keys() -> dict[str, list[District]]:
    return _load()[3]


def find_district(name: str, province: str | None = None) -> District | None:
    """The district called ``name`` in ``province`` (or the only one of that name)."""
    found = districts_named(name)
    if province:
        found = [d for d in found if d.province == province]
    return found[0] if len(found) == 1 or (found and province) else None
