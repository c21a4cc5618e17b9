"""Full script reruns of the Ceasefire lines page under streamlit.testing's AppTest.

Run by benchmarks/run.py in a process of its own, so that its memory figures are those of
a process doing nothing but reruns:
    .venv/bin/python -m benchmarks.rerun --json FILE [--quick]

Each new-value rerun is followed by one of the floor (benchmarks/floor_rerun_app.py: a bare
page with the same slider and the app's map for that value), and the CPU time of both is
taken (``time.process_time``: every thread of this process, the script's included): the
claim is the ratio of the medians, ours / floor.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import floor_maps
from benchmarks.common import percentile, quiet_streamlit, rss_mb, summary
from geo.scenario.bands import kept_count

APP = ROOT / "streamlit_app.py"
FLOOR = ROOT / "benchmarks" / "floor_rerun_app.py"
PAGE = "pages/scenarios.py"
#: Bands 0-50 km of the newest snapshot.
BANDS_WANTED = 51


def _maxrss_mb() -> float:
    # ru_maxrss is in KB on Linux.
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _run(at, errors: list[str], cpu: list[float] | None = None) -> float:
    """One ``at.run()``, its wall time in ms (its CPU time in ms appended to ``cpu``);
    exceptions shown by the page are kept."""
    start, start_cpu = time.perf_counter(), time.process_time()
    at.run()
    elapsed = (time.perf_counter() - start) * 1000.0
    if cpu is not None:
        cpu.append((time.process_time() - start_cpu) * 1000.0)
    if at.exception:
        errors.append(str(at.exception[0].value)[:300])
    return elapsed


def share_script_cache() -> None:
    """Let AppTest keep the pages' compiled code between runs, as a server does.

    AppTest makes a new ScriptCache for every run, so each rerun parses and compiles the
    entry script and the page again (50-100 ms here) where ``streamlit run`` does it once.
    """
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared


def floor_page(maps: Path, errors: list[str]):
    """The floor's page under AppTest, opened as the app's is (mutual, 15 km)."""
    from streamlit.testing.v1 import AppTest

    os.environ[floor_maps.MAPS_ENV] = str(maps)
    floor = AppTest.from_file(str(FLOOR), default_timeout=600)
    floor.query_params["preset"] = "mutual"
    floor.query_params["ua_km"] = "15"
    _run(floor, errors)
    return floor


def measure(*, moves: int, memory_reruns: int, sample_every: int, ua_step: int,
            trace: bool, maps: Path) -> dict:
    """Rerun timings (cold: a slider value never asked for in this process; cached: asked
    for before), the CPU time of the cold ones beside the floor's (the floor's maps in
    ``maps``), and the process's memory over ``memory_reruns`` more reruns."""
    from streamlit.testing.v1 import AppTest

    share_script_cache()
    errors: list[str] = []
    rss_before = rss_mb()
    at = AppTest.from_file(str(APP), default_timeout=600)
    start = time.perf_counter()
    at.switch_page(PAGE).run()
    first_page_ms = (time.perf_counter() - start) * 1000.0
    at.selectbox(key="sc_preset").set_value("mutual")
    preset_ms = _run(at, errors)
    # The app computes the newest snapshot's bands in the background once it is first used:
    # time moves in that steady state, as a visitor arriving a few seconds after start finds.
    bands_wait_start = time.perf_counter()
    while kept_count() < BANDS_WANTED and time.perf_counter() - bands_wait_start < 120:
        time.sleep(0.2)
    bands_ready_s = time.perf_counter() - bands_wait_start

    # The page opens at 15 km; 16, 17, ... are new to the outcome cache, then revisited.
    values = [float(16 + i) for i in range(moves)]
    floor = floor_page(maps, errors)
    cold, cached, floor_wall = [], [], []
    cold_cpu, cached_cpu, floor_cpu = [], [], []
    for value in values:
        at.slider(key="sc_ua_km").set_value(value)
        cold.append(_run(at, errors, cold_cpu))
        floor.slider(key="ua_km").set_value(value)
        floor_wall.append(_run(floor, errors, floor_cpu))
    for value in values:
        at.slider(key="sc_ua_km").set_value(value)
        cached.append(_run(at, errors, cached_cpu))

    # Memory: both sliders over a grid (at most 102 outcomes, within the cache's 512
    # entries) visited at least twice, so the first pass fills the caches and the second
    # half of the reruns shows whether memory still grows once they are full.
    points = [(float(ua), float(ru)) for ru in (10, 20) for ua in range(0, 51, ua_step)]
    grid = itertools.cycle(points)
    if trace:
        tracemalloc.start()
    samples = [{"reruns": 0, "rss_mb": rss_mb(), "maxrss_mb": _maxrss_mb()}]
    memory_ms = []
    for index in range(1, memory_reruns + 1):
        ua, ru = next(grid)
        at.slider(key="sc_ua_km").set_value(ua)
        at.slider(key="sc_ru_km").set_value(ru)
        memory_ms.append(_run(at, errors))
        if index % sample_every == 0 or index == memory_reruns:
            sample = {"reruns": index, "rss_mb": rss_mb(), "maxrss_mb": _maxrss_mb()}
            if trace:
                current, peak = tracemalloc.get_traced_memory()
                sample.update(traced_mb=round(current / 2**20, 1),
                              traced_peak_mb=round(peak / 2**20, 1))
            samples.append(sample)
    half = samples[len(samples) // 2]
    return {
        "first_page_run_ms": round(first_page_ms, 1),
        "preset_switch_ms": round(preset_ms, 1),
        "bands_ready_after_s": round(bands_ready_s, 1),
        "cold_ms": summary(cold),
        "cached_ms": summary(cached),
        "cpu": {"ours_ms": summary(cold_cpu), "ours_cached_ms": summary(cached_cpu),
                "floor_ms": summary(floor_cpu), "floor_wall_ms": summary(floor_wall),
                "ratio": round(percentile(cold_cpu, 50) / percentile(floor_cpu, 50), 2)},
        "memory_reruns_ms": summary(memory_ms),
        "memory": {
            "rss_before_apptest_mb": rss_before,
            "samples": samples,
            "rss_growth_first_half_mb": round(half["rss_mb"] - samples[0]["rss_mb"], 1),
            "rss_growth_second_half_mb": round(samples[-1]["rss_mb"] - half["rss_mb"], 1),
            "reruns": memory_reruns,
            "distinct_outcomes": min(memory_reruns, len(points)),
            "tracemalloc": trace,
        },
        "errors": errors[:20],
        "error_count": len(errors),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, required=True, help="where to write the results")
    parser.add_argument("--quick", action="store_true", help="fewer reruns")
    parser.add_argument("--tracemalloc", action="store_true",
                        help="also trace Python allocations in the memory part (slows reruns)")
    args = parser.parse_args(argv)
    quiet_streamlit()
    moves = 5 if args.quick else 10
    with tempfile.TemporaryDirectory() as scratch:
        # In a process of its own, before this one has made anything: its geometry would
        # count in the memory figures.
        maps = Path(scratch) / "floor_maps.json"
        maps_s = floor_maps.write(maps, list(range(16, 16 + moves)))
        result = measure(moves=moves,
                         memory_reruns=50 if args.quick else 200,
                         sample_every=10 if args.quick else 25,
                         ua_step=5 if args.quick else 1, trace=args.tracemalloc, maps=maps)
    result["cpu"]["floor_maps_s"] = round(maps_s, 1)
    args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
