"""The maps the floor pages show: the Ceasefire lines map's scripts for the mutual pull-back
(Russia 15 km) at each whole km Ukraine pulls back, made before any timing.

Run in a process of its own (its geometry, caches and the bands' threads stay out of the
process that times, and out of the floor's server):
    .venv/bin/python -m benchmarks.floor_maps --out FILE [--values 15-25]

FILE is JSON: {"values": {"15": [prebuilt group, ...], ...}}, each group a
:class:`pages._prebuilt_layers.Prebuilt` as a dict, the four layers the app itself sends for
that outcome. benchmarks/floor_rerun_app.py hands them to streamlit-folium as the app does,
so the floor's map component is of the app's size, drawn by the same scripts.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

#: Where the floor page finds the file (an environment variable of its server).
MAPS_ENV = "ATLAS_FLOOR_MAPS"
RU_KM = 15.0


def parse_values(text: str) -> list[int]:
    """"15-25" or "0-50" (inclusive) or "3,5,8" as whole km."""
    if "-" in text:
        low, high = (int(part) for part in text.split("-", 1))
        return list(range(low, high + 1))
    return [int(part) for part in text.split(",") if part.strip()]


def build(values: list[int]) -> dict[str, list[dict]]:
    """The prebuilt groups of each value, as the page's ``drawing()`` makes them."""
    from benchmarks.common import quiet_streamlit

    quiet_streamlit()
    from benchmarks.compute import compute_once, map_layers, prepare
    from geo.scenario.bands import precompute
    from geo.scenario.presets import Scenario
    from pages._prebuilt_layers import prebuild

    setting = prepare()
    precompute(setting.ground, sorted(set(values) | {int(RU_KM)}))
    maps = {}
    for value in values:
        zones, impact = compute_once(setting, Scenario("mutual", ua_km=float(value), ru_km=RU_KM))
        maps[str(value)] = [dataclasses.asdict(p)
                            for p in prebuild(map_layers(setting, zones, impact))]
    return maps


def write(out: Path, values: list[int], log: Path | None = None) -> float:
    """Make ``out`` in a child process; the seconds it took."""
    started = time.monotonic()
    command = [sys.executable, "-m", "benchmarks.floor_maps", "--out", str(out),
               "--values", ",".join(str(v) for v in values)]
    with (log.open("w") if log else open("/dev/null", "w")) as sink:
        subprocess.run(command, cwd=ROOT, check=True, stdout=sink, stderr=subprocess.STDOUT)
    return time.monotonic() - started


def floor_server(folder: Path, maps: Path) -> dict[str, object]:
    """:func:`benchmarks.common.app_server` arguments for the floor's page
    (benchmarks/floor_rerun_app.py) showing the maps of ``maps``, served from ``folder``."""
    from benchmarks.common import scratch_script

    return {"script": scratch_script(folder, "floor_rerun_app.py"),
            "env": {MAPS_ENV: str(maps)}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--values", default="0-50", help="whole km, e.g. 15-25 or 0,5,10")
    args = parser.parse_args(argv)
    maps = build(parse_values(args.values))
    args.out.write_text(json.dumps({"ru_km": RU_KM, "values": maps}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
