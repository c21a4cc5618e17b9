"""Scenario outcomes and their time to take, cached once per process for every page and
visitor (never mutated). What holds text (map layers, tables) is keyed by the language too;
outcomes and times are numbers and geometry, shared by every language."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd
import pyarrow as pa
import shapely
import streamlit as st

from geo.data.series import load_series, series_path
from geo.data.towns import side_name, town_names
from geo.maps.offline import localize_assets
from geo.maps.palette import NORMAL, STRONG
from geo.maps.scenario_layers import changes_layer, lines_layer, towns_layer, zones_layer
from geo.pace.estimates import EstimateBeside, estimates_beside
from geo.pace.held import HeldSeries
from geo.pace.published import load_published_estimates
from geo.pace.wording import unit_name
from geo.scenario.evaluate import Evaluation
from geo.scenario.ground import Ground
from geo.scenario.impact import Impact, assess, changed_ground
from geo.scenario.partition import Zones
from geo.scenario.presets import Scenario, apply_scenario
from geo.scenario.proposal_time import ProposalTime, oblast_table, proposal_time
from pages._cached_data import towns
from pages._data_source import ground_by_key
from pages._prebuilt_layers import Prebuilt, prebuild

# Keyed by the data (an ISO date for a bundled snapshot, else a visitor's data key) and the
# scenario value. An outcome holds about 0.5 MB of geometry: 64 of them bound the memory a
# crowd moving sliders can take, while the views people share stay warm.
OUTCOMES_KEPT = 64


class OutcomeKey(NamedTuple):
    """What an outcome is of: the data (:func:`pages._data_source.source_key`) and the scenario.

    Streamlit's cache hashes it field by field, the scenario by :func:`scenario_hash`, so
    equal scenarios on the same data share one outcome."""

    ground_key: str
    scenario: Scenario


def scenario_hash(scenario: Scenario) -> tuple:
    """What identifies a scenario to Streamlit's cache: its values, and its line as WKB
    (Streamlit hashes a dataclass through its fields but cannot hash a geometry, and
    Scenario's own equality leaves the line out)."""
    line = shapely.to_wkb(scenario.line) if scenario.line is not None else None
    return (scenario.preset, scenario.ua_km, scenario.ru_km, scenario.shift_km,
            scenario.oblasts, scenario.target, line)


#: The ``hash_funcs`` of every cache keyed by a scenario.
HASH_FUNCS = {Scenario: scenario_hash}


@st.cache_resource(show_spinner=False, max_entries=OUTCOMES_KEPT, hash_funcs=HASH_FUNCS)
def outcome(key: OutcomeKey) -> tuple[Zones, Impact]:
    """The zones and figures of ``key``'s scenario on its data, made once per process."""
    made = evaluation_on(ground_by_key(key.ground_key), key.scenario)
    return made.zones, made.impact


def evaluation_on(ground: Ground, scenario: Scenario) -> Evaluation:
    """``scenario`` applied to ``ground`` and assessed, uncached (:func:`outcome` caches)."""
    zones = apply_scenario(ground, scenario)
    return Evaluation(scenario, ground, zones, assess(ground, zones, towns()))


@st.cache_resource(show_spinner=False, max_entries=OUTCOMES_KEPT, hash_funcs=HASH_FUNCS)
def drawing(key: OutcomeKey, caption: str, strong: bool, lang: str) -> tuple[Prebuilt, ...]:
    """The Ceasefire lines map's layers for the outcome of ``key`` (zones captioned with
    ``caption``; ``strong``: the presenter's emphasis; tooltips in ``lang``), scripted once
    for every rerun."""
    zones, impact = outcome(key)
    today = ground_by_key(key.ground_key)
    emphasis = STRONG if strong else NORMAL
    layers = [zones_layer(zones, caption, emphasis, lang=lang),
              changes_layer(*changed_ground(today, zones), lang=lang),
              lines_layer(zones, today.line, emphasis, lang=lang),
              towns_layer(impact.towns, emphasis, lang=lang)]
    for layer in layers:
        localize_assets(layer)
    return prebuild(layers)


def in_language(table: pd.DataFrame, lang: str, *, oblasts: bool = False, towns: bool = False,
                sides: tuple[str, ...] = ()) -> pd.DataFrame:
    """``table`` with, in ``lang``, its oblasts' names (``oblasts``: its rows are oblasts,
    ``name`` by ``iso_3166_2``) and its towns' ``sides`` columns; English as it is."""
    if towns and "name_uk" in table:
        table = table.assign(name=town_names(table, lang)).drop(columns="name_uk")
    if lang == "en":
        return table
    table = table.copy()
    if oblasts:
        table["name"] = [unit_name(code, lang) for code in table["iso_3166_2"]]
    for column in sides:
        table[column] = [side_name(side, lang) for side in table[column]]
    return table


@st.cache_resource(show_spinner=False, max_entries=OUTCOMES_KEPT, hash_funcs=HASH_FUNCS)
def tables_of(key: OutcomeKey, lang: str) -> tuple[pa.Table, pa.Table]:
    """The Ceasefire lines page's tables for the outcome of ``key`` in ``lang``, as Arrow
    tables made once (Streamlit would convert a DataFrame on every rerun): the units whose
    share changes, and the towns changing side (names as the data gives them)."""
    _, impact = outcome(key)
    by_oblast = impact.by_oblast
    changed = by_oblast[((by_oblast["pct_after"] - by_oblast["pct_before"]).abs() > 0.005)
                        | (by_oblast["dmz_km2"] > 0.5)]
    towns = in_language(impact.towns.drop(columns=["lon", "lat"]), lang, towns=True,
                        sides=("side_before", "side_after"))
    return (pa.Table.from_pandas(in_language(changed, lang, oblasts=True), preserve_index=False),
            pa.Table.from_pandas(towns, preserve_index=False))


def slide_bytes(evaluation: Evaluation, fmt: str, time: ProposalTime | None = None, *,
                lang: str = "en") -> bytes:
    """The slide of ``evaluation`` as ``fmt`` (png, svg, pdf) with its time to take, in
    ``lang``; matplotlib is imported on the first download, not with the page (0.4 s of the
    first visitor's wait)."""
    from geo.maps.figure import figure_bytes, scenario_figure

    return figure_bytes(scenario_figure(evaluation, time=time, lang=lang), fmt)


def outcome_of(ground_key: str, scenario: Scenario) -> tuple[Zones, Impact]:
    """:func:`outcome` of ``scenario`` on ``ground_key``'s data."""
    return outcome(OutcomeKey(ground_key, scenario))


def _series_version() -> tuple[int, int]:
    """What identifies the daily series' file (``geo update`` rewrites it in place)."""
    status = series_path().stat()
    return status.st_mtime_ns, status.st_size


@st.cache_resource(show_spinner=False, max_entries=2)
def _series(version: tuple[int, int]) -> HeldSeries:
    # Looked up by unit and day for every window timed: read into a HeldSeries once.
    return HeldSeries.of(load_series())


@st.cache_resource(show_spinner=False, max_entries=OUTCOMES_KEPT, hash_funcs=HASH_FUNCS)
def _time(key: OutcomeKey, version: tuple[int, int]) -> ProposalTime:
    _, impact = outcome(key)
    return proposal_time(impact, _series(version), ground_by_key(key.ground_key).date)


def time_of(key: OutcomeKey) -> ProposalTime:
    """The time to take what the outcome of ``key`` hands over (:mod:`geo.scenario.proposal_time`,
    on the daily series as it is now); made once per outcome and version of the series
    (about 40 ms)."""
    return _time(key, _series_version())


@st.cache_resource(show_spinner=False, max_entries=OUTCOMES_KEPT, hash_funcs=HASH_FUNCS)
def _time_table(key: OutcomeKey, version: tuple[int, int], lang: str) -> pa.Table:
    return pa.Table.from_pandas(oblast_table(_time(key, version), lang=lang),
                                preserve_index=False)


def time_table_of(key: OutcomeKey, lang: str) -> pa.Table:
    """The per-oblast table of :func:`time_of` in ``lang``
    (:func:`geo.scenario.proposal_time.oblast_table`), as Arrow, once per language."""
    return _time_table(key, _series_version(), lang)


@st.cache_resource(show_spinner=False)
def _published_estimates() -> pd.DataFrame:
    return load_published_estimates()


@st.cache_resource(show_spinner=False, max_entries=OUTCOMES_KEPT)
def _estimates(ground_key: str, version: tuple[int, int]) -> tuple[EstimateBeside, ...]:
    today = ground_by_key(ground_key)
    return tuple(estimates_beside(_series(version), _published_estimates(), today.unit_km2,
                                  today.date))


def estimates_of(ground_key: str) -> tuple[EstimateBeside, ...]:
    """The published estimates beside ours at their dates and on the day of ``ground_key``'s
    line (:mod:`geo.pace.estimates`), once per day and version of the series."""
    return _estimates(ground_key, _series_version())
