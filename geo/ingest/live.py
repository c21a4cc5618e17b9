"""The newest occupied area from DeepStateMap's public API (optional, online only).

The app never needs this: the bundled snapshots are always there and are what it falls back
to. Fetching has a short timeout and a size limit, and every failure is a :class:`LiveDataError`
whose message says what went wrong in one sentence.
"""

from __future__ import annotations

import datetime as dt
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass

from shapely.geometry.base import BaseGeometry

from geo.ingest import InputError
from geo.ingest.limits import MAX_FILE_BYTES

#: DeepStateMap's API for its latest map (features' properties.name hold several languages).
LIVE_URL = "https://deepstatemap.live/api/history/last"
TIMEOUT_S = 5.0
LIVE_ATTRIBUTION = "Occupied areas: DeepStateMap (deepstatemap.live), live API"


class LiveDataError(RuntimeError):
    """The live data could not be had; the message says why."""


@dataclass(frozen=True)
class LiveSnapshot:
    """The occupied area (EPSG:4326, clipped to Ukraine) as fetched, and when."""

    occupied: BaseGeometry
    fetched_at: dt.datetime
    url: str


def fetch_live(url: str = LIVE_URL, *, timeout_s: float = TIMEOUT_S,
               max_bytes: int = MAX_FILE_BYTES) -> LiveSnapshot:
    """Fetch and validate the newest occupied area.

    Raises
    ------
    LiveDataError
        On a timeout, a network or HTTP error, an answer over ``max_bytes``, or an answer
        that is not a valid occupied area (the validation of uploaded files applies).
    """
    from geo.ingest.control import read_control_file

    request = urllib.request.Request(url, headers={"User-Agent": "CeasefireAtlas/0.1"})
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            data = response.read(max_bytes + 1)
    except (socket.timeout, TimeoutError):
        raise LiveDataError(f"DeepStateMap did not answer within {timeout_s:g} s") from None
    except urllib.error.HTTPError as error:
        raise LiveDataError(f"DeepStateMap answered HTTP {error.code}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise LiveDataError(f"DeepStateMap could not be reached ({reason})") from None
    if len(data) > max_bytes:
        raise LiveDataError(f"DeepStateMap's answer is larger than {max_bytes:,} bytes")
    try:
        control = read_control_file("deepstatemap-live.geojson", data)
    except InputError as error:
        raise LiveDataError(f"DeepStateMap's answer is not a usable occupied area: {error}") \
            from None
    return LiveSnapshot(control.geometry, dt.datetime.now(dt.timezone.utc), url)
