"""Where the shipped data lives."""

from __future__ import annotations

from pathlib import Path

#: The repository's data/ folder (derived, small, committed; see data/SOURCES.md).
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
