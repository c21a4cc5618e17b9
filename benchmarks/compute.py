"""Geometry, figures and map building in-process: what one slider move costs the server.

"First time" is a slider value the process has not computed, in the state the app keeps:
the snapshot's whole-km bands computed (the app does it in the background at start-up,
timed here as ``bands_precompute_s``). "Bands cold" also forgets every band first, as a
date nobody has used yet; "repeat" calls again at once. None uses the page's ``outcome()``
cache (a hit there is a dictionary look-up; the AppTest part of the benchmark measures it).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import pandas as pd

from benchmarks.common import quiet_streamlit, summary
from geo.data.boundaries import load_units
from geo.data.control import compute_snapshot
from geo.data.snapshots import ATTRIBUTION, available_dates
from geo.data.towns import load_towns
from geo.maps.base import base_map
from geo.maps.offline import localize_assets
from geo.maps.scenario_layers import (SCENARIO_LEGEND, changes_layer, lines_layer, towns_layer,
                                      zones_layer)
from geo.scenario.bands import forget, precompute, warm_order
from geo.scenario.ground import Ground, prepare_ground
from geo.scenario.impact import Impact, assess, changed_ground
from geo.scenario.partition import Zones
from geo.scenario.presets import Scenario, apply_scenario

T = TypeVar("T")

#: A line north to south through Kharkiv, Dnipropetrovsk and Zaporizhzhia oblasts
#: (EPSG:4326), the one the browser tests upload, for the ``custom`` preset.
CUSTOM_LINE_COORDS = [(36.0, 52.6), (35.8, 48.5), (35.2, 46.6), (35.0, 45.0)]


def timed(call: Callable[[], T]) -> tuple[T, float]:
    """The result of ``call()`` and the wall time it took, in ms."""
    start = time.perf_counter()
    result = call()
    return result, (time.perf_counter() - start) * 1000.0


@dataclass(frozen=True)
class Setting:
    """One snapshot made ready, as the app's process-wide caches hold it."""

    ground: Ground
    towns: pd.DataFrame
    prepare_ms: float


def prepare(date: dt.date | None = None) -> Setting:
    """Load the units and the snapshot of ``date`` (default: the newest) and prepare them."""
    date = date or available_dates()[-1]

    def build() -> tuple[Ground, pd.DataFrame]:
        units = load_units()
        ground = prepare_ground(units, compute_snapshot(date, units))
        return ground, load_towns(ground.ukraine)

    (ground, towns), ms = timed(build)
    return Setting(ground, towns, ms)


def preset_scenarios() -> dict[str, Scenario]:
    """One scenario per preset, with the page's default parameters."""
    import shapely

    return {
        "freeze": Scenario("freeze"),
        "donbas": Scenario("donbas"),
        "claims": Scenario("claims"),
        "plan28": Scenario("plan28"),
        "swap": Scenario("swap"),
        "mutual": Scenario("mutual", ua_km=15.0, ru_km=15.0),
        "shift": Scenario("shift", shift_km=10.0),
        "target": Scenario("target", target=("UA-14", 85.0)),
        "custom": Scenario("custom", line=shapely.LineString(CUSTOM_LINE_COORDS)),
    }


def compute_once(setting: Setting, scenario: Scenario) -> tuple[Zones, Impact]:
    """apply_scenario + assess, as the page's ``outcome()`` does on a cache miss."""
    zones = apply_scenario(setting.ground, scenario)
    return zones, assess(setting.ground, zones, setting.towns)


def first_and_repeat(setting: Setting, scenario: Scenario, repeats: int = 1
                     ) -> tuple[float, list[float], tuple[Zones, Impact]]:
    """(first-time ms, repeat ms list, the outcome), with the bands as they are."""
    outcome, first_ms = timed(lambda: compute_once(setting, scenario))
    repeat_ms = [timed(lambda: compute_once(setting, scenario))[1] for _ in range(repeats)]
    return first_ms, repeat_ms, outcome


def slider_values(quick: bool) -> dict[str, list[Scenario]]:
    """The slider positions visited: each distinct, as a user dragging a slider asks for."""
    ua = range(0, 51, 10) if quick else range(0, 51, 2)
    shift = range(-30, 31, 15) if quick else range(-30, 31, 5)
    target = (70, 90) if quick else (60, 65, 70, 75, 80, 85, 90, 95)
    return {
        "mutual_ua_km": [Scenario("mutual", ua_km=float(v), ru_km=15.0) for v in ua],
        "shift_km": [Scenario("shift", shift_km=float(v)) for v in shift],
        "target_pct": [Scenario("target", target=("UA-14", float(v))) for v in target],
    }


def map_layers(setting: Setting, zones: Zones, impact: Impact) -> list:
    """The Ceasefire lines page's four layers, assets localized (as ``drawing()`` makes them)."""
    ground = setting.ground
    layers = [zones_layer(zones, f"{ATTRIBUTION}, snapshot {ground.date.isoformat()}"),
              changes_layer(*changed_ground(ground, zones)),
              lines_layer(zones, ground.line),
              towns_layer(impact.towns)]
    for layer in layers:
        localize_assets(layer)
    return layers


def map_scripts(prebuilt: tuple) -> tuple[str, str]:
    """(feature groups' script, base map's script): the JavaScript the Ceasefire lines page
    hands to streamlit-folium for one render, generated as ``st_folium`` does."""
    # Private helpers of streamlit-folium 0.27 (pinned <0.28): the same calls st_folium makes.
    from streamlit_folium import _get_feature_group_string, _get_map_string

    from pages._prebuilt_layers import groups

    m = base_map(tiles=False, legend_spec=SCENARIO_LEGEND)
    base_script = _get_map_string(m)
    script = "".join(_get_feature_group_string(layer, map=m, idx=i)
                     for i, layer in enumerate(groups(prebuilt)))
    return script, base_script


def slider_move_ms(setting: Setting, scenario: Scenario) -> dict[str, float]:
    """One slider move done our way, a value new to the process (bands kept): compute, the
    layers scripted once for the outcome (``drawing()``), then one rerun's map scripts."""
    from pages._prebuilt_layers import prebuild

    (zones, impact), compute_ms = timed(lambda: compute_once(setting, scenario))
    prebuilt, prebuild_ms = timed(lambda: prebuild(map_layers(setting, zones, impact)))
    (groups, base), map_ms = timed(lambda: map_scripts(prebuilt))
    return {"compute_ms": compute_ms, "prebuild_ms": prebuild_ms, "map_ms": map_ms,
            "total_ms": compute_ms + prebuild_ms + map_ms,
            "feature_group_js_bytes": len(groups.encode()), "base_map_js_bytes": len(base.encode())}


def run(quick: bool, progress: Callable[[str], None] = print) -> dict:
    """Every in-process measurement; returns the JSON section ``compute``."""
    quiet_streamlit()
    setting = prepare()
    progress(f"compute: ground prepared in {setting.prepare_ms:.0f} ms")
    forget()
    _, bands_ms = timed(lambda: precompute(setting.ground, warm_order(15, 50)))
    progress(f"compute: bands 0-50 km precomputed in {bands_ms / 1000:.1f} s")
    repeats = 2 if quick else 5

    presets: dict[str, dict] = {}
    for name, scenario in preset_scenarios().items():
        first, repeat, _ = first_and_repeat(setting, scenario, repeats)
        presets[name] = {"first_ms": round(first, 1), "repeat_ms": summary(repeat)}
        progress(f"compute: {name}: first {first:.0f} ms, "
                 f"repeat {min(repeat):.0f}-{max(repeat):.0f} ms")

    moves: dict[str, dict] = {}
    all_first: list[float] = []
    all_repeat: list[float] = []
    for kind, scenarios in slider_values(quick).items():
        firsts, repeats_ms = [], []
        for scenario in scenarios:
            first, repeat, _ = first_and_repeat(setting, scenario, 1)
            firsts.append(first)
            repeats_ms += repeat
        moves[kind] = {"first": summary(firsts), "repeat": summary(repeats_ms)}
        all_first += firsts
        all_repeat += repeats_ms
        progress(f"compute: slider {kind}: first p50 {moves[kind]['first']['p50']} ms "
                 f"({len(scenarios)} values)")
    builds = [slider_move_ms(setting, Scenario("mutual", ua_km=float(v), ru_km=15.0))
              for v in ((14, 16) if quick else (12, 14, 16, 18, 20))]

    all_cold: list[float] = []
    for kind, scenarios in slider_values(quick).items():
        cold = []
        for scenario in scenarios:
            forget()
            cold.append(first_and_repeat(setting, scenario, 0)[0])
        moves[kind]["bands_cold"] = summary(cold)
        all_cold += cold
    progress(f"compute: slider moves with no band kept: p50 {summary(all_cold)['p50']} ms")

    mutual = Scenario("mutual", ua_km=15.0, ru_km=15.0)
    zones, impact = compute_once(setting, mutual)
    from pages._prebuilt_layers import prebuild

    groups, base = map_scripts(prebuild(map_layers(setting, zones, impact)))
    return {
        "ground_prepare_ms": round(setting.prepare_ms, 1),
        "bands_precompute_s": round(bands_ms / 1000, 2),
        "snapshot": setting.ground.date.isoformat(),
        "presets": presets,
        "slider_moves": moves,
        "slider_first": summary(all_first),
        "slider_repeat": summary(all_repeat),
        "slider_bands_cold": summary(all_cold),
        "map_prebuild_ms": summary([b["prebuild_ms"] for b in builds]),
        "map_build_ms": summary([b["map_ms"] for b in builds]),
        "move_total_ms": summary([b["total_ms"] for b in builds]),
        "map_js": {"scenario": "mutual ua_km=15 ru_km=15",
                   "feature_group_js_bytes": len(groups.encode()),
                   "base_map_js_bytes": len(base.encode())},
    }
