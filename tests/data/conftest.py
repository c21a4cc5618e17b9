"""The real snapshot of 2026-01-06 (the Paris summit), prepared once for the data tests."""

import datetime as dt

import pytest

from geo.data.boundaries import load_units
from geo.data.control import compute_snapshot
from geo.data.towns import load_towns
from geo.scenario.ground import prepare_ground

PARIS_SUMMIT = dt.date(2026, 1, 6)


@pytest.fixture(scope="session")
def ground():
    units = load_units()
    return prepare_ground(units, compute_snapshot(PARIS_SUMMIT, units))


@pytest.fixture(scope="session")
def towns(ground):
    return load_towns(ground.ukraine)
