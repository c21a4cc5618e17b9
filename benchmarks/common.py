"""What the benchmarks share: targets, statistics, machine facts, an app server, Chromium.

The app server and Chromium settings follow tests/browser/conftest.py (same command line,
same Chromium switches, every non-local request blocked), except that the port is taken
from 8900-8999, the range set aside for servers started by the benchmarks.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORTS = range(8900, 9000)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
LOCAL_PREFIXES = ("http://127.0.0.1", "http://localhost", "ws://127.0.0.1", "ws://localhost",
                  "data:", "blob:", "about:")

#: The goals each headline figure is reported against: (key, limit, "<=" or ">=", unit).
TARGETS: dict[str, tuple[float, str, str]] = {
    "slider_compute_ms_p50": (30.0, "<=", "ms"),
    "rerun_ms_p50": (150.0, "<=", "ms"),
    "browser_update_ms_p95": (400.0, "<=", "ms"),
    "payload_bytes": (400_000.0, "<=", "bytes"),
    # Ratios to a floor measured in the same run: seconds differ from machine to machine.
    "cold_start_ratio": (1.3, "<=", "x"),
    "browser_update_ratio": (1.5, "<=", "x"),
    "browser_update_ratio_p95": (1.5, "<=", "x"),
    "rerun_cpu_ratio": (3.0, "<=", "x"),
    "naive_ratio": (10.0, ">=", "x"),
}

#: The load test's ratio to its floor (benchmarks/load.py), as TARGETS.
LOAD_TARGETS: dict[str, tuple[float, str, str]] = {
    "cpu_ratio": (3.0, "<=", "x"),
}

#: The demilitarised zone's outline in the map's frame: its stroke is
#: geo.maps.palette.ZONE_COLOR (imported where geo/ is on the path).
ZONE_PATH_SELECTOR = 'path.leaflet-interactive[stroke="{color}"]'


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) by linear interpolation; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100.0
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(values: Sequence[float], digits: int = 1) -> dict[str, float | int]:
    """n, p50, p95, min, max and mean of ``values``, rounded to ``digits``."""
    if not values:
        return {"n": 0}
    return {"n": len(values),
            "p50": round(percentile(values, 50), digits),
            "p95": round(percentile(values, 95), digits),
            "min": round(min(values), digits),
            "max": round(max(values), digits),
            "mean": round(statistics.fmean(values), digits)}


def loadavg() -> list[float]:
    """The 1, 5 and 15 minute load averages: other work on the machine skews every timing."""
    return [round(x, 2) for x in os.getloadavg()]


def machine_info() -> dict:
    """CPU count, memory, Python and key package versions, date: what the figures hold for."""
    import folium
    import shapely
    import streamlit

    meminfo = Path("/proc/meminfo").read_text().splitlines()
    total_kb = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal"))
    cpu_model = next((line.split(":", 1)[1].strip()
                      for line in Path("/proc/cpuinfo").read_text().splitlines()
                      if line.startswith("model name")), platform.processor())
    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": cpu_model,
        "memory_gb": round(total_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "streamlit": streamlit.__version__,
        "folium": folium.__version__,
        "shapely": shapely.__version__,
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "loadavg_at_start": loadavg(),
    }


def rss_mb(pid: int | str = "self") -> float:
    """Resident set size (VmRSS) of process ``pid`` in MB, from /proc/PID/status."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_seconds(pid: int | str = "self") -> float:
    """CPU time (user + system, s) process ``pid`` has used, from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # After the command name: state is field 3, utime and stime are fields 14 and 15.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU time (s, all CPUs) the whole machine has spent not idle, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def free_port(ports: range = PORTS) -> int:
    """A port of ``ports`` nobody listens on (bound and released at once)."""
    for port in ports:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    message = f"no free port in {ports.start}-{ports.stop - 1}"
    raise RuntimeError(message)


@dataclass(frozen=True)
class AppServer:
    """A running ``streamlit run``: its URL, process id and when it was launched."""

    url: str
    pid: int
    launched_at: float  # time.monotonic() just before the process was started
    healthy_at: float  # time.monotonic() when /_stcore/health first answered 200


def _wait_until_healthy(url: str, process: subprocess.Popen, timeout_s: float) -> float:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            message = f"the app exited with status {process.returncode}"
            raise RuntimeError(message)
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return time.monotonic()
        except OSError:
            time.sleep(0.05)
    message = f"the app did not answer at {url} within {timeout_s} s"
    raise RuntimeError(message)


@contextlib.contextmanager
def app_server(log_path: Path, *, port: int | None = None, timeout_s: float = 120,
               env: dict[str, str] | None = None, root: Path = ROOT,
               script: Path | None = None) -> Iterator[AppServer]:
    """``streamlit run`` of ``script`` (default: ``root``'s streamlit_app.py) from the folder
    ``root`` (its .streamlit/config.toml) on 127.0.0.1 for as long as the context lasts, with
    ``env`` added to its environment."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    with log_path.open("w") as log:
        launched_at = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script or root / "streamlit_app.py"),
             "--server.port", str(port), "--server.address", "127.0.0.1",
             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=root, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
        try:
            healthy_at = _wait_until_healthy(url, process, timeout_s)
            yield AppServer(url, process.pid, launched_at, healthy_at)
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def scratch_script(folder: Path, name: str) -> Path:
    """benchmarks/``name`` copied into ``folder`` beside a link to the project's static/
    (Streamlit serves the static files beside the main script, and the maps' assets are
    there): the floors' apps are served from such a folder."""
    script = folder / name
    shutil.copy(Path(__file__).with_name(name), script)
    if not (folder / "static").exists():
        (folder / "static").symlink_to(ROOT / "static", target_is_directory=True)
    return script


def quiet_streamlit() -> None:
    """Drop Streamlit's "missing ScriptRunContext" warnings: outside a server (AppTest,
    streamlit-folium's helpers) it repeats them, and they say nothing about speed."""
    import streamlit.runtime.scriptrunner_utils.script_run_context as context

    # A filter, not a level: loading Streamlit's config later resets the levels.
    context._LOGGER.addFilter(lambda record: "missing ScriptRunContext" not in record.msg)


def is_local(url: str) -> bool:
    """Whether a request stays on this machine (everything else is blocked)."""
    return url.startswith(LOCAL_PREFIXES)


def format_value(value: float | None, unit: str) -> str:
    """A figure for the printed table."""
    if value is None or math.isnan(value):
        return "n/a"
    if unit == "bytes":
        return f"{value / 1000:,.0f} KB"
    if unit == "x":
        return f"{value:,.2f} x" if value < 10 else f"{value:,.1f} x"
    if unit == "s":
        return f"{value:,.2f} s"
    return f"{value:,.0f} {unit}"


def met(value: float | None, limit: float, direction: str) -> bool | None:
    """Whether ``value`` meets ``limit`` (None when it was not measured)."""
    if value is None or math.isnan(value):
        return None
    return value <= limit if direction == "<=" else value >= limit
