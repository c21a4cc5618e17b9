"""What every page shares: process-wide caches of the data (one copy for all visitors,
keyed by snapshot, never by session) and small display helpers. Nothing cached here may be
mutated by a page."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo.data.boundaries import load_units
from geo.data.control import ControlSnapshot, compute_snapshot
from geo.data.published import load_published
from geo.data.series import load_day, load_series, series_path
from geo.data.towns import load_towns
from geo.pace.history import Change, compare_dates, day_shares, series_history
from geo.scenario.bands import precompute, warm_order
from geo.scenario.ground import Ground, prepare_ground
from geo.scenario.proposals import UA_KM
from pages._page_setup import dates


@st.cache_resource(show_spinner=False)
def units() -> gpd.GeoDataFrame:
    return load_units()


#: About 145 days ship a map; a snapshot holds its occupied area and line (about 1 MB), a
#: ground much more: the most recently used of each stay, as many as below.
SNAPSHOTS_KEPT, GROUNDS_KEPT = 64, 16


@st.cache_resource(show_spinner=False, max_entries=SNAPSHOTS_KEPT)
def snapshot(date: dt.date) -> ControlSnapshot:
    """The figures of a shipped day's map (geometry: call it for shipped days only)."""
    return compute_snapshot(date, units())


#: One worker computes the newest snapshot's bands in the background (GEOS releases the GIL),
#: so slider moves find them ready; other dates get theirs on first use.
_warming = ThreadPoolExecutor(max_workers=1, thread_name_prefix="atlas-bands")


@st.cache_resource(show_spinner=False, max_entries=GROUNDS_KEPT)
def ground(date: dt.date) -> Ground:
    prepared = prepare_ground(units(), snapshot(date))
    if date == dates()[-1]:
        _warming.submit(precompute, prepared,
                        warm_order(UA_KM.default, int(UA_KM.high)))
    return prepared


@st.cache_resource(show_spinner=False)
def towns() -> pd.DataFrame:
    return load_towns(ground(dates()[-1]).ukraine)


@st.cache_resource(show_spinner=False)
def published() -> pd.DataFrame:
    return load_published()


def _series_version() -> tuple[int, int]:
    """What identifies the series' file's contents (``geo update`` rewrites it)."""
    status = series_path().stat()
    return status.st_mtime_ns, status.st_size


@st.cache_resource(show_spinner=False, max_entries=2)
def _history(version: tuple[int, int]) -> pd.DataFrame:
    return series_history(load_series(), units())


def history() -> pd.DataFrame:
    """Shares of every unit and of Ukraine on every held day, read from the daily series
    (geo.pace.history.series_history: columns HISTORY_COLUMNS, no share computed), once per
    process and version of the file."""
    return _history(_series_version())


@st.cache_resource(show_spinner=False, max_entries=1024)
def _day(version: tuple[int, int], day: dt.date) -> pd.DataFrame:
    # The day's rows alone: the control map's first run need not load the whole series.
    return day_shares(series_history(load_day(day), units()), day)


def shares_of_day(day: dt.date) -> pd.DataFrame:
    """A held day's shares from the series, shaped like geo.data.shares.control_shares (27 units,
    then "UA"). Raises ValueError for a day the series does not hold."""
    return _day(_series_version(), day)


# Keyed by two shipped days: the ground that changed hands between them takes geometry work
# and up to a few MB, so a bounded number of pairs is kept (about 145 shipped days).
@st.cache_resource(show_spinner=False, max_entries=128)
def change(earlier: dt.date, later: dt.date) -> Change:
    """Ground that changed hands between two shipped days, with their shares."""
    return compare_dates(units(), history(), earlier, later, lambda d: snapshot(d).occupied)
