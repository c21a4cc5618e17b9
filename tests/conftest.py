"""Shared test fixtures: paths to the shipped data and to the raw reference data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

#: The clock every test sees (geo.data.freshness.today), the app under test included: ages of
#: the data ("52 days ago") and the stale-data note must not change with the calendar.
FIXED_TODAY = "2026-12-01"
os.environ["ATLAS_TODAY"] = FIXED_TODAY

ROOT = Path(__file__).resolve().parent.parent
#: Raw DeepStateMap snapshots, laid beside the project (never committed).
DEEPSTATE_DIR = ROOT.parent / "shared" / "deepstate"


@pytest.fixture(scope="session")
def deepstate_dir() -> Path:
    if not DEEPSTATE_DIR.is_dir():
        pytest.fail(f"reference data missing: {DEEPSTATE_DIR} (../shared/deepstate beside the project)")
    return DEEPSTATE_DIR
