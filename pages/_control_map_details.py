"""The control map page after its map: the sidebar's controls, the headline figures beside
the published ones, the table of units and the exports; and the map's page itself when none
was stored (pages/control_map.py draws a stored one before importing this module).

The figures and the table are the chosen day's own, from the daily series; the map, the line
of contact and the geometry exports are of the shipped day drawn for it (the same day when
its map ships; the page says so when not).

Its text is in the visitor's language (pages/_language.py), the map's and its downloaded
page's too."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import streamlit as st

from geo.data.control import ControlSnapshot
from geo.data.names import UNIT_NAMES
from geo.data.published import published_for
from geo.language import gettext, km, km2, number, percent
from geo.maps.base import BOUNDARIES_ATTRIBUTION
from geo.maps.control_layers import control_document
from geo.maps.stored_pages import document_path, read_document, write_document
from geo.scenario.evaluate import Evaluation
from geo.scenario.export import scenario_geojson
from geo.scenario.presets import Scenario
from pages._cached_data import published, shares_of_day, snapshot, units
from pages._data_source import (active, attribution, controls as data_controls, file_properties,
                                ground_by_key, ground_of, snapshot_by_key, snapshot_of, source_key)
from pages._dates import DayChoice, age_text, date_control, day_text
from pages._language import _, language, link_params
from pages._map_download import map_download
from pages._outcome_cache import evaluation_on, slide_bytes
from pages._page_setup import map_frame
from pages._presenter import keyboard_control, slide_title
from pages._tables import Number, numbers_in_language

#: A map page is about 0.3 MB: this many of each kind stay ready in the process.
DOCUMENTS_KEPT = 64


@st.cache_resource(show_spinner=False, max_entries=DOCUMENTS_KEPT)
def bundled_document(date: dt.date, tiles: bool, presenter: bool, lang: str) -> str:
    """The map page of the shipped day ``date`` in ``lang``, also stored on disk for the
    next process (set-up stores the newest English one: scripts/store_maps.py)."""
    page = control_document(units(), snapshot(date), published(), tiles=tiles,
                            presenter=presenter, lang=lang)
    write_document(document_path(date, tiles=tiles, presenter=presenter, lang=lang), page)
    return page


@st.cache_resource(show_spinner=False, max_entries=DOCUMENTS_KEPT)
def own_document(key: str, credit: str, basis: str, tiles: bool, presenter: bool,
                 lang: str) -> str:
    """The map page of a visitor's own data (``key``: see pages/_data_source.py) in
    ``lang``, kept in the process only."""
    return control_document(units(), snapshot_by_key(key), published(), basis=basis,
                            credit=credit, tiles=tiles, presenter=presenter, lang=lang)


def headline(column, shares: pd.DataFrame, code: str, label: str, basis: str) -> None:
    lang = language()
    row = shares.set_index("iso_3166_2").loc[code]
    column.metric(label, percent(row["occupied_pct"], lang),
                  help=_("{held} of {area}, computed in an equal-area projection (EPSG:3035)",
                         held=number(row["occupied_km2"], lang), area=km2(row["area_km2"], lang)))
    column.caption(basis)
    cited = published_for(published(), code, lang=lang)
    column.caption(_("Published: {figures}",
                     figures="; ".join(cited) if cited else _("none collected")))


def unit_name(code: str) -> str:
    """The unit's official name in the visitor's language (geo/data/names.py)."""
    english, ukrainian = UNIT_NAMES[code]
    return ukrainian if language() == "uk" else english


def unit_table(shares: pd.DataFrame) -> pd.DataFrame:
    table = shares.copy()
    names_uk = units().set_index("iso_3166_2")["name_uk"]
    table.insert(2, "name_uk", table["iso_3166_2"].map(names_uk).fillna("Україна"))
    table["published"] = ["; ".join(published_for(published(), code, lang=language()))
                          for code in table["iso_3166_2"]]
    return table


def stop_presenting() -> None:
    st.session_state.cm_present = False


def sidebar() -> None:
    with st.sidebar:
        st.header(_("Ceasefire Atlas"))
        date_control(_("Day"), "cm_date",
                     help=_("The day shown: any day the archive holds, typed (YYYY-MM-DD) or "
                            "picked; the buttons step to the held day before or after. Figures "
                            "are the day's own; the map is of the day, or of the nearest "
                            "earlier day whose map ships."))
        st.toggle(_("Basemap tiles (needs internet)"), key="cm_tiles",
                  help=_("OpenStreetMap tiles under the map; the map is complete without them."))
        st.toggle(_("Presenter mode"), key="cm_present",
                  help=_("The map fills the screen; Escape leaves."))
        data_controls()


def show(shown: DayChoice, *, tiles: bool, presenting: bool, heading, map_area,
         drawn: bool) -> None:
    """Everything of the page but a stored map (``drawn``: already in ``map_area``), with
    the title in ``heading`` unless it is there already. ``shown``: the day resolved by
    pages/control_map.py (figures of ``shown.held``, map of ``shown.drawn``)."""
    sidebar()
    st.query_params.from_dict({"date": shown.requested.isoformat(),
                               **({"present": "1"} if presenting else {}), **link_params()})
    day, map_day = shown.held, shown.drawn
    current = snapshot_of(map_day)
    own = active()
    if own is not None:
        day = map_day = current.date
        shares = current.shares
    else:
        shares = shares_of_day(day)
    # Where the figures come from, for every caption: the bundled data or the visitor's.
    basis = (_("Computed from {source}", source=own.label) if own
             else _("Computed from DeepStateMap, {day}", day=day_text(day)))
    map_basis = (basis if own or map_day == day
                 else _("Computed from DeepStateMap, {day} (the map's day)",
                        day=day_text(map_day)))
    if presenting:
        present(heading, shares, current, own, day, map_day)
    elif own is not None:
        heading.markdown("### " + _("Territorial control in Ukraine, {day}",
                                    day=day_text(day)))
    if not drawn:
        with map_area:
            map_frame(own_document(source_key(map_day), attribution(map_day), basis, tiles,
                                   presenting, language())
                      if own else bundled_document(map_day, tiles, presenting, language()))
    if presenting:
        keyboard_control()
        st.stop()
    # A credit ending in an abbreviation's full stop (Ukrainian "2026 р.") ends its sentence
    # with it: the sentence's own full stop would double it.
    credits = [_("{credit}. Boundaries: Natural Earth 10m admin-1 (public domain). Shares "
                 "computed in an equal-area projection (EPSG:3035).",
                 credit=attribution(map_day).removesuffix("."))]
    if tiles:
        credits.append(_("Basemap © OpenStreetMap contributors, loaded from the internet: "
                         "without a connection the tiles stay blank and the map is still "
                         "complete."))
    st.caption(" ".join(credits))
    figures(shares, current, basis, map_basis)
    file_properties()
    table(shares, day, basis)
    exports(shares, day, map_day, own is not None)
    interactive_map(current, map_day, basis if own else None)


def present(heading, shares: pd.DataFrame, current: ControlSnapshot, own, day: dt.date,
            map_day: dt.date) -> None:
    """The slide's title bar: the day, its headline figures and the sources with the data's
    age (the sidebar, which says it elsewhere, is hidden on a slide)."""
    lang = language()
    held = {code: percent(pct, lang)
            for code, pct in shares.set_index("iso_3166_2")["occupied_pct"].items()}
    if own is not None:
        sources = _("Sources: {source}, Natural Earth", source=own.label)
    elif map_day != day:
        sources = _("Sources: {age} (map of {day}); Natural Earth", age=age_text(day),
                    day=day_text(map_day))
    else:
        sources = _("Sources: {age}; Natural Earth", age=age_text(day))
    title, leave = heading.columns([20, 3], vertical_alignment="center")
    with title:
        slide_title(_("Territorial control in Ukraine, {day}", day=day_text(day)),
                    _("Held by Russia: {ukraine} of Ukraine, Donetsk {donetsk}, Luhansk "
                      "{luhansk} · line of contact {line} · {sources}", ukraine=held["UA"],
                      donetsk=held["UA-14"], luhansk=held["UA-09"],
                      line=km(current.line_km, lang), sources=sources))
    leave.button(_("Exit (Esc)"), on_click=stop_presenting, use_container_width=True)


def figures(shares: pd.DataFrame, current: ControlSnapshot, basis: str, map_basis: str) -> None:
    columns = st.columns(4)
    headline(columns[0], shares, "UA", _("Ukraine held by Russia"), basis)
    headline(columns[1], shares, "UA-14", unit_name("UA-14"), basis)
    headline(columns[2], shares, "UA-09", unit_name("UA-09"), basis)
    columns[3].metric(_("Line of contact"), km(current.line_km, language()),
                      help=_("Occupied area's boundary that is neither state border nor coast, "
                             "measured in UTM 36N (EPSG:32636) on the map drawn"))
    columns[3].caption(map_basis)


def table(shares: pd.DataFrame, day: dt.date, basis: str) -> None:
    st.subheader(_("Share of each unit held by Russia on {day}", day=day_text(day)))
    shown, numbers = numbers_in_language(unit_table(shares), {
        "area_km2": Number(_("Area (km²)"), "%.0f"),
        "occupied_km2": Number(_("Held by Russia (km²)"), "%.0f"),
        "occupied_pct": Number(_("Held by Russia (%)"), "%.2f")}, language())
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        height=35 * 29 + 3,  # all 28 rows without an inner scroll bar
        column_config={
            "iso_3166_2": st.column_config.TextColumn("ISO 3166-2"),
            "name": st.column_config.TextColumn(_("Unit")),
            # The header of the Ukrainian names: in Ukrainian in the English page too.
            "name_uk": st.column_config.TextColumn(_("Українською")),
            **numbers,
            "published": st.column_config.TextColumn(_("Published figures (source, as of)")),
        },
    )
    st.caption(_("{basis} and Natural Earth boundaries, areas in EPSG:3035. Natural Earth "
                 "leaves out some water (Kherson Oblast's official area is about 8 % larger).",
                 basis=basis))


def exports(shares: pd.DataFrame, day: dt.date, map_day: dt.date, own: bool) -> None:
    st.subheader(_("Export"))
    key = source_key(map_day)
    # A visitor's own ground is prepared already; held here, because the process may forget
    # it (it keeps a few) before the download is clicked.
    held = ground_of(map_day) if own else None

    def today() -> Evaluation:
        # Made on a download's click, in a thread of its own (no session there), so the
        # landing page need not prepare the day's scenario ground.
        return evaluation_on(held or ground_by_key(key), Scenario("freeze"))

    # The table is the day's own; the geometry is the map's (named by its own day).
    stem, map_stem = (f"ceasefire-atlas_control_{d.isoformat()}" for d in (day, map_day))
    left, middle, right = st.columns(3)
    left.download_button(_("Shares by unit (CSV)"), mime="text/csv", file_name=f"{stem}.csv",
                         data=lambda: unit_table(shares).round(4).to_csv(index=False))
    middle.download_button(
        _("Occupied area and line of contact (GeoJSON)"), mime="application/geo+json",
        file_name=f"{map_stem}.geojson",
        data=lambda: json.dumps(scenario_geojson(today()), ensure_ascii=False))
    right.download_button(_("Slide (PNG)"), mime="image/png", file_name=f"{map_stem}.png",
                          data=lambda: slide_bytes(today(), "png"))
    if map_day != day:
        st.caption(_("The table is of {day}; the occupied area, the line and the slide are of "
                     "{map_day}, the map drawn for it.", day=day_text(day),
                     map_day=day_text(map_day)))


def interactive_map(current: ControlSnapshot, map_day: dt.date, own_basis: str | None) -> None:
    """The map as one HTML file that works offline: the page shown, without tiles.
    ``own_basis``: what a visitor's own data is (None for the bundled snapshots)."""
    credit = attribution(map_day)
    lang = language()  # held here: the file is made on the click, where there is no session

    def page() -> str:
        if own_basis is not None:  # held here: the process may forget a visitor's data
            return control_document(units(), current, published(), basis=own_basis,
                                    credit=credit, lang=lang)
        return (read_document(document_path(map_day, lang=lang))
                or bundled_document(map_day, False, False, lang))

    map_download("control", (map_day,), page,
                 title=_("Territorial control in Ukraine, {day}", day=day_text(map_day)),
                 source=f"{credit}; {gettext(BOUNDARIES_ATTRIBUTION, lang)}", as_of=map_day)
