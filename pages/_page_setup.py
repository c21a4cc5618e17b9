"""What every page needs before any data: navigation, arrival, layout and the snapshot
dates. Nothing here imports pandas, geopandas or folium (about 1.5 s in a new process), so a
page can draw its first map before they are loaded."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from pages._dates import shipped

#: Where a session keeps the visitor's own data, if any (set by pages/_data_source.py).
OWN_DATA_KEY = "atlas_source"
#: Height of a page's map frame (px), outside presenter mode.
MAP_HEIGHT_PX = 600


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


def dates() -> list[dt.date]:
    """The days whose map ships, oldest first (pages/_dates.py: listed again when the folder
    changes)."""
    return shipped()


def fit_top_padding() -> None:
    """Less padding above the title, so the map starts above the fold at 1280x800, and
    headline numbers small enough for five across at 1280 px."""
    st.markdown("<style>.block-container{padding-top:2.2rem}"
                "[data-testid=stMetricValue]{font-size:1.75rem}</style>",
                unsafe_allow_html=True)


def uses_own_data() -> bool:
    """Whether the session shows the visitor's own data instead of the bundled snapshots."""
    return st.session_state.get(OWN_DATA_KEY) is not None


def map_frame(page: str) -> None:
    """A finished map page (e.g. :func:`geo.maps.control_layers.control_document`) in a frame as
    wide as the page."""
    st.iframe(page, height=MAP_HEIGHT_PX)
