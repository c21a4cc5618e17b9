"""Which data a session's maps show: the bundled snapshots, a visitor's own control-area file,
or the newest occupied area from DeepStateMap's live API.

The derived figures of a file or a live answer are kept once per process by the content's
hash (bounded), like the bundled snapshots; the session only remembers which one it uses.
What the section says is in the visitor's language (pages/_language.py), written when shown:
the session keeps what a file's reader said as messages (geo.language.Message), so a switch
of language rewrites them too.
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
from pages._dates import day_text
from pages._language import _, language
from pages._page_setup import OWN_DATA_KEY

#: Derived data of this many files or live answers is kept per process.
KEPT = 16
@dataclass(frozen=True)
class Source:
    """A visitor's own occupied area: ``key`` names its figures in this process; ``date`` is
    its day (the file's, else today; the live answer's UTC day). What it is and its credit
    are written in the session's language when asked (:attr:`label`, :attr:`attribution`)."""

    key: str
    date: dt.date
    #: The file's name; None for DeepStateMap's live API.
    name: str | None = None
    #: Whether the file gave its day (else ``date`` is the day it was read).
    dated: bool = True
    #: The credit the file's data asks for (English, as in the file's reader), if any.
    credit: str | None = None
    #: When the live answer was fetched (UTC); None for a file.
    fetched_at: dt.datetime | None = None

    @property
    def label(self) -> str:
        """E.g. "my_area.geojson (2026-02-01)" or "DeepStateMap live, fetched 2026-12-01
        10:00 UTC"."""
        if self.fetched_at is not None:
            return _("DeepStateMap live, fetched {day} {time} UTC",
                     day=day_text(self.fetched_at.date()), time=self.fetched_at.strftime("%H:%M"))
        dated = day_text(self.date) if self.dated else _("no date in the file")
        return f"{self.name} ({dated})"

    @property
    def attribution(self) -> str:
        """The credit of the data: its own, else the visitor's file named as its source."""
        if self.fetched_at is not None:
            return _(LIVE_ATTRIBUTION)
        if self.credit:
            return _(self.credit)
        return _("Occupied areas: {name}, a visitor's file", name=self.name)


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


def _source(kind: str, geometry, date: dt.date, **about) -> Source:
    key = f"{kind}:{hashlib.sha256(geometry.wkb).hexdigest()[:24]}"
    st.session_state.atlas_source_geometry = geometry
    _keep(key, geometry, date)
    return Source(key, date, **about)


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
        st.session_state.src_message = ("error", (upload.name, error.message))
        return
    st.session_state[OWN_DATA_KEY] = _source(
        "upload", control.geometry, control.date or dt.date.today(), name=control.name,
        dated=control.date is not None, credit=control.attribution)
    st.session_state.src_properties = control.properties[:20]
    st.session_state.src_message = ("notes", control.notices)


def _use_live() -> None:
    try:
        live = fetch_live()
    except LiveDataError as error:
        st.session_state.src_message = ("warning", error.message)
        return
    fetched = live.fetched_at
    st.session_state[OWN_DATA_KEY] = _source("live", live.occupied, fetched.date(),
                                             fetched_at=fetched)
    st.session_state.src_message = ("notes", ())


def _use_bundled() -> None:
    st.session_state[OWN_DATA_KEY] = None
    st.session_state.src_message = None


def controls() -> None:
    """The sidebar's "Your data" section: upload a file, fetch live data, or go back."""
    lang = language()
    st.subheader(_("Data"))
    st.file_uploader(_("Your own occupied area (GeoJSON, KML/KMZ or zipped Shapefile)"),
                     type=["geojson", "json", "kml", "kmz", "zip"], key="src_upload",
                     on_change=_use_file)
    st.button(_("Load the newest from DeepStateMap (online)"), on_click=_use_live)
    source = active()
    if source is not None:
        st.caption(_("Showing: {source}", source=source.label))
        st.button(_("Back to the bundled snapshots"), on_click=_use_bundled)
    kind, said = st.session_state.get("src_message") or (None, None)
    if kind == "error":
        name, why = said
        st.error(f"{name}: {why.text(lang)}")
    elif kind == "warning":
        st.warning(_("Live data unavailable: {reason}. Showing the bundled snapshots.",
                     reason=said.text(lang)))
    elif said:
        for note in said:
            st.info(note.text(lang))


def attribution(date: dt.date) -> str:
    """The credit and date of what is shown, in the session's language."""
    source = active()
    return f"{source.attribution}; {source.label}" if source else \
        _("{credit}, snapshot {day}", credit=_(ATTRIBUTION), day=day_text(date))


def file_properties() -> None:
    """What the visitor's file holds, shown as plain text in a table (never as HTML)."""
    properties = st.session_state.get("src_properties")
    if active() is None or not properties:
        return
    with st.expander(_("What your file holds (first features)")):
        # The column names are the table's headers; the values are the file's own, as text.
        feature, name, value = _("feature"), _("property"), _("value")
        rows = [{feature: i + 1, name: str(k), value: str(v)}
                for i, props in enumerate(properties) for k, v in props][:100]
        st.table(rows)
