"""Shared test fixtures: paths to the shipped data and to the raw reference data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Raw DeepStateMap snapshots, laid beside the project (never committed).
DEEPSTATE_DIR = ROOT.parent / "shared" / "deepstate"


@pytest.fixture(scope="session")
def deepstate_dir() -> Path:
    if not DEEPSTATE_DIR.is_dir():
        pytest.fail(f"reference data missing: {DEEPSTATE_DIR} (../shared/deepstate beside the project)")
    return DEEPSTATE_DIR
