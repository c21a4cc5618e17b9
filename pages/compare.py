"""Compare: two scenarios side by side on synchronised maps, and how they differ, in the
visitor's language (pages/_language.py)."""

from __future__ import annotations

import streamlit as st
from branca.element import Element
from folium.plugins import DualMap
from streamlit_folium import st_folium

from geo.language import N_, gettext
from geo.maps.base import BOUNDARIES_ATTRIBUTION, dual_map, legend
from geo.maps.offline import localize_assets
from geo.maps.scenario_layers import SCENARIO_LEGEND, changes_layer, lines_layer, zones_layer
from geo.scenario.compare import figures_table, shares_table, towns_table
from geo.scenario.deck import parse_deck, step_token
from geo.scenario.ground import Ground
from geo.scenario.impact import changed_ground
from geo.scenario.partition import Zones
from geo.scenario.presets import Scenario, ScenarioError, scenario_of
from geo.scenario.proposal_time import headline_sentence, pace_source, range_short, russia_gives_up
from pages._cached_data import towns
from pages._data_source import active, ground_of, source_key
from pages._dates import DayChoice, date_control, day_text, link_day
from pages._language import _, language, link_params
from pages._map_download import map_download
from pages._outcome_cache import OutcomeKey, in_language, outcome_of, time_of
from pages._page_setup import arrived, fit_top_padding, leave_pages_directory_mode
from pages._proposal_controls import Keys, proposal_controls, show, title
from pages._scenario_figures import against, credit
from pages._tables import Number, numbers_in_language

DEFAULTS = {"a": Scenario("donbas"), "b": Scenario("mutual", ua_km=15, ru_km=15)}
#: The date control's label (the line of contact both scenarios start from).
DATE_LABEL = N_("Day of the line of contact")
#: The widgets' keys after the side's letter, by parameter name (links and tests use them).
WIDGET_KEYS = {"preset": "preset", "ua_km": "ua", "ru_km": "ru", "shift_km": "shift",
               "oblasts": "oblasts", "target_unit": "unit", "target_pct": "pct"}
#: The legend of the downloaded maps, which have no page around them to give it in words:
#: the Ceasefire lines map's, but towns (not drawn here).
COMPARE_LEGEND = (N_("Under each scenario"),
                  tuple(entry for entry in SCENARIO_LEGEND[1] if entry[0] != "dot"))


def widget_keys(side: str) -> Keys:
    """Side ``side``'s ("a" or "b") widget keys: a_preset, a_ua, ..."""
    return lambda name: f"{side}_{WIDGET_KEYS[name]}"


def read_link_once() -> None:
    """Set both sides and the date from the URL (a=TOKEN&b=TOKEN&date=D), once a session."""
    if not arrived("compare"):
        return
    warnings: list[str] = []
    for side, default in DEFAULTS.items():
        steps, problems = parse_deck(st.query_params.get(side, step_token(default)))
        warnings += [_("{side}: {problem}", side=side, problem=p.text(language()))
                     for p in problems]
        show(steps[0] if steps else default, widget_keys(side), every=True)
    link_day("cmp_date", st.query_params.get("date"), warnings)
    st.session_state.cmp_warnings = warnings


def side_controls(side: str, heading: str) -> Scenario:
    st.subheader(heading)
    return scenario_of(*proposal_controls(widget_keys(side), side_by_side=True))


def compare_maps(zones_a: Zones, zones_b: Zones, today: Ground, caption: str,
                 lang: str) -> DualMap:
    """The two scenarios' maps side by side, A on the left; ``caption`` names the source
    and day of the zones; tooltips and controls in ``lang``."""
    maps = dual_map(lang=lang)
    # The frame's default 8 px margin pushed the maps' bottom edge, and their credit, out of
    # view.
    maps.get_root().header.add_child(Element("<style>body{margin:0}</style>"),
                                     name="atlas_margin")
    for side, zones in ((maps.m1, zones_a), (maps.m2, zones_b)):
        for layer in (zones_layer(zones, caption, lang=lang),
                      changes_layer(*changed_ground(today, zones), lang=lang),
                      lines_layer(zones, today.line, lang=lang)):
            localize_assets(layer).add_to(side)
    return maps


def downloaded_page(zones_a: Zones, zones_b: Zones, today: Ground, caption: str,
                    lang: str) -> str:
    """The page of :func:`compare_maps` for the file, its legend on the right-hand map."""
    maps = compare_maps(zones_a, zones_b, today, caption, lang)
    legend(*COMPARE_LEGEND, lang=lang).add_to(maps.m2)
    return maps.get_root().render()


def drawn_from(day: DayChoice) -> str | None:
    """A sentence for when both scenarios are computed on another day's line than the day
    chosen (maps ship for some days only: geo/data/cadence.py), else None."""
    if active() is not None or day.drawn == day.requested:
        return None
    return _("You chose {chosen}: both scenarios are computed on the line of {drawn}, the "
             "newest day on or before it whose map ships (weekly); every figure below is of "
             "{drawn}.", chosen=day_text(day.requested), drawn=day_text(day.drawn))


leave_pages_directory_mode()
read_link_once()
fit_top_padding()
for warning in st.session_state.pop("cmp_warnings", []):
    st.warning(_("Link parameter ignored: {problem}", problem=warning))
with st.sidebar:
    a = side_controls("a", _("Left map (A)"))
    b = side_controls("b", _("Right map (B)"))
    day = date_control(_(DATE_LABEL), "cmp_date")
# Computed on the newest shipped map on or before the day chosen; the link keeps the day chosen.
date = day.drawn
st.query_params.from_dict({"a": step_token(a), "b": step_token(b),
                           "date": day.requested.isoformat(), **link_params()})

lang = language()
st.markdown("### " + _("{a} (A) against {b} (B), {day}", a=title(a.preset), b=title(b.preset),
                       day=against(date)))
if note := drawn_from(day):
    st.info(note)
today = ground_of(date)
try:
    (zones_a, impact_a), (zones_b, impact_b) = (outcome_of(source_key(date), a),
                                                outcome_of(source_key(date), b))
except ScenarioError as error:
    st.error(_("These scenarios cannot be built: {problem}", problem=error.message.text(lang)))
    st.stop()

caption = credit(date)
st_folium(compare_maps(zones_a, zones_b, today, caption, lang), key="compare_map",
          use_container_width=True, height=520, returned_objects=[])
st.caption(_("Pan or zoom either map: the other follows. Red: Russian-held; pale blue: "
             "Ukrainian-held; hatched: demilitarised zone; dashed: the scenario's lines; grey: "
             "the line of contact. {credit}; boundaries: Natural Earth; towns: GeoNames. "
             "Areas in EPSG:3035, lengths in UTM 36N (EPSG:32636).", credit=caption))
map_download(f"compare-{a.preset}-{b.preset}", (date,),
             lambda: downloaded_page(zones_a, zones_b, today, caption, lang),
             title=_("{a} (A, left) against {b} (B, right), {day}", a=title(a.preset),
                     b=title(b.preset), day=against(date)),
             source=f"{caption}; {gettext(BOUNDARIES_ATTRIBUTION, lang)}", as_of=date)

st.subheader(_("How they differ"))
figures, numbers = numbers_in_language(
    figures_table(impact_a, impact_b, lang=lang),
    {"a": Number(_("A"), "%,.1f"), "b": Number(_("B"), "%,.1f"),
     "difference": Number(_("B − A"), "%+,.1f")}, lang)
st.dataframe(figures, hide_index=True, width="stretch",
             column_config={"figure": _("Figure"), **numbers})
time_heading = _("Time to take")
st.markdown(f"**{time_heading}**")
times = [time_of(OutcomeKey(source_key(date), scenario)) for scenario in (a, b)]
for column, side, scenario, time in zip(st.columns(2, gap="large"), "ab", (a, b), times):
    with column.container(key=f"time-to-take-{side}"):
        st.markdown(_("**{letter}: {proposal}.** {sentence}",
                      letter=_("A") if side == "a" else _("B"),
                      proposal=title(scenario.preset),
                      sentence=headline_sentence(time, lang=lang)))
        if spread := range_short(time, lang=lang):
            st.markdown(_("Across the windows: {range}.", range=spread))
        if given := russia_gives_up(time, lang=lang):
            st.markdown(given)
# Both sides share the day, hence the windows: one caption for the two.
st.caption(_("{pace}; each oblast at its own pace; ground measured on the line of {day}. A "
             "straight-line extrapolation of the past, not a forecast (grey zones are not "
             "counted). More on the Ceasefire lines page.",
             pace=pace_source(times[0], lang=lang), day=against(date)))
left, right = st.columns([2, 3])
with left:
    shares_heading = _("Russian-held share by oblast (%)")
    st.markdown(f"**{shares_heading}**")
    shares, numbers = numbers_in_language(
        in_language(shares_table(impact_a, impact_b), lang, oblasts=True),
        {"pct_a": Number(_("A"), "%.1f"), "pct_b": Number(_("B"), "%.1f"),
         "difference": Number(_("B − A"), "%+.1f")}, lang)
    st.dataframe(shares, hide_index=True, width="stretch",
                 column_config={"iso_3166_2": "ISO", "name": _("Oblast"), **numbers})
with right:
    differing = towns_table(towns(), zones_a, zones_b)
    towns_heading = _("Towns on different sides ({count})", count=len(differing))
    st.markdown(f"**{towns_heading}**")
    differing, numbers = numbers_in_language(
        in_language(differing, lang, towns=True, sides=("side_a", "side_b")),
        {"population": Number(_("Population"), "%,d"), "population_year": Number(_("Year"), "%d")},
        lang)
    st.dataframe(differing, hide_index=True, width="stretch",
                 column_config={"name": _("Town"), "iso_3166_2": _("Oblast"), **numbers,
                                "side_a": _("Under A"), "side_b": _("Under B")})
st.caption(_("Computed from {credit}; towns of 1,000+ from GeoNames, pre-war populations "
             "where curated.", credit=credit(date)))
