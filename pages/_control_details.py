"""The control map page after its map: the sidebar's controls, the headline figures beside
the published ones, the table of units and the exports; and the map's page itself when none
was stored (pages/control_map.py draws a stored one before importing this module)."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import streamlit as st

from geo.control import ControlSnapshot
from geo.evaluate import Evaluation
from geo.export import scenario_geojson
from geo.layers import control_document
from geo.map_documents import document_path, write_document
from geo.published import published_for
from geo.scenarios import Scenario
from pages._outcomes import evaluation_on, slide_bytes
from pages._presenter import keyboard_control, slide_title
from pages._session import dates, map_frame
from pages._shared import published, snapshot, units
from pages._sources import (active, attribution, file_properties, ground_by_key, ground_of,
                            snapshot_by_key, snapshot_of, source_key)
from pages._sources import controls as data_controls

#: A map page is about 0.3 MB: this many of each kind stay ready in the process.
DOCUMENTS_KEPT = 64


@st.cache_resource(show_spinner=False, max_entries=DOCUMENTS_KEPT)
def bundled_document(date: dt.date, tiles: bool, presenter: bool) -> str:
    """The map page of the bundled snapshot of ``date``, also stored on disk for the next
    process (set-up stores the newest: scripts/store_maps.py)."""
    page = control_document(units(), snapshot(date), published(), tiles=tiles,
                            presenter=presenter)
    write_document(document_path(date, tiles=tiles, presenter=presenter), page)
    return page


@st.cache_resource(show_spinner=False, max_entries=DOCUMENTS_KEPT)
def own_document(key: str, credit: str, basis: str, tiles: bool, presenter: bool) -> str:
    """The map page of a visitor's own data (``key``: see pages/_sources.py), kept in the
    process only."""
    return control_document(units(), snapshot_by_key(key), published(), basis=basis,
                            credit=credit, tiles=tiles, presenter=presenter)


def headline(column, shares: pd.DataFrame, code: str, label: str, basis: str) -> None:
    row = shares.set_index("iso_3166_2").loc[code]
    column.metric(label, f"{row['occupied_pct']:.1f} %",
                  help=f"{row['occupied_km2']:,.0f} of {row['area_km2']:,.0f} km², computed in "
                       "an equal-area projection (EPSG:3035)")
    column.caption(basis)
    cited = published_for(published(), code)
    column.caption("Published: " + ("; ".join(cited) if cited else "none collected"))


def unit_table(shares: pd.DataFrame) -> pd.DataFrame:
    table = shares.copy()
    names_uk = units().set_index("iso_3166_2")["name_uk"]
    table.insert(2, "name_uk", table["iso_3166_2"].map(names_uk).fillna("Україна"))
    table["published"] = ["; ".join(published_for(published(), code))
                          for code in table["iso_3166_2"]]
    return table


def stop_presenting() -> None:
    st.session_state.cm_present = False


def sidebar() -> None:
    with st.sidebar:
        st.header("Ceasefire Atlas")
        st.select_slider("Snapshot date", options=dates(), format_func=dt.date.isoformat,
                         key="cm_date", help="Dated occupied-area snapshots from DeepStateMap")
        st.toggle("Basemap tiles (needs internet)", key="cm_tiles",
                  help="OpenStreetMap tiles under the map; the map is complete without them.")
        st.toggle("Presenter mode", key="cm_present",
                  help="The map fills the screen; Escape leaves.")
        data_controls()


def show(date: dt.date, *, tiles: bool, presenting: bool, heading, map_area,
         drawn: bool) -> None:
    """Everything of the page but a stored map (``drawn``: already in ``map_area``), with
    the title in ``heading`` unless it is there already."""
    sidebar()
    st.query_params.from_dict({"date": date.isoformat(),
                               **({"present": "1"} if presenting else {})})
    current = snapshot_of(date)
    own = active()
    if own is not None:
        date = current.date
    # Where the figures come from, for every caption: the bundled snapshot or the visitor's.
    basis = (f"Computed from {own.label}" if own
             else f"Computed from DeepStateMap, {date.isoformat()}")
    data_name = own.label if own else f"DeepStateMap {date.isoformat()}"
    if presenting:
        shares = current.shares.set_index("iso_3166_2")["occupied_pct"]
        title, leave = heading.columns([20, 3], vertical_alignment="center")
        with title:
            slide_title(f"Territorial control in Ukraine, {date.isoformat()}",
                        f"Held by Russia: {shares['UA']:.1f} % of Ukraine, Donetsk "
                        f"{shares['UA-14']:.1f} %, Luhansk {shares['UA-09']:.1f} % · line of "
                        f"contact {current.line_km:,.0f} km · Sources: {data_name}, Natural Earth")
        leave.button("Exit (Esc)", on_click=stop_presenting, use_container_width=True)
    elif own is not None:
        heading.markdown(f"### Territorial control in Ukraine, {date.isoformat()}")
    if not drawn:
        with map_area:
            map_frame(own_document(source_key(date), attribution(date), basis, tiles, presenting)
                      if own else bundled_document(date, tiles, presenting))
    if presenting:
        keyboard_control()
        st.stop()
    st.caption(f"{attribution(date)}. Boundaries: Natural Earth 10m admin-1 "
               "(public domain). Shares computed in an equal-area projection (EPSG:3035)."
               + (" Basemap © OpenStreetMap contributors, loaded from the internet: without "
                  "a connection the tiles stay blank and the map is still complete."
                  if tiles else ""))
    figures(current, basis)
    file_properties()
    table(current, date, basis)
    exports(current, date, own is not None)


def figures(current: ControlSnapshot, basis: str) -> None:
    columns = st.columns(4)
    headline(columns[0], current.shares, "UA", "Ukraine held by Russia", basis)
    headline(columns[1], current.shares, "UA-14", "Donetsk Oblast", basis)
    headline(columns[2], current.shares, "UA-09", "Luhansk Oblast", basis)
    columns[3].metric("Line of contact", f"{current.line_km:,.0f} km",
                      help="Occupied area's boundary that is neither state border nor coast, "
                           "measured in UTM 36N (EPSG:32636)")
    columns[3].caption(basis)


def table(current: ControlSnapshot, date: dt.date, basis: str) -> None:
    st.subheader(f"Share of each unit held by Russia on {date.isoformat()}")
    st.dataframe(
        unit_table(current.shares),
        hide_index=True,
        width="stretch",
        height=35 * 29 + 3,  # all 28 rows without an inner scroll bar
        column_config={
            "iso_3166_2": st.column_config.TextColumn("ISO 3166-2"),
            "name": st.column_config.TextColumn("Unit"),
            "name_uk": st.column_config.TextColumn("Українською"),
            "area_km2": st.column_config.NumberColumn("Area (km²)", format="%.0f"),
            "occupied_km2": st.column_config.NumberColumn("Held by Russia (km²)", format="%.0f"),
            "occupied_pct": st.column_config.NumberColumn("Held by Russia (%)", format="%.2f"),
            "published": st.column_config.TextColumn("Published figures (source, as of)"),
        },
    )
    st.caption(f"{basis} and Natural Earth boundaries, areas in EPSG:3035. Natural Earth "
               "leaves out some water (Kherson Oblast's official area is about 8 % larger).")


def exports(current: ControlSnapshot, date: dt.date, own: bool) -> None:
    st.subheader("Export")
    key = source_key(date)
    # A visitor's own ground is prepared already; held here, because the process may forget
    # it (it keeps a few) before the download is clicked.
    held = ground_of(date) if own else None

    def today() -> Evaluation:
        # Made on a download's click, in a thread of its own (no session there), so the
        # landing page need not prepare the snapshot's scenario ground.
        return evaluation_on(held or ground_by_key(key), Scenario("freeze"))

    stem = f"ceasefire-atlas_control_{date.isoformat()}"
    left, middle, right = st.columns(3)
    left.download_button("Shares by unit (CSV)", mime="text/csv", file_name=f"{stem}.csv",
                         data=lambda: unit_table(current.shares).round(4).to_csv(index=False))
    middle.download_button(
        "Occupied area and line of contact (GeoJSON)", mime="application/geo+json",
        file_name=f"{stem}.geojson",
        data=lambda: json.dumps(scenario_geojson(today()), ensure_ascii=False))
    right.download_button("Slide (PNG)", mime="image/png", file_name=f"{stem}.png",
                          data=lambda: slide_bytes(today(), "png"))
