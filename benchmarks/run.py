"""Measure Ceasefire Atlas's speed and memory on this machine, in one run.

Usage: .venv/bin/python benchmarks/run.py --json FILE [--quick] [--only PARTS]

Parts, in order (each is reported even when another fails):
  compute  apply_scenario + assess per preset and per slider value (first time / repeat),
           and the map's generated JavaScript (in-process)
  naive    the same slider move with unsimplified data, no caching, the whole boundary
           buffered and GeoDataFrame.explore for the map
  rerun    full reruns of the Ceasefire lines page under AppTest, their CPU time beside a
           bare page's with the same map, and that process's RSS over hundreds of reruns
           (a process of its own)
  browser  a fresh `streamlit run` in Chromium: cold start and slider-to-map latency, each
           beside a bare page's in the same run; bytes per render, server RSS
Writes the results as JSON and prints a table of measure, value, target and met?: a speed
is claimed as a ratio to its floor, the absolute figure beside it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.common import TARGETS, format_value, loadavg, machine_info, met

PARTS = ("compute", "naive", "rerun", "browser")


def _progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def _rerun_part(quick: bool, log_dir: Path) -> dict:
    """The AppTest part in a child process, so its RSS is that of reruns alone."""
    out = log_dir / "rerun.json"
    command = [sys.executable, "-m", "benchmarks.rerun", "--json", str(out)]
    if quick:
        command.append("--quick")
    with (log_dir / "benchmark_rerun.log").open("w") as log:
        subprocess.run(command, cwd=ROOT, check=True, stdout=log, stderr=subprocess.STDOUT)
    return json.loads(out.read_text())


def _run_part(name: str, call: Callable[[], dict]) -> dict:
    start = time.monotonic()
    load = loadavg()
    try:
        result = call()
    except Exception as error:  # noqa: BLE001 - a broken part must not cost the others
        traceback.print_exc()
        result = {"error": f"{type(error).__name__}: {error}"}
    result["duration_s"] = round(time.monotonic() - start, 1)
    result["loadavg_before"] = load
    _progress(f"{name}: done in {result['duration_s']} s")
    return result


def _get(data: dict, *path: str) -> float | None:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data if isinstance(data, (int, float)) else None


def headline(parts: dict[str, dict]) -> dict[str, float | None]:
    """The top-level figures (the ``*_cached``/``*_repeat`` ones beside each cold one)."""
    compute, naive = parts.get("compute", {}), parts.get("naive", {})
    rerun, browser = parts.get("rerun", {}), parts.get("browser", {})
    return {
        "slider_compute_ms_p50": _get(compute, "slider_first", "p50"),
        "slider_compute_ms_p95": _get(compute, "slider_first", "p95"),
        "slider_compute_repeat_ms_p50": _get(compute, "slider_repeat", "p50"),
        "slider_compute_repeat_ms_p95": _get(compute, "slider_repeat", "p95"),
        "slider_compute_bands_cold_ms_p50": _get(compute, "slider_bands_cold", "p50"),
        "bands_precompute_s": _get(compute, "bands_precompute_s"),
        "map_prebuild_ms_p50": _get(compute, "map_prebuild_ms", "p50"),
        "map_build_ms_p50": _get(compute, "map_build_ms", "p50"),
        "rerun_ms_p50": _get(rerun, "cold_ms", "p50"),
        "rerun_ms_p95": _get(rerun, "cold_ms", "p95"),
        "rerun_cached_ms_p50": _get(rerun, "cached_ms", "p50"),
        "rerun_cached_ms_p95": _get(rerun, "cached_ms", "p95"),
        "rerun_cpu_ms_p50": _get(rerun, "cpu", "ours_ms", "p50"),
        "rerun_cpu_floor_ms_p50": _get(rerun, "cpu", "floor_ms", "p50"),
        "rerun_cpu_ratio": _get(rerun, "cpu", "ratio"),
        "browser_update_ms_p50": _get(browser, "update_cold_ms", "p50"),
        "browser_update_ms_p95": _get(browser, "update_cold_ms", "p95"),
        "browser_update_cached_ms_p50": _get(browser, "update_cached_ms", "p50"),
        "browser_update_cached_ms_p95": _get(browser, "update_cached_ms", "p95"),
        "browser_update_floor_ms_p50": _get(browser, "update_floor_cold_ms", "p50"),
        "browser_update_floor_ms_p95": _get(browser, "update_floor_cold_ms", "p95"),
        "browser_update_ratio": _get(browser, "update_ratio", "p50"),
        "browser_update_ratio_p95": _get(browser, "update_ratio", "p95"),
        "payload_bytes": _get(browser, "payload_per_render_bytes", "p50"),
        "payload_bytes_max": _get(browser, "payload_per_render_bytes", "max"),
        "payload_floor_bytes": _get(browser, "payload_floor_per_render_bytes", "p50"),
        "map_js_bytes": _get(compute, "map_js", "feature_group_js_bytes"),
        "cold_start_s": _get(browser, "cold_start_s"),
        "cold_start_floor_s": _get(browser, "cold_start_floor_s"),
        "cold_start_ratio": _get(browser, "cold_start_ratio"),
        "cold_start_other_s": _get(browser, "cold_start_other_s"),
        "cold_start_other_ratio": _get(browser, "cold_start_other_ratio"),
        "cold_start_unstored_s": _get(browser, "cold_start_unstored_s"),
        "naive_ratio": _get(naive, "ratio"),
        "naive_ms_p50": _get(naive, "naive_ms", "p50"),
        "ours_move_ms_p50": _get(naive, "ours_ms", "p50"),
        "apptest_rss_growth_second_half_mb": _get(rerun, "memory", "rss_growth_second_half_mb"),
    }


#: The printed table: (label, headline key, unit, target key or None).
ROWS: tuple[tuple[str, str, str, str | None], ...] = (
    ("slider move: geometry+figures, first time, p50", "slider_compute_ms_p50", "ms",
     "slider_compute_ms_p50"),
    ("slider move: geometry+figures, repeat, p50", "slider_compute_repeat_ms_p50", "ms",
     "slider_compute_ms_p50"),
    ("slider move, no band kept (a date not yet used), p50", "slider_compute_bands_cold_ms_p50",
     "ms", None),
    ("bands 0-50 km for one snapshot (background)", "bands_precompute_s", "s", None),
    ("map layers scripted, once per outcome, p50", "map_prebuild_ms_p50", "ms", None),
    ("map scripts per rerun (from the prebuilt), p50", "map_build_ms_p50", "ms", None),
    ("full rerun (AppTest), new value, p50", "rerun_ms_p50", "ms", "rerun_ms_p50"),
    ("full rerun (AppTest), cached value, p50", "rerun_cached_ms_p50", "ms", "rerun_ms_p50"),
    ("rerun CPU (AppTest), new value, p50", "rerun_cpu_ms_p50", "ms", None),
    ("floor: rerun CPU of a bare page, same map, p50", "rerun_cpu_floor_ms_p50", "ms", None),
    ("rerun CPU / floor (same run)", "rerun_cpu_ratio", "x", "rerun_cpu_ratio"),
    ("browser update, new value, p50", "browser_update_ms_p50", "ms", None),
    ("browser update, new value, p95", "browser_update_ms_p95", "ms", "browser_update_ms_p95"),
    ("browser update, cached value, p95", "browser_update_cached_ms_p95", "ms",
     "browser_update_ms_p95"),
    ("floor: bare page, same slider and map, p50", "browser_update_floor_ms_p50", "ms", None),
    ("floor: bare page, same slider and map, p95", "browser_update_floor_ms_p95", "ms", None),
    ("browser update / floor, p50 (same run)", "browser_update_ratio", "x",
     "browser_update_ratio"),
    ("browser update / floor, p95 (same run)", "browser_update_ratio_p95", "x",
     "browser_update_ratio_p95"),
    ("payload per render (browser), p50", "payload_bytes", "bytes", "payload_bytes"),
    ("floor: payload per render, p50", "payload_floor_bytes", "bytes", None),
    ("map feature groups' JS (in-process)", "map_js_bytes", "bytes", "payload_bytes"),
    ("cold start to first map (newest map page stored at set-up)", "cold_start_s", "s", None),
    ("floor: bare Streamlit page with the same map page", "cold_start_floor_s", "s", None),
    ("cold start / floor (same run)", "cold_start_ratio", "x", "cold_start_ratio"),
    ("--compare-with checkout: cold start", "cold_start_other_s", "s", None),
    ("--compare-with checkout: cold start / floor", "cold_start_other_ratio", "x", None),
    ("cold start, no map page stored", "cold_start_unstored_s", "s", None),
    ("naive / ours, same slider move", "naive_ratio", "x", "naive_ratio"),
    ("AppTest RSS growth, 2nd half of reruns (caches full)",
     "apptest_rss_growth_second_half_mb", "MB", None),
)


def table(figures: dict[str, float | None]) -> str:
    """Measure, value, target, met? as aligned text."""
    lines = [("measure", "value", "target", "met?")]
    for label, key, unit, target_key in ROWS:
        value = figures.get(key)
        if target_key is None:
            target, ok = "-", None
        else:
            limit, direction, target_unit = TARGETS[target_key]
            target = f"{direction} {format_value(limit, target_unit)}"
            ok = met(value, limit, direction)
        lines.append((label, format_value(value, unit), target,
                      "-" if ok is None else ("yes" if ok else "NO")))
    widths = [max(len(row[i]) for row in lines) for i in range(4)]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths))
                     for row in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.splitlines()[2:]))
    parser.add_argument("--json", type=Path, required=True, help="where to write the results")
    parser.add_argument("--quick", action="store_true",
                        help="fewer values and reruns (about a third of the time)")
    parser.add_argument("--only", default=",".join(PARTS),
                        help=f"comma-separated parts to run (default: {','.join(PARTS)})")
    parser.add_argument("--compare-with", type=Path, default=None, metavar="CHECKOUT",
                        help="browser part: also time the cold start of the app in another "
                             "checkout (e.g. a git worktree of an earlier commit, with its "
                             "static/vendor), interleaved with this one's and the floor's")
    parser.add_argument("--launches", type=int, default=None, metavar="N",
                        help="browser part: cold starts of each kind (default 3; 1 with --quick)")
    parser.add_argument("--log-dir", type=Path, default=None,
                        help="where server and AppTest logs go (default: a temporary folder)")
    args = parser.parse_args(argv)
    chosen = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = set(chosen) - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s) {sorted(unknown)}; choose from {', '.join(PARTS)}")
    log_dir = args.log_dir or Path(tempfile.mkdtemp(prefix="atlas-bench-"))
    log_dir.mkdir(parents=True, exist_ok=True)

    started = time.monotonic()
    result: dict = {"machine": machine_info(), "quick": args.quick, "log_dir": str(log_dir)}
    _progress(f"machine: {result['machine']['cpu_count']} CPUs, load {loadavg()}; "
              f"logs in {log_dir}")
    parts: dict[str, dict] = {}
    for name in chosen:
        _progress(f"{name}: starting")
        if name == "compute":
            from benchmarks import compute
            parts[name] = _run_part(name, lambda: compute.run(args.quick, _progress))
        elif name == "naive":
            from benchmarks import naive
            parts[name] = _run_part(name, lambda: naive.run(args.quick, _progress))
        elif name == "rerun":
            parts[name] = _run_part(name, lambda: _rerun_part(args.quick, log_dir))
        elif name == "browser":
            from benchmarks import browser
            parts[name] = _run_part(name, lambda: browser.run(quick=args.quick,
                                                              log_dir=log_dir,
                                                              progress=_progress,
                                                              other_root=args.compare_with,
                                                              launches=args.launches))

    figures = headline(parts)
    result.update(figures)
    result["targets"] = {key: {"limit": limit, "direction": direction, "unit": unit,
                               "met": met(figures.get(key), limit, direction)}
                         for key, (limit, direction, unit) in TARGETS.items()}
    result["parts"] = parts
    result["machine"]["loadavg_at_end"] = loadavg()
    result["duration_s"] = round(time.monotonic() - started, 1)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2, default=str))

    print()
    print(table(figures))
    print(f"\n{result['machine']['cpu_count']} CPUs, Python {result['machine']['python']}, "
          f"load average {result['machine']['loadavg_at_start']} -> "
          f"{result['machine']['loadavg_at_end']}; took {result['duration_s']:.0f} s; "
          f"JSON: {args.json}")
    return 0 if not any("error" in part for part in parts.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
