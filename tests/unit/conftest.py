"""Shared by the export and figure tests: one evaluated scenario on the real data."""

import datetime as dt

import pytest

from geo.scenario.evaluate import evaluate
from geo.scenario.presets import Scenario


@pytest.fixture(scope="session")
def evaluation():
    """A 15 km mutual pull-back on the snapshot of 2026-01-06."""
    return evaluate(Scenario("mutual", ua_km=15.0, ru_km=15.0), dt.date(2026, 1, 6))
