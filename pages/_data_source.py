"""Which data a session's maps show: the bundled snapshots, a visitor's own control-area file,
or the newest occupied area from DeepStateMap's live API.

The derived figures of a file or a live answer are kept once per process by the content's
hash (bounded), like the bundled snapshots; the session only remembers which one it uses.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

import streamlit as st

from geo.data.control import ControlSnapshot, snapshot_from
from geo.data.snapshots import ATTRIBUTION
from geo.ingest import InputError
from geo.ingest.control import ControlFile, read_control_file
from geo.ingest.live import LIVE_ATTRIBUTION, LiveDataError, fetch_live
from geo.scenario.ground import Ground, prepare_ground
from pages._cached_data import ground, snapshot, units
from pages._page_setup import OWN_DATA_KEY

#: Derived data of this many files or live answers is kept per process.
KEPT = 16


@dataclass(frozen=True)
class Source:
    """A visitor's own occupied area: ``key`` names its figures in this process."""

    key: str
    label: str
    date: dt.date
    attribution: str


_lock = threading.Lock()
_kept: OrderedDict[str, tuple[ControlSnapshot, Ground]] = OrderedDict()


def _keep(key: str, occupied, date: dt.date) -> None:
    with _lock:
        if key in _kept:
            _kept.move_to_end(key)
            return
    current = snapshot_from(occupied, date, units())
    derived = (current, prepare_ground(units(), current))
    with _lock:
        _kept[key] = derived
        while len(_kept) > KEPT:
            _kept.popitem(last=False)


def _source(kind: str, geometry, label: str, date: dt.date, attribution: str) -> Source:
    key = f"{kind}:{hashlib.sha256(geometry.wkb).hexdigest()[:24]}"
    st.session_state.atlas_source_geometry = geometry
    _keep(key, geometry, date)
    return Source(key, label, date, attribution)


def active() -> Source | None:
    """The visitor's own data, if the session uses it (re-derived if the process forgot)."""
    source = st.session_state.get(OWN_DATA_KEY)
    if source is not None and source.key not in _kept:
        _keep(source.key, st.session_state.atlas_source_geometry, source.date)
    return source


def snapshot_of(date: dt.date) -> ControlSnapshot:
    """The snapshot this session shows: its own data, else the bundled one of ``date``."""
    source = active()
    return _kept[source.key][0] if source else snapshot(date)


def ground_of(date: dt.date) -> Ground:
    """The scenario ground this session uses (see :func:`snapshot_of`)."""
    source = active()
    return _kept[source.key][1] if source else ground(date)


def snapshot_by_key(key: str) -> ControlSnapshot:
    """A snapshot by its key (see :func:`ground_by_key`)."""
    if ":" in key:
        return _kept[key][0]
    return snapshot(dt.date.fromisoformat(key))


def ground_by_key(key: str) -> Ground:
    """A ground by its key: an ISO date (bundled) or a visitor's data key (kept by
    :func:`active` earlier in the same run)."""
    if ":" in key:
        return _kept[key][1]
    return ground(dt.date.fromisoformat(key))


def source_key(date: dt.date) -> str:
    source = active()
    return source.key if source else date.isoformat()


def _use_file() -> None:
    upload = st.session_state.get("src_upload")
    if upload is None:
        return
    try:
        control: ControlFile = read_control_file(upload.name, upload.getvalue())
    except InputError as error:
        st.session_state.src_message = ("error", f"{upload.name}: {error}")
        return
    date = control.date or dt.date.today()
    dated = control.date.isoformat() if control.date else "no date in the file"
    st.session_state[OWN_DATA_KEY] = _source(
        "upload", control.geometry, f"{control.name} ({dated})", date,
        control.attribution or f"Occupied areas: {control.name}, a visitor's file")
    st.session_state.src_properties = control.properties[:20]
    st.session_state.src_message = ("notes", control.notes)


def _use_live() -> None:
    try:
        live = fetch_live()
    except LiveDataError as error:
        st.session_state.src_message = ("warning", f"Live data unavailable: {error}. "
                                                   "Showing the bundled snapshots.")
        return
    fetched = live.fetched_at
    st.session_state[OWN_DATA_KEY] = _source(
        "live", live.occupied, f"DeepStateMap live, fetched {fetched:%Y-%m-%d %H:%M} UTC",
        fetched.date(), LIVE_ATTRIBUTION)
    st.session_state.src_message = ("notes", ())


def _use_bundled() -> None:
    st.session_state[OWN_DATA_KEY] = None
    st.session_state.src_message = None


def controls() -> None:
    """The sidebar's "Your data" section: upload a file, fetch live data, or go back."""
    st.subheader("Data")
    st.file_uploader("Your own occupied area (GeoJSON, KML/KMZ or zipped Shapefile)",
                     type=["geojson", "json", "kml", "kmz", "zip"], key="src_upload",
                     on_change=_use_file)
    st.button("Load the newest from DeepStateMap (online)", on_click=_use_live)
    source = active()
    if source is not None:
        st.caption(f"Showing: {source.label}")
        st.button("Back to the bundled snapshots", on_click=_use_bundled)
    message = st.session_state.get("src_message")
    if message and message[0] == "error":
        st.error(message[1])
    elif message and message[0] == "warning":
        st.warning(message[1])
    elif message and message[1]:
        for note in message[1]:
            st.info(note)


def attribution(date: dt.date) -> str:
    """The credit and date of what is shown."""
    source = active()
    return f"{source.attribution}; {source.label}" if source else \
        f"{ATTRIBUTION}, snapshot {date.isoformat()}"


def file_properties() -> None:
    """What the visitor's file holds, shown as plain text in a table (never as HTML)."""
    properties = st.session_state.get("src_properties")
    if active() is None or not properties:
        return
    with st.expander("What your file holds (first features)"):
        rows = [{"feature": i + 1, "property": str(k), "value": str(v)}
                for i, props in enumerate(properties) for k, v in props][:100]
        st.table(rows)
