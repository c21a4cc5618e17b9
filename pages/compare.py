"""Compare: two scenarios side by side on synchronised maps, and how they differ."""

from __future__ import annotations

import streamlit as st
from branca.element import Element
from folium.plugins import DualMap
from streamlit_folium import st_folium

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
from geo.scenario.proposals import PROPOSALS
from pages._cached_data import towns
from pages._data_source import active, attribution, ground_of, source_key
from pages._dates import DayChoice, date_control, line_day_note, link_day
from pages._map_download import map_download
from pages._outcome_cache import OutcomeKey, outcome_of, time_of
from pages._page_setup import arrived, fit_top_padding, leave_pages_directory_mode
from pages._proposal_controls import Keys, proposal_controls, show

DEFAULTS = {"a": Scenario("donbas"), "b": Scenario("mutual", ua_km=15, ru_km=15)}
#: The date control's label (the line of contact both scenarios start from).
DATE_LABEL = "Day of the line of contact"
#: The widgets' keys after the side's letter, by parameter name (links and tests use them).
WIDGET_KEYS = {"preset": "preset", "ua_km": "ua", "ru_km": "ru", "shift_km": "shift",
               "oblasts": "oblasts", "target_unit": "unit", "target_pct": "pct"}
#: The legend of the downloaded maps, which have no page around them to give it in words:
#: the Ceasefire lines map's, but towns (not drawn here).
COMPARE_LEGEND = ("Under each scenario",
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
        warnings += [f"{side}: {p}" for p in problems]
        show(steps[0] if steps else default, widget_keys(side), every=True)
    link_day("cmp_date", st.query_params.get("date"), warnings)
    st.session_state.cmp_warnings = warnings


def side_controls(side: str, heading: str) -> Scenario:
    st.subheader(heading)
    return scenario_of(*proposal_controls(widget_keys(side), side_by_side=True))


def compare_maps(zones_a: Zones, zones_b: Zones, today: Ground, caption: str) -> DualMap:
    """The two scenarios' maps side by side, A on the left; ``caption`` names the source
    and day of the zones."""
    maps = dual_map()
    # The frame's default 8 px margin pushed the maps' bottom edge, and their credit, out of
    # view.
    maps.get_root().header.add_child(Element("<style>body{margin:0}</style>"),
                                     name="atlas_margin")
    for side, zones in ((maps.m1, zones_a), (maps.m2, zones_b)):
        for layer in (zones_layer(zones, caption), changes_layer(*changed_ground(today, zones)),
                      lines_layer(zones, today.line)):
            localize_assets(layer).add_to(side)
    return maps


def downloaded_page(zones_a: Zones, zones_b: Zones, today: Ground, caption: str) -> str:
    """The page of :func:`compare_maps` for the file, its legend on the right-hand map."""
    maps = compare_maps(zones_a, zones_b, today, caption)
    legend(*COMPARE_LEGEND).add_to(maps.m2)
    return maps.get_root().render()


def drawn_from(day: DayChoice) -> str | None:
    """A sentence for when both scenarios are computed on another day's line than the day
    chosen (maps ship for some days only: geo/data/cadence.py), else None."""
    return None if active() is not None else line_day_note(
        day, "both scenarios are", "every figure below is")


leave_pages_directory_mode()
read_link_once()
fit_top_padding()
for warning in st.session_state.pop("cmp_warnings", []):
    st.warning(f"Link parameter ignored: {warning}")
with st.sidebar:
    a = side_controls("a", "Left map (A)")
    b = side_controls("b", "Right map (B)")
    day = date_control(DATE_LABEL, "cmp_date")
# Computed on the newest shipped map on or before the day chosen; the link keeps the day chosen.
date = day.drawn
st.query_params.from_dict({"a": step_token(a), "b": step_token(b),
                           "date": day.requested.isoformat()})

own = active()
st.markdown(f"### {PROPOSALS[a.preset].title} (A) against {PROPOSALS[b.preset].title} (B), "
            f"{own.label if own else date.isoformat()}")
if note := drawn_from(day):
    st.info(note)
today = ground_of(date)
try:
    (zones_a, impact_a), (zones_b, impact_b) = (outcome_of(source_key(date), a),
                                                outcome_of(source_key(date), b))
except ScenarioError as error:
    st.error(f"These scenarios cannot be built: {error}")
    st.stop()

caption = attribution(date)
st_folium(compare_maps(zones_a, zones_b, today, caption), key="compare_map",
          use_container_width=True, height=520, returned_objects=[])
st.caption("Pan or zoom either map: the other follows. Red: Russian-held; pale blue: "
           "Ukrainian-held; hatched: demilitarised zone; dashed: the scenario's lines; grey: "
           f"the line of contact. {caption}; boundaries: Natural Earth; towns: GeoNames. "
           "Areas in EPSG:3035, lengths in UTM 36N (EPSG:32636).")
map_download(f"compare-{a.preset}-{b.preset}", (date,),
             lambda: downloaded_page(zones_a, zones_b, today, caption),
             title=f"{PROPOSALS[a.preset].title} (A, left) against {PROPOSALS[b.preset].title} "
                   f"(B, right), {own.label if own else date.isoformat()}",
             source=f"{caption}; {BOUNDARIES_ATTRIBUTION}", as_of=date)

st.subheader("How they differ")
st.dataframe(figures_table(impact_a, impact_b), hide_index=True, width="stretch",
             column_config={"figure": "Figure",
                            "a": st.column_config.NumberColumn("A", format="%,.1f"),
                            "b": st.column_config.NumberColumn("B", format="%,.1f"),
                            "difference": st.column_config.NumberColumn("B − A",
                                                                        format="%+,.1f")})
st.markdown("**Time to take**")
times = [time_of(OutcomeKey(source_key(date), scenario))[0] for scenario in (a, b)]
for column, letter, scenario, time in zip(st.columns(2, gap="large"), "AB", (a, b), times):
    with column.container(key=f"time-to-take-{letter.lower()}"):
        st.markdown(f"**{letter}: {PROPOSALS[scenario.preset].title}.** "
                    f"{headline_sentence(time)}")
        if spread := range_short(time):
            st.markdown(f"Across the windows: {spread}.")
        if given := russia_gives_up(time):
            st.markdown(given)
# Both sides share the day, hence the windows: one caption for the two.
st.caption(f"{pace_source(times[0])}; each oblast at its own pace; ground measured on the line of "
           f"{own.label if own else date.isoformat()}. A straight-line extrapolation of the "
           "past, not a forecast (grey zones are not counted). More on the Ceasefire lines "
           "page.")
left, right = st.columns([2, 3])
with left:
    st.markdown("**Russian-held share by oblast (%)**")
    st.dataframe(shares_table(impact_a, impact_b), hide_index=True, width="stretch",
                 column_config={"iso_3166_2": "ISO", "name": "Oblast",
                                "pct_a": st.column_config.NumberColumn("A", format="%.1f"),
                                "pct_b": st.column_config.NumberColumn("B", format="%.1f"),
                                "difference": st.column_config.NumberColumn("B − A",
                                                                            format="%+.1f")})
with right:
    differing = towns_table(towns(), zones_a, zones_b)
    st.markdown(f"**Towns on different sides ({len(differing)})**")
    st.dataframe(differing, hide_index=True, width="stretch",
                 column_config={"name": "Town", "iso_3166_2": "Oblast",
                                "population": st.column_config.NumberColumn("Population",
                                                                            format="%,d"),
                                "population_year": st.column_config.NumberColumn("Year",
                                                                                 format="%d"),
                                "side_a": "Under A", "side_b": "Under B"})
st.caption(f"Computed from {attribution(date)}; towns of 1,000+ "
           "from GeoNames, pre-war populations where curated.")
