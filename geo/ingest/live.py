"""The newest occupied area from DeepStateMap's public API (optional, online only).

The app never needs this: the bundled snapshots are always there and are what it falls back
to. Fetching has a short timeout and a size limit, and every failure is a :class:`LiveDataError`
whose message says what went wrong in one sentence (a :class:`geo.language.Message`, written
in the visitor's language where it is shown).
"""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass

from shapely.geometry.base import BaseGeometry

from geo.ingest import InputError
from geo.ingest.limits import MAX_FILE_BYTES
from geo.ingest.messages import Described, Number
from geo.language import N_, Message

#: DeepStateMap's API for its latest map (features' properties.name hold several languages).
LIVE_URL = "https://deepstatemap.live/api/history/last"
TIMEOUT_S = 5.0
#: The credit DeepStateMap's licence asks for (shown with ``gettext(LIVE_ATTRIBUTION, lang)``).
LIVE_ATTRIBUTION = N_("Occupied areas: DeepStateMap (deepstatemap.live), live API")


#: Reasons a connection fails (the system's, in English) -> how other languages say them.
_REASONS = (
    (ConnectionRefusedError, N_("the connection was refused")),
    (ConnectionResetError, N_("the connection was reset")),
    (socket.gaierror, N_("its address could not be found")),
    (ssl.SSLError, N_("the secure connection failed")),
)


class LiveDataError(RuntimeError):
    """The live data could not be had: ``message`` says why, in any language
    (``message.text(lang)``); ``str()`` is the English sentence."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


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
    except TimeoutError:  # socket.timeout too (an alias)
        raise LiveDataError(Message("DeepStateMap did not answer within {seconds} s",
                                    {"seconds": Number(timeout_s, decimals=None)})) from None
    except urllib.error.HTTPError as error:
        raise LiveDataError(Message("DeepStateMap answered HTTP {status}",
                                    {"status": str(error.code)})) from None
    except (urllib.error.URLError, OSError) as error:
        raise LiveDataError(Message("DeepStateMap could not be reached ({reason})",
                                    {"reason": _reason(error)})) from None
    if len(data) > max_bytes:
        raise LiveDataError(Message("DeepStateMap's answer is larger than {limit} bytes",
                                    {"limit": Number(max_bytes)}))
    try:
        control = read_control_file("deepstatemap-live.geojson", data)
    except InputError as error:
        raise LiveDataError(Message("DeepStateMap's answer is not a usable occupied area: "
                                    "{reason}", {"reason": error.message})) from None
    return LiveSnapshot(control.geometry, dt.datetime.now(dt.UTC), url)


def _reason(error: OSError) -> Message | str:
    """Why a connection failed: the system's words (e.g. "[Errno 111] Connection refused"),
    described in other languages when they are of a known kind, else as they are."""
    reason = getattr(error, "reason", error)
    for kind, description in _REASONS:
        if isinstance(reason, kind):
            return Described(description, original=str(reason))
    return str(reason)
