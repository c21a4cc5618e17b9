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
from geo.snapshots import available_dates, load_occupied
from geo.towns import load_towns


def leave_pages_directory_mode() -> None:
    """Make sure streamlit_app.py's navigation is in charge, then carry on.

    Streamlit starts in its old "pages/ directory" mode because pages/ exists, and stays in
    it until the entry script has called st.navigation once; a first visitor arriving on a
    deep link (/scenarios) would get this page run bare: wrong menu, no page config. Clearing
    the flag and rerunning hands the run to streamlit_app.py, which keeps the URL's page.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def arrived(page: str) -> bool:
    """Record that this run shows ``page``; True on the first run of a visit to it (a new
    session, or one coming from another page). Every page calls it first thing, so that a
    page can re-read its link on arrival and only then: mid-visit, the browser's address can
    lag behind the page's own updates to it."""
    previous = st.session_state.get("atlas_page")
    st.session_state["atlas_page"] = page
    return previous != page


@st.cache_resource(show_spinner=False)
def units() -> gpd.GeoDataFrame:
    return load_units()


@st.cache_resource(show_spinner=False)
def dates() -> list[dt.date]:
    return available_dates()


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


def fit_top_padding() -> None:
    """Less padding above the title, so the map starts above the fold at 1280x800, and
    headline numbers small enough for five across at 1280 px."""
    st.markdown("<style>.block-container{padding-top:2.2rem}"
                "[data-testid=stMetricValue]{font-size:1.75rem}</style>",
                unsafe_allow_html=True)
