"""Ceasefire lines: pick a proposal, adjust it, see where the line runs and what it costs."""

from __future__ import annotations

import shapely
import streamlit as st
from streamlit_folium import st_folium

from geo.data.freshness import freshness_label, today
from geo.ingest import InputError
from geo.ingest.line import read_line
from geo.maps.base import base_map
from geo.maps.scenario_layers import SCENARIO_LEGEND
from geo.scenario.deck import DEFAULT_DECK, format_deck, parse_deck
from geo.scenario.evaluate import Evaluation
from geo.scenario.impact import Impact
from geo.scenario.links import parse_view, to_query
from geo.scenario.presets import Scenario, ScenarioError, scenario_of
from geo.scenario.proposal_time import ProposalTime, compact
from geo.scenario.proposals import DEFAULT_PROPOSAL, PROPOSALS
from pages._data_source import active, attribution, ground_of, source_key
from pages._dates import SOURCE_NAME, DayChoice, date_control, line_day_note, link_day, newest
from pages._outcome_cache import OutcomeKey, drawing, outcome, time_of
from pages._page_setup import arrived, fit_top_padding, leave_pages_directory_mode
from pages._prebuilt_layers import groups
from pages._presenter import keyboard_control, slide_line, slide_title
from pages._proposal_controls import ensure, proposal_controls, show
from pages._scenario_figures import against, comparison, downloads, headline, tables, time_to_take

#: The date control's label (the line of contact a scenario starts from).
DATE_LABEL = "Day of the line of contact"


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

title = f"{PROPOSALS[preset].title}, against {against(date)}"
if not presenting:
    st.markdown(f"### {title}")
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
prebuilt = drawing(key, attribution(date), presenting)
layers = groups(prebuilt)
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
    downloads(Evaluation(shown, line_ground, zones, impact), time, prebuilt, title)
