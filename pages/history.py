"""History: how control changed across the dated snapshots, and what changed hands between
two chosen dates."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo.history import Change, changed_units
from geo.history_layers import history_base_map, history_layers
from geo.layers import OCCUPIED_HATCH
from geo.names import UKRAINE, UNIT_NAMES
from geo.offline import localize_assets
from geo.snapshots import ATTRIBUTION
from pages._session import arrived, dates, fit_top_padding, leave_pages_directory_mode
from pages._shared import change, history, snapshot, units

DEFAULT_OBLASTS = ["UA-14", "UA-09", "UA-23", "UA-65", "UA-63"]
CHART_HEIGHT = 280


def points(pp: float) -> str:
    """A change in percentage points, signed, with a third decimal when two would show
    -0.00 or +0.00 for a change that is not zero."""
    return f"{pp:+.2f}" if abs(pp) >= 0.005 or pp == 0 else f"{pp:+.3f}"


def unit_label(code: str) -> str:
    return f"{UNIT_NAMES[code][0]} ({code})"


def sidebar() -> tuple[dt.date, dt.date, bool]:
    """The map's date, the date to compare it with, and whether to show basemap tiles."""
    with st.sidebar:
        st.header("Ceasefire Atlas")
        shown = st.select_slider("Map date", options=dates(), value=dates()[-1],
                                 format_func=dt.date.isoformat, key="hi_date",
                                 help="The map shows the occupied area on this date "
                                      "(DeepStateMap snapshot)")
        since = st.select_slider("Compare with", options=dates(), value=dates()[0],
                                 format_func=dt.date.isoformat, key="hi_since",
                                 help="Ground that changed hands between this snapshot and the "
                                      "map date is highlighted")
        tiles = st.toggle("Basemap tiles (needs internet)", value=False, key="hi_tiles",
                          help="OpenStreetMap tiles under the map; the map is complete "
                               "without them.")
    return shown, since, tiles


def headline(result: Change) -> None:
    ukraine = result.by_unit.set_index("iso_3166_2").loc[UKRAINE]
    table = history()
    held_km2 = table.loc[(table["date"] == result.later) & (table["iso_3166_2"] == UKRAINE),
                         "occupied_km2"].iloc[0]
    cols = st.columns(4)
    cols[0].metric("Gained by Russia", f"{result.gained_km2:,.0f} km²",
                   help=f"Ground held by Russia on {result.later.isoformat()} but not on "
                        f"{result.earlier.isoformat()}")
    cols[1].metric("Regained by Ukraine", f"{result.regained_km2:,.0f} km²",
                   help=f"Ground held by Russia on {result.earlier.isoformat()} but not on "
                        f"{result.later.isoformat()}")
    cols[2].metric("Net change", f"{result.net_km2:+,.0f} km²",
                   delta=f"{points(ukraine['change_pp'])} points of Ukraine's area",
                   delta_color="off", delta_arrow="off",
                   help="Gained minus regained; positive: Russia holds more")
    cols[3].metric(f"Held by Russia, {result.later.isoformat()}", f"{held_km2:,.0f} km²",
                   delta=f"{ukraine['pct_later']:.1f} % of Ukraine", delta_color="off",
                   delta_arrow="off")
    st.caption(f"Computed from DeepStateMap's occupied areas (deepstatemap.live) of "
               f"{result.earlier.isoformat()} and {result.later.isoformat()}; areas in an "
               "equal-area projection (EPSG:3035).")


def date_rules(result: Change) -> alt.Chart:
    """Dashed vertical rules at the two compared dates, tying the charts to the sliders."""
    marks = pd.DataFrame({"date": pd.to_datetime([result.earlier, result.later]),
                          "which": ["compared with", "map date"]})
    return alt.Chart(marks).mark_rule(color="#555555", strokeDash=[4, 3]).encode(
        x="date:T", tooltip=[alt.Tooltip("which:N", title="Slider"),
                             alt.Tooltip("date:T", title="Date", format="%Y-%m-%d")])


def ukraine_chart(result: Change) -> alt.LayerChart:
    table = history()
    rows = table[table["iso_3166_2"] == UKRAINE].assign(date=lambda t: pd.to_datetime(t["date"]))
    line = alt.Chart(rows).mark_line(
        color=OCCUPIED_HATCH, point=alt.OverlayMarkDef(color=OCCUPIED_HATCH)).encode(
        x=alt.X("date:T", title="Snapshot date", axis=alt.Axis(format="%Y-%m")),
        y=alt.Y("occupied_km2:Q", title="Held by Russia (km²)", scale=alt.Scale(zero=False),
                axis=alt.Axis(format=",.0f")),
        tooltip=[alt.Tooltip("date:T", title="Date", format="%Y-%m-%d"),
                 alt.Tooltip("occupied_km2:Q", title="Held by Russia (km²)", format=",.0f"),
                 alt.Tooltip("occupied_pct:Q", title="Share of Ukraine (%)", format=".2f")])
    return (line + date_rules(result)).properties(height=CHART_HEIGHT)


def oblast_chart(codes: list[str], result: Change) -> alt.LayerChart:
    table = history()
    rows = table[table["iso_3166_2"].isin(codes)].assign(
        date=lambda t: pd.to_datetime(t["date"]))
    # Dark2 keeps every series dark enough on white; the dash tells them apart without colour.
    line = alt.Chart(rows).mark_line(point=True).encode(
        x=alt.X("date:T", title="Snapshot date", axis=alt.Axis(format="%Y-%m")),
        y=alt.Y("occupied_pct:Q", title="Held by Russia (%)", scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("name:N", title=None, scale=alt.Scale(scheme="dark2"),
                        legend=alt.Legend(orient="right", symbolType="stroke",
                                          symbolStrokeWidth=2.5, symbolSize=500)),
        strokeDash=alt.StrokeDash("name:N", title=None),
        tooltip=[alt.Tooltip("name:N", title="Unit"),
                 alt.Tooltip("date:T", title="Date", format="%Y-%m-%d"),
                 alt.Tooltip("occupied_pct:Q", title="Held by Russia (%)", format=".1f"),
                 alt.Tooltip("occupied_km2:Q", title="Held by Russia (km²)", format=",.0f")])
    return (line + date_rules(result)).properties(height=CHART_HEIGHT)


def charts(result: Change) -> None:
    span = f"{dates()[0].isoformat()} to {dates()[-1].isoformat()}, {len(dates())} snapshots"
    st.subheader("Ukraine: area held by Russia")
    st.altair_chart(ukraine_chart(result), width="stretch",
                    alt="Line chart: area of Ukraine held by Russia on each snapshot date")
    st.caption(f"Computed from DeepStateMap snapshots, {span}; areas in EPSG:3035. Dashed "
               "rules: the two dates compared on the map.")
    st.subheader("Share of each oblast held by Russia")
    codes = st.multiselect("Oblasts", list(UNIT_NAMES), default=DEFAULT_OBLASTS,
                           format_func=unit_label, key="hi_oblasts")
    if codes:
        st.altair_chart(oblast_chart(codes, result), width="stretch",
                        alt="Line chart: share of each chosen oblast held by Russia on each "
                            "snapshot date")
    else:
        st.info("Choose one or more oblasts to chart their share over time.")
    st.caption(f"Computed from DeepStateMap snapshots, {span}, and Natural Earth boundaries; "
               "areas in EPSG:3035. Dashed rules: the two dates compared on the map.")


def change_table(result: Change) -> None:
    period = f"{result.earlier.isoformat()} to {result.later.isoformat()}"
    st.subheader(f"Change by oblast, {period}")
    table = changed_units(result)
    held = "Share held by Russia on {} (percent)"
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        "iso_3166_2": st.column_config.TextColumn("ISO"),
        "name": st.column_config.TextColumn("Unit"),
        "pct_earlier": st.column_config.NumberColumn(
            f"{result.earlier.isoformat()} (%)", format="%.2f",
            help=held.format(result.earlier.isoformat())),
        "pct_later": st.column_config.NumberColumn(
            f"{result.later.isoformat()} (%)", format="%.2f",
            help=held.format(result.later.isoformat())),
        "change_pp": st.column_config.NumberColumn(
            "Change (points)", format="%+.2f", help="Later share minus earlier share"),
        "gained_km2": st.column_config.NumberColumn(
            "Gained (km²)", format="%.0f", help="Gained by Russia within the unit"),
        "regained_km2": st.column_config.NumberColumn(
            "Regained (km²)", format="%.0f", help="Regained by Ukraine within the unit"),
        "net_km2": st.column_config.NumberColumn(
            "Net (km²)", format="%+.0f", help="Gained minus regained"),
    })
    st.caption(f"Units where ground changed hands, then Ukraine as a whole. Shares held by "
               f"Russia, computed from DeepStateMap's occupied areas of "
               f"{result.earlier.isoformat()} and {result.later.isoformat()} "
               "(deepstatemap.live) and Natural Earth boundaries; areas in EPSG:3035.")


leave_pages_directory_mode()
arrived("history")
shown, since, tiles = sidebar()
fit_top_padding()
earlier, later = sorted((since, shown))
result = change(earlier, later)

st.markdown(f"### Change in control, {earlier.isoformat()} to {later.isoformat()}")
# The notice always takes its slot (empty or not), so the map keeps its place in the page:
# an element appearing above it moved the map's frame, which redrew it at the widest zoom.
notice = st.empty()
if since > shown:
    notice.info(f"The comparison date is after the map date: showing the change from "
                f"{earlier.isoformat()} to {later.isoformat()}, and the map on "
                f"{later.isoformat()}.")
elif since == shown:
    notice.info("Both dates are the same, so nothing changed hands: move “Compare with” to "
                "another snapshot.")
headline(result)

layers = history_layers(units(), snapshot(later).occupied, result)
for layer in layers:
    localize_assets(layer)
st_folium(history_base_map(tiles=tiles), key="history_map", feature_group_to_add=layers,
          use_container_width=True, height=490, returned_objects=[])
st.caption(f"{ATTRIBUTION}, snapshots {earlier.isoformat()} and {later.isoformat()}. "
           f"Hatched: occupied area on {later.isoformat()}; red, solid edge: gained by Russia "
           f"since {earlier.isoformat()}; "
           "blue, dashed edge: regained by Ukraine. Boundaries: Natural Earth 10m admin-1 "
           "(public domain). Areas in EPSG:3035."
           + (" Basemap © OpenStreetMap contributors, loaded from the internet." if tiles else ""))

charts(result)
change_table(result)
