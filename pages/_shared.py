"""What every page shares: process-wide caches of the data (one copy for all visitors,
keyed by snapshot, never by session) and small display helpers. Nothing cached here may be
mutated by a page."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo.bands import precompute, warm_order
from geo.boundaries import load_units
from geo.control import ControlSnapshot, compute_snapshot
from geo.ground import Ground, prepare_ground
from geo.params import DEFAULT_PULLBACK_KM
from geo.scenarios import PULLBACK_RANGE_KM
from geo.history import Change, compare_dates, share_history
from geo.published import load_published
from geo.snapshots import load_occupied
from geo.towns import load_towns
from pages._session import dates


@st.cache_resource(show_spinner=False)
def units() -> gpd.GeoDataFrame:
    return load_units()


@st.cache_resource(show_spinner=False)
def snapshot(date: dt.date) -> ControlSnapshot:
    return compute_snapshot(date, units())


#: One worker computes the newest snapshot's bands in the background (GEOS releases the GIL),
#: so slider moves find them ready; other dates get theirs on first use.
_warming = ThreadPoolExecutor(max_workers=1, thread_name_prefix="atlas-bands")


@st.cache_resource(show_spinner=False)
def ground(date: dt.date) -> Ground:
    prepared = prepare_ground(units(), snapshot(date))
    if date == dates()[-1]:
        _warming.submit(precompute, prepared,
                        warm_order(DEFAULT_PULLBACK_KM, int(PULLBACK_RANGE_KM[1])))
    return prepared


@st.cache_resource(show_spinner=False)
def towns() -> pd.DataFrame:
    return load_towns(ground(dates()[-1]).ukraine)


@st.cache_resource(show_spinner=False)
def published() -> pd.DataFrame:
    return load_published()


@st.cache_resource(show_spinner=False)
def history() -> pd.DataFrame:
    """Shares on every snapshot date (geo.history.share_history), computed once per process."""
    return share_history(units(), dates(), load_occupied)


# At most 28 x 28 date pairs: small enough to keep every pair a visitor asks for.
@st.cache_resource(show_spinner=False, max_entries=1024)
def change(earlier: dt.date, later: dt.date) -> Change:
    return compare_dates(units(), history(), earlier, later, lambda d: snapshot(d).occupied)
