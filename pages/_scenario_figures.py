"""The Ceasefire lines page below its map: the headline figures, the time to take, the
reported figures beside the computed ones, the tables and the exports; each drawn from an
outcome cached once per process (pages/_outcome_cache.py)."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import streamlit as st

from geo.maps.base import BOUNDARIES_ATTRIBUTION, base_map
from geo.maps.scenario_layers import SCENARIO_LEGEND
from geo.pace.estimates import sentence as estimate_sentence
from geo.pace.time_to_take import CAVEAT, meaning
from geo.scenario.evaluate import Evaluation
from geo.scenario.export import impact_csv, scenario_geojson
from geo.scenario.impact import Impact
from geo.scenario.proposal_time import (ProposalTime, headline_sentence, pace_source,
                                        range_sentence, russia_gives_up)
from geo.scenario.reported import compare, load_reported
from pages._data_source import active, attribution
from pages._map_download import map_download, prebuilt_page
from pages._outcome_cache import (HASH_FUNCS, OUTCOMES_KEPT, OutcomeKey, estimates_of, outcome,
                                  slide_bytes, tables_of, time_of)
from pages._prebuilt_layers import Prebuilt


@st.cache_resource(show_spinner=False)
def reported() -> pd.DataFrame:
    return load_reported()


@st.cache_resource(show_spinner=False, max_entries=OUTCOMES_KEPT, hash_funcs=HASH_FUNCS)
def reported_beside(key: OutcomeKey, date: dt.date) -> pd.DataFrame:
    """The reported figures of the outcome of ``key``'s preset beside its computed ones (made
    once per outcome: filtering the reported figures cost 5-7 % of a rerun)."""
    table = compare(reported(), key.scenario.preset, outcome(key)[1])
    return table.assign(computed_as_of=f"{date.isoformat()} (computed)")


def against(date: dt.date) -> str:
    """What the scenario is measured against: the visitor's data, or the day of the line."""
    source = active()
    return source.label if source else date.isoformat()


def headline(impact: Impact, date: dt.date) -> None:
    cols = st.columns(5)
    cols[0].metric("Goes to Russia", f"{impact.to_russia_km2:,.0f} km²")
    cols[0].caption(f"{impact.pct_of_ukraine(impact.to_russia_km2):.2f} % of Ukraine")
    cols[1].metric("Returns to Ukraine", f"{impact.to_ukraine_km2:,.0f} km²")
    cols[1].caption(f"{impact.pct_of_ukraine(impact.to_ukraine_km2):.2f} % of Ukraine")
    cols[2].metric("Demilitarised zone", f"{impact.dmz_km2:,.0f} km²")
    cols[2].caption(f"{impact.pct_of_ukraine(impact.dmz_km2):.2f} % of Ukraine")
    cols[3].metric("Line(s) to monitor", f"{impact.line_km:,.0f} km",
                   delta=f"{impact.line_km - impact.line_km_before:+,.0f} km vs the line "
                         "of contact", delta_color="off")
    cols[3].caption(f"Line of contact on {against(date)}: {impact.line_km_before:,.0f} km")
    cols[4].metric("People in towns changing side", f"{impact.people_changing_side:,}")
    cols[4].caption("Sum of pre-war populations of towns of 1,000+ that change side or fall "
                    "in the zone")
    st.caption(f"Against {attribution(date)}. Boundaries: Natural Earth; towns: GeoNames "
               "(geonames.org) with curated pre-war populations. Areas in EPSG:3035, lengths "
               "in UTM 36N (EPSG:32636).")


def time_to_take(key: OutcomeKey, date: dt.date) -> None:
    """For every proposal: how long Russia's advance at the pace of the past would take to
    seize what it hands over (6-month headline, 3-12 month range, per oblast), what that
    means for this kind of proposal, and the published estimates beside ours."""
    time, table = time_of(key)
    with st.container(key="time-to-take"):
        st.subheader("Time to take")
        st.markdown(f"**{headline_sentence(time)}**")
        if spread := range_sentence(time):
            st.markdown(spread)
        st.markdown(meaning(time.dmz_km2, time.handover_km2))
        if given := russia_gives_up(time):
            st.markdown(given)
        if table.num_rows:
            st.dataframe(table, hide_index=True, width="stretch",
                         column_config=time_columns(time))
        st.caption(f"{pace_source(time)}; ground measured on the line of {against(date)}. "
                   f"{CAVEAT}")
        st.markdown("**Published estimates, beside ours at their dates**")
        st.markdown("\n".join(f"- {estimate_sentence(row)}"
                               for row in estimates_of(key.ground_key)))
        st.caption("Published figures as reported (data/published_estimates.csv; "
                   "data/SOURCES.md). Ours: the same ground at its pace over the 6 months to "
                   "each date, from the DeepStateMap daily series; the pace then explains "
                   "most of the difference from today's time.")


def time_columns(time: ProposalTime) -> dict:
    """Labels of the per-oblast table's columns
    (:func:`geo.scenario.proposal_time.oblast_table`)."""
    lengths = [w.window_months for w in time.russia]
    head = time.headline
    return {"iso_3166_2": None, "name": "Oblast",
            "km2": st.column_config.NumberColumn(
                "km²", format="%,.0f", help="Ground Ukraine gives up there (to Russia, or "
                "into the zone)"),
            "paces": st.column_config.TextColumn(
                f"km²/month, {' / '.join(map(str, lengths))} mo.",
                help=f"Russia's net gain of ground in the oblast over the last "
                     f"{', '.join(map(str, lengths))} months to {head.end.isoformat()}"),
            "taken": st.column_config.TextColumn(f"At the {head.window_months}-month pace",
                                                 help="When the oblast's part would be taken"),
            "across": st.column_config.TextColumn(
                f"At the {min(lengths)}–{max(lengths)}-month paces",
                help="The earliest and latest day across the windows")}


def comparison(key: OutcomeKey, date: dt.date) -> None:
    table = reported_beside(key, date)
    if table.empty:
        return
    st.subheader("Reported beside computed")
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        "figure": "Figure", "area": "Oblast",
        "reported": st.column_config.NumberColumn("Reported", format="%,.0f"),
        "reported_as_of": "Reported as of", "reported_source": "Reported by",
        "computed": st.column_config.NumberColumn("Computed", format="%,.0f"),
        "computed_as_of": "Computed for", "why_differs": "Why they differ"})


def tables(key: OutcomeKey, count: int, date: dt.date) -> None:
    changed, towns_changing = tables_of(key)
    left, right = st.columns([3, 2])
    with left:
        st.subheader("Russian-held share by oblast")
        st.dataframe(changed, hide_index=True, width="stretch", column_config={
            "iso_3166_2": "ISO", "name": "Oblast",
            "pct_before": st.column_config.NumberColumn(f"{against(date)} (%)", format="%.1f"),
            "pct_after": st.column_config.NumberColumn("After (%)", format="%.1f"),
            "to_russia_km2": st.column_config.NumberColumn("To Russia (km²)", format="%,.0f"),
            "to_ukraine_km2": st.column_config.NumberColumn("To Ukraine (km²)", format="%,.0f"),
            "dmz_km2": st.column_config.NumberColumn("Zone (km²)", format="%,.0f"),
            "from_ukraine_km2": st.column_config.NumberColumn(
                "Ukraine gives up (km²)", format="%,.0f",
                help="To Russia, or Ukrainian-held ground that falls in the zone")})
        st.caption(f"Units whose share changes, computed on the line of {against(date)}.")
    with right:
        st.subheader(f"Towns changing side ({count})")
        st.dataframe(towns_changing, hide_index=True, width="stretch", column_config={
            "name": "Town", "iso_3166_2": "Oblast",
            "population": st.column_config.NumberColumn("Population", format="%,d"),
            "population_year": st.column_config.NumberColumn("Year", format="%d"),
            "population_source": "Population source",
            "side_before": f"On {against(date)}", "side_after": "After"})
        st.caption("Towns of 1,000 or more (GeoNames); pre-war populations where curated.")


def downloads(evaluation: Evaluation, time: ProposalTime, prebuilt: tuple[Prebuilt, ...],
              title: str) -> None:
    """The view as files, each made on click: zones and lines, the table and a slide-ready
    figure with the time to take shown above; the map as shown (``prebuilt``: its layers,
    ``title``: the page's)."""
    st.subheader("Export this view")
    stem = f"ceasefire-atlas_{evaluation.scenario.preset}_{evaluation.ground.date.isoformat()}"
    columns = st.columns(5)
    columns[0].download_button(
        "Zones and lines (GeoJSON)", mime="application/geo+json", file_name=f"{stem}.geojson",
        data=lambda: json.dumps(scenario_geojson(evaluation, time=time), ensure_ascii=False))
    columns[1].download_button("Table (CSV)", mime="text/csv", file_name=f"{stem}.csv",
                               data=lambda: impact_csv(evaluation.impact, time=time))
    for column, fmt, mime in ((columns[2], "png", "image/png"),
                              (columns[3], "svg", "image/svg+xml"),
                              (columns[4], "pdf", "application/pdf")):
        column.download_button(f"Slide ({fmt.upper()})", mime=mime, file_name=f"{stem}.{fmt}",
                               data=lambda fmt=fmt: slide_bytes(evaluation, fmt, time))
    st.caption(f"Every file is of the line of {against(evaluation.ground.date)}, the day in its "
               "name. The figure is 1920 x 1080 px (PNG), with title, legend, scale bar, date "
               "and sources; the GeoJSON carries the attribution its data requires. Each "
               "carries the time to take: the GeoJSON as `time_to_take` (as the command line "
               "gives it), the CSV as columns per window (pace, months, day taken by).")
    day = evaluation.ground.date
    # The map as drawn above, without tiles or the drawing tool (they need the app).
    map_download(evaluation.scenario.preset, (day,),
                 lambda: prebuilt_page(base_map(legend_spec=SCENARIO_LEGEND), prebuilt),
                 title=title, source=f"{attribution(day)}; {BOUNDARIES_ATTRIBUTION}; towns: "
                                     "GeoNames (geonames.org)", as_of=day)
