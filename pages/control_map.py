"""Control map: who holds what on a chosen date, computed beside the published figures.

The map comes first, from a page stored on disk when there is one (geo.map_documents), and
only then are the modules behind the figures imported (pages/_control_details.py): in a new
process they take about 1.5 s to import, which a first visitor would otherwise spend looking
at an empty page.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from geo.map_documents import document_path, read_document
from geo.snapshots import SnapshotDateError, snapshot_for
from pages._session import (arrived, dates, fit_top_padding, leave_pages_directory_mode,
                            map_frame, uses_own_data)


def read_link_once() -> None:
    """Set the date and presenter mode from the URL the first time a session opens the page
    (or whenever they are missing: the light part below reads them before any widget)."""
    if not arrived("control_map") and {"cm_date", "cm_present"} <= st.session_state.keys():
        return
    st.session_state.cm_present = st.query_params.get("present") == "1"
    st.session_state.cm_date = dates()[-1]
    if "date" in st.query_params:
        try:
            st.session_state.cm_date = snapshot_for(dt.date.fromisoformat(st.query_params["date"]))
        except (ValueError, SnapshotDateError) as error:
            st.session_state.cm_warning = f"date: {error}; showing the newest snapshot"


leave_pages_directory_mode()
read_link_once()
if "cm_warning" in st.session_state:
    st.warning(f"Link parameter ignored: {st.session_state.pop('cm_warning')}")
fit_top_padding()
date: dt.date = st.session_state.cm_date
tiles: bool = st.session_state.get("cm_tiles", False)
presenting: bool = st.session_state.cm_present
own = uses_own_data()
heading = st.container()
if not own and not presenting:
    heading.markdown(f"### Territorial control in Ukraine, {date.isoformat()}")
# Keyed: presenter mode's style finds the map's frame by this container.
map_area = st.container(key="atlas-map")
stored = None if own else read_document(document_path(date, tiles=tiles, presenter=presenting))
if stored is not None:
    with map_area:
        map_frame(stored)

import pages._control_details as details  # noqa: E402 (after the map: see the docstring)

details.show(date, tiles=tiles, presenting=presenting, heading=heading, map_area=map_area,
             drawn=stored is not None)
