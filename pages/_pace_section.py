"""The History page's section on the pace of the advance: monthly bars of the ground gained
and regained with the net's trend, the figures of a window the reader sets, and the published
monthly gains beside the computed ones. The tables come from geo.pace.tables, computed once per
process and version of the data files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from geo.data.names import UKRAINE, UKRAINE_NAMES, UNIT_NAMES
from geo.data.series import series_path
from geo.maps.palette import GAINED_FILL, REGAINED_FILL
from geo.pace.monthly import load_monthly, monthly_path
from geo.pace.published import GAINS_FILE, load_published_gains
from geo.pace.rate import months_before
from geo.pace.tables import (TOLERANCE_PCT, TREND_MONTHS, WHY_THEY_DIFFER, WindowFigures,
                             off_calendar_text, published_beside_computed, unit_months,
                             window_figures)
from geo.paths import DATA_DIR
from pages._cached_data import history
from pages._dates import held

#: The units charted first: Ukraine and the oblast where most ground changes hands.
DEFAULT_UNITS = [UKRAINE, "UA-14"]
#: The windows a reader picks from: label -> calendar months (None: two dates of their own).
WINDOWS = {"Last month": 1, "Last 3 months": 3, "Last 6 months": 6, "Last 12 months": 12,
           "Two dates": None}
DEFAULT_WINDOW = "Last 12 months"
#: Height of each chart (px): Streamlit fits title, legend and axes in it too.
CHART_HEIGHT = 300
NET_COLOR, TREND_COLOR = "#111111", "#7a0177"
#: The chart's four series, in its legend's order, and their colours.
SERIES = ["Gained by Russia", "Regained by Ukraine", "Net",
          f"Net, {TREND_MONTHS}-month mean"]
SERIES_COLORS = [GAINED_FILL, REGAINED_FILL, NET_COLOR, TREND_COLOR]


def unit_name(code: str) -> str:
    return UKRAINE_NAMES[0] if code == UKRAINE else UNIT_NAMES[code][0]


def _version(path: Path) -> tuple[int, int]:
    """What identifies a data file's contents (``geo update`` rewrites them)."""
    status = path.stat()
    return status.st_mtime_ns, status.st_size


@st.cache_resource(show_spinner=False, max_entries=2)
def _monthly(version: tuple[int, int]) -> pd.DataFrame:
    return load_monthly()


def monthly() -> pd.DataFrame:
    """data/monthly_change.csv, once per process and version of the file."""
    return _monthly(_version(monthly_path()))


@st.cache_resource(show_spinner=False, max_entries=64)
def _unit_months(version: tuple[int, int], unit: str) -> pd.DataFrame:
    return unit_months(monthly(), unit)


def months_of(unit: str) -> pd.DataFrame:
    """One unit's months with the net's trend (geo.pace.tables.unit_months)."""
    return _unit_months(_version(monthly_path()), unit)


@st.cache_resource(show_spinner=False, max_entries=512)
def _figures(versions: tuple, unit: str, start: dt.date, end: dt.date) -> WindowFigures:
    return window_figures(history(), monthly(), unit, start, end)


def figures(unit: str, start: dt.date, end: dt.date) -> WindowFigures:
    """The figures of ``unit`` over a window (geo.pace.tables.window_figures), kept per
    version of the series and the monthly table (a few hundred windows at most)."""
    return _figures((_version(series_path()), _version(monthly_path())), unit, start, end)


@st.cache_resource(show_spinner=False, max_entries=2)
def _comparison(versions: tuple) -> pd.DataFrame:
    return published_beside_computed(monthly(), load_published_gains())


def comparison() -> pd.DataFrame:
    """The published gains beside the computed ones (geo.pace.tables)."""
    return _comparison((_version(monthly_path()), _version(DATA_DIR / GAINS_FILE)))


def window_control(end: dt.date) -> tuple[dt.date, dt.date, str]:
    """The window the reader sets: (start, end, what it is in words). A window of months
    ends on ``end`` (the map's day); "Two dates" takes two days of the reader's own."""
    choice = st.radio("Window", list(WINDOWS), index=list(WINDOWS).index(DEFAULT_WINDOW),
                      horizontal=True, key="hi_pace_window",
                      help="The net pace is measured over this window, ending on the map's "
                           "day; or over two days of your own")
    months = WINDOWS[choice]
    if months is not None:
        words = "month" if months == 1 else f"{months} months"
        return months_before(end, months), end, f"the {words} to the map's day, {end}"
    days = held()
    first, last = days[0], days[-1]
    st.session_state.setdefault("hi_pace_from", max(first, months_before(last, 12)))
    st.session_state.setdefault("hi_pace_to", last)
    left, right = st.columns(2)
    start = left.date_input("From", min_value=first, max_value=last, key="hi_pace_from",
                            format="YYYY-MM-DD")
    stop = right.date_input("To", min_value=first, max_value=last, key="hi_pace_to",
                            format="YYYY-MM-DD")
    if start > stop:
        st.info(f"“From” is after “To”: measuring from {stop} to {start}.")
        start, stop = stop, start
    return start, stop, f"{start} to {stop}"


def _km2(value: float | None, decimals: int = 0) -> str:
    return "—" if value is None else f"{value:+,.{decimals}f}"


def span(months: tuple[str, ...]) -> str:
    """Whole months in words, e.g. "2026-07 to 2026-09" or "2026-09"."""
    if not months:
        return "no whole month"
    return f"{months[0]} to {months[-1]}" if len(months) > 1 else months[0]


def figures_table(rows: list[tuple[str, WindowFigures]]) -> pd.DataFrame:
    """The window's figures, one row per unit, as the page shows them (km², signed)."""
    span_ = span(rows[0][1].months)
    return pd.DataFrame({
        "Unit": [unit_name(code) for code, _ in rows],
        "Net a month (km²)": [_km2(f.km2_per_month) for _, f in rows],
        "Net a week (km²)": [_km2(f.km2_per_week, 1) for _, f in rows],
        "Net a day (km²)": [_km2(f.km2_per_day, 2) for _, f in rows],
        f"Gained by Russia, {span_} (km²)": [f"{f.gained_km2:,.0f}" for _, f in rows],
        f"Regained by Ukraine, {span_} (km²)": [f"{f.regained_km2:,.0f}" for _, f in rows],
        f"Net, {span_} (km²)": [_km2(f.months_net_km2) for _, f in rows],
    })


def figures_caption(figures: WindowFigures, about: str) -> str:
    measured = figures.pace
    text = (f"Window: {about}. Net: the change of the area held by Russia between the held days "
            f"{measured.start} and {measured.end} ({measured.days} days) in DeepStateMap's "
            "daily series (deepstatemap.live), per 30.44 days (a mean month), per 7 days and "
            "per day; positive: Russia holds more. ")
    text += "".join(f"{note}. " for note in measured.notes)
    if figures.months:
        text += (f"Gained and regained: the window's whole months ({span(figures.months)}, "
                 "those with at least half their days in it), measured between "
                 f"{figures.months_start} and {figures.months_end}, the first held days of the "
                 "months, from the differences of DeepStateMap's maps. ")
    else:
        text += "Gained and regained: no whole month lies in the window. "
    return text + ("Natural Earth boundaries; areas in EPSG:3035. The archive has no grey-zone "
                   "layer (DeepState's contested ground): it is not counted.")


def chart_rows(months: pd.DataFrame) -> pd.DataFrame:
    """A unit's months as the chart's rows: gained above zero, regained below it, the net and
    its trend as points and a line (``series`` names which)."""
    base = months.assign(month_date=pd.to_datetime(months["month"] + "-01"),
                         start=months["start"].map(str), end=months["end"].map(str),
                         state=months["partial"].map({True: "partial (to the newest day)",
                                                      False: "whole"}))
    keep = ["month", "month_date", "start", "end", "state", "gained_km2", "regained_km2",
            "net_km2", "trend_net_km2", "partial"]
    parts = [base[keep].assign(series=name, value=value) for name, value in (
        (SERIES[0], base["gained_km2"]), (SERIES[1], -base["regained_km2"]),
        (SERIES[2], base["net_km2"]), (SERIES[3], base["trend_net_km2"]))]
    return pd.concat(parts, ignore_index=True)


@st.cache_resource(show_spinner=False, max_entries=64)
def _chart_rows(version: tuple[int, int], unit: str) -> pd.DataFrame:
    return chart_rows(months_of(unit))


def month_chart(unit: str, start: dt.date, end: dt.date) -> alt.LayerChart:
    """Bars of a unit's months (regained below zero), the net as points, its trend as a
    line, the window from ``start`` to ``end`` shaded; the partial newest month paler."""
    rows = _chart_rows(_version(monthly_path()), unit)
    title = unit_name(unit)
    color = alt.Color("series:N", title=None, scale=alt.Scale(domain=SERIES,
                                                              range=SERIES_COLORS),
                      legend=alt.Legend(orient="top", direction="horizontal"))
    tooltip = [alt.Tooltip("month:N", title="Month"),
               alt.Tooltip("start:N", title="Measured from"),
               alt.Tooltip("end:N", title="to"),
               alt.Tooltip("state:N", title="Whole or partial"),
               alt.Tooltip("gained_km2:Q", title="Gained by Russia (km²)", format=",.0f"),
               alt.Tooltip("regained_km2:Q", title="Regained by Ukraine (km²)", format=",.0f"),
               alt.Tooltip("net_km2:Q", title="Net (km²)", format="+,.0f"),
               alt.Tooltip("trend_net_km2:Q", title=f"Net, {TREND_MONTHS}-month mean (km²)",
                           format="+,.0f")]
    x = alt.X("yearmonth(month_date):T", title=None, axis=alt.Axis(format="%Y-%m"))
    centre = alt.X("yearmonth(month_date):T", bandPosition=0.5, title=None)
    y = alt.Y("value:Q", title="km² in the month", axis=alt.Axis(format=",.0f"))
    base = alt.Chart(rows)
    window = alt.Chart(pd.DataFrame({"start": pd.to_datetime([start]),
                                     "end": pd.to_datetime([end]),
                                     "label": [f"window, {start} to {end}"]})).mark_rect(
        color="#bbbbbb", opacity=0.25).encode(x="start:T", x2="end:T",
                                              tooltip=alt.Tooltip("label:N", title=None))
    bars = base.transform_filter(alt.FieldOneOfPredicate("series", SERIES[:2])).mark_bar(
    ).encode(x=x, y=y, color=color, tooltip=tooltip,
             opacity=alt.condition("datum.partial", alt.value(0.45), alt.value(0.9)))
    net = base.transform_filter(alt.datum.series == SERIES[2]).mark_point(
        shape="diamond", filled=True, size=45, opacity=1).encode(x=centre, y=y, color=color,
                                                                 tooltip=tooltip)
    trend = base.transform_filter(alt.datum.series == SERIES[3]).mark_line(
        strokeWidth=2.5).encode(x=centre, y=y, color=color)
    zero = alt.Chart(pd.DataFrame({"value": [0]})).mark_rule(color="#555555").encode(y="value:Q")
    return (window + bars + zero + trend + net).properties(
        height=CHART_HEIGHT, title=alt.Title(title, anchor="start"))


@st.cache_resource(show_spinner=False, max_entries=256)
def _chart_spec(version: tuple[int, int], unit: str, start: dt.date, end: dt.date) -> dict:
    spec = month_chart(unit, start, end).to_dict()
    # Data sets as tables, which Streamlit sends as Arrow without another look at each row.
    spec["datasets"] = {name: pd.DataFrame(rows) for name, rows in spec["datasets"].items()}
    return spec


def chart_spec(unit: str, start: dt.date, end: dt.date) -> dict:
    """:func:`month_chart` as a Vega-Lite spec, built and validated once per unit and window
    (Altair's validation takes about 0.1 s a chart, too much for every rerun). Streamlit
    copies the spec before it takes the data sets out of it, so the cached one stays whole."""
    return _chart_spec(_version(monthly_path()), unit, start, end)


def charts_caption(months: pd.DataFrame) -> str:
    partial = months[months["partial"]]
    text = ("DeepStateMap (deepstatemap.live): ground gained by Russia (above zero) and "
            "regained by Ukraine (below) in each month, from the differences of the maps of "
            "the first held day of the month and of the next; the net is their difference, and the line the mean net "
            f"of {TREND_MONTHS} whole months to that one. Months from "
            f"{months['start'].iloc[0]} to {months['end'].iloc[-1]}; shaded: the window. ")
    off = off_calendar_text(months)
    if off:
        text += f"Not measured from a 1st to the next 1st (the archive lacks that day): {off}. "
    if not partial.empty:
        row = partial.iloc[-1]
        text += (f"{row['month']} is partial (to {row['end']}, the newest day held), drawn paler "
                 "and left out of the mean. ")
    return text + ("Natural Earth boundaries; areas in EPSG:3035; the grey zone of contested "
                   "ground is not in the archive.")


def comparison_table(table: pd.DataFrame) -> pd.DataFrame:
    """The published gains beside the computed ones, as the page shows them."""
    def km2(value: float) -> str:
        return "—" if pd.isna(value) else f"{value:,.0f}"

    return pd.DataFrame({
        "Period": [f"{p} (year)" if len(p) == 4 else p for p in table["period"]],
        "Ours: measured": [f"{r.start} to {r.end}" if r.start else "—"
                           for r in table.itertuples()],
        "Ours: gained (km²)": table["computed_gained_km2"].map(km2),
        "Ours: net (km²)": table["computed_net_km2"].map(km2),
        "Published (km²)": [f"{r.published_km2:,.0f}"
                            + (" (claimed)" if r.measure.startswith("claimed") else "")
                            for r in table.itertuples()],
        "Difference": ["—" if pd.isna(d) else f"{d:+.0f} %" for d in table["difference_pct"]],
        "Source (as of)": [f"{r.source} ({r.as_of})" for r in table.itertuples()],
    })


def beyond_tolerance_text(table: pd.DataFrame) -> str | None:
    """The figures more than the tolerance off ours, each with why, in words."""
    off = table[~table["agrees"] & table["difference_pct"].notna()]
    if off.empty:
        return None
    items = [f"{r.period} ({r.source}, {r.difference_pct:+.0f} %): {r.why or 'not explained'}"
             for r in off.itertuples()]
    return f"More than {TOLERANCE_PCT:.0f} % off ours: " + "; ".join(items) + "."


def published_section() -> None:
    if not (DATA_DIR / GAINS_FILE).exists():
        st.warning(f"The published figures (data/{GAINS_FILE}) are missing: only ours are "
                   "shown.")
        return
    table = comparison()
    st.markdown("#### Computed beside published: ground gained by Russia in Ukraine")
    st.table(comparison_table(table), hide_index=True)
    deepstate = table[(table["period"].str.len() == 7)
                      & table["source"].str.startswith("DeepState")]
    off = beyond_tolerance_text(table)
    st.caption(
        "Ours: DeepStateMap's maps (deepstatemap.live), between the first held days of the "
        "month and of the next (a year: its 12 months); areas in EPSG:3035. Published: each "
        "figure with its source and the day it was reported (data/published_gains.csv). "
        "Difference: our gain minus the published one, in percent of it; "
        f"{int(deepstate['agrees'].sum())} of DeepState's {len(deepstate)} monthly figures are "
        f"within {TOLERANCE_PCT:.0f} % of ours. " + (f"{off} " if off else "")
        + "Why they differ: " + WHY_THEY_DIFFER[0].lower() + WHY_THEY_DIFFER[1:])


def window_section(codes: list[str], start: dt.date, end: dt.date, about: str) -> None:
    """The window's figures for ``codes`` and a chart of the months of each."""
    rows = [(code, figures(code, start, end)) for code in codes]
    measured = rows[0][1].pace  # the same held days for every unit
    if not measured.days:
        st.info(f"Only one held day, {measured.end}, lies in this window: there is no pace to "
                "measure. Choose a longer window or two other dates.")
    st.table(figures_table(rows), hide_index=True)
    st.caption(figures_caption(rows[0][1], about))
    for code in codes:
        st.vega_lite_chart(chart_spec(code, measured.start, measured.end), width="stretch",
                        alt=f"Bar chart: ground gained and regained in each month in "
                            f"{unit_name(code)}, with the net and its trend")
    st.caption(charts_caption(months_of(codes[0])))


def pace_section(map_day: dt.date) -> None:
    """The whole section, its window ending on ``map_day`` unless the reader sets two dates."""
    st.subheader("Pace of the advance")
    if not monthly_path().exists():
        st.error("The monthly table (data/monthly_change.csv) is missing: run "
                 "scripts/build_data.py.")
        return
    codes = st.multiselect("Ukraine and oblasts", [UKRAINE, *UNIT_NAMES],
                           default=DEFAULT_UNITS, format_func=unit_name, key="hi_pace_units",
                           help="The units to show the pace of")
    start, end, about = window_control(map_day)
    if codes:
        window_section(codes, start, end, about)
    else:
        st.info("Choose Ukraine or one or more oblasts to show their pace.")
    published_section()
