"""For the tests of ``geo update``: a local server in the archive's and DeepStateMap's API
layouts, small data folders derived from real archived days, and digests to compare them."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from geo.data.boundaries import UNITS_FILE, load_units, ukraine_outline
from geo.data.cadence import shipped_days
from geo.data.series import series_path, write_series
from geo.data.snapshots import load_occupied, snapshot_path
from geo.pace.monthly import month_spans, monthly_change, monthly_path, write_monthly
from geo.paths import DATA_DIR
from geo.update.daily import derive_day, occupied_collection, write_json

#: A route's answer that never comes (until the server is stopped).
HANG = object()


def archive_name(day: dt.date) -> str:
    """The archive's file name of ``day``."""
    return f"deepstatemap_data_{day:%Y%m%d}.geojson"


class DeepStateServer:
    """A local HTTP server (127.0.0.1, a free port) serving whatever :attr:`routes` holds:
    path -> bytes (200), an int (that status, empty body) or :data:`HANG`. Unknown paths
    answer 404. Every path asked for is recorded in :attr:`requests`."""

    def __init__(self) -> None:
        self.routes: dict[str, object] = {}
        self.requests: list[str] = []
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server API
                server.requests.append(self.path)
                answer = server.routes.get(self.path, 404)
                if answer is HANG:
                    server.release.wait()
                    return
                status, body = (200, answer) if isinstance(answer, bytes) else (answer, b"")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    @property
    def archive_url(self) -> str:
        """The base URL of the archive's layout (``--url`` for ``--source archive``)."""
        return f"{self.root}/archive"

    def serve_archive_day(self, day: dt.date, answer: object) -> None:
        """Serve ``answer`` as the archive's file of ``day``."""
        self.routes[f"/archive/{archive_name(day)}"] = answer

    def serve_api(self, maps: list[dict], answers: dict[int, object]) -> None:
        """Serve ``maps`` as DeepStateMap's list and ``answers`` as its maps, by id."""
        self.routes["/api/history/public"] = json.dumps(maps).encode()
        for map_id, answer in answers.items():
            self.routes[f"/api/history/{map_id}/geojson"] = answer

    def stop(self) -> None:
        self.release.set()  # let a hanging answer finish before shutting down
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()


@contextmanager
def serving() -> Iterator[DeepStateServer]:
    """A started :class:`DeepStateServer`, stopped after use."""
    server = DeepStateServer()
    try:
        yield server
    finally:
        server.stop()


def raw_bytes(deepstate_dir: Path, day: dt.date) -> bytes:
    """The archived raw file of ``day`` (../shared/deepstate/daily)."""
    return (deepstate_dir / "daily" / archive_name(day)).read_bytes()


def api_map(raw: bytes) -> bytes:
    """An archived day made into DeepStateMap's layered GeoJSON, as its API answers a map:
    the occupied area as its "Occupied" layer, plus a liberated area inside Ukraine and an
    attack arrow that the update must leave out."""
    collection = json.loads(raw)
    for feature in collection["features"]:
        feature["properties"] = {"name": "Окуповано /// Occupied /// geoJSON.status.occupied"}
    collection["features"] += [
        {"type": "Feature",
         "properties": {"name": "Звільнено /// Liberated\xa0/// geoJSON.status.dismissed"},
         "geometry": {"type": "Polygon", "coordinates": [[[36.0, 50.0], [36.2, 50.0],
                                                          [36.2, 50.2], [36.0, 50.0]]]}},
        {"type": "Feature",
         "properties": {"name": "Напрямок удару /// Direction of attack /// "
                                "geoJSON.status.attack_direction"},
         "geometry": {"type": "Point", "coordinates": [37.5, 48.3, 0]}},
    ]
    return json.dumps(collection, ensure_ascii=False).encode()


def listed_map(created: dt.datetime, *, status: bool = True) -> dict:
    """An entry of DeepStateMap's list of maps: id = the creation time in Unix seconds."""
    return {"id": int(created.timestamp()),
            "createdAt": created.strftime("%Y-%m-%dT%H:%M:%S.000Z"), "status": status,
            "description": "Ворог просунувся.", "descriptionEn": "The enemy has advanced."}


class Derived:
    """Archived days derived once per test session (about 1 s each), on the boundaries of
    one data folder: (shipped occupied area, series rows) by day."""

    def __init__(self, deepstate_dir: Path, boundaries_dir: Path) -> None:
        self._deepstate_dir = deepstate_dir
        self.units = load_units(boundaries_dir)
        self.ukraine = ukraine_outline(self.units)
        shapely.prepare(self.ukraine)
        self._days: dict[dt.date, tuple[BaseGeometry, pd.DataFrame]] = {}

    def __call__(self, day: dt.date) -> tuple[BaseGeometry, pd.DataFrame]:
        if day not in self._days:
            self._days[day] = derive_day(day, archive_name(day),
                                         raw_bytes(self._deepstate_dir, day),
                                         self.units, self.ukraine)
        return self._days[day]


def make_data_dir(data_dir: Path, held: list[dt.date], derived: Derived,
                  boundaries_dir: Path = DATA_DIR) -> Path:
    """A data folder as scripts/build_data.py makes one, holding only the days ``held``:
    the boundaries, the daily series, the geometry of the shipped days and the monthly
    table."""
    data_dir.mkdir(parents=True)
    shutil.copy(boundaries_dir / UNITS_FILE, data_dir / UNITS_FILE)
    write_series(pd.concat([derived(day)[1] for day in held], ignore_index=True),
                 series_path(data_dir))
    for day in shipped_days(held):
        write_json(snapshot_path(day, data_dir),
                   occupied_collection(day, derived(day)[0], archive_name(day)))
    write_monthly(monthly_change(load_units(data_dir), month_spans(sorted(held)),
                                 lambda day: load_occupied(day, data_dir)),
                  monthly_path(data_dir))
    return data_dir


def digest(folder: Path) -> dict[str, str]:
    """The sha256 of every file under ``folder``, by relative path."""
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}
