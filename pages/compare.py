"""Compare: two scenarios side by side on synchronised maps, and how they differ."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from streamlit_folium import st_folium

from geo.compare import figures_table, shares_table, towns_table
from geo.deck import parse_deck, step_token
from geo.impact import changed_ground
from geo.layers import dual_map
from geo.names import UNIT_NAMES
from geo.offline import localize_assets
from geo.scenario_layers import changes_layer, lines_layer, zones_layer
from geo.scenarios import PRESET_TITLES, PRESETS, Scenario, ScenarioError
from geo.snapshots import snapshot_for
from pages._outcomes import outcome_of
from pages._sources import active, attribution, ground_of, source_key
from pages._session import arrived, dates, fit_top_padding, leave_pages_directory_mode
from pages._shared import towns

#: Presets that can be compared (a custom line is not kept in links).
CHOICES = [p for p in PRESETS if p != "custom"]
DEFAULTS = {"a": Scenario("donbas"), "b": Scenario("mutual", ua_km=15, ru_km=15)}


def show(side: str, scenario: Scenario) -> None:
    state = st.session_state
    state[f"{side}_preset"] = scenario.preset
    state[f"{side}_ua"], state[f"{side}_ru"] = scenario.ua_km or 15.0, scenario.ru_km or 15.0
    state[f"{side}_shift"] = scenario.shift_km or 10.0
    target = scenario.target or ("UA-14", 85.0)
    state[f"{side}_unit"], state[f"{side}_pct"] = target


def read_link_once() -> None:
    """Set both sides and the date from the URL (a=TOKEN&b=TOKEN&date=D), once a session."""
    if not arrived("compare"):
        return
    warnings = []
    for side, default in DEFAULTS.items():
        steps, problems = parse_deck(st.query_params.get(side, step_token(default)))
        warnings += [f"{side}: {p}" for p in problems]
        show(side, steps[0] if steps else default)
    st.session_state.cmp_date = dates()[-1]
    if "date" in st.query_params:
        try:
            st.session_state.cmp_date = snapshot_for(dt.date.fromisoformat(st.query_params["date"]))
        except ValueError as error:  # SnapshotDateError included
            warnings.append(f"date: {error}")
    st.session_state.cmp_warnings = warnings


def side_controls(side: str, heading: str) -> Scenario:
    st.subheader(heading)
    preset = st.selectbox("Proposal", CHOICES, format_func=PRESET_TITLES.get,
                          key=f"{side}_preset")
    state = st.session_state
    if preset == "mutual":
        st.slider("Ukraine pulls back (km)", 0.0, 50.0, step=1.0, key=f"{side}_ua")
        st.slider("Russia pulls back (km)", 0.0, 50.0, step=1.0, key=f"{side}_ru")
        return Scenario("mutual", ua_km=state[f"{side}_ua"], ru_km=state[f"{side}_ru"])
    if preset == "shift":
        st.slider("Move the line (km)", -30.0, 30.0, step=1.0, key=f"{side}_shift")
        return Scenario("shift", shift_km=state[f"{side}_shift"])
    if preset == "target":
        st.selectbox("Oblast", list(UNIT_NAMES), key=f"{side}_unit",
                     format_func=lambda c: f"{UNIT_NAMES[c][0]} ({c})")
        st.slider("Share held by Russia (%)", 0.0, 100.0, step=1.0, key=f"{side}_pct")
        return Scenario("target", target=(state[f"{side}_unit"], state[f"{side}_pct"]))
    return Scenario(preset)


leave_pages_directory_mode()
read_link_once()
fit_top_padding()
for warning in st.session_state.pop("cmp_warnings", []):
    st.warning(f"Link parameter ignored: {warning}")
with st.sidebar:
    a = side_controls("a", "Left map (A)")
    b = side_controls("b", "Right map (B)")
    st.select_slider("Snapshot date (today's line)", options=dates(),
                     format_func=dt.date.isoformat, key="cmp_date")
date = st.session_state.cmp_date
st.query_params.from_dict({"a": step_token(a), "b": step_token(b), "date": date.isoformat()})

own = active()
st.markdown(f"### {PRESET_TITLES[a.preset]} (A) against {PRESET_TITLES[b.preset]} (B), "
            f"{own.label if own else date.isoformat()}")
today = ground_of(date)
try:
    (zones_a, impact_a), (zones_b, impact_b) = (outcome_of(source_key(date), a),
                                                outcome_of(source_key(date), b))
except ScenarioError as error:
    st.error(f"These scenarios cannot be built: {error}")
    st.stop()

maps = dual_map()
caption = attribution(date)
for side, zones in ((maps.m1, zones_a), (maps.m2, zones_b)):
    for layer in (zones_layer(zones, caption), changes_layer(*changed_ground(today, zones)),
                  lines_layer(zones, today.line)):
        localize_assets(layer).add_to(side)
st_folium(maps, key="compare_map", use_container_width=True, height=520, returned_objects=[])
st.caption("Pan or zoom either map: the other follows. Red: Russian-held; pale blue: "
           "Ukrainian-held; hatched: demilitarised zone; dashed: the scenario's lines; grey: "
           f"today's line of contact. {caption}; boundaries: Natural Earth; towns: GeoNames. "
           "Areas in EPSG:3035, lengths in UTM 36N (EPSG:32636).")

st.subheader("How they differ")
st.dataframe(figures_table(impact_a, impact_b), hide_index=True, width="stretch",
             column_config={"figure": "Figure",
                            "a": st.column_config.NumberColumn("A", format="%.1f"),
                            "b": st.column_config.NumberColumn("B", format="%.1f"),
                            "difference": st.column_config.NumberColumn("B − A", format="%+.1f")})
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
                                                                            format="%d"),
                                "population_year": st.column_config.NumberColumn("Year",
                                                                                 format="%d"),
                                "side_a": "Under A", "side_b": "Under B"})
st.caption(f"Computed from {attribution(date)}; towns of 1,000+ "
           "from GeoNames, pre-war populations where curated.")
