"""The same slider move done the naive way, as a first Streamlit script would do it.

Everything happens again on every change, top to bottom: read the unsimplified Natural
Earth boundaries and the raw DeepStateMap file, reproject whole GeoDataFrames, buffer the
occupied area's *whole* boundary (front line, coast and state border alike), measure with
geopandas overlays, and build the whole map with ``GeoDataFrame.explore`` into one HTML page.
No geometry is simplified, prepared or cached.
"""

from __future__ import annotations

import sys
import time
import types
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pandas as pd

from benchmarks.common import percentile, summary
from geo.crs import DISPLAY_CRS, EQUAL_AREA_CRS, M2_PER_KM2, M_PER_KM, METRIC_CRS
from geo.paths import DATA_DIR

NE_SOURCE = DATA_DIR / "sources" / "ne_10m_admin1_ukraine.geojson"
DEEPSTATE_DIR = DATA_DIR.parent.parent / "shared" / "deepstate"
DEEPSTATE_FILE = DEEPSTATE_DIR / "deepstatemap_data_20260822.geojson"
TOWNS_FILE = DATA_DIR / "towns.csv"


def ensure_explore_imports() -> str | None:
    """Make ``GeoDataFrame.explore`` importable; returns a note when a stand-in was needed.

    geopandas imports mapclassify at the top of ``explore`` although it only uses it for a
    ``scheme=`` classification, which the naive map does not ask for. mapclassify is not a
    dependency of the project, so an empty stand-in module is put in its place; with
    mapclassify installed the real one is used and nothing is replaced.
    """
    try:
        import mapclassify  # noqa: F401
        return None
    except ImportError:
        stand_in = types.ModuleType("mapclassify")

        def classify(*_args: object, **_kwargs: object) -> None:
            message = "mapclassify is not installed (only scheme= needs it)"
            raise ImportError(message)

        stand_in.classify = classify  # type: ignore[attr-defined]
        sys.modules["mapclassify"] = stand_in
        return "mapclassify not installed: an empty stand-in module lets explore() import"


def naive_move(ua_km: float, ru_km: float, *, deepstate_file: Path = DEEPSTATE_FILE
               ) -> dict[str, float]:
    """One mutual pull-back (``ua_km``, ``ru_km`` in km) with figures and a full map.

    Returns the wall time of each stage in ms and the map page's size in bytes.
    """
    stages: dict[str, float] = {}
    start = last = time.perf_counter()

    def mark(stage: str) -> None:
        nonlocal last
        now = time.perf_counter()
        stages[f"{stage}_ms"] = (now - last) * 1000.0
        last = now

    units = gpd.read_file(NE_SOURCE)[["iso_3166_2", "name", "name_uk", "geometry"]]
    occupied_raw = gpd.read_file(deepstate_file)
    towns = pd.read_csv(TOWNS_FILE, dtype={"iso_3166_2": str})
    mark("read")

    units_m = units.to_crs(METRIC_CRS)
    ukraine = units_m.union_all()
    occupied = occupied_raw.to_crs(METRIC_CRS).union_all().intersection(ukraine)
    ukrainian = ukraine.difference(occupied)
    boundary = occupied.boundary
    band_ua = boundary.buffer(ua_km * M_PER_KM)
    band_ru = boundary.buffer(ru_km * M_PER_KM)
    zone = band_ua.intersection(ukrainian).union(band_ru.intersection(occupied))
    russian = occupied.difference(band_ru)
    ukrainian_after = ukraine.difference(russian.union(zone))
    mark("geometry")

    zones = gpd.GeoDataFrame(
        {"zone": ["Russian-held", "Ukrainian-held", "demilitarised zone"]},
        geometry=[russian, ukrainian_after, zone], crs=METRIC_CRS)
    zones_ea = zones.to_crs(EQUAL_AREA_CRS)
    pieces = gpd.overlay(units.to_crs(EQUAL_AREA_CRS), zones_ea, how="intersection")
    pieces["km2"] = pieces.area / M2_PER_KM2
    by_oblast = pieces.pivot_table(index=["iso_3166_2", "name"], columns="zone", values="km2",
                                   aggfunc="sum", fill_value=0.0)
    before = gpd.GeoDataFrame(geometry=[occupied], crs=METRIC_CRS).to_crs(EQUAL_AREA_CRS)
    returned = gpd.GeoDataFrame(geometry=[ukrainian_after.intersection(occupied)],
                                crs=METRIC_CRS).to_crs(EQUAL_AREA_CRS)
    points = gpd.GeoDataFrame(towns, geometry=gpd.points_from_xy(towns["lon"], towns["lat"]),
                              crs=DISPLAY_CRS).to_crs(METRIC_CRS)
    side_before = gpd.sjoin(points, gpd.GeoDataFrame(geometry=[occupied], crs=METRIC_CRS),
                            how="left", predicate="within")["index_right"].notna()
    side_after = gpd.sjoin(points, zones, how="left", predicate="within")
    side_after = side_after[~side_after.index.duplicated()]["zone"].fillna("Ukrainian-held")
    moved = points[side_after.ne(side_before.map({True: "Russian-held",
                                                  False: "Ukrainian-held"}))]
    figures = {"dmz_km2": float(zones_ea.area.iloc[2] / M2_PER_KM2),
               "occupied_before_km2": float(before.area.iloc[0] / M2_PER_KM2),
               "to_ukraine_km2": float(returned.area.iloc[0] / M2_PER_KM2),
               "line_km": float(zone.boundary.length / M_PER_KM),
               "people": int(moved["population"].sum()),
               "oblasts": len(by_oblast)}
    mark("figures")

    m = units.explore(name="Oblasts", tooltip=["iso_3166_2", "name", "name_uk"],
                      style_kwds={"fillOpacity": 0.1})
    zones.to_crs(DISPLAY_CRS).explore(m=m, column="zone", categorical=True, name="Zones",
                                      cmap=["#b2182b", "#2166ac", "#8c510a"])
    if len(moved):
        moved[["name", "population", "geometry"]].to_crs(DISPLAY_CRS).explore(
            m=m, name="Towns changing side", color="black")
    html = m.get_root().render()
    mark("map")

    stages["total_ms"] = (time.perf_counter() - start) * 1000.0
    stages["map_html_bytes"] = float(len(html.encode()))
    stages["dmz_km2"] = figures["dmz_km2"]
    return stages


def run(quick: bool, progress: Callable[[str], None] = print) -> dict:
    """The naive way and ours for the same mutual pull-back moves (Russia 15 km, Ukraine
    over a few values); ours as the app does a value new to it (the snapshot's bands kept,
    as the background worker leaves them), compute plus map scripts. Returns the JSON
    section ``naive``; ``ratio`` = median naive time / median time ours."""
    from benchmarks.compute import prepare, slider_move_ms
    from geo.scenario.bands import precompute
    from geo.scenario.presets import Scenario

    note = ensure_explore_imports()
    values = (20.0,) if quick else (10.0, 20.0, 30.0)
    repeats = 1 if quick else 2
    setting = prepare()
    precompute(setting.ground, (*values, 15.0))
    naive_runs, ours_runs = [], []
    for value in values:
        for _ in range(repeats):
            naive_runs.append(naive_move(value, 15.0))
            ours_runs.append(slider_move_ms(setting, Scenario("mutual", ua_km=value, ru_km=15.0)))
        progress(f"naive: ua_km={value:g}: naive {naive_runs[-1]['total_ms']:.0f} ms, "
                 f"ours {ours_runs[-1]['total_ms']:.0f} ms")
    naive_total = [r["total_ms"] for r in naive_runs]
    ours_total = [r["total_ms"] for r in ours_runs]
    return {
        "values_ua_km": list(values), "ru_km": 15.0, "repeats": repeats,
        "naive_ms": summary(naive_total),
        "naive_stages_ms": {stage: summary([r[stage] for r in naive_runs])
                            for stage in ("read_ms", "geometry_ms", "figures_ms", "map_ms")},
        "naive_map_html_bytes": summary([r["map_html_bytes"] for r in naive_runs], 0),
        "ours_ms": summary(ours_total),
        "ours_stages_ms": {"compute_ms": summary([r["compute_ms"] for r in ours_runs]),
                           "map_ms": summary([r["map_ms"] for r in ours_runs])},
        "ratio": round(percentile(naive_total, 50) / percentile(ours_total, 50), 2),
        "note": note,
    }
