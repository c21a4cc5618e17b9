"""One call from a scenario and a date to its zones and figures (for the CLI and scripts)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from geo.data.boundaries import load_units
from geo.data.control import compute_snapshot
from geo.data.snapshots import snapshot_for
from geo.data.towns import load_towns
from geo.paths import DATA_DIR
from geo.scenario.ground import Ground, prepare_ground
from geo.scenario.impact import Impact, assess
from geo.scenario.partition import Zones
from geo.scenario.presets import Scenario, apply_scenario


@dataclass(frozen=True)
class Evaluation:
    """A scenario applied to the line of ``ground.date`` (a shipped map's day)."""

    scenario: Scenario
    ground: Ground
    zones: Zones
    impact: Impact


def evaluate(scenario: Scenario, date: dt.date | None = None,
             data_dir: Path = DATA_DIR) -> Evaluation:
    """Apply ``scenario`` to the line of the newest shipped map on or before ``date``
    (default: the newest); ``evaluation.ground.date`` names that map's day, which is ``date``
    itself only when its geometry ships (:mod:`geo.data.cadence`).

    Raises :class:`geo.data.snapshots.SnapshotDateError` or
    :class:`geo.scenario.presets.ScenarioError`.
    """
    units = load_units(data_dir)
    ground = prepare_ground(units, compute_snapshot(snapshot_for(date, data_dir), units, data_dir))
    zones = apply_scenario(ground, scenario)
    impact = assess(ground, zones, load_towns(ground.ukraine, data_dir))
    return Evaluation(scenario, ground, zones, impact)
