"""History: how control changed over every day the archive holds (the daily series), and
what changed hands between two chosen days (on the maps shipped for them)."""

from __future__ import annotations

import datetime as dt

import altair as alt
import geopandas as gpd
import pandas as pd
import streamlit as st
from shapely.geometry.base import BaseGeometry
from streamlit_folium import st_folium

from geo.data.names import UKRAINE, UNIT_NAMES
from geo.data.series import missing_days
from geo.data.snapshots import ATTRIBUTION
from geo.maps.base import BOUNDARIES_ATTRIBUTION
from geo.maps.history_layers import history_base_map, history_layers
from geo.maps.offline import localize_assets
from geo.maps.palette import OCCUPIED_HATCH
from geo.pace.history import Change, changed_units, gaps_text, held_runs, with_shares_of
from pages._cached_data import change, history, snapshot, units
from pages._dates import DayChoice, date_control, held
from pages._map_download import map_download
from pages._pace_section import pace_section
from pages._page_setup import arrived, fit_top_padding, leave_pages_directory_mode
from pages._presenter import keyboard_control
from pages._timelapse import timelapse_section

DEFAULT_OBLASTS = ["UA-14", "UA-09", "UA-23", "UA-65", "UA-63"]
CHART_HEIGHT = 280


def points(pp: float) -> str:
    """A change in percentage points, signed, with a third decimal when two would show
    -0.00 or +0.00 for a change that is not zero."""
    return f"{pp:+.2f}" if abs(pp) >= 0.005 or pp == 0 else f"{pp:+.3f}"


def unit_label(code: str) -> str:
    return f"{UNIT_NAMES[code][0]} ({code})"


def sidebar() -> tuple[DayChoice, DayChoice, bool]:
    """The map's day, the day to compare it with, and whether to show basemap tiles."""
    with st.sidebar:
        st.header("Ceasefire Atlas")
        shown = date_control("Map day", "hi_date",
                             help="The map shows the occupied area on this day (or on the "
                                  "nearest earlier day whose map ships); the charts mark it")
        if st.session_state.get("hi_since") is None:  # the first held day, until chosen
            st.session_state.hi_since = held()[0]
        since = date_control("Compare with", "hi_since",
                             help="Ground that changed hands between this day and the map day "
                                  "is highlighted")
        tiles = st.toggle("Basemap tiles (needs internet)", value=False, key="hi_tiles",
                          help="OpenStreetMap tiles under the map; the map is complete "
                               "without them.")
        st.toggle("Presenter mode (timelapse)", key="hi_present",
                  help="The timelapse between the two days fills the screen as a slide; "
                       "Space plays or pauses, the arrow keys step.")
    return shown, since, tiles


def stop_presenting() -> None:
    st.session_state.hi_present = False


def held_km2(day: dt.date) -> float:
    """Ukraine's area held by Russia on a held day (km2, the daily series)."""
    table = history()
    return float(table.loc[(table["date"] == day) & (table["iso_3166_2"] == UKRAINE),
                           "occupied_km2"].iloc[0])


def maps_differ(result: Change) -> bool:
    """Whether the ground moved is measured on other days than the shares are of."""
    return (result.earlier, result.later) != (result.shares_earlier, result.shares_later)


def headline(result: Change) -> None:
    ukraine = result.by_unit.set_index("iso_3166_2").loc[UKRAINE]
    first, last = result.shares_earlier, result.shares_later
    cols = st.columns(4)
    cols[0].metric("Gained by Russia", f"{result.gained_km2:,.0f} km²",
                   help=f"Ground held by Russia on the map of {result.later.isoformat()} but "
                        f"not on that of {result.earlier.isoformat()}")
    cols[1].metric("Regained by Ukraine", f"{result.regained_km2:,.0f} km²",
                   help=f"Ground held by Russia on the map of {result.earlier.isoformat()} "
                        f"but not on that of {result.later.isoformat()}")
    cols[2].metric("Net change", f"{held_km2(last) - held_km2(first):+,.0f} km²",
                   delta=f"{points(ukraine['change_pp'])} points of Ukraine's area",
                   delta_color="off", delta_arrow="off",
                   help=f"Area held by Russia on {last.isoformat()} minus that on "
                        f"{first.isoformat()} (daily series); positive: Russia holds more")
    cols[3].metric(f"Held by Russia, {last.isoformat()}", f"{held_km2(last):,.0f} km²",
                   delta=f"{ukraine['pct_later']:.1f} % of Ukraine", delta_color="off",
                   delta_arrow="off")
    if maps_differ(result):
        st.caption(f"Gained and regained: computed from DeepStateMap's occupied areas "
                   f"(deepstatemap.live) on the maps of {result.earlier.isoformat()} and "
                   f"{result.later.isoformat()}; net change and area held: DeepStateMap's "
                   f"daily series, {first.isoformat()} and {last.isoformat()}; areas in an "
                   "equal-area projection (EPSG:3035).")
    else:
        st.caption(f"Computed from DeepStateMap's occupied areas (deepstatemap.live) of "
                   f"{first.isoformat()} and {last.isoformat()}; areas in an equal-area "
                   "projection (EPSG:3035).")


def date_rules(result: Change) -> alt.Chart:
    """Dashed vertical rules at the two compared days, tying the charts to the date controls."""
    marks = pd.DataFrame({"date": pd.to_datetime([result.shares_earlier, result.shares_later]),
                          "which": ["earlier day", "later day"]})
    return alt.Chart(marks).mark_rule(color="#555555", strokeDash=[4, 3]).encode(
        x="date:T", tooltip=[alt.Tooltip("which:N", title="Date control"),
                             alt.Tooltip("date:T", title="Day", format="%Y-%m-%d")])


def chart_rows(codes: list[str]) -> pd.DataFrame:
    """The series' rows of ``codes`` for a chart, each with the number of its run of
    consecutive held days: a line joins the days of one run only, so a missing day is a
    break in the line, never a segment drawn across it. ``alone``: a day with no held
    neighbour, which a line cannot show (it gets a dot)."""
    table = history()
    days = sorted(set(table["date"]))
    runs = held_runs(days)
    run_of = dict(zip(days, runs))
    sizes = pd.Series(runs).value_counts()
    rows = table.loc[table["iso_3166_2"].isin(codes),
                     ["date", "name", "occupied_km2", "occupied_pct"]]
    run = rows["date"].map(run_of)
    return rows.assign(run=run, alone=run.map(sizes).eq(1), date=pd.to_datetime(rows["date"]))


#: The x axis of both charts.
DAY_AXIS = alt.X("date:T", title="Day", axis=alt.Axis(format="%Y-%m"))


def day_marks(base: alt.Chart, tooltip: list) -> alt.LayerChart:
    """The marks every chart draws over its lines: a dot on each day that stands alone, and
    on the day nearest the pointer (with its figures in a tooltip): dots on every day would
    hide the lines' dashes, which tell the oblasts apart without colour."""
    nearest = alt.selection_point(nearest=True, on="pointerover", fields=["date"],
                                  empty=False, clear="pointerout")
    alone = base.mark_point(filled=True, size=30, opacity=1).transform_filter(
        alt.datum.alone)
    hover = base.mark_point(filled=True, size=70).encode(
        opacity=alt.when(nearest).then(alt.value(1)).otherwise(alt.value(0)),
        tooltip=tooltip).add_params(nearest)
    return alone + hover


def ukraine_chart(result: Change) -> alt.LayerChart:
    base = alt.Chart(chart_rows([UKRAINE])).encode(
        x=DAY_AXIS,
        y=alt.Y("occupied_km2:Q", title="Held by Russia (km²)", scale=alt.Scale(zero=False),
                axis=alt.Axis(format=",.0f")),
        color=alt.value(OCCUPIED_HATCH))
    line = base.mark_line(strokeWidth=2).encode(detail="run:N")
    marks = day_marks(base, [
        alt.Tooltip("date:T", title="Day", format="%Y-%m-%d"),
        alt.Tooltip("occupied_km2:Q", title="Held by Russia (km²)", format=",.0f"),
        alt.Tooltip("occupied_pct:Q", title="Share of Ukraine (%)", format=".2f")])
    return (line + marks + date_rules(result)).properties(height=CHART_HEIGHT)


def oblast_chart(codes: list[str], result: Change) -> alt.LayerChart:
    # Dark2 keeps every series dark enough on white; the dash tells them apart without colour.
    color = alt.Color("name:N", title=None, scale=alt.Scale(scheme="dark2"),
                      legend=alt.Legend(orient="right", symbolType="stroke",
                                        symbolStrokeWidth=2.5, symbolSize=500))
    base = alt.Chart(chart_rows(codes)).encode(
        x=DAY_AXIS,
        y=alt.Y("occupied_pct:Q", title="Held by Russia (%)", scale=alt.Scale(domain=[0, 100])),
        color=color)
    line = base.mark_line(strokeWidth=2).encode(strokeDash=alt.StrokeDash("name:N", title=None),
                                                detail="run:N")
    marks = day_marks(base, [
        alt.Tooltip("name:N", title="Unit"),
        alt.Tooltip("date:T", title="Day", format="%Y-%m-%d"),
        alt.Tooltip("occupied_pct:Q", title="Held by Russia (%)", format=".1f"),
        alt.Tooltip("occupied_km2:Q", title="Held by Russia (km²)", format=",.0f")])
    return (line + marks + date_rules(result)).properties(height=CHART_HEIGHT)


def span() -> str:
    """The days the charts cover, and the ones missing, in words."""
    days = held()
    gaps = missing_days(days)
    missing = sum((last - first).days + 1 for first, last in gaps)
    return (f"{len(days)} days held from {days[0].isoformat()} to {days[-1].isoformat()}, "
            f"{missing} missing (no line is drawn across them: {gaps_text(gaps)})")


def charts(result: Change) -> None:
    st.subheader("Ukraine: area held by Russia")
    st.altair_chart(ukraine_chart(result), width="stretch",
                    alt="Line chart: area of Ukraine held by Russia on each held day")
    st.caption(f"DeepStateMap's daily series, {span()}; areas in EPSG:3035. Dashed rules: "
               "the two days compared on the map.")
    st.subheader("Share of each oblast held by Russia")
    codes = st.multiselect("Oblasts", list(UNIT_NAMES), default=DEFAULT_OBLASTS,
                           format_func=unit_label, key="hi_oblasts")
    if codes:
        st.altair_chart(oblast_chart(codes, result), width="stretch",
                        alt="Line chart: share of each chosen oblast held by Russia on each "
                            "held day")
    else:
        st.info("Choose one or more oblasts to chart their share over time.")
    days = held()
    st.caption(f"DeepStateMap's daily series, {days[0].isoformat()} to {days[-1].isoformat()} "
               "(the same days as above), and Natural Earth boundaries; areas in EPSG:3035. "
               "Dashed rules: the two days compared on the map.")


def change_table(result: Change) -> None:
    first, last = result.shares_earlier, result.shares_later
    st.subheader(f"Change by oblast, {first.isoformat()} to {last.isoformat()}")
    table = changed_units(result)
    held_on = "Share held by Russia on {} (percent)"
    maps = f"between the maps of {result.earlier.isoformat()} and {result.later.isoformat()}"
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        "iso_3166_2": st.column_config.TextColumn("ISO"),
        "name": st.column_config.TextColumn("Unit"),
        "pct_earlier": st.column_config.NumberColumn(
            f"{first.isoformat()} (%)", format="%.2f", help=held_on.format(first.isoformat())),
        "pct_later": st.column_config.NumberColumn(
            f"{last.isoformat()} (%)", format="%.2f", help=held_on.format(last.isoformat())),
        "change_pp": st.column_config.NumberColumn(
            "Change (points)", format="%+.2f", help="Later share minus earlier share"),
        "gained_km2": st.column_config.NumberColumn(
            "Gained (km²)", format="%.0f", help=f"Gained by Russia within the unit, {maps}"),
        "regained_km2": st.column_config.NumberColumn(
            "Regained (km²)", format="%.0f", help=f"Regained by Ukraine within the unit, {maps}"),
        "net_km2": st.column_config.NumberColumn(
            "Net (km²)", format="%+.0f", help="Gained minus regained"),
    })
    moved = (f"ground that changed hands measured {maps}" if maps_differ(result)
             else "ground that changed hands measured on the same days' maps")
    st.caption(f"Units where ground changed hands, then Ukraine as a whole. Shares held by "
               f"Russia on {first.isoformat()} and {last.isoformat()} from DeepStateMap's "
               f"daily series (deepstatemap.live), {moved}; Natural Earth boundaries; areas "
               "in EPSG:3035.")


def history_page(units_drawn: gpd.GeoDataFrame, occupied: BaseGeometry, result: Change) -> str:
    """The map as the page shows it, without tiles, as a whole page (for the file)."""
    m = history_base_map()
    for layer in history_layers(units_drawn, occupied, result):
        localize_assets(layer).add_to(m)
    return m.get_root().render()


def interactive_map(occupied: BaseGeometry, result: Change, earlier: DayChoice,
                    later: DayChoice) -> None:
    """The map as one HTML file that works offline."""
    maps = f"maps of {result.earlier.isoformat()} and {result.later.isoformat()}"
    shares = (f"; shares: DeepStateMap's daily series, {result.shares_earlier.isoformat()} and "
              f"{result.shares_later.isoformat()}" if maps_differ(result) else "")
    held_units = units()  # held here: the file is made in a thread of its own
    map_download("history", (result.earlier, result.later),
                 lambda: history_page(held_units, occupied, result),
                 title=f"Change in control, {earlier.held.isoformat()} to "
                       f"{later.held.isoformat()}",
                 source=f"{ATTRIBUTION}, {maps}{shares}; {BOUNDARIES_ATTRIBUTION}",
                 as_of=result.later)


def notices(shown: DayChoice, since: DayChoice, earlier: DayChoice, later: DayChoice) -> None:
    """Why the page shows what it shows, when that is not plainly what was asked for."""
    if since.held > shown.held:
        st.info(f"The comparison day is after the map day: showing the change from "
                f"{earlier.held.isoformat()} to {later.held.isoformat()}, and the map on "
                f"{later.held.isoformat()}.")
    elif since.held == shown.held:
        st.info("Both days are the same, so nothing changed hands: choose another day for "
                "“Compare with”.")
    if not (earlier.is_drawn and later.is_drawn):
        st.info(f"The map, and the ground gained and regained, are drawn from the maps of "
                f"{earlier.drawn.isoformat()} and {later.drawn.isoformat()}, the nearest on or "
                "before each day whose maps ship (see Sources and method); the shares and the "
                f"areas held are of {earlier.held.isoformat()} and {later.held.isoformat()}.",
                icon=":material/calendar_month:")


leave_pages_directory_mode()
if arrived("history"):
    st.session_state.hi_present = st.query_params.get("present") == "1"
if not held():
    st.error("The daily series (data/daily_control.csv) is missing: run "
             "scripts/build_data.py.")
    st.stop()
shown, since, tiles = sidebar()
fit_top_padding()
earlier, later = sorted((since, shown), key=lambda choice: choice.held)
if st.session_state.get("hi_present"):
    # A slide: the timelapse alone, its own keys (Space, arrows) working anywhere on it,
    # and the button Escape presses (the slide has no Next/Previous for the arrows to press),
    # pinned to the title bar's corner so the map and its controls keep the screen.
    timelapse_section(earlier.held, later.held, presenting=True)
    st.markdown("<style>.st-key-hi_exit{position:fixed;top:0.6rem;right:0.8rem;z-index:1000}"
                "</style>", unsafe_allow_html=True)
    st.button("Exit (Esc)", on_click=stop_presenting, key="hi_exit")
    keyboard_control()
    st.stop()
result = with_shares_of(change(earlier.drawn, later.drawn), history(), earlier.held,
                        later.held)

st.markdown(f"### Change in control, {earlier.held.isoformat()} to {later.held.isoformat()}")
# The notices always take their slot (empty or not), so the map keeps its place in the page:
# an element appearing above it moved the map's frame, which redrew it at the widest zoom.
with st.empty().container():
    notices(shown, since, earlier, later)
headline(result)

occupied = snapshot(later.drawn).occupied
layers = history_layers(units(), occupied, result)
for layer in layers:
    localize_assets(layer)
st_folium(history_base_map(tiles=tiles), key="history_map", feature_group_to_add=layers,
          use_container_width=True, height=490, returned_objects=[])
st.caption(f"{ATTRIBUTION}, maps of {result.earlier.isoformat()} and "
           f"{result.later.isoformat()}. Hatched: occupied area on {result.later.isoformat()}; "
           f"red, solid edge: gained by Russia since {result.earlier.isoformat()}; "
           "blue, dashed edge: regained by Ukraine. Boundaries: Natural Earth 10m admin-1 "
           "(public domain). Areas in EPSG:3035."
           + (" Basemap © OpenStreetMap contributors, loaded from the internet." if tiles else ""))
interactive_map(occupied, result, earlier, later)

charts(result)
change_table(result)
pace_section(later.held)
# Last: its first build (every shipped day's frame, about 6 s once per process) must not
# hold back the figures above.
timelapse_section(earlier.held, later.held)
