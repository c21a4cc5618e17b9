"""The app in Debian's Chromium: cold start, slider-to-map latency, bytes per render, memory.

A fresh ``streamlit run`` is started for this part, so "cold" means what it says: the first
visit of a slider value on a server that has not computed it. Every non-local request is
blocked (and counted), as in the browser tests.

Latency is measured inside the browser: a capture-phase keydown listener in the page
stamps the key press (``Date.now()``), and a requestAnimationFrame loop in the map's
iframe stamps the first frame in which the demilitarised zone's SVG path (stroke
ZONE_COLOR) has a new ``d`` attribute. Both clocks are the same wall clock.

Each slider move is paired with one on the floor (benchmarks/floor_rerun_app.py: a bare page
with the same slider and the app's map for each value, on a server of its own), timed the
same way, ours first and the floor's first by turns: the claim is the ratio, ours / floor.
"""

from __future__ import annotations

import contextlib
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks import floor_maps
from benchmarks.common import (CHROMIUM, CHROMIUM_ARGS, ZONE_PATH_SELECTOR, app_server, is_local,
                               loadavg, percentile, rss_mb, scratch_script, summary)
from geo.data.snapshots import available_dates
from geo.maps.palette import ZONE_COLOR
from geo.maps.stored_pages import document_path, store_page
from pages._page_setup import MAP_HEIGHT_PX

ZONE_SELECTOR = ZONE_PATH_SELECTOR.format(color=ZONE_COLOR)
START_URL_PATH = "/scenarios?preset=mutual&ua_km=15&ru_km=15"
SLIDER_LABEL = "Ukraine pulls back"

#: Installed in every document of the page: when the last key went down.
KEY_STAMP = "window.addEventListener('keydown', () => { window.__atlasKeyAt = Date.now(); }, true);"

#: Installed in the map's iframe: one entry per change of the zone outline.
ZONE_WATCH = """(selector) => {
  if (window.__atlasWatch) return true;
  const watch = window.__atlasWatch = {changes: [], last: undefined};
  // A signature, not the whole path: comparing 100 KB strings every frame would cost
  // more than the drawing being timed.
  const signature = () => {
    const path = document.querySelector(selector);
    if (!path) return null;
    const d = path.getAttribute('d') || '';
    return d.length + ':' + d.slice(0, 80) + d.slice(-80);
  };
  const tick = () => {
    const now = signature();
    if (now !== watch.last) { watch.changes.push({at: Date.now(), sig: now}); watch.last = now; }
    requestAnimationFrame(tick);
  };
  tick();
  return true;
}"""


@dataclass
class Traffic:
    """Everything the page receives: websocket frames (bytes) and finished HTTP requests."""

    frames: list[int] = field(default_factory=list)
    requests: list = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("websocket", lambda ws: ws.on(
            "framereceived", lambda payload: self.frames.append(len(payload))))
        page.on("requestfinished", lambda request: self.requests.append(request))
        page.on("pageerror", lambda error: self.page_errors.append(str(error)[:300]))

    def http_bytes(self, since: int) -> tuple[list[str], int]:
        """(paths, bytes incl. headers) of the requests finished since index ``since``."""
        total = 0
        requests = self.requests[since:]
        for request in requests:
            sizes = request.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        return [urlsplit(r.url).path for r in requests], total


def _block_remote(context, traffic: Traffic) -> None:
    def route(r) -> None:
        if is_local(r.request.url):
            r.continue_()
        else:
            traffic.blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)


def find_frame(page, selector: str, minimum: int = 1, timeout_s: float = 120):
    """The frame holding at least ``minimum`` elements matching ``selector``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for frame in page.frames:
            with contextlib.suppress(Exception):  # a frame may detach while it is replaced
                if frame.locator(selector).count() >= minimum:
                    return frame
        page.wait_for_timeout(50)
    message = f"nothing matched {selector!r} (x{minimum}) within {timeout_s} s"
    raise TimeoutError(message)


def _wait_quiet(page, traffic: Traffic, quiet_s: float, timeout_s: float = 30) -> None:
    """Until no websocket frame has arrived for ``quiet_s`` (the rerun has finished)."""
    deadline = time.monotonic() + timeout_s
    seen, quiet_since = len(traffic.frames), time.monotonic()
    while time.monotonic() - quiet_since < quiet_s and time.monotonic() < deadline:
        page.wait_for_timeout(50)
        if len(traffic.frames) != seen:
            seen, quiet_since = len(traffic.frames), time.monotonic()


@dataclass
class Move:
    """One slider step: latency (ms), bytes received, and whether the value was new."""

    value: float
    cold: bool
    latency_ms: float | None
    ws_frames: int
    ws_bytes: int
    http_requests: list[str]
    http_bytes: int
    frame_reloaded: bool


class ScenarioPage:
    """The Ceasefire lines page with its zone watcher installed."""

    def __init__(self, page, traffic: Traffic) -> None:
        self.page = page
        self.traffic = traffic
        self.frame = None
        self.reloads = 0
        self.slider = page.locator("[data-testid=stSlider]").filter(
            has_text=SLIDER_LABEL).locator("input[type=range]")

    def watch(self) -> bool:
        """Find the map's frame and install the watcher; True if the frame was new."""
        with contextlib.suppress(Exception):  # the old frame is gone
            if self.frame is not None and self.frame.evaluate("!!window.__atlasWatch"):
                return False
        self.frame = find_frame(self.page, ZONE_SELECTOR)
        self.frame.evaluate(ZONE_WATCH, ZONE_SELECTOR)
        return True

    def value(self) -> float:
        return float(self.slider.get_attribute("value"))

    def step(self, key: str, cold: bool, quiet_s: float, timeout_s: float = 90) -> Move:
        reloaded = self.watch()
        self.reloads += reloaded
        frame = self.frame
        changes_before = frame.evaluate("window.__atlasWatch.changes.length")
        outline_before = frame.evaluate("window.__atlasWatch.last")
        frames_before, requests_before = len(self.traffic.frames), len(self.traffic.requests)
        self.slider.focus()
        self.slider.press(key)
        latency = None
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            changes = frame.evaluate(f"window.__atlasWatch.changes.slice({changes_before})")
            drawn = [c for c in changes if c["sig"] and c["sig"] != outline_before]
            if drawn:
                latency = drawn[0]["at"] - self.page.evaluate("window.__atlasKeyAt")
                break
            self.page.wait_for_timeout(20)
        _wait_quiet(self.page, self.traffic, quiet_s)
        paths, http = self.traffic.http_bytes(requests_before)
        return Move(self.value(), cold, latency, len(self.traffic.frames) - frames_before,
                    sum(self.traffic.frames[frames_before:]), paths, http, reloaded)


def _cold_start(browser, log_path: Path, env: dict[str, str] | None = None,
                **server: object) -> float:
    """Launch of a new server (``env`` added to its environment; ``server``: more arguments
    of :func:`app_server`, e.g. another checkout's ``root``) to the control map drawn in a
    new browser context, in seconds. No request is intercepted here: interception sends each
    of the page's ~70 requests through Playwright's driver, which added 0.3-0.5 s on this
    machine (that the app asks nothing of the internet is checked in the part that follows
    and in the browser tests)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(120_000)
    with app_server(log_path, env=env, **server) as running:
        page.goto(running.url + "/", wait_until="commit")
        find_frame(page, "path.leaflet-interactive", minimum=29)
        seconds = time.monotonic() - running.launched_at
    context.close()
    return seconds


def floor_app(folder: Path, map_page: Path) -> dict[str, object]:
    """:func:`app_server` arguments for the cold start's floor (benchmarks/floor_app.py)
    showing ``map_page``."""
    return {"script": scratch_script(folder, "floor_app.py"),
            "env": {"ATLAS_FLOOR_PAGE": str(map_page),
                    "ATLAS_FLOOR_HEIGHT": str(MAP_HEIGHT_PX)}}


def cold_starts(browser, log_dir: Path, launches: int, other_root: Path | None = None
                ) -> dict[str, object]:
    """``launches`` cold starts of the app, each followed by one of the floor (a bare page
    showing the same stored map) and, given ``other_root``, one of another checkout's app:
    interleaved, so that a busier moment weighs on every kind alike. The claim is the ratio
    of the medians (ours / floor); the seconds are kept beside it."""
    page = document_path(available_dates()[-1])
    with tempfile.TemporaryDirectory() as scratch:
        floor = floor_app(Path(scratch), page)
        times: dict[str, list[float]] = {"ours": [], "floor": [], "other": []}
        for i in range(launches):
            times["ours"].append(_cold_start(browser, log_dir / f"benchmark_browser_cold_{i}.log"))
            times["floor"].append(_cold_start(browser, log_dir / f"benchmark_floor_cold_{i}.log",
                                              **floor))
            if other_root is not None:
                times["other"].append(_cold_start(
                    browser, log_dir / f"benchmark_other_cold_{i}.log", root=other_root))
    medians = {kind: statistics.median(seconds) for kind, seconds in times.items() if seconds}
    result: dict[str, object] = {
        "cold_start_s": round(medians["ours"], 2),
        "cold_starts_s": [round(seconds, 2) for seconds in times["ours"]],
        "cold_start_floor_s": round(medians["floor"], 2),
        "cold_starts_floor_s": [round(seconds, 2) for seconds in times["floor"]],
        "cold_start_ratio": round(medians["ours"] / medians["floor"], 2),
    }
    if other_root is not None:
        result |= {"other_root": str(other_root),
                   "cold_start_other_s": round(medians["other"], 2),
                   "cold_starts_other_s": [round(seconds, 2) for seconds in times["other"]],
                   "cold_start_other_ratio": round(medians["other"] / medians["floor"], 2)}
    return result


def _new_page(browser, traffic: Traffic):
    """A page in a context of its own, key presses stamped, remote requests blocked."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(KEY_STAMP)
    _block_remote(context, traffic)
    page = context.new_page()
    page.set_default_timeout(120_000)
    traffic.attach(page)
    return page


def _ratio(ours: list[float], floor: list[float], q: float) -> float | None:
    """Ours' ``q``-th percentile over the floor's (None when either has no values)."""
    if not ours or not floor:
        return None
    return round(percentile(ours, q) / percentile(floor, q), 2)


def run(*, quick: bool, log_dir: Path, progress: Callable[[str], None] = print,
        other_root: Path | None = None, launches: int | None = None) -> dict:
    """Cold start (median of ``launches``, default three, one if ``quick``; each beside the
    floor's and, given ``other_root``, another checkout's), ~10 first-time and ~10 revisited
    slider moves, then more reruns while the server's RSS is sampled, every move paired with
    one on the floor's page; returns the JSON section ``browser``."""
    from playwright.sync_api import sync_playwright

    sweep_moves = 0 if quick else 80
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as scratch:
        # Chromium starts before the server, so its own start-up is not counted as the app's.
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        traffic, floor_traffic = Traffic(), Traffic()
        page = _new_page(browser, traffic)
        floor_page = _new_page(browser, floor_traffic)
        load_at_start = loadavg()
        # As scripts/setup.sh does before the app is run: the newest map page is stored.
        store_page(available_dates()[-1])
        # Before anything is timed: the floor's map for every value the moves reach.
        maps = Path(scratch) / "floor_maps.json"
        maps_s = floor_maps.write(maps, list(range(51)) if sweep_moves else list(range(15, 26)),
                                  log_dir / "benchmark_floor_maps.log")
        progress(f"browser: the floor's maps made in {maps_s:.0f} s")
        # A launch varies by a few tenths of a second: the median of three.
        cold = cold_starts(browser, log_dir, launches or (1 if quick else 3), other_root)
        progress("browser: cold starts " + ", ".join(f"{s:.2f}" for s in cold["cold_starts_s"])
                 + " s; floor " + ", ".join(f"{s:.2f}" for s in cold["cold_starts_floor_s"])
                 + f" s; ratio {cold['cold_start_ratio']:.2f}"
                 + (f"; other checkout {cold['cold_start_other_ratio']:.2f}"
                    if other_root is not None else ""))
        with tempfile.TemporaryDirectory() as empty:
            unstored_s = _cold_start(browser, log_dir / "benchmark_browser_unstored.log",
                                     {"ATLAS_MAP_STORE": empty})
        progress(f"browser: cold start with no stored map page {unstored_s:.2f} s")
        with contextlib.ExitStack() as servers:
            floor_server = servers.enter_context(app_server(
                log_dir / "benchmark_floor_rerun_streamlit.log",
                **floor_maps.floor_server(Path(scratch), maps)))
            server = servers.enter_context(app_server(log_dir / "benchmark_browser_streamlit.log"))
            page.goto(server.url + "/", wait_until="commit")
            # The control map: 27 units, the occupied area and the line of contact.
            find_frame(page, "path.leaflet-interactive", minimum=29)
            rss = {"after_first_map": rss_mb(server.pid)}

            frames_before, requests_before = len(traffic.frames), len(traffic.requests)
            opened = time.monotonic()
            page.goto(server.url + START_URL_PATH, wait_until="commit")
            find_frame(page, ZONE_SELECTOR)
            scenario_first_s = time.monotonic() - opened
            _wait_quiet(page, traffic, 1.0)
            load_http = traffic.http_bytes(requests_before)
            page_load = {"ws_bytes": sum(traffic.frames[frames_before:]),
                         "http_requests": len(load_http[0]), "http_bytes": load_http[1]}
            scenarios = ScenarioPage(page, traffic)
            scenarios.watch()
            rss["after_scenarios_page"] = rss_mb(server.pid)
            floor_page.goto(floor_server.url + START_URL_PATH, wait_until="commit")
            find_frame(floor_page, ZONE_SELECTOR)
            _wait_quiet(floor_page, floor_traffic, 1.0)
            floor = ScenarioPage(floor_page, floor_traffic)
            floor.watch()

            moves: list[Move] = []
            floor_moves: list[Move] = []

            def pair(key: str, cold: bool, quiet_s: float) -> None:
                # Ours first, then the floor's first: neither always follows the other's
                # rerun (a server's work left over, the browser's garbage collection).
                if len(moves) % 2 == 0:
                    moves.append(scenarios.step(key, cold=cold, quiet_s=quiet_s))
                    floor_moves.append(floor.step(key, cold=cold, quiet_s=quiet_s))
                else:
                    floor_moves.append(floor.step(key, cold=cold, quiet_s=quiet_s))
                    moves.append(scenarios.step(key, cold=cold, quiet_s=quiet_s))

            # 15 -> 25: values this server has not computed; 25 -> 15: all computed before.
            for _ in range(10):
                pair("ArrowRight", cold=True, quiet_s=0.7)
            progress("browser: 10 first-time moves done (and the floor's)")
            for _ in range(10):
                pair("ArrowLeft", cold=False, quiet_s=0.7)
            progress("browser: 10 revisited moves done (and the floor's)")
            memory = [{"reruns": len(moves), "rss_mb": rss_mb(server.pid)}]
            visited = {float(v) for v in range(15, 26)}
            direction = "ArrowLeft"
            for index in range(sweep_moves):
                value = scenarios.value()
                if value <= 0 or value >= 50:
                    direction = "ArrowRight" if value <= 0 else "ArrowLeft"
                step = 1 if direction == "ArrowRight" else -1
                pair(direction, cold=value + step not in visited, quiet_s=0.3)
                visited.add(value + step)
                if (index + 1) % 10 == 0:
                    memory.append({"reruns": len(moves), "rss_mb": rss_mb(server.pid)})
            if sweep_moves:
                progress(f"browser: {sweep_moves} more moves for memory done (and the floor's)")
            errors = page.locator("[data-testid=stException]").count()
            floor_errors = floor_page.locator("[data-testid=stException]").count()

    timed = moves[:20]

    def latencies(kind: list[Move], cold: bool) -> list[float]:
        return [m.latency_ms for m in kind if m.cold == cold and m.latency_ms is not None]

    cold_latency, cached_latency = latencies(moves, True), latencies(moves, False)
    floor_cold, floor_cached = latencies(floor_moves, True), latencies(floor_moves, False)
    payloads = [m.ws_bytes + m.http_bytes for m in timed]
    return {
        **cold,
        "cold_start_unstored_s": round(unstored_s, 2),
        "server_healthy_s": round(server.healthy_at - server.launched_at, 2),
        "scenarios_first_render_s": round(scenario_first_s, 2),
        "scenarios_page_load": page_load,
        "update_cold_ms": summary(cold_latency, 0),
        "update_cached_ms": summary(cached_latency, 0),
        "update_floor_cold_ms": summary(floor_cold, 0),
        "update_floor_cached_ms": summary(floor_cached, 0),
        "update_ratio": {"p50": _ratio(cold_latency, floor_cold, 50),
                         "p95": _ratio(cold_latency, floor_cold, 95)},
        "update_cached_ratio": {"p50": _ratio(cached_latency, floor_cached, 50),
                                "p95": _ratio(cached_latency, floor_cached, 95)},
        "payload_per_render_bytes": summary(payloads, 0),
        "payload_floor_per_render_bytes": summary(
            [m.ws_bytes + m.http_bytes for m in floor_moves[:20]], 0),
        "ws_frames_per_render": summary([m.ws_frames for m in timed], 0),
        "http_requests_per_render": sum(len(m.http_requests) for m in timed) / len(timed),
        "moves": [m.__dict__ for m in moves],
        "floor_moves": [m.__dict__ for m in floor_moves],
        "floor_maps_s": round(maps_s, 1),
        "timeouts": sum(m.latency_ms is None for m in moves),
        "floor_timeouts": sum(m.latency_ms is None for m in floor_moves),
        "frame_reloads": scenarios.reloads,
        "floor_frame_reloads": floor.reloads,
        "server_rss_mb": rss | {"during_moves": memory},
        "page_errors": traffic.page_errors[:20],
        "floor_page_errors": floor_traffic.page_errors[:20],
        "st_exceptions": errors,
        "floor_st_exceptions": floor_errors,
        "blocked_requests": len(traffic.blocked),
        "loadavg": {"start": load_at_start, "end": loadavg()},
    }
