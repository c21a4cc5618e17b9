"""Scenario outcomes, cached once per process for every page and visitor (never mutated)."""

from __future__ import annotations

import datetime as dt

import shapely
import streamlit as st

from geo.impact import Impact, assess
from geo.scenarios import Scenario, Zones, apply_scenario
from pages._shared import ground, towns


# Keyed by snapshot and plain parameter values: a slider has at most a few hundred values.
@st.cache_resource(show_spinner=False, max_entries=512)
def outcome(date: dt.date, preset: str, ua_km: float, ru_km: float, shift_km: float,
            oblasts: tuple[str, ...], target: tuple[str, float] | None,
            line_wkb: bytes | None) -> tuple[Zones, Impact]:
    line = shapely.from_wkb(line_wkb) if line_wkb else None
    scenario = Scenario(preset, ua_km, ru_km, shift_km, oblasts, target, line)
    zones = apply_scenario(ground(date), scenario)
    return zones, assess(ground(date), zones, towns())


def outcome_of(date: dt.date, scenario: Scenario) -> tuple[Zones, Impact]:
    """:func:`outcome` for a scenario value."""
    line_wkb = shapely.to_wkb(scenario.line) if scenario.line is not None else None
    return outcome(date, scenario.preset, scenario.ua_km, scenario.ru_km, scenario.shift_km,
                   scenario.oblasts, scenario.target, line_wkb)
