"""Fetching the days ``python -m geo update`` adds (:mod:`geo.update.pipeline`): each day's map
from one of two sources, over HTTP with a timeout and a size limit per request.

- ``archive`` (the default): the raw daily files of cyterat/deepstate-map-data,
  ``{base}/deepstatemap_data_YYYYMMDD.geojson``. A day it lacks (HTTP 404) is a gap: reported,
  never filled. The archive names each file by the day it fetched DeepStateMap's newest map
  (about 05:00 UTC), so its day D mostly holds the map published on the evening of D-1.
- ``api``: DeepStateMap's own history. ``{base}/api/history/public`` lists its maps as a JSON
  array of objects such as ``{"id": 1790879037, "createdAt": "2026-10-01T18:23:57.000Z",
  "status": true, "description": ..., "descriptionEn": ...}`` (oldest first; ``id`` is the
  map's creation time in Unix seconds), and ``{base}/api/history/{id}/geojson`` answers one
  map as DeepStateMap's layered GeoJSON (features named "Окуповано///Occupied///...",
  liberated and contested areas, points), of which only the occupied layers are used. A map's
  day is the UTC day of its ``createdAt`` (else of its ``id``); of several maps on one day
  the last is taken; entries with ``"status": false`` (not published) are skipped. This shape
  was read from public clients of the API (see deploy/README.md, "Keeping the data fresh");
  the API was not reachable from the machine this was written on.

A series should stay with one source: the two date the same map a day apart. Every failure
is an :class:`~geo.update.errors.UpdateError`.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from geo.ingest.limits import MAX_FILE_BYTES
from geo.update.errors import UpdateError

Source = Literal["archive", "api"]
#: The sources :func:`geo.update.pipeline.update` can fetch from.
SOURCES: tuple[Source, ...] = ("archive", "api")
#: Default base URL of each source.
BASE_URLS: dict[Source, str] = {
    "archive": "https://raw.githubusercontent.com/cyterat/deepstate-map-data/main/data",
    "api": "https://deepstatemap.live",
}
#: Each source as its messages name it.
SOURCE_NAMES: dict[Source, str] = {"archive": "the archive", "api": "DeepStateMap"}
#: The archive's file of a day, under its base URL.
ARCHIVE_FILE = "deepstatemap_data_{day:%Y%m%d}.geojson"
#: DeepStateMap's list of dated maps, and one map as GeoJSON, under its base URL.
API_LIST_PATH = "/api/history/public"
API_MAP_PATH = "/api/history/{id}/geojson"

#: Seconds each request may take to connect and between bytes received.
TIMEOUT_S = 20.0
#: Largest answer accepted for one day's map (bytes): the upload limit.
MAX_MAP_BYTES = MAX_FILE_BYTES
#: Largest answer accepted for the API's list of maps (bytes). It holds every map since
#: 2022 with its description, about 1,000 bytes each; 20 MiB leaves room for years more.
MAX_LIST_BYTES = 20 * 1024 * 1024

_USER_AGENT = "CeasefireAtlas/0.1 (python -m geo update)"


@dataclass(frozen=True)
class RawMap:
    """One day's map as fetched: its bytes, a file name (a label) and what it came from."""

    data: bytes
    name: str
    derived_from: str


@dataclass(frozen=True)
class Fetcher:
    """GET with a timeout and a size limit; every failure an :class:`UpdateError`."""

    timeout_s: float
    what: str

    def __call__(self, url: str, max_bytes: int) -> bytes | None:
        """The answer's bytes, or None for HTTP 404."""
        request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                data = response.read(max_bytes + 1)
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            raise UpdateError(f"{self.what} answered HTTP {error.code} for {url}; nothing was "
                              "changed") from None
        except TimeoutError:
            raise self._timeout(url) from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise self._timeout(url) from None
            reason = getattr(error.reason, "strerror", None) or error.reason
            raise UpdateError(f"cannot connect to {self.what} at {url} ({reason}): this "
                              "machine may be offline; nothing was changed",
                              offline=True) from None
        except (OSError, http.client.HTTPException) as error:
            reason = str(error) or type(error).__name__
            raise UpdateError(f"{self.what}'s answer for {url} broke off ({reason}); nothing "
                              "was changed") from None
        if len(data) > max_bytes:
            raise UpdateError(f"{self.what}'s answer for {url} is larger than {max_bytes:,} "
                              "bytes; nothing was changed")
        return data

    def _timeout(self, url: str) -> UpdateError:
        return UpdateError(f"{self.what} did not answer within {self.timeout_s:g} s for {url}; "
                           "nothing was changed")


#: A source's map of each day: a day to its :class:`RawMap`, None for a gap.
DayMap = Callable[[dt.date], "RawMap | None"]


def archive_days(base: str, fetch: Fetcher, max_bytes: int) -> DayMap:
    """The archive's file of each day, None where it has none (HTTP 404: a gap)."""
    def day_map(day: dt.date) -> RawMap | None:
        name = ARCHIVE_FILE.format(day=day)
        data = fetch(f"{base}/{name}", max_bytes)
        return None if data is None else RawMap(data, name, name)
    return day_map


def api_days(base: str, fetch: Fetcher, max_bytes: int, window: list[dt.date]) -> DayMap:
    """DeepStateMap's last published map of each day, None for a day without one."""
    url = base + API_LIST_PATH
    data = fetch(url, MAX_LIST_BYTES)
    if data is None:
        raise UpdateError(f"DeepStateMap has no list of maps at {url} (HTTP 404); nothing was "
                          "changed")
    last_of_day = _last_map_of_each_day(data, url, set(window))

    def day_map(day: dt.date) -> RawMap | None:
        map_id = last_of_day.get(day)
        if map_id is None:
            return None
        path = API_MAP_PATH.format(id=map_id)
        answer = fetch(base + path, max_bytes)
        if answer is None:
            raise UpdateError(f"DeepStateMap lists map {map_id} of {day.isoformat()} but "
                              f"answered HTTP 404 for {base + path}; nothing was changed")
        return RawMap(answer, f"deepstatemap_history_{map_id}.geojson", path.lstrip("/"))
    return day_map


def _last_map_of_each_day(data: bytes, url: str, days: set[dt.date]) -> dict[dt.date, int]:
    """The id of the last published map of each of ``days`` in the API's list."""
    try:
        entries = json.loads(data)
    except (ValueError, RecursionError):
        raise UpdateError(f"DeepStateMap's list of maps at {url} is not JSON; nothing was "
                          "changed") from None
    if not isinstance(entries, list):
        raise UpdateError(f"DeepStateMap's list of maps at {url} is not a JSON array; nothing "
                          "was changed")
    last: dict[dt.date, tuple[dt.datetime, int]] = {}
    for entry in entries:
        map_id = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(map_id, int) or isinstance(map_id, bool) or map_id <= 0:
            raise UpdateError(f"DeepStateMap's list of maps at {url} has an entry without a "
                              "numeric id; nothing was changed")
        if entry.get("status") is False:  # not published
            continue
        created = _created_at(entry)
        day = created.date()
        if day in days and (day not in last or (created, map_id) > last[day]):
            last[day] = (created, map_id)
    return {day: map_id for day, (_, map_id) in last.items()}


def _created_at(entry: dict) -> dt.datetime:
    """When a listed map was created, in UTC: its createdAt, else its id (Unix seconds)."""
    text = entry.get("createdAt")
    if isinstance(text, str):
        try:
            created = dt.datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            if created.tzinfo is None:
                created = created.replace(tzinfo=dt.UTC)
            return created.astimezone(dt.UTC)
    return dt.datetime.fromtimestamp(entry["id"], dt.UTC)
