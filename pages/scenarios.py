"""Ceasefire lines: pick a proposal, adjust it, see where the line runs and what it costs, in
the visitor's language (pages/_language.py)."""

from __future__ import annotations

import shapely
import streamlit as st

from geo.ingest import InputError
from geo.ingest.line import read_line
from geo.language import N_, Message, km, km2, number
from geo.maps.base import base_map
from geo.maps.scenario_layers import SCENARIO_LEGEND
from geo.scenario.deck import DEFAULT_DECK, format_deck, parse_deck
from geo.scenario.evaluate import Evaluation
from geo.scenario.impact import Impact
from geo.scenario.links import parse_view, to_query
from geo.scenario.presets import Scenario, ScenarioError, scenario_of
from geo.scenario.proposal_time import ProposalTime, compact
from geo.scenario.proposals import DEFAULT_PROPOSAL, PROPOSALS
from pages._data_source import active, ground_of, source_key
from pages._dates import DayChoice, age_text, date_control, day_text, link_day, newest
from pages._language import _, language, link_params, ngettext
from pages._outcome_cache import OutcomeKey, drawing, outcome, time_of
from pages._page_setup import arrived, fit_top_padding, leave_pages_directory_mode
from pages._map_component import folium_map
from pages._prebuilt_layers import groups
from pages._presenter import button_labels, keyboard_control, slide_line, slide_title
from pages._proposal_controls import ensure, proposal_controls, show, title as proposal_title
from pages._scenario_figures import (against, comparison, credit, downloads, headline, tables,
                                     time_to_take)

#: The date control's label (the line of contact a scenario starts from).
DATE_LABEL = N_("Day of the line of contact")


def drawn_from(day: DayChoice) -> str | None:
    """A sentence for when the scenario is computed on another day's line than the day
    chosen (maps ship for some days only: geo/data/cadence.py), else None."""
    if active() is not None or day.drawn == day.requested:
        return None
    return _("You chose {chosen}: the scenario is computed on the line of {drawn}, the newest "
             "day on or before it whose map ships (weekly); every figure and export below is "
             "of {drawn}.", chosen=day_text(day.requested), drawn=day_text(day.drawn))


def source_line(day: DayChoice) -> str:
    """The slide's credit for the occupied area: the day of the line and how old it is (the
    sidebar, which says how old the data is, is hidden on a slide)."""
    source = active()
    return source.label if source is not None else age_text(day.drawn)


def said(error: Exception) -> str:
    """Why ``error`` was raised, in the visitor's language when it carries a
    :class:`~geo.language.Message`."""
    reason = error.args[0] if error.args else ""
    return reason.text(language()) if isinstance(reason, Message) else str(error)


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
    lang = language()
    warnings = [warning.text(lang) for warning in view.warnings]
    # A malformed date already warned in parse_view (view.date is then None: the newest).
    link_day("sc_date", view.date.isoformat() if view.date else None, warnings)
    show(view.scenario, widget_key, every=True)
    st.session_state.update(
        sc_present=st.query_params.get("present") == "1",
        sc_deck=st.query_params.get("deck", DEFAULT_DECK), sc_step=0)
    steps, deck_warnings = parse_deck(st.session_state.sc_deck)
    warnings += [_("deck: {problem}", problem=w.text(lang)) for w in deck_warnings]
    if st.session_state.sc_present and "step" in st.query_params and steps:
        try:
            step = min(max(int(st.query_params["step"]), 0), len(steps) - 1)
        except ValueError:
            warnings.append(_("step={value} is not a number; using 1",
                              value=repr(st.query_params["step"][:20])))
            step = 0
        go_to(steps, step)
    st.session_state.update(sc_warnings=warnings)


def go_to(steps: list[Scenario], step: int) -> None:
    st.session_state.sc_step = step
    show(steps[step], widget_key)


def move(by: int) -> None:
    steps = parse_deck(st.session_state.sc_deck)[0]
    if steps:
        go_to(steps, min(max(st.session_state.sc_step + by, 0), len(steps) - 1))


def start_deck() -> None:
    steps = parse_deck(st.session_state.sc_deck)[0]
    st.session_state.sc_present = True
    if steps:
        go_to(steps, 0)


def add_to_deck(scenario: Scenario) -> None:
    steps = parse_deck(st.session_state.sc_deck)[0]
    st.session_state.sc_deck = format_deck(steps + [scenario])


def stop_presenting() -> None:
    st.session_state.sc_present = False


def custom_line_controls() -> None:
    st.caption(_("Draw a line across Ukraine with the line tool on the map (click to add "
                 "points, click the last point to finish), or upload one as GeoJSON. The side "
                 "holding most of the occupied area becomes the Russian side."))
    upload = st.file_uploader(_("Line (GeoJSON)"), type=["geojson", "json"], key="sc_upload")
    if upload is not None:
        try:
            st.session_state.sc_line = shapely.to_wkb(read_line(upload.getvalue()))
            # Kept as a Message: the session may change its language later.
            st.session_state.sc_line_source = Message("uploaded file {name}",
                                                      {"name": upload.name})
        except InputError as error:
            st.error(_("{file}: {problem}", file=upload.name, problem=said(error)))


def sidebar() -> tuple[str, dict[str, object], DayChoice]:
    """The chosen preset, its parameters' values (by name: geo.scenario.presets.scenario_of) and the
    day."""
    for key, default in (("sc_date", newest()), ("sc_present", False),
                         ("sc_deck", DEFAULT_DECK), ("sc_step", 0)):
        ensure(key, default)
    with st.sidebar:
        st.header(_("Scenario"))
        preset, values = proposal_controls(widget_key)
        if PROPOSALS[preset].drawn:
            custom_line_controls()
        day = date_control(_(DATE_LABEL), "sc_date")
        st.toggle(_("Basemap tiles (needs internet)"), value=False, key="sc_tiles")
        st.toggle(_("Presenter mode"), key="sc_present",
                  help=_("The map fills the screen; arrow keys or a clicker step through the "
                         "deck; Escape leaves."))
        with st.expander(_("Presenter's deck")):
            st.text_input(_("Steps"), key="sc_deck",
                          help=_("Comma-separated: {forms}", forms="freeze, donbas, claims, "
                                 "plan28, swap, mutual:UA_KM:RU_KM, shift:KM[:UA-14+UA-09], "
                                 "target:UA-14:85"))
            if PROPOSALS[preset].in_links:
                st.button(_("Add this view to the deck"), on_click=add_to_deck,
                          args=(scenario_of(preset, values),))
            st.button(_("Present the deck"), on_click=start_deck)
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
    lang, labels = language(), button_labels()
    with title:
        figures = [text.format(area=km2(area, lang)) for text, area in
                   ((_("to Russia {area}"), impact.to_russia_km2),
                    (_("to Ukraine {area}"), impact.to_ukraine_km2),
                    (_("zone {area}"), impact.dmz_km2)) if area >= 0.5]
        # Short enough that the whole line, sources included, fits a 1920 px slide.
        figures.append(_("lines {length} (before {before})", length=km(impact.line_km, lang),
                         before=number(impact.line_km_before, lang)))
        # On a slide, the day chosen is named in the title (the line below is full).
        named = {"proposal": proposal_title(preset), "day": against(day.drawn)}
        heading = _("{proposal}, against {day}", **named) if drawn_from(day) is None else \
            _("{proposal}, against {day} (newest map by {chosen})", **named,
              chosen=day_text(day.requested))
        slide_title(heading, _("{figures} · Sources: {source}; Natural Earth; GeoNames",
                               figures=" · ".join(figures), source=source_line(day)),
                    lines_below=1)
    if steps:
        previous.button(labels["previous"], on_click=move, args=(-1,), disabled=step == 0,
                        use_container_width=True)
        position.markdown(deck_position(step, len(steps), on_deck))
        following.button(labels["next"], on_click=move, args=(1,),
                         disabled=step >= len(steps) - 1, use_container_width=True)
    leave.button(labels["exit"], on_click=stop_presenting, use_container_width=True)
    slide_line(_("{time} · not a forecast (pace to {day})", time=compact(time, lang=lang),
                 day=day_text(time.headline.end)))


def deck_position(step: int, count: int, on_deck: bool) -> str:
    """The slide's deck counter: "2 / 3" on the deck's second step; off the deck, what the
    view is and where Next leads."""
    if on_deck:
        return f"**{step + 1} / {count}**"
    return _("**Off the deck**  \nNext: {next} / {count}", next=step + 2, count=count) \
        if step + 1 < count else ngettext("**Off the deck**  \n{count} step",
                                          "**Off the deck**  \n{count} steps", count)


def drawn_line(returned: dict | None) -> None:
    """Keep the last line drawn on the map as this session's custom line."""
    drawings = (returned or {}).get("all_drawings") or []
    lines = [d for d in drawings if (d.get("geometry") or {}).get("type") == "LineString"]
    if not lines:
        return
    wkb = shapely.to_wkb(shapely.geometry.shape(lines[-1]["geometry"]))
    if wkb != st.session_state.get("sc_line"):
        st.session_state.sc_line = wkb
        st.session_state.sc_line_source = Message("line drawn on the map")
        st.rerun()


leave_pages_directory_mode()
read_link()
fit_top_padding()
for warning in st.session_state.pop("sc_warnings", []):
    st.warning(_("Link parameter ignored: {problem}", problem=warning))
preset, values, day = sidebar()
# The scenario is computed on the line of the newest shipped map on or before the day chosen;
# the link keeps the day chosen.
date = day.drawn
line_wkb = st.session_state.get("sc_line") if PROPOSALS[preset].drawn else None
presenting = st.session_state.sc_present
deck_steps = parse_deck(st.session_state.sc_deck)[0]
chosen = scenario_of(preset, values) if PROPOSALS[preset].in_links else None
query = (to_query(chosen, day.requested) if chosen is not None
         else {"preset": preset, "date": day.requested.isoformat()})
if presenting:
    query["present"] = "1"
if st.session_state.sc_deck != DEFAULT_DECK:
    query["deck"] = st.session_state.sc_deck
if presenting and deck_steps:
    query["step"] = str(st.session_state.sc_step)
st.query_params.from_dict({**query, **link_params()})

title = _("{proposal}, against {day}", proposal=proposal_title(preset), day=against(date))
if not presenting:
    st.markdown(f"### {title}")
    if note := drawn_from(day):
        st.info(note)
if PROPOSALS[preset].drawn and line_wkb is None:
    st.info(_("No line yet: draw one on the map or upload a GeoJSON line. Showing the line of "
              "contact as it is."))
    preset_used, values = DEFAULT_PROPOSAL, {}
else:
    preset_used = preset
try:
    shown = scenario_of(preset_used, values,
                        line=shapely.from_wkb(line_wkb) if line_wkb else None)
    key = OutcomeKey(source_key(date), shown)
    zones, impact = outcome(key)
except ScenarioError as error:
    st.error(_("This line cannot be used: {problem}. Showing the line of contact as it is "
               "instead.", problem=error.message.text(language())))
    preset_used, shown = DEFAULT_PROPOSAL, Scenario(DEFAULT_PROPOSAL)
    key = OutcomeKey(source_key(date), shown)
    zones, impact = outcome(key)
if line_wkb:
    source = st.session_state.get("sc_line_source") or Message("drawn")
    st.caption(_("Custom line: {source}.", source=source.text(language())
                 if isinstance(source, Message) else source))

time = time_of(key)
if presenting:
    slide(preset_used, impact, time, day, deck_steps, chosen)

line_ground = ground_of(date)
credit_line, tiles, lang = credit(date), st.session_state.sc_tiles, language()
prebuilt = drawing(key, credit_line, presenting, lang)
is_custom = PROPOSALS[preset].drawn
returned = folium_map(
    (key, credit_line, presenting, lang, tiles, is_custom),
    lambda: (base_map(tiles=tiles, legend_spec=SCENARIO_LEGEND, draw=is_custom,
                      presenter=presenting, lang=lang), groups(prebuilt)),
    key="scenario_map", height=580, returned_objects=["all_drawings"] if is_custom else [])
if is_custom:
    drawn_line(returned)
if presenting:
    keyboard_control()
else:
    st.caption(_("Copy the address bar to share this exact view."))
    headline(impact, date)
    time_to_take(key, date)
    comparison(key, date)
    tables(key, len(impact.towns), date)
    downloads(Evaluation(shown, line_ground, zones, impact), time, prebuilt, title)
