"""Load test: N concurrent sessions changing scenarios on the Ceasefire lines page.

Usage: .venv/bin/python benchmarks/load.py --sessions N --seconds S [--client protocol|browser]
       [--url URL] [--json FILE]

--client protocol (the default) drives each session over Streamlit's websocket protocol
(benchmarks/protocol.py), as the browser's frontend does, without drawing anything: 50 of
them fit beside the server on a small machine. Latency is from the request (a page visit,
or a slider's new value) to the map's new layers received; the whole page's run
(``finished_ms``) is reported beside it. Errors are exceptions the page shows, runs that do
not finish in time and sessions the server closes.

--client browser: each session is a browser context of one headless Chromium (Playwright,
asyncio); every host but the app's own is made unresolvable, so nothing leaves the machine.
It loops until
the time is up: open a preset from a link (/scenarios?preset=...), then, for presets with a
slider, move it 2-5 steps with the keyboard, pausing a random "think time" between actions
as a reader would. Latency is from the action to the updated view: for a link, from
navigation start to the headline figures and the map both drawn (timed in Python, polled
every 0.1 s); for a slider step, from the key press to the first change of the headline
figures (both stamped in the page, polled every 50 ms). Errors are page errors, failed
local requests (those the browser aborted, e.g. when a session gives up on a page after a
time-out, are counted apart), exceptions shown by Streamlit ([data-testid=stException]),
time-outs and exceptions in the driver.
Without --url a server is started on a free port in 8900-8999 and its RSS is sampled
(with --url give --server-pid to sample it).

Server work is stated as CPU time per interaction: the server process's CPU seconds over
the run (benchmarks.common.cpu_seconds) divided by the interactions completed, a mean (with
sessions overlapping, a rerun's CPU cannot be told from another's). Then, unless --no-floor,
the same sessions (same seeds, think time and length) are run against a floor on a server
of its own: benchmarks/floor_rerun_app.py, a bare page at /scenarios with the same sliders
and the app's map for each value (benchmarks/floor_maps.py, made before anything is timed),
whose rerun does nothing else. The claim is the ratio, ours / floor (target <= 3 x);
latencies and milliseconds are kept beside it. Before each run, two visits (a page with
sliders and one without) and the wait until the server is idle (the newest snapshot's bands are computed in the background once
it is first used), so that the CPU counted is the interactions'.

The browser runs on the same machine as the server: on a small machine the two compete for
the CPU, so the figures are an upper bound of what the server alone would give.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import floor_maps
from benchmarks.common import (CHROMIUM, CHROMIUM_ARGS, LOAD_TARGETS, app_server, cpu_seconds,
                               format_value, loadavg, machine_busy_seconds, machine_info, met,
                               percentile, rss_mb, summary)

#: The goal the figures are reported against.
GOAL = {"sessions": 50, "interaction_ms_p95": 1000.0, "errors": 0}

#: Links a session opens: preset -> parameter values to draw from (coarse grids, so that
#: sessions meet each other's cached outcomes, as real visitors following shared links do).
LINK_CHOICES: dict[str, dict[str, list[str]]] = {
    "freeze": {}, "donbas": {}, "claims": {}, "plan28": {}, "swap": {},
    "mutual": {"ua_km": [str(v) for v in range(0, 51, 5)],
               "ru_km": [str(v) for v in range(0, 51, 5)]},
    "shift": {"shift_km": [str(v) for v in range(-30, 31, 5)]},
    "target": {"target": [f"UA-14={v}" for v in range(60, 96, 5)]},
}
#: The slider a session moves on each preset (its label's start).
SLIDERS = {"mutual": "Ukraine pulls back", "shift": "Move the line",
           "target": "Share held by Russia"}

#: The floor's maps (Ukraine's km in the mutual pull-back): a value between them draws one
#: of them chosen by the value, so that every step still draws a new map of the same size,
#: and a few maps are made in seconds where all 51 took minutes on a busy machine.
FLOOR_VALUES = list(range(0, 51, 5))

KEY_STAMP = "window.addEventListener('keydown', () => { window.__atlasKeyAt = Date.now(); }, true);"
METRICS = "[data-testid=stMetricValue]"
READ_METRICS = ("() => Array.from(document.querySelectorAll('[data-testid=stMetricValue]'))"
                ".map(e => e.textContent).join('|')")
CHANGED_AT = f"(before) => {{ const now = ({READ_METRICS})(); " \
             "return now !== '' && now !== before ? Date.now() : false; }"


@dataclass
class Results:
    """What every session adds to as it goes."""

    latencies: list[tuple[str, str, float]] = field(default_factory=list)  # kind, preset, ms
    errors: list[tuple[str, str]] = field(default_factory=list)  # kind, detail
    blocked: int = 0
    actions_started: int = 0
    finished: list[float] = field(default_factory=list)  # ms, whole runs (protocol client)
    bytes: list[int] = field(default_factory=list)  # per run (protocol client)

    def error(self, kind: str, detail: str) -> None:
        self.errors.append((kind, detail[:300]))


def _link(preset: str, rng: random.Random) -> str:
    params = {name: rng.choice(values) for name, values in LINK_CHOICES[preset].items()}
    return "/scenarios?" + urlencode({"preset": preset, **params})


async def _check_exceptions(page, results: Results, where: str) -> None:
    shown = page.locator("[data-testid=stException]")
    if await shown.count():
        results.error("stException", f"{where}: {(await shown.first.inner_text())[:200]}")


async def _map_drawn(page, deadline: float, minimum_paths: int = 4) -> None:
    """Until the map's frame has drawn ``minimum_paths`` shapes (zones and lines)."""
    while time.monotonic() < deadline:
        for frame in page.frames[1:]:
            with contextlib.suppress(Exception):  # a frame may detach while it is replaced
                if await frame.locator("path.leaflet-interactive").count() >= minimum_paths:
                    return
        await asyncio.sleep(0.1)
    message = "no map drawn in time"
    raise TimeoutError(message)


async def _open(page, base_url: str, preset: str, rng: random.Random, results: Results,
                timeout_ms: float) -> None:
    link = _link(preset, rng)
    results.actions_started += 1
    start = time.monotonic()
    deadline = start + timeout_ms / 1000.0

    def left_ms() -> float:
        return max(1.0, (deadline - time.monotonic()) * 1000.0)

    await page.goto(base_url + link, wait_until="commit", timeout=left_ms())
    # Both the figures and the map: leaving earlier would abort the map's own loading.
    await page.locator(METRICS).first.wait_for(timeout=left_ms())
    await _map_drawn(page, deadline)
    results.latencies.append(("open", preset, (time.monotonic() - start) * 1000.0))
    await _check_exceptions(page, results, link)


async def _move(page, preset: str, results: Results, timeout_ms: float) -> None:
    slider = page.locator("[data-testid=stSlider]").filter(
        has_text=SLIDERS[preset]).locator("input[type=range]")
    value = float(await slider.get_attribute("value"))
    key = "ArrowRight" if value < float(await slider.get_attribute("max")) else "ArrowLeft"
    before = await page.evaluate(READ_METRICS)
    results.actions_started += 1
    await slider.focus()
    await slider.press(key)
    changed = await page.wait_for_function(CHANGED_AT, arg=before, polling=50,
                                           timeout=timeout_ms)
    changed_at = await changed.json_value()
    pressed_at = await page.evaluate("window.__atlasKeyAt")
    results.latencies.append(("move", preset, float(changed_at - pressed_at)))
    await _check_exceptions(page, results, f"{preset} slider")


async def session(index: int, browser, base_url: str, start_at: float, stop_at: float,
                  think_s: float, results: Results, timeout_ms: float) -> None:
    """One visitor: links and slider steps until ``stop_at`` (time.monotonic())."""
    rng = random.Random(index)
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    context = await browser.new_context(viewport={"width": 1280, "height": 800})
    await context.add_init_script(KEY_STAMP)
    page = await context.new_page()

    def failed(request) -> None:
        # Other hosts do not resolve (see _blocking_args): those failures are the blocking.
        if urlsplit(request.url).hostname not in allowed_hosts(base_url):
            results.blocked += 1
        elif "ERR_ABORTED" in (request.failure or ""):
            # Cancelled by the browser, e.g. when a session gives up on a page still
            # loading after a time-out and opens the next link: kept apart from failures.
            results.error("requestfailed:aborted", f"{request.url} {request.failure}")
        else:
            results.error("requestfailed", f"{request.url} {request.failure}")

    page.on("pageerror", lambda error: results.error("pageerror", str(error)))
    page.on("requestfailed", failed)
    try:
        while time.monotonic() < stop_at:
            preset = rng.choice(list(LINK_CHOICES))
            try:
                await _open(page, base_url, preset, rng, results, timeout_ms)
                # Readers open a view once and then play with it: several steps per link.
                for _ in range(rng.randint(2, 5) if preset in SLIDERS else 0):
                    await asyncio.sleep(rng.uniform(0.5, 1.5) * think_s)
                    if time.monotonic() >= stop_at:
                        break
                    await _move(page, preset, results, timeout_ms)
            except Exception as error:  # noqa: BLE001 - a time-out or a broken page: counted
                results.error(type(error).__name__, f"session {index} {preset}: {error}")
            await asyncio.sleep(rng.uniform(0.5, 1.5) * think_s)
    finally:
        with contextlib.suppress(Exception):
            await context.close()


async def protocol_session(index: int, base_url: str, start_at: float, stop_at: float,
                           think_s: float, results: Results, timeout_ms: float) -> None:
    """One visitor over the websocket protocol: as :func:`session`, a new Streamlit session
    per link opened (a navigation), slider steps within it."""
    from benchmarks.protocol import Run, Session

    rng = random.Random(index)
    timeout_s = timeout_ms / 1000.0
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))

    def record(kind: str, preset: str, run: Run) -> None:
        results.latencies.append((kind, preset, 1000.0 * (run.map_s or run.finished_s)))
        results.finished.append(1000.0 * run.finished_s)
        results.bytes.append(run.bytes)
        for message in run.exceptions:
            results.error("exception", f"session {index} {preset}: {message}")

    while time.monotonic() < stop_at:
        preset = rng.choice(list(LINK_CHOICES))
        query = _link(preset, rng).split("?", 1)[1]
        visit = None
        try:
            results.actions_started += 1
            visit, run = await Session.open(base_url, "scenarios", query, timeout_s)
            record("open", preset, run)
            for _ in range(rng.randint(2, 5) if preset in SLIDERS else 0):
                await asyncio.sleep(rng.uniform(0.5, 1.5) * think_s)
                if time.monotonic() >= stop_at:
                    break
                results.actions_started += 1
                record("move", preset, await visit.step(SLIDERS[preset], timeout_s))
        except Exception as error:  # noqa: BLE001 - a time-out or a closed session: counted
            results.error(type(error).__name__, f"session {index} {preset}: {error}")
        finally:
            if visit is not None:
                with contextlib.suppress(Exception):
                    await visit.close()
        await asyncio.sleep(rng.uniform(0.5, 1.5) * think_s)


def allowed_hosts(base_url: str) -> set[str]:
    """The hosts a session may reach: this machine and the app's own host."""
    return {"127.0.0.1", "localhost", urlsplit(base_url).hostname or "127.0.0.1"}


def _blocking_args(base_url: str) -> list[str]:
    """Chromium switches that make every other host unresolvable. Cheaper than routing
    each request through Python (about 150 per page load), which at 50 sessions would slow
    the driver, and with it the latencies it measures."""
    hosts = sorted(allowed_hosts(base_url))
    rules = ", ".join(["MAP * ~NOTFOUND"] + [f"EXCLUDE {host}" for host in hosts])
    return [f"--host-resolver-rules={rules}"]


async def _sample_rss(pid: int | None, samples: list[tuple[float, float]],
                      stop: asyncio.Event) -> None:
    while pid is not None and not stop.is_set():
        with contextlib.suppress(OSError, RuntimeError):
            samples.append((time.monotonic(), rss_mb(pid)))
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=1.0)


async def drive(base_url: str, server_pid: int | None, *, client: str, sessions: int,
                seconds: float, ramp_s: float, think_s: float, timeout_ms: float) -> dict:
    """Run the sessions against ``base_url``; the JSON result."""
    results = Results()
    async with contextlib.AsyncExitStack() as stack:
        if client == "browser":
            from playwright.async_api import async_playwright

            playwright = await stack.enter_async_context(async_playwright())
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS + _blocking_args(base_url))
            stack.push_async_callback(browser.close)

            def visitor(index: int, start_at: float, stop_at: float):
                return session(index, browser, base_url, start_at, stop_at, think_s, results,
                               timeout_ms)
        else:
            def visitor(index: int, start_at: float, stop_at: float):
                return protocol_session(index, base_url, start_at, stop_at, think_s, results,
                                        timeout_ms)

        # One visit first, so that the baseline holds the process-wide data caches and the
        # per-session figure is what sessions add.
        warm_started = time.monotonic()
        await _warm_up(client, base_url, timeout_ms, browser if client == "browser" else None)
        await asyncio.sleep(2.0)
        await _until_idle(server_pid)
        warm_up_s = time.monotonic() - warm_started
        baseline = rss_mb(server_pid) if server_pid else None

        stop = asyncio.Event()
        samples: list[tuple[float, float]] = []
        sampler = asyncio.create_task(_sample_rss(server_pid, samples, stop))
        load_at_start = loadavg()
        server_cpu_start = cpu_seconds(server_pid) if server_pid else None
        busy_start = machine_busy_seconds()
        started = time.monotonic()
        stop_at = started + seconds
        await asyncio.gather(*(visitor(i, started + ramp_s * i / sessions, stop_at)
                               for i in range(sessions)))
        # Contexts are closed as each session ends; the last sample with all of them open
        # is the one just before the first session ended.
        finished = time.monotonic()
        server_cpu = cpu_seconds(server_pid) - server_cpu_start if server_pid else None
        busy = machine_busy_seconds() - busy_start
        stop.set()
        await sampler
        after_close = None
        if server_pid:
            await asyncio.sleep(5.0)
            after_close = rss_mb(server_pid)

    def pick(kind: str | None = None, preset: str | None = None) -> list[float]:
        return [ms for k, p, ms in results.latencies
                if (kind is None or k == kind) and (preset is None or p == preset)]

    open_rss = [mb for at, mb in samples if at <= stop_at]
    end_rss = open_rss[-1] if open_rss else None
    per_session = (round((end_rss - baseline) / sessions, 2)
                   if end_rss is not None and baseline is not None else None)
    everything = pick()
    errors = Counter(kind for kind, _ in results.errors)
    return {
        "client": client,
        "sessions": sessions, "seconds": seconds, "ramp_s": ramp_s, "think_s": think_s,
        "url": base_url,
        "actions_completed": len(everything), "actions_started": results.actions_started,
        "actions_per_s": round(len(everything) / (finished - started), 2),
        "interaction_ms_p50": round(percentile(everything, 50)) if everything else None,
        "interaction_ms_p95": round(percentile(everything, 95)) if everything else None,
        "interaction_ms": summary(everything, 0),
        "open_ms": summary(pick("open"), 0),
        "move_ms": summary(pick("move"), 0),
        "finished_ms": summary(results.finished, 0),
        "bytes_per_run": summary(results.bytes, 0),
        "by_preset": {preset: {"open_ms": summary(pick("open", preset), 0),
                               "move_ms": summary(pick("move", preset), 0)}
                      for preset in LINK_CHOICES},
        "errors": len(results.errors),
        "errors_by_kind": dict(errors),
        "error_samples": {kind: [d for k, d in results.errors if k == kind][:4]
                          for kind in errors},
        "blocked_requests": results.blocked,
        "server_rss_mb": {"baseline_after_one_visit": baseline,
                          "end_with_sessions_open": end_rss,
                          "peak": max(open_rss) if open_rss else None,
                          "five_s_after_close": after_close,
                          "per_session_mb": per_session},
        "loadavg": {"start": load_at_start, "end": loadavg()},
        "wall_s": round(finished - started, 1),
        "warm_up_s": round(warm_up_s, 1),
        "cpu_ms_per_interaction": (round(1000.0 * server_cpu / len(everything), 1)
                                   if server_cpu is not None and everything else None),
        # Where the CPU went: the server's share of the machine's busy time (all processes,
        # this driver's Chromium and anything else running on the machine included).
        "cpu_s": {"server": None if server_cpu is None else round(server_cpu, 1),
                  "machine_busy": round(busy, 1),
                  "machine_available": round((finished - started) * (os.cpu_count() or 1), 1)},
    }


async def _until_idle(pid: int | None, timeout_s: float = 90.0) -> None:
    """Until the server has used less than 5 % of a CPU over a second (or ``timeout_s``)."""
    deadline = time.monotonic() + timeout_s
    while pid is not None and time.monotonic() < deadline:
        before = cpu_seconds(pid)
        await asyncio.sleep(1.0)
        if cpu_seconds(pid) - before < 0.05:
            return


async def _warm_up(client: str, base_url: str, timeout_ms: float, browser) -> None:
    if client == "browser":
        warm = await browser.new_context()
        warm_page = await warm.new_page()
        await warm_page.goto(base_url + "/scenarios?preset=freeze", wait_until="commit")
        await warm_page.locator(METRICS).first.wait_for(timeout=timeout_ms)
        await warm.close()
        return
    from benchmarks.protocol import Session

    # A page without sliders and one with: neither's first-time costs count as the sessions'.
    for query in ("preset=freeze", "preset=mutual"):
        visit, _ = await Session.open(base_url, "scenarios", query, timeout_ms / 1000.0)
        await visit.close()


def verdict(result: dict) -> dict[str, bool | None]:
    """The goal, point by point."""
    p95 = result.get("interaction_ms_p95")
    return {"sessions_50": result["sessions"] >= GOAL["sessions"],
            "p95_le_1s": None if p95 is None else p95 <= GOAL["interaction_ms_p95"],
            "no_errors": result["errors"] == GOAL["errors"]}


def _print(result: dict) -> None:
    rss = result["server_rss_mb"]
    print(f"\n{result['sessions']} {result['client']} sessions for {result['seconds']:.0f} s "
          f"(think time ~{result['think_s']:g} s): {result['actions_completed']} actions, "
          f"{result['actions_per_s']} per s")
    for label, key in (("all interactions", "interaction_ms"), ("links opened", "open_ms"),
                       ("slider steps", "move_ms"), ("whole page runs", "finished_ms")):
        s = result[key]
        if s and s.get("n"):
            print(f"  {label:17} n={s['n']:4}  p50 {s['p50']:7,.0f} ms  p95 {s['p95']:7,.0f} ms"
                  f"  max {s['max']:7,.0f} ms")
    print(f"  errors: {result['errors']} {result['errors_by_kind'] or ''}")
    if rss["per_session_mb"] is not None:
        print(f"  server RSS: {rss['baseline_after_one_visit']} MB before, "
              f"{rss['end_with_sessions_open']} MB with sessions open (peak {rss['peak']}), "
              f"{rss['per_session_mb']} MB per session; {rss['five_s_after_close']} MB 5 s "
              "after they closed")
    goal = result["goal_met"]
    print("  goal (50 sessions, p95 <= 1 s, no errors): "
          + ", ".join(f"{k}={'yes' if v else ('n/a' if v is None else 'NO')}"
                      for k, v in goal.items()))
    cpu = result["cpu_s"]
    print(f"  CPU: server {cpu['server']} s, whole machine busy {cpu['machine_busy']} s of "
          f"{cpu['machine_available']} s available; load average {result['loadavg']['start']}"
          f" -> {result['loadavg']['end']}")
    floor = result.get("floor")
    if floor:
        print(f"\nfloor (bare page, same sliders and map), same sessions for "
              f"{floor['seconds']:.0f} s: {floor['actions_completed']} actions, "
              f"{floor['actions_per_s']} per s")
        for label, key in (("all interactions", "interaction_ms"), ("slider steps", "move_ms")):
            s = floor[key]
            if s and s.get("n"):
                print(f"  {label:17} n={s['n']:4}  p50 {s['p50']:7,.0f} ms  "
                      f"p95 {s['p95']:7,.0f} ms  max {s['max']:7,.0f} ms")
        print(f"  errors: {floor['errors']} {floor['errors_by_kind'] or ''}; CPU: server "
              f"{floor['cpu_s']['server']} s; load average {floor['loadavg']['start']} -> "
              f"{floor['loadavg']['end']}")
    limit, direction, unit = LOAD_TARGETS["cpu_ratio"]
    ok = met(result.get("cpu_ratio"), limit, direction)
    print(f"\nserver CPU per interaction: {format_value(result['cpu_ms_per_interaction'], 'ms')}"
          f"; floor {format_value(result.get('cpu_ms_per_interaction_floor'), 'ms')}; "
          f"ratio {format_value(result.get('cpu_ratio'), unit)} (target {direction} "
          f"{format_value(limit, unit)}: {'-' if ok is None else 'yes' if ok else 'NO'})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.splitlines()[2:]))
    parser.add_argument("--sessions", type=int, default=5, help="concurrent sessions")
    parser.add_argument("--seconds", type=float, default=60, help="how long they run")
    parser.add_argument("--client", choices=("protocol", "browser"), default="protocol",
                        help="websocket protocol sessions (default) or Chromium contexts")
    parser.add_argument("--url", help="an app already running (default: start one)")
    parser.add_argument("--server-pid", type=int, help="its process id, to sample its RSS")
    parser.add_argument("--json", type=Path, help="where to write the results")
    parser.add_argument("--think-s", type=float, default=2.0,
                        help="mean pause between a session's actions, s (uniform 0.5-1.5 x)")
    parser.add_argument("--ramp-s", type=float, default=10.0,
                        help="sessions start spread over this many seconds")
    parser.add_argument("--timeout-s", type=float, default=60.0,
                        help="an action taking longer counts as an error")
    parser.add_argument("--no-floor", action="store_true",
                        help="skip the floor (the same sessions against a bare page)")
    parser.add_argument("--floor-seconds", type=float, default=None,
                        help="how long the floor's sessions run (default: --seconds)")
    args = parser.parse_args(argv)

    options = {"client": args.client, "sessions": args.sessions, "ramp_s": args.ramp_s,
               "think_s": args.think_s, "timeout_ms": args.timeout_s * 1000.0}
    started = time.monotonic()
    scratch = Path(tempfile.mkdtemp(prefix="atlas-load-"))
    maps = scratch / "floor_maps.json"
    if not args.no_floor:
        # Before any server runs: the maps are made in a process of their own.
        made_s = floor_maps.write(maps, FLOOR_VALUES, scratch / "floor_maps.log")
        print(f"[{time.strftime('%H:%M:%S')}] the floor's maps made in {made_s:.0f} s",
              flush=True)
    if args.url:
        result = asyncio.run(drive(args.url.rstrip("/"), args.server_pid,
                                   seconds=args.seconds, **options))
        result["server_log_tracebacks"] = None
    else:
        log = scratch / "streamlit.log"
        with app_server(log) as server:
            result = asyncio.run(drive(server.url, server.pid, seconds=args.seconds, **options))
        result["server_log"] = str(log)
        result["server_log_tracebacks"] = log.read_text(errors="replace").count("Traceback")
    if not args.no_floor:
        log = scratch / "floor_streamlit.log"
        with app_server(log, **floor_maps.floor_server(scratch, maps)) as server:
            floor = asyncio.run(drive(server.url, server.pid,
                                      seconds=args.floor_seconds or args.seconds, **options))
        floor["server_log"] = str(log)
        floor["server_log_tracebacks"] = log.read_text(errors="replace").count("Traceback")
        result["floor"] = floor
        ours, bare = result["cpu_ms_per_interaction"], floor["cpu_ms_per_interaction"]
        result["cpu_ms_per_interaction_floor"] = bare
        result["cpu_ratio"] = round(ours / bare, 2) if ours and bare else None
    result["targets"] = {key: {"limit": limit, "direction": direction, "unit": unit,
                               "met": met(result.get(key), limit, direction)}
                         for key, (limit, direction, unit) in LOAD_TARGETS.items()}
    result["goal_met"] = verdict(result)
    result["machine"] = machine_info()
    result["total_s"] = round(time.monotonic() - started, 1)
    _print(result)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
