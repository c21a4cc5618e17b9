"""Control map: who holds what on a chosen day, computed beside the published figures.

The day is resolved against the daily series and the shipped maps (pages/_dates.py, standard
library only), and the map comes first, from a page stored on disk when there is one
(geo.maps.stored_pages); only then are the modules behind the figures imported
(pages/_control_map_details.py): in a new process they take about 1.5 s to import, which a first
visitor would otherwise spend looking at an empty page. Its text is in the visitor's language
(pages/_language.py, as light).
"""

from __future__ import annotations

import streamlit as st

from geo.maps.stored_pages import document_path, read_document
from pages._dates import HeldDayError, choice, day_from_link, day_text, drawn_note, held, newest
from pages._language import _, language
from pages._page_setup import (arrived, fit_top_padding, leave_pages_directory_mode, map_frame,
                               uses_own_data)


def read_link_once() -> None:
    """Set the day and presenter mode from the URL the first time a session opens the page
    (or whenever they are missing: the light part below reads them before any widget)."""
    if not arrived("control_map") and {"cm_date", "cm_present"} <= st.session_state.keys():
        return
    st.session_state.cm_present = st.query_params.get("present") == "1"
    st.session_state.cm_date, warning = day_from_link(st.query_params.get("date"))
    if warning:
        st.session_state.cm_warning = warning


leave_pages_directory_mode()
if not held():
    st.error(_("The daily series (data/daily_control.csv) is missing, so there is no day to "
               "show: run scripts/build_data.py."))
    st.stop()
read_link_once()
if "cm_warning" in st.session_state:
    st.warning(_("Link parameter ignored: {problem}", problem=st.session_state.pop("cm_warning")))
fit_top_padding()
# A cleared date field leaves no day: the newest is shown, as on arrival.
try:
    shown = choice(st.session_state.get("cm_date") or newest())
except HeldDayError as error:  # a series without shipped maps: a broken data folder
    st.error(_("No map to show: {problem}. Run scripts/build_data.py.",
               problem=error.text(language())))
    st.stop()
tiles: bool = st.session_state.get("cm_tiles", False)
presenting: bool = st.session_state.cm_present
own = uses_own_data()
heading = st.container()
if not own and not presenting:
    heading.markdown("### " + _("Territorial control in Ukraine, {day}",
                                day=day_text(shown.held)))
# Always in its place, empty or not, so the map's frame keeps its place in the page (an
# element appearing above it would move the frame, and the map would be drawn again).
notice = st.empty()
note = None if own else drawn_note(
    shown, figures=_("the figures and the table are of {day}", day=day_text(shown.held)))
if note and not presenting:
    # A line, not a box: the map must still start, and end, above the fold at 1280x800.
    notice.caption(f":material/calendar_month: **{note}**")
# Keyed: presenter mode's style finds the map's frame by this container.
map_area = st.container(key="atlas-map")
stored = None if own else read_document(document_path(shown.drawn, tiles=tiles,
                                                      presenter=presenting, lang=language()))
if stored is not None:
    with map_area:
        map_frame(stored)

import pages._control_map_details as details  # noqa: E402 (after the map: see the docstring)

details.show(shown, tiles=tiles, presenting=presenting, heading=heading, map_area=map_area,
             drawn=stored is not None)
