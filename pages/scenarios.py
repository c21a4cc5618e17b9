"""Ceasefire lines: pick a proposal, adjust it, see where the line runs and what it costs."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import shapely
import streamlit as st
from streamlit_folium import st_folium

from geo.data.freshness import freshness_label, today
from geo.ingest import InputError
from geo.ingest.line import read_line
from geo.maps.base import base_map
from geo.maps.scenario_layers import SCENARIO_LEGEND
from geo.pace.estimates import sentence as estimate_sentence
from geo.pace.time_to_take import CAVEAT, meaning
from geo.scenario.deck import DEFAULT_DECK, format_deck, parse_deck
from geo.scenario.evaluate import Evaluation
from geo.scenario.export import impact_csv, scenario_geojson
from geo.scenario.impact import Impact
from geo.scenario.links import parse_view, to_query
from geo.scenario.presets import Scenario, ScenarioError, scenario_of
from geo.scenario.proposal_time import (ProposalTime, compact, headline_sentence, pace_source,
                                        range_sentence, russia_gives_up)
from geo.scenario.proposals import DEFAULT_PROPOSAL, PROPOSALS
from geo.scenario.reported import compare, load_reported
from pages._data_source import active, attribution, ground_of, source_key
from pages._dates import SOURCE_NAME, DayChoice, date_control, line_day_note, link_day, newest
from pages._outcome_cache import (HASH_FUNCS, OUTCOMES_KEPT, OutcomeKey, drawing, estimates_of,
                                  outcome, slide_bytes, tables_of, time_of)
from pages._page_setup import arrived, fit_top_padding, leave_pages_directory_mode
from pages._prebuilt_layers import groups
from pages._presenter import keyboard_control, slide_line, slide_title
from pages._proposal_controls import ensure, proposal_controls, show

#: The date control's label (the line of contact a scenario starts from).
DATE_LABEL = "Day of the line of contact"


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


def drawn_from(day: DayChoice) -> str | None:
    """A sentence for when the scenario is computed on another day's line than the day
    chosen (maps ship for some days only: geo/data/cadence.py), else None."""
    return None if active() is not None else line_day_note(
        day, "the scenario is", "every figure and export below is")


def source_line(day: DayChoice) -> str:
    """The slide's credit for the occupied area: the day of the line and how old it is (the
    sidebar, which says how old the data is, is hidden on a slide)."""
    source = active()
    if source is not None:
        return source.label
    try:
        return freshness_label(SOURCE_NAME, day.drawn, today())
    except ValueError:  # a malformed ATLAS_TODAY: the sidebar says so outside the slide
        return f"{SOURCE_NAME}, {day.drawn.isoformat()}"


def widget_key(name: str) -> str:
    """This page's widget key for the proposal menu ("preset") or a parameter (its name in
    geo/scenario/proposals.py): sc_preset, sc_ua_km, sc_target_pct, ..."""
    return f"sc_{name}"


def read_link() -> None:
    """Set the widgets from the URL when a visit to this page begins (a new session, a link
    followed from another page, or the page reopened from the menu after its widgets were
    forgotten)."""
    if not arrived("scenarios"):
        return
    view = parse_view(st.query_params.to_dict())
    warnings = list(view.warnings)
    # A malformed date already warned in parse_view (view.date is then None: the newest).
    link_day("sc_date", view.date.isoformat() if view.date else None, warnings)
    show(view.scenario, widget_key, every=True)
    st.session_state.update(
        sc_present=st.query_params.get("present") == "1",
        sc_deck=st.query_params.get("deck", DEFAULT_DECK), sc_step=0)
    steps, deck_warnings = parse_deck(st.session_state.sc_deck)
    warnings += [f"deck: {w}" for w in deck_warnings]
    if st.session_state.sc_present and "step" in st.query_params and steps:
        try:
            step = min(max(int(st.query_params["step"]), 0), len(steps) - 1)
        except ValueError:
            warnings.append(f"step={st.query_params['step'][:20]!r} is not a number; using 1")
            step = 0
        go_to(steps, step)
    st.session_state.update(sc_warnings=warnings)


def go_to(steps: list[Scenario], step: int) -> None:
    st.session_state.sc_step = step
    show(steps[step], widget_key)


def move(by: int) -> None:
    steps, _ = parse_deck(st.session_state.sc_deck)
    if steps:
        go_to(steps, min(max(st.session_state.sc_step + by, 0), len(steps) - 1))


def start_deck() -> None:
    steps, _ = parse_deck(st.session_state.sc_deck)
    st.session_state.sc_present = True
    if steps:
        go_to(steps, 0)


def add_to_deck(scenario: Scenario) -> None:
    steps, _ = parse_deck(st.session_state.sc_deck)
    st.session_state.sc_deck = format_deck(steps + [scenario])


def stop_presenting() -> None:
    st.session_state.sc_present = False


def custom_line_controls() -> None:
    st.caption("Draw a line across Ukraine with the line tool on the map (click to add "
               "points, click the last point to finish), or upload one as GeoJSON. The side "
               "holding most of the occupied area becomes the Russian side.")
    upload = st.file_uploader("Line (GeoJSON)", type=["geojson", "json"], key="sc_upload")
    if upload is not None:
        try:
            st.session_state.sc_line = shapely.to_wkb(read_line(upload.getvalue()))
            st.session_state.sc_line_source = f"uploaded file {upload.name}"
        except InputError as error:
            st.error(f"{upload.name}: {error}")


def sidebar() -> tuple[str, dict[str, object], DayChoice]:
    """The chosen preset, its parameters' values (by name: geo.scenario.presets.scenario_of) and the
    day."""
    for key, default in (("sc_date", newest()), ("sc_present", False),
                         ("sc_deck", DEFAULT_DECK), ("sc_step", 0)):
        ensure(key, default)
    with st.sidebar:
        st.header("Scenario")
        preset, values = proposal_controls(widget_key)
        if PROPOSALS[preset].drawn:
            custom_line_controls()
        day = date_control(DATE_LABEL, "sc_date")
        st.toggle("Basemap tiles (needs internet)", value=False, key="sc_tiles")
        st.toggle("Presenter mode", key="sc_present",
                  help="The map fills the screen; arrow keys or a clicker step through the deck; "
                       "Escape leaves.")
        with st.expander("Presenter's deck"):
            st.text_input("Steps", key="sc_deck",
                          help="Comma-separated: freeze, donbas, claims, plan28, swap, "
                               "mutual:UA_KM:RU_KM, shift:KM[:UA-14+UA-09], target:UA-14:85")
            if PROPOSALS[preset].in_links:
                st.button("Add this view to the deck", on_click=add_to_deck,
                          args=(scenario_of(preset, values),))
            st.button("Present the deck", on_click=start_deck)
    return preset, values, day


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


def downloads(evaluation: Evaluation, time: ProposalTime) -> None:
    """The view as files: zones and lines, the table, a slide-ready figure (made on click),
    each with the time to take shown above."""
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


def slide(preset: str, impact: Impact, time: ProposalTime, day: DayChoice,
          steps: list[Scenario], shown: Scenario | None) -> None:
    """The presenter's title bar: title, figures, the day, its age and the sources, the time
    to take in a line of its own; deck buttons."""
    step = st.session_state.sc_step
    # A view opened from a link, or changed since, need not be one of the deck's steps: the
    # counter then says so in words (a wider cell) rather than "– / 3".
    on_deck = bool(steps) and shown == steps[step]
    title, previous, position, following, leave = st.columns(
        [16, 2.2, 1.3, 2, 2.6] if on_deck or not steps else [16, 2.2, 2.7, 2, 2.6],
        vertical_alignment="center")
    with title:
        figures = [f"{label} {km2:,.0f} km²" for label, km2 in
                   (("to Russia", impact.to_russia_km2), ("to Ukraine", impact.to_ukraine_km2),
                    ("zone", impact.dmz_km2)) if km2 >= 0.5]
        # Short enough that the whole line, sources included, fits a 1920 px slide.
        figures.append(f"lines {impact.line_km:,.0f} km (before {impact.line_km_before:,.0f})")
        # On a slide, the day chosen is named in the title (the line below is full).
        chosen = "" if drawn_from(day) is None else \
            f" (newest map by {day.requested.isoformat()})"
        slide_title(f"{PROPOSALS[preset].title}, against {against(day.drawn)}{chosen}",
                    " · ".join(figures) + f" · Sources: {source_line(day)}; Natural Earth; "
                    "GeoNames", lines_below=1)
    if steps:
        previous.button("Previous", on_click=move, args=(-1,), disabled=step == 0,
                        use_container_width=True)
        position.markdown(deck_position(step, len(steps), on_deck))
        following.button("Next", on_click=move, args=(1,), disabled=step >= len(steps) - 1,
                         use_container_width=True)
    leave.button("Exit (Esc)", on_click=stop_presenting, use_container_width=True)
    slide_line(f"{compact(time)} · not a forecast (pace to {time.headline.end.isoformat()})")


def deck_position(step: int, count: int, on_deck: bool) -> str:
    """The slide's deck counter: "2 / 3" on the deck's second step; off the deck, what the
    view is and where Next leads."""
    if on_deck:
        return f"**{step + 1} / {count}**"
    return f"**Off the deck**  \nNext: {step + 2} / {count}" if step + 1 < count \
        else f"**Off the deck**  \n{count} steps"


def drawn_line(returned: dict | None) -> None:
    """Keep the last line drawn on the map as this session's custom line."""
    drawings = (returned or {}).get("all_drawings") or []
    lines = [d for d in drawings if (d.get("geometry") or {}).get("type") == "LineString"]
    if not lines:
        return
    wkb = shapely.to_wkb(shapely.geometry.shape(lines[-1]["geometry"]))
    if wkb != st.session_state.get("sc_line"):
        st.session_state.sc_line = wkb
        st.session_state.sc_line_source = "line drawn on the map"
        st.rerun()


leave_pages_directory_mode()
read_link()
fit_top_padding()
for warning in st.session_state.pop("sc_warnings", []):
    st.warning(f"Link parameter ignored: {warning}")
preset, values, day = sidebar()
# The scenario is computed on the line of the newest shipped map on or before the day chosen;
# the link keeps the day chosen.
date = day.drawn
line_wkb = st.session_state.get("sc_line") if PROPOSALS[preset].drawn else None
presenting = st.session_state.sc_present
deck_steps, _ = parse_deck(st.session_state.sc_deck)
chosen = scenario_of(preset, values) if PROPOSALS[preset].in_links else None
query = (to_query(chosen, day.requested) if chosen is not None
         else {"preset": preset, "date": day.requested.isoformat()})
if presenting:
    query["present"] = "1"
if st.session_state.sc_deck != DEFAULT_DECK:
    query["deck"] = st.session_state.sc_deck
if presenting and deck_steps:
    query["step"] = str(st.session_state.sc_step)
st.query_params.from_dict(query)

if not presenting:
    st.markdown(f"### {PROPOSALS[preset].title}, against {against(date)}")
    if note := drawn_from(day):
        st.info(note)
if PROPOSALS[preset].drawn and line_wkb is None:
    st.info("No line yet: draw one on the map or upload a GeoJSON line. Showing the line of "
            "contact as it is.")
    preset_used, values = DEFAULT_PROPOSAL, {}
else:
    preset_used = preset
try:
    shown = scenario_of(preset_used, values,
                        line=shapely.from_wkb(line_wkb) if line_wkb else None)
    key = OutcomeKey(source_key(date), shown)
    zones, impact = outcome(key)
except ScenarioError as error:
    st.error(f"This line cannot be used: {error}. Showing the line of contact as it is "
             "instead.")
    preset_used, shown = DEFAULT_PROPOSAL, Scenario(DEFAULT_PROPOSAL)
    key = OutcomeKey(source_key(date), shown)
    zones, impact = outcome(key)
if line_wkb:
    st.caption(f"Custom line: {st.session_state.get('sc_line_source', 'drawn')}.")

time, _ = time_of(key)
if presenting:
    slide(preset_used, impact, time, day, deck_steps, chosen)

line_ground = ground_of(date)
layers = groups(drawing(key, attribution(date), presenting))
is_custom = PROPOSALS[preset].drawn
returned = st_folium(
    base_map(tiles=st.session_state.sc_tiles, legend_spec=SCENARIO_LEGEND, draw=is_custom,
             presenter=presenting),
    key="scenario_map", feature_group_to_add=layers, use_container_width=True, height=580,
    returned_objects=["all_drawings"] if is_custom else [])
if is_custom:
    drawn_line(returned)
if presenting:
    keyboard_control()
else:
    st.caption("Copy the address bar to share this exact view.")
    headline(impact, date)
    time_to_take(key, date)
    comparison(key, date)
    tables(key, len(impact.towns), date)
    downloads(Evaluation(shown, line_ground, zones, impact), time)
