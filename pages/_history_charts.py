"""The History page's charts of the daily series: the area of Ukraine held by Russia on every
held day, and the share of each chosen oblast, with the two compared days marked; every label
in the visitor's language. A missing day is a break in a line, never a segment across it.

What a screen reader reads of a chart is the atlas's too: Vega writes English of its own for
every mark ("date: Jul 08, 2024; run: 0"), axis ("X-axis titled 'Day' for a time scale...")
and legend unless told otherwise, so each mark that carries figures describes them as its
tooltip does (:func:`described`), in the visitor's language, axes and legends have their own
descriptions, and marks that only repeat another's figures (lines over their points, the
zero rule) are left out of what a screen reader reads (``aria=False``)."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd
import streamlit as st

from geo.data.names import UKRAINE, UNIT_NAMES
from geo.data.series import missing_days
from geo.language import gettext, number, pgettext
from geo.maps.palette import OCCUPIED_HATCH
from geo.pace.history import Change, gaps_text, held_runs
from geo.pace.wording import unit_name
from pages._cached_data import history
from pages._dates import day_text, held
from pages._language import _, language, ngettext

DEFAULT_OBLASTS = ["UA-14", "UA-09", "UA-23", "UA-65", "UA-63"]
CHART_HEIGHT = 280
#: How Vega writes numbers in each language but English (its own default): Babel's
#: Ukrainian separators, so a chart's axes and tooltips read as the page's figures.
VEGA_LOCALES = {"uk": {"number": {"decimal": ",", "thousands": "\u00a0", "grouping": [3],
                                  "currency": ["", "\u00a0₴"]}}}


def localized(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """``chart`` with the visitor's language's way of writing numbers (English: as it is)."""
    locale = VEGA_LOCALES.get(language())
    return chart if locale is None else chart.configure(locale=locale)


def described(tooltip: list[alt.Tooltip]) -> dict:
    """A mark's ``description`` encoding (what a screen reader reads of each of its items):
    what its ``tooltip`` shows, each field's title and value formatted as the tooltip
    formats it ("Day: 2024-07-08; Held by Russia (km²): 108,578"), in the tooltip's
    language (a field without a title: its value alone; an empty value: "—")."""
    parts = []
    for tip in tooltip:
        spec = tip.to_dict()
        field = f"datum[{json.dumps(spec['field'])}]"
        written = spec.get("format")
        if spec["type"] == "temporal":
            value = f"timeFormat({field}, {json.dumps(written or '%Y-%m-%d')})"
        elif written is not None:
            value = f"format({field}, {json.dumps(written)})"
        else:
            value = f"'' + {field}"
        title = spec.get("title")
        label = ("; " if parts else "") + (f"{title}: " if title else "")
        parts.append((f"{json.dumps(label, ensure_ascii=False)} + " if label else "")
                     + f"(isValid({field}) ? {value} : '—')")
    return alt.value(alt.expr(" + ".join(parts)))


def axis_text(axis: str, title: str, low: str, high: str) -> str:
    """An axis's description for a screen reader, in the visitor's language ("X axis: Day,
    from 2024-07-08 to 2026-10-10"): Vega's own is English. ``axis``: "x" or "y"."""
    if axis == "x":
        return _("X axis: {title}, from {low} to {high}", title=title, low=low, high=high)
    return _("Y axis: {title}, from {low} to {high}", title=title, low=low, high=high)


def legend_text(entries: list[str]) -> str:
    """A legend's description for a screen reader: its entries, in the visitor's language."""
    return _("Legend: {entries}", entries="; ".join(entries))


def unit_label(code: str, lang: str) -> str:
    """A unit as the oblast picker lists it: "Donetsk Oblast (UA-14)"."""
    return gettext("{name} ({code})", lang).format(name=unit_name(code, lang), code=code)


def date_rules(result: Change) -> alt.Chart:
    """Dashed vertical rules at the two compared days, tying the charts to the date controls."""
    marks = pd.DataFrame({"date": pd.to_datetime([result.shares_earlier, result.shares_later]),
                          "which": [_("earlier day"), _("later day")]})
    tooltip = [alt.Tooltip("which:N", title=_("Date control")),
               alt.Tooltip("date:T", title=_("Day"), format="%Y-%m-%d")]
    role = pgettext("a chart's mark", "compared day", language())
    return alt.Chart(marks).mark_rule(color="#555555", strokeDash=[4, 3],
                                      ariaRoleDescription=role).encode(
        x="date:T", tooltip=tooltip, description=described(tooltip))


def chart_rows(codes: list[str]) -> pd.DataFrame:
    """The series' rows of ``codes`` for a chart, each with the number of its run of
    consecutive held days: a line joins the days of one run only, so a missing day is a
    break in the line, never a segment drawn across it. ``alone``: a day with no held
    neighbour, which a line cannot show (it gets a dot). Names in the visitor's language."""
    table = history()
    days = sorted(set(table["date"]))
    runs = held_runs(days)
    run_of = dict(zip(days, runs))
    sizes = pd.Series(runs).value_counts()
    rows = table.loc[table["iso_3166_2"].isin(codes),
                     ["date", "iso_3166_2", "name", "occupied_km2", "occupied_pct"]]
    lang = language()
    if lang != "en":
        rows = rows.assign(name=rows["iso_3166_2"].map(lambda code: unit_name(code, lang)))
    run = rows["date"].map(run_of)
    return rows.drop(columns="iso_3166_2").assign(run=run, alone=run.map(sizes).eq(1),
                                                  date=pd.to_datetime(rows["date"]))


def day_axis() -> alt.X:
    """The x axis of both charts."""
    days = held()
    return alt.X("date:T", title=_("Day"), axis=alt.Axis(
        format="%Y-%m", description=axis_text("x", _("Day"), day_text(days[0]),
                                              day_text(days[-1]))))


def day_marks(base: alt.Chart, tooltip: list) -> alt.LayerChart:
    """The marks every chart draws over its lines: a dot on each day that stands alone, and
    on the day nearest the pointer (with its figures in a tooltip): dots on every day would
    hide the lines' dashes, which tell the oblasts apart without colour."""
    nearest = alt.selection_point(nearest=True, on="pointerover", fields=["date"],
                                  empty=False, clear="pointerout")
    # A screen reader reads the figures of every day from the pointer's marks (drawn on
    # every day, unseen until pointed at): a lone day's dot would only repeat them.
    alone = base.mark_point(filled=True, size=30, opacity=1, aria=False).transform_filter(
        alt.datum.alone)
    hover = base.mark_point(filled=True, size=70,
                            ariaRoleDescription=pgettext("a chart's mark", "day",
                                                         language())).encode(
        opacity=alt.when(nearest).then(alt.value(1)).otherwise(alt.value(0)),
        tooltip=tooltip, description=described(tooltip)).add_params(nearest)
    return alone + hover


def ukraine_chart(result: Change) -> alt.LayerChart:
    rows = chart_rows([UKRAINE])
    lang = language()
    title = _("Held by Russia (km²)")
    base = alt.Chart(rows).encode(
        x=day_axis(),
        y=alt.Y("occupied_km2:Q", title=title, scale=alt.Scale(zero=False),
                axis=alt.Axis(format=",.0f", description=axis_text(
                    "y", title, number(rows["occupied_km2"].min(), lang),
                    number(rows["occupied_km2"].max(), lang)))),
        color=alt.value(OCCUPIED_HATCH))
    # The line joins the days whose figures its points give a screen reader.
    line = base.mark_line(strokeWidth=2, aria=False).encode(detail="run:N")
    marks = day_marks(base, [
        alt.Tooltip("date:T", title=_("Day"), format="%Y-%m-%d"),
        alt.Tooltip("occupied_km2:Q", title=_("Held by Russia (km²)"), format=",.0f"),
        alt.Tooltip("occupied_pct:Q", title=_("Share of Ukraine (%)"), format=".2f")])
    return localized((line + marks + date_rules(result)).properties(height=CHART_HEIGHT))


def oblast_chart(codes: list[str], result: Change) -> alt.LayerChart:
    # Dark2 keeps every series dark enough on white; the dash tells them apart without colour.
    rows = chart_rows(codes)
    lang = language()
    legend = legend_text(sorted(rows["name"].unique()))
    color = alt.Color("name:N", title=None, scale=alt.Scale(scheme="dark2"),
                      legend=alt.Legend(orient="right", symbolType="stroke",
                                        symbolStrokeWidth=2.5, symbolSize=500,
                                        description=legend))
    title = _("Held by Russia (%)")
    base = alt.Chart(rows).encode(
        x=day_axis(),
        y=alt.Y("occupied_pct:Q", title=title, scale=alt.Scale(domain=[0, 100]),
                axis=alt.Axis(description=axis_text("y", title, number(0, lang),
                                                    number(100, lang)))),
        color=color)
    line = base.mark_line(strokeWidth=2, aria=False).encode(
        strokeDash=alt.StrokeDash("name:N", title=None, legend=alt.Legend(description=legend)),
        detail="run:N")
    marks = day_marks(base, [
        alt.Tooltip("name:N", title=pgettext("a unit's name", "Unit", language())),
        alt.Tooltip("date:T", title=_("Day"), format="%Y-%m-%d"),
        alt.Tooltip("occupied_pct:Q", title=_("Held by Russia (%)"), format=".1f"),
        alt.Tooltip("occupied_km2:Q", title=_("Held by Russia (km²)"), format=",.0f")])
    return localized((line + marks + date_rules(result)).properties(height=CHART_HEIGHT))


def span() -> str:
    """The days the charts cover, and the ones missing, in words (a gap stays a gap: each
    is named)."""
    days = held()
    gaps = missing_days(days)
    missing = sum((last - first).days + 1 for first, last in gaps)
    return _("{held} from {first} to {last}, {missing} (no line is drawn across them: {gaps})",
             held=ngettext("{count} day held", "{count} days held", len(days)),
             first=day_text(days[0]), last=day_text(days[-1]),
             missing=ngettext("{count} missing", "{count} missing", missing),
             gaps=gaps_text(gaps, lang=language()))


def charts(result: Change) -> None:
    """The two charts, their oblast picker and captions."""
    st.subheader(_("Ukraine: area held by Russia"))
    st.altair_chart(ukraine_chart(result), width="stretch",
                    alt=_("Line chart: area of Ukraine held by Russia on each held day"))
    st.caption(_("DeepStateMap's daily series, {span}; areas in EPSG:3035. Dashed rules: the "
                 "two days compared on the map.", span=span()))
    st.subheader(_("Share of each oblast held by Russia"))
    lang = language()
    # The language is held in the function: it is called outside the session too.
    codes = st.multiselect(_("Oblasts"), list(UNIT_NAMES), default=DEFAULT_OBLASTS,
                           key="hi_oblasts", format_func=lambda code: unit_label(code, lang))
    if codes:
        st.altair_chart(oblast_chart(codes, result), width="stretch",
                        alt=_("Line chart: share of each chosen oblast held by Russia on each "
                              "held day"))
    else:
        st.info(_("Choose one or more oblasts to chart their share over time."))
    days = held()
    st.caption(_("DeepStateMap's daily series, {first} to {last} (the same days as above), and "
                 "Natural Earth boundaries; areas in EPSG:3035. Dashed rules: the two days "
                 "compared on the map.", first=day_text(days[0]), last=day_text(days[-1])))


__all__ = ["CHART_HEIGHT", "DEFAULT_OBLASTS", "VEGA_LOCALES", "axis_text", "charts", "described",
           "legend_text", "localized", "unit_label"]
