"""The Ceasefire lines page below its map: the headline figures, the time to take, the
reported figures beside the computed ones, the tables and the exports; each drawn from an
outcome cached once per process (pages/_outcome_cache.py), in the visitor's language
(pages/_language.py; numbers, areas and days by geo/language.py)."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import streamlit as st

from geo.data.towns import population_source_name
from geo.language import DEFAULT, gettext, km, km2, long_date, number, percent
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
from pages._dates import day_text
from pages._language import _, language, ngettext
from pages._map_download import map_download, prebuilt_page
from pages._outcome_cache import (HASH_FUNCS, OUTCOMES_KEPT, OutcomeKey, estimates_of, outcome,
                                  slide_bytes, tables_of, time_of, time_table_of)
from pages._prebuilt_layers import Prebuilt
from pages._tables import Number, numbers_in_language


@st.cache_resource(show_spinner=False)
def reported() -> pd.DataFrame:
    return load_reported()


@st.cache_resource(show_spinner=False, max_entries=OUTCOMES_KEPT, hash_funcs=HASH_FUNCS)
def reported_beside(key: OutcomeKey, date: dt.date, lang: str) -> pd.DataFrame:
    """The reported figures of the outcome of ``key``'s preset beside its computed ones, in
    ``lang`` (made once per outcome and language: filtering the reported figures cost 5-7 %
    of a rerun)."""
    table = compare(reported(), key.scenario.preset, outcome(key)[1], lang=lang)
    return table.assign(computed_as_of=gettext("{day} (computed)", lang).format(
        day=long_date(date, lang)))


def against(date: dt.date) -> str:
    """What the scenario is measured against: the visitor's data, or the day of the line."""
    source = active()
    return source.label if source else day_text(date)


def credit(date: dt.date) -> str:
    """The credit and day of the occupied area shown (:func:`pages._data_source.attribution`,
    in the visitor's language for the bundled snapshots)."""
    if active() is not None:
        return attribution(date)
    return _("Occupied areas: DeepStateMap (deepstatemap.live), snapshot {day}",
             day=day_text(date))


def signed_km(value: float, lang: str) -> str:
    """A change in whole km with its sign, as a metric's delta reads it ("-" for a fall, in
    every language: Streamlit points the arrow by it): "+12", "-1,234", "-1 234"."""
    if lang == "en":
        return f"{value:+,.0f}"
    return ("-" if round(value) < 0 else "+") + number(abs(value), lang)


def headline(impact: Impact, date: dt.date) -> None:
    lang = language()
    cols = st.columns(5)
    for column, label, area in ((cols[0], _("Goes to Russia"), impact.to_russia_km2),
                                (cols[1], _("Returns to Ukraine"), impact.to_ukraine_km2),
                                (cols[2], _("Demilitarised zone"), impact.dmz_km2)):
        column.metric(label, km2(area, lang))
        column.caption(_("{share} of Ukraine",
                         share=percent(impact.pct_of_ukraine(area), lang, decimals=2)))
    # A metric cuts its label and its delta to one line of its column (about 150 px at
    # 1280 px wide, less a tooltip's icon): short ones, explained by the captions below.
    cols[3].metric(_("Line(s) to monitor"), km(impact.line_km, lang),
                   # Translators: a metric's delta, e.g. "+804 km", beside the line of contact's
                   # length: keep it short.
                   delta=_("{change} km", change=signed_km(impact.line_km -
                                                           impact.line_km_before, lang)),
                   delta_color="off")
    cols[3].caption(_("Line of contact on {day}: {length}", day=against(date),
                      length=km(impact.line_km_before, lang)))
    # Translators: a metric's label in a narrow column, some 22 characters at most (the
    # comparison table's "People in towns changing side" is the long form).
    cols[4].metric(_("People changing side"), number(impact.people_changing_side, lang))
    cols[4].caption(_("Sum of pre-war populations of towns of 1,000+ that change side or fall "
                      "in the zone"))
    st.caption(_("Against {credit}. Boundaries: Natural Earth; towns: GeoNames (geonames.org) "
                 "with curated pre-war populations. Areas in EPSG:3035, lengths in UTM 36N "
                 "(EPSG:32636).", credit=credit(date)))


def time_to_take(key: OutcomeKey, date: dt.date) -> None:
    """For every proposal: how long Russia's advance at the pace of the past would take to
    seize what it hands over (6-month headline, 3-12 month range, per oblast), what that
    means for this kind of proposal, and the published estimates beside ours."""
    lang = language()
    time, table = time_of(key), time_table_of(key, lang)
    with st.container(key="time-to-take"):
        st.subheader(_("Time to take"))
        st.markdown(f"**{headline_sentence(time, lang=lang)}**")
        if spread := range_sentence(time, lang=lang):
            st.markdown(spread)
        st.markdown(meaning(time.dmz_km2, time.handover_km2, lang=lang))
        if given := russia_gives_up(time, lang=lang):
            st.markdown(given)
        if table.num_rows:
            table, numbers = numbers_in_language(table, {"km2": Number(
                _("km²"), "%,.0f", help=_("Ground Ukraine gives up there (to Russia, or into "
                                           "the zone)"))}, lang)
            st.dataframe(table, hide_index=True, width="stretch",
                         column_config={**time_columns(time), **numbers})
        st.caption(_("{pace}; ground measured on the line of {day}. {caveat}",
                     pace=pace_source(time, lang=lang), day=against(date),
                     caveat=gettext(CAVEAT, lang)))
        estimates_heading = _("Published estimates, beside ours at their dates")
        st.markdown(f"**{estimates_heading}**")
        st.markdown("\n".join(f"- {estimate_sentence(row, lang=lang)}"
                               for row in estimates_of(key.ground_key)))
        st.caption(_("Published figures as reported (data/published_estimates.csv; "
                     "data/SOURCES.md). Ours: the same ground at its pace over the 6 months to "
                     "each date, from the DeepStateMap daily series; the pace then explains "
                     "most of the difference from today's time."))


def time_columns(time: ProposalTime) -> dict:
    """Labels of the per-oblast table's columns
    (:func:`geo.scenario.proposal_time.oblast_table`)."""
    lengths = [w.window_months for w in time.russia]
    head = time.headline
    return {"iso_3166_2": None, "name": _("Oblast"),
            "paces": st.column_config.TextColumn(
                _("km²/month, {windows} mo.", windows=" / ".join(map(str, lengths))),
                help=ngettext("Russia's net gain of ground in the oblast over the last "
                              "{windows} month to {day}", "Russia's net gain of ground in the "
                              "oblast over the last {windows} months to {day}", lengths[-1],
                              windows=", ".join(map(str, lengths)), day=day_text(head.end))),
            "taken": st.column_config.TextColumn(
                _("At the {months}-month pace", months=head.window_months),
                help=_("When the oblast's part would be taken")),
            "across": st.column_config.TextColumn(
                _("At the {first}–{last}-month paces", first=min(lengths), last=max(lengths)),
                help=_("The earliest and latest day across the windows"))}


def comparison(key: OutcomeKey, date: dt.date) -> None:
    table = reported_beside(key, date, language())
    if table.empty:
        return
    st.subheader(_("Reported beside computed"))
    table, numbers = numbers_in_language(table, {"reported": Number(_("Reported"), "%,.0f"),
                                                 "computed": Number(_("Computed"), "%,.0f")},
                                         language())
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        "figure": _("Figure"), "area": _("Oblast"), **numbers,
        "reported_as_of": _("Reported as of"), "reported_source": _("Reported by"),
        "computed_as_of": _("Computed for"), "why_differs": _("Why they differ")})


def tables(key: OutcomeKey, count: int, date: dt.date) -> None:
    lang = language()
    changed, towns_changing = tables_of(key, lang)
    left, right = st.columns([3, 2])
    with left:
        st.subheader(_("Russian-held share by oblast"))
        changed, numbers = numbers_in_language(changed, {
            "pct_before": Number(_("{day} (%)", day=against(date)), "%.1f"),
            "pct_after": Number(_("After (%)"), "%.1f"),
            "to_russia_km2": Number(_("To Russia (km²)"), "%,.0f"),
            "to_ukraine_km2": Number(_("To Ukraine (km²)"), "%,.0f"),
            "dmz_km2": Number(_("Zone (km²)"), "%,.0f"),
            "from_ukraine_km2": Number(
                _("Ukraine gives up (km²)"), "%,.0f",
                help=_("To Russia, or Ukrainian-held ground that falls in the zone"))}, lang)
        st.dataframe(changed, hide_index=True, width="stretch", column_config={
            "iso_3166_2": "ISO", "name": _("Oblast"), **numbers})
        st.caption(_("Units whose share changes, computed on the line of {day}.",
                     day=against(date)))
    with right:
        st.subheader(_("Towns changing side ({count})", count=count))
        towns_changing, numbers = numbers_in_language(towns_changing, {
            "population": Number(_("Population"), "%,d"),
            "population_year": Number(_("Year"), "%d")}, lang)
        if lang != DEFAULT:  # a DataFrame, copied, by now (numbers_in_language)
            towns_changing["population_source"] = [
                population_source_name(source, lang)
                for source in towns_changing["population_source"]]
        st.dataframe(towns_changing, hide_index=True, width="stretch", column_config={
            "name": _("Town"), "iso_3166_2": _("Oblast"), **numbers,
            "population_source": _("Population source"),
            "side_before": _("On {day}", day=against(date)), "side_after": _("After")})
        st.caption(_("Towns of 1,000 or more (GeoNames); pre-war populations where curated."))


def downloads(evaluation: Evaluation, time: ProposalTime, prebuilt: tuple[Prebuilt, ...],
              title: str) -> None:
    """The view as files, each made on click: zones and lines, the table and a slide-ready
    figure with the time to take shown above; the map as shown (``prebuilt``: its layers,
    ``title``: the page's). Each is in the visitor's language, held here: a click runs with
    no session."""
    lang = language()
    st.subheader(_("Export this view"))
    stem = f"ceasefire-atlas_{evaluation.scenario.preset}_{evaluation.ground.date.isoformat()}"
    columns = st.columns(5)
    columns[0].download_button(
        _("Zones and lines (GeoJSON)"), mime="application/geo+json",
        file_name=f"{stem}.geojson",
        data=lambda: json.dumps(scenario_geojson(evaluation, time=time, lang=lang),
                                ensure_ascii=False))
    columns[1].download_button(_("Table (CSV)"), mime="text/csv", file_name=f"{stem}.csv",
                               data=lambda: impact_csv(evaluation.impact, time=time, lang=lang))
    for column, fmt, mime in ((columns[2], "png", "image/png"),
                              (columns[3], "svg", "image/svg+xml"),
                              (columns[4], "pdf", "application/pdf")):
        column.download_button(_("Slide ({format})", format=fmt.upper()), mime=mime,
                               file_name=f"{stem}.{fmt}",
                               data=lambda fmt=fmt: slide_bytes(evaluation, fmt, time,
                                                                lang=lang))
    st.caption(_("Every file is of the line of {day}, the day in its name. The figure is 1920 "
                 "x 1080 px (PNG), with title, legend, scale bar, date and sources; the GeoJSON "
                 "carries the attribution its data requires. Each carries the time to take: "
                 "the GeoJSON as `time_to_take` (as the command line gives it), the CSV as "
                 "columns per window (pace, months, day taken by).",
                 day=against(evaluation.ground.date)))
    day = evaluation.ground.date
    # The map as drawn above, without tiles or the drawing tool (they need the app).
    map_download(evaluation.scenario.preset, (day,),
                 lambda: prebuilt_page(base_map(legend_spec=SCENARIO_LEGEND, lang=lang),
                                       prebuilt),
                 title=title, source=_("{credit}; {boundaries}; towns: GeoNames (geonames.org)",
                                       credit=credit(day),
                                       boundaries=gettext(BOUNDARIES_ATTRIBUTION, lang)),
                 as_of=day)
