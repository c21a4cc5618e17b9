"""The negotiations behind the map: a dated timeline and the positions on the table.

Both tables are restatements of the reporting in the product's own words, one row per event
or position, each with the source it comes from and a date (data/timeline.csv,
data/positions.csv; see data/SOURCES.md). A position that a scenario preset draws names that
preset (a key of :data:`geo.scenario.proposals.PROPOSALS`), so a page can link it to the map.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from geo.paths import DATA_DIR
from geo.scenario.proposals import PROPOSALS

TIMELINE_FILE = "timeline.csv"
POSITIONS_FILE = "positions.csv"
TIMELINE_COLUMNS = ["date", "sort_key", "event", "source", "source_date"]
POSITIONS_COLUMNS = ["party", "position", "as_of", "source", "preset"]

# Reporting often gives only a year or a month ("2014", "2025-11"), or a span of months
# ("2025-12/2026-01"); a made-up day would be a precision the source does not have.
_PARTIAL = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_DATE = re.compile(rf"{_PARTIAL}(?:/{_PARTIAL})?")


class ContextDataError(ValueError):
    """A timeline or positions file that is incomplete or malformed (the message says where)."""


def is_partial_date(text: str) -> bool:
    """Whether ``text`` is a date as precise as its source: "2014", "2025-11", "2026-01-06",
    or a span of two such dates joined by "/" ("2025-12/2026-01")."""
    return _DATE.fullmatch(text) is not None


def _read(path: Path, columns: list[str]) -> pd.DataFrame:
    # Every field is text: a date like "2014" must not become a number, an empty preset
    # must stay "" rather than NaN.
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in columns if c not in table.columns]
    if missing:
        message = f"{path.name}: missing column(s) {', '.join(missing)}"
        raise ContextDataError(message)
    table = table[columns].apply(lambda column: column.str.strip())
    return table


def _require(table: pd.DataFrame, path: Path, columns: list[str]) -> None:
    """Every row has a value in each of ``columns``."""
    for column in columns:
        empty = table.index[table[column] == ""].tolist()
        if empty:
            # +2: the header line, and humans count lines from 1.
            lines = ", ".join(str(i + 2) for i in empty)
            message = f"{path.name}: empty {column!r} on line(s) {lines}"
            raise ContextDataError(message)


def _require_dates(table: pd.DataFrame, path: Path, columns: list[str]) -> None:
    for column in columns:
        bad = table.loc[~table[column].map(is_partial_date), column]
        if not bad.empty:
            message = (f"{path.name}: {column!r} must look like 2014, 2025-11 or 2026-01-06, "
                       f"not {bad.iloc[0]!r} (line {bad.index[0] + 2})")
            raise ContextDataError(message)


def load_timeline(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The negotiation timeline, oldest first.

    Returns
    -------
    DataFrame with text columns date (as precise as the source: "2014", "2025-11",
    "2026-01-06", or a span "2025-12/2026-01"), sort_key (an ISO date, the first day ``date``
    can mean), event (one sentence), source and source_date (when the source reported it).
    Sorted by sort_key; events with the same key keep the file's order.

    Raises
    ------
    ContextDataError
        If a column is missing, a row has no event, source or date, or a date is malformed.
    """
    path = data_dir / TIMELINE_FILE
    table = _read(path, TIMELINE_COLUMNS)
    _require(table, path, TIMELINE_COLUMNS)
    _require_dates(table, path, ["date", "source_date"])
    for line, key in zip(table.index + 2, table["sort_key"]):
        try:
            dt.date.fromisoformat(key)
        except ValueError:
            message = f"{path.name}: sort_key must be an ISO date, not {key!r} (line {line})"
            raise ContextDataError(message) from None
    return table.sort_values("sort_key", kind="stable", ignore_index=True)


def load_positions(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The positions and proposals on the table, in the file's order (grouped by party).

    Returns
    -------
    DataFrame with text columns party, position (one or two sentences), as_of (as precise as
    the source, see :func:`is_partial_date`), source, and preset: the key of
    :data:`geo.scenario.proposals.PROPOSALS` that draws the proposal on the map, or "" if none does.

    Raises
    ------
    ContextDataError
        If a column is missing, a row has no party, position, source or date, a date is
        malformed, or a preset is not one the map knows.
    """
    path = data_dir / POSITIONS_FILE
    table = _read(path, POSITIONS_COLUMNS)
    _require(table, path, ["party", "position", "as_of", "source"])
    _require_dates(table, path, ["as_of"])
    unknown = sorted(set(table["preset"]) - set(PROPOSALS) - {""})
    if unknown:
        message = (f"{path.name}: unknown preset(s) {', '.join(unknown)}; "
                   f"one of {', '.join(PROPOSALS)}")
        raise ContextDataError(message)
    return table


def parties(positions: pd.DataFrame) -> list[str]:
    """The parties of a positions table, in the order they first appear."""
    return list(dict.fromkeys(positions["party"]))


def linked_presets(positions: pd.DataFrame) -> list[str]:
    """The scenario presets the positions link to, in the order they first appear."""
    return [p for p in dict.fromkeys(positions["preset"]) if p]
