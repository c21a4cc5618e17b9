"""One call from a scenario and a date to its zones and figures (for the CLI and scripts)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from geo.boundaries import load_units
from geo.control import compute_snapshot
from geo.ground import Ground, prepare_ground
from geo.impact import Impact, assess
from geo.paths import DATA_DIR
from geo.scenarios import Scenario, Zones, apply_scenario
from geo.snapshots import snapshot_for
from geo.towns import load_towns


@dataclass(frozen=True)
class Evaluation:
    """A scenario applied to the snapshot of ``ground.date``."""

    scenario: Scenario
    ground: Ground
    zones: Zones
    impact: Impact


def evaluate(scenario: Scenario, date: dt.date | None = None,
             data_dir: Path = DATA_DIR) -> Evaluation:
    """Apply ``scenario`` to the newest snapshot on or before ``date`` (default: newest).

    Raises :class:`geo.snapshots.SnapshotDateError` or :class:`geo.scenarios.ScenarioError`.
    """
    units = load_units(data_dir)
    ground = prepare_ground(units, compute_snapshot(snapshot_for(date, data_dir), units, data_dir))
    zones = apply_scenario(ground, scenario)
    impact = assess(ground, zones, load_towns(ground.ukraine, data_dir))
    return Evaluation(scenario, ground, zones, impact)
