"""The History page's section on the pace of the advance: monthly bars of the ground gained
and regained with the net's trend, the figures of a window the reader sets, and the published
monthly gains beside the computed ones (pages/_published_gains.py). The tables come from
geo.pace.tables, computed once per process and version of the data files (and language, where
they hold words); every text in the visitor's language."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from geo.data.names import UKRAINE, UNIT_NAMES
from geo.data.series import series_path
from geo.language import N_, gettext, long_date, number, pgettext
from geo.maps.palette import GAINED_FILL, REGAINED_FILL
from geo.pace.monthly import monthly_path
from geo.pace.rate import months_before
from geo.pace.tables import (TREND_MONTHS, WindowFigures, off_calendar_text, unit_months,
                             window_figures)
from geo.pace.wording import month_text, signed, unit_name
from pages._cached_data import history
from pages._dates import FIELD_FORMATS, day_text, held
from pages._history_charts import axis_text, described, legend_text, localized
from pages._language import _, language, ngettext
from pages._published_gains import monthly, published_section, version

#: The units charted first: Ukraine and the oblast where most ground changes hands.
DEFAULT_UNITS = [UKRAINE, "UA-14"]
#: The windows a reader picks from: label (English, the radio's value) -> calendar months
#: (None: two dates of their own).
WINDOWS = {N_("Last month"): 1, N_("Last 3 months"): 3, N_("Last 6 months"): 6,
           N_("Last 12 months"): 12, N_("Two dates"): None}
DEFAULT_WINDOW = "Last 12 months"
#: Height of each chart (px): Streamlit fits title, legend and axes in it too.
CHART_HEIGHT = 300
NET_COLOR, TREND_COLOR = "#111111", "#7a0177"
#: The chart's four series, in its legend's order (English; shown in the visitor's
#: language, :func:`series_names`), and their colours.
SERIES = [N_("Gained by Russia"), N_("Regained by Ukraine"), N_("Net"),
          "Net, {months}-month mean"]
SERIES_COLORS = [GAINED_FILL, REGAINED_FILL, NET_COLOR, TREND_COLOR]


def series_names(lang: str) -> list[str]:
    """:data:`SERIES` in ``lang``, the trend's with its months."""
    return [gettext(SERIES[0], lang), gettext(SERIES[1], lang), gettext(SERIES[2], lang),
            gettext("Net, {months}-month mean", lang).format(months=TREND_MONTHS)]


def unit_label(code: str) -> str:
    """A unit's name in the visitor's language."""
    return unit_name(code, language())


@st.cache_resource(show_spinner=False, max_entries=64)
def _unit_months(version: tuple[int, int], unit: str) -> pd.DataFrame:
    return unit_months(monthly(), unit)


def months_of(unit: str) -> pd.DataFrame:
    """One unit's months with the net's trend (geo.pace.tables.unit_months)."""
    return _unit_months(version(monthly_path()), unit)


@st.cache_resource(show_spinner=False, max_entries=512)
def _figures(versions: tuple, unit: str, start: dt.date, end: dt.date) -> WindowFigures:
    return window_figures(history(), monthly(), unit, start, end)


def figures(unit: str, start: dt.date, end: dt.date) -> WindowFigures:
    """The figures of ``unit`` over a window (geo.pace.tables.window_figures), kept per
    version of the series and the monthly table (a few hundred windows at most)."""
    return _figures((version(series_path()), version(monthly_path())), unit, start, end)


def window_control(end: dt.date) -> tuple[dt.date, dt.date, str]:
    """The window the reader sets: (start, end, what it is in words). A window of months
    ends on ``end`` (the map's day); "Two dates" takes two days of the reader's own."""
    lang = language()
    # The labels' language is held in the function: it is called outside the session too.
    choice = st.radio(_("Window"), list(WINDOWS), index=list(WINDOWS).index(DEFAULT_WINDOW),
                      horizontal=True, key="hi_pace_window",
                      format_func=lambda window: gettext(window, lang),
                      help=_("The net pace is measured over this window, ending on the map's "
                             "day; or over two days of your own"))
    months = WINDOWS[choice]
    if months is not None:
        about = ngettext("the month to the map's day, {day}",
                         "the {count} months to the map's day, {day}", months,
                         day=day_text(end))
        return months_before(end, months), end, about
    days = held()
    first, last = days[0], days[-1]
    st.session_state.setdefault("hi_pace_from", max(first, months_before(last, 12)))
    st.session_state.setdefault("hi_pace_to", last)
    left, right = st.columns(2)
    field = FIELD_FORMATS[language()]  # as every date field of the language writes a day
    start = left.date_input(_("From"), min_value=first, max_value=last, key="hi_pace_from",
                            format=field)
    stop = right.date_input(_("To"), min_value=first, max_value=last, key="hi_pace_to",
                            format=field)
    if start > stop:
        st.info(_("“From” is after “To”: measuring from {first} to {last}.",
                  first=day_text(stop), last=day_text(start)))
        start, stop = stop, start
    return start, stop, _("{first} to {last}", first=day_text(start), last=day_text(stop))


def _km2(value: float | None, decimals: int = 0) -> str:
    return "—" if value is None else signed(value, language(), decimals=decimals)


def span(months: tuple[str, ...]) -> str:
    """Whole months in words, e.g. "2026-07 to 2026-09" or "2026-09"."""
    lang = language()
    if not months:
        return _("no whole month")
    if len(months) == 1:
        return month_text(months[0], lang)
    return _("{first} to {last}", first=month_text(months[0], lang),
             last=month_text(months[-1], lang))


def figures_table(rows: list[tuple[str, WindowFigures]]) -> pd.DataFrame:
    """The window's figures, one row per unit, as the page shows them (km², signed)."""
    span_ = span(rows[0][1].months)
    lang = language()
    return pd.DataFrame({
        pgettext("a unit's name", "Unit", lang): [unit_label(code) for code, _f in rows],
        _("Net a month (km²)"): [_km2(f.km2_per_month) for _c, f in rows],
        _("Net a week (km²)"): [_km2(f.km2_per_week, 1) for _c, f in rows],
        _("Net a day (km²)"): [_km2(f.km2_per_day, 2) for _c, f in rows],
        _("Gained by Russia, {span} (km²)", span=span_): [number(f.gained_km2, lang)
                                                          for _c, f in rows],
        _("Regained by Ukraine, {span} (km²)", span=span_): [number(f.regained_km2, lang)
                                                             for _c, f in rows],
        _("Net, {span} (km²)", span=span_): [_km2(f.months_net_km2) for _c, f in rows],
    })


def figures_caption(figures: WindowFigures, about: str) -> str:
    measured = figures.pace
    lang = language()
    text = _("Window: {about}. Net: the change of the area held by Russia between the held "
             "days {first} and {last} ({days}) in DeepStateMap's daily series "
             "(deepstatemap.live), per 30.44 days (a mean month), per 7 days and per day; "
             "positive: Russia holds more. ", about=about, first=day_text(measured.start),
             last=day_text(measured.end),
             days=ngettext("{count} day", "{count} days", measured.days))
    text += "".join(f"{note}. " for note in measured.notes_in(lang))
    if figures.months:
        text += _("Gained and regained: the window's whole months ({months}, those with at "
                  "least half their days in it), measured between {first} and {last}, the first "
                  "held days of the months, from the differences of DeepStateMap's maps. ",
                  months=span(figures.months), first=day_text(figures.months_start),
                  last=day_text(figures.months_end))
    else:
        text += _("Gained and regained: no whole month lies in the window. ")
    return text + _("Natural Earth boundaries; areas in EPSG:3035. The archive has no grey-zone "
                    "layer (DeepState's contested ground): it is not counted.")


def chart_rows(months: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A unit's months as the chart's rows: gained above zero, regained below it, the net and
    its trend as points and a line (``series`` names which, in ``lang``, as do ``state`` and
    the days)."""
    state = {True: gettext("partial (to the newest day)", lang), False: gettext("whole", lang)}
    base = months.assign(month_date=pd.to_datetime(months["month"] + "-01"),
                         start=[long_date(d, lang) for d in months["start"]],
                         end=[long_date(d, lang) for d in months["end"]],
                         state=months["partial"].map(state))
    if lang != "en":
        base = base.assign(month=[month_text(m, lang) for m in months["month"]])
    keep = ["month", "month_date", "start", "end", "state", "gained_km2", "regained_km2",
            "net_km2", "trend_net_km2", "partial"]
    names = series_names(lang)
    parts = [base[keep].assign(series=name, value=value) for name, value in (
        (names[0], base["gained_km2"]), (names[1], -base["regained_km2"]),
        (names[2], base["net_km2"]), (names[3], base["trend_net_km2"]))]
    return pd.concat(parts, ignore_index=True)


@st.cache_resource(show_spinner=False, max_entries=64)
def _chart_rows(version: tuple[int, int], unit: str, lang: str) -> pd.DataFrame:
    return chart_rows(months_of(unit), lang)


def month_chart(unit: str, start: dt.date, end: dt.date) -> alt.LayerChart:
    """Bars of a unit's months (regained below zero), the net as points, its trend as a
    line, the window from ``start`` to ``end`` shaded; the partial newest month paler. A
    screen reader reads each bar and point as its tooltip, with its series first (the
    trend's figures are in every month's tooltip: its line and the zero rule are not
    read), and the axes and the legend in the visitor's language."""
    lang = language()
    rows = _chart_rows(version(monthly_path()), unit, lang)
    names = series_names(lang)
    color = alt.Color("series:N", title=None, scale=alt.Scale(domain=names,
                                                              range=SERIES_COLORS),
                      legend=alt.Legend(orient="top", direction="horizontal",
                                        description=legend_text(names)))
    tooltip = [alt.Tooltip("month:N", title=_("Month")),
               alt.Tooltip("start:N", title=_("Measured from")),
               alt.Tooltip("end:N", title=pgettext("measured from ... to", "to", lang)),
               alt.Tooltip("state:N", title=_("Whole or partial")),
               alt.Tooltip("gained_km2:Q", title=_("Gained by Russia (km²)"), format=",.0f"),
               alt.Tooltip("regained_km2:Q", title=_("Regained by Ukraine (km²)"),
                           format=",.0f"),
               alt.Tooltip("net_km2:Q", title=_("Net (km²)"), format="+,.0f"),
               alt.Tooltip("trend_net_km2:Q", title=_("Net, {months}-month mean (km²)",
                                                      months=TREND_MONTHS),
                           format="+,.0f")]
    description = described([alt.Tooltip("series:N", title=None), *tooltip])
    months = rows["month_date"]
    x = alt.X("yearmonth(month_date):T", title=None, axis=alt.Axis(
        format="%Y-%m", description=axis_text("x", _("Month"), month_text(months.min(), lang),
                                              month_text(months.max(), lang))))
    centre = alt.X("yearmonth(month_date):T", bandPosition=0.5, title=None)
    title = _("km² in the month")
    y = alt.Y("value:Q", title=title, axis=alt.Axis(format=",.0f", description=axis_text(
        "y", title, number(rows["value"].min(), lang), number(rows["value"].max(), lang))))
    base = alt.Chart(rows)
    window = alt.Chart(pd.DataFrame({"start": pd.to_datetime([start]),
                                     "end": pd.to_datetime([end]),
                                     "label": [_("window, {first} to {last}",
                                                 first=day_text(start), last=day_text(end))]})
                       ).mark_rect(color="#bbbbbb", opacity=0.25, ariaRoleDescription=pgettext(
                           "a chart's mark", "shaded window", lang)).encode(
        x="start:T", x2="end:T", tooltip=alt.Tooltip("label:N", title=None),
        description=described([alt.Tooltip("label:N", title=None)]))
    bars = base.transform_filter(alt.FieldOneOfPredicate("series", names[:2])).mark_bar(
        ariaRoleDescription=pgettext("a chart's mark", "bar", lang)
    ).encode(x=x, y=y, color=color, tooltip=tooltip, description=description,
             opacity=alt.condition("datum.partial", alt.value(0.45), alt.value(0.9)))
    net = base.transform_filter(alt.datum.series == names[2]).mark_point(
        shape="diamond", filled=True, size=45, opacity=1,
        ariaRoleDescription=pgettext("a chart's mark", "point", lang)).encode(
        x=centre, y=y, color=color, tooltip=tooltip, description=description)
    trend = base.transform_filter(alt.datum.series == names[3]).mark_line(
        strokeWidth=2.5, aria=False).encode(x=centre, y=y, color=color)
    zero = alt.Chart(pd.DataFrame({"value": [0]})).mark_rule(color="#555555", aria=False
                                                             ).encode(y="value:Q")
    # The title is the unit's name, which the chart's own accessible name already gives.
    return localized((window + bars + zero + trend + net).properties(
        height=CHART_HEIGHT, title=alt.Title(unit_label(unit), anchor="start", aria=False)))


@st.cache_resource(show_spinner=False, max_entries=256)
def _chart_spec(version: tuple[int, int], unit: str, start: dt.date, end: dt.date,
                lang: str) -> dict:
    # Keyed by the language too: the spec holds the chart's words. Built in the session
    # (month_chart reads its language), so ``lang`` is only the key here.
    spec = month_chart(unit, start, end).to_dict()
    # Data sets as tables, which Streamlit sends as Arrow without another look at each row.
    spec["datasets"] = {name: pd.DataFrame(rows) for name, rows in spec["datasets"].items()}
    return spec


def chart_spec(unit: str, start: dt.date, end: dt.date) -> dict:
    """:func:`month_chart` as a Vega-Lite spec, built and validated once per unit, window and
    language (Altair's validation takes about 0.1 s a chart, too much for every rerun).
    Streamlit copies the spec before it takes the data sets out of it, so the cached one
    stays whole."""
    return _chart_spec(version(monthly_path()), unit, start, end, language())


def charts_caption(months: pd.DataFrame) -> str:
    partial = months[months["partial"]]
    lang = language()
    text = ngettext(
        "DeepStateMap (deepstatemap.live): ground gained by Russia (above zero) and regained "
        "by Ukraine (below) in each month, from the differences of the maps of the first held "
        "day of the month and of the next; the net is their difference, and the line the mean "
        "net of {count} whole month to that one. Months from {first} to {last}; shaded: the "
        "window. ",
        "DeepStateMap (deepstatemap.live): ground gained by Russia (above zero) and regained "
        "by Ukraine (below) in each month, from the differences of the maps of the first held "
        "day of the month and of the next; the net is their difference, and the line the mean "
        "net of {count} whole months to that one. Months from {first} to {last}; shaded: the "
        "window. ", TREND_MONTHS, first=day_text(months["start"].iloc[0]),
        last=day_text(months["end"].iloc[-1]))
    off = off_calendar_text(months, lang=lang)
    if off:
        text += _("Not measured from a 1st to the next 1st (the archive lacks that day): "
                  "{months}. ", months=off)
    if not partial.empty:
        row = partial.iloc[-1]
        text += _("{month} is partial (to {day}, the newest day held), drawn paler and left out "
                  "of the mean. ", month=month_text(row["month"], lang), day=day_text(row["end"]))
    return text + _("Natural Earth boundaries; areas in EPSG:3035; the grey zone of contested "
                    "ground is not in the archive.")


def window_section(codes: list[str], start: dt.date, end: dt.date, about: str) -> None:
    """The window's figures for ``codes`` and a chart of the months of each."""
    rows = [(code, figures(code, start, end)) for code in codes]
    measured = rows[0][1].pace  # the same held days for every unit
    if not measured.days:
        st.info(_("Only one held day, {day}, lies in this window: there is no pace to measure. "
                  "Choose a longer window or two other dates.", day=day_text(measured.end)))
    st.table(figures_table(rows), hide_index=True)
    st.caption(figures_caption(rows[0][1], about))
    for code in codes:
        st.vega_lite_chart(chart_spec(code, measured.start, measured.end), width="stretch",
                           alt=_("Bar chart: ground gained and regained in each month in "
                                 "{unit}, with the net and its trend", unit=unit_label(code)))
    st.caption(charts_caption(months_of(codes[0])))


def pace_section(map_day: dt.date) -> None:
    """The whole section, its window ending on ``map_day`` unless the reader sets two dates."""
    st.subheader(_("Pace of the advance"))
    if not monthly_path().exists():
        st.error(_("The monthly table (data/monthly_change.csv) is missing: run "
                   "scripts/build_data.py."))
        return
    lang = language()
    # The language is held in the function: it is called outside the session too.
    codes = st.multiselect(_("Ukraine and oblasts"), [UKRAINE, *UNIT_NAMES],
                           default=DEFAULT_UNITS, key="hi_pace_units",
                           format_func=lambda code: unit_name(code, lang),
                           help=_("The units to show the pace of"))
    start, end, about = window_control(map_day)
    if codes:
        window_section(codes, start, end, about)
    else:
        st.info(_("Choose Ukraine or one or more oblasts to show their pace."))
    published_section()
