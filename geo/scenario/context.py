"""The negotiations behind the map: a dated timeline and the positions on the table.

Both tables are restatements of the reporting in the product's own words, one row per event
or position, each with the source it comes from and a date (data/timeline.csv,
data/positions.csv; see data/SOURCES.md). A position that a scenario preset draws names that
preset (a key of :data:`geo.scenario.proposals.PROPOSALS`), so a page can link it to the map.

Each text column is written in every language of the atlas, side by side in the file: the
English one under its own name (``event``), the others after it with the language's suffix
(``event_uk``). The loaders return the asked language's text under the English names, so a
page reads the same columns whatever the language; dates stay as precise as their source and
:func:`date_text` writes them out.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from geo.language import DEFAULT, checked, long_date
from geo.paths import DATA_DIR
from geo.scenario.proposals import PROPOSALS

TIMELINE_FILE = "timeline.csv"
POSITIONS_FILE = "positions.csv"
TIMELINE_COLUMNS = ["date", "sort_key", "event", "source", "source_date"]
POSITIONS_COLUMNS = ["party", "position", "as_of", "source", "preset"]
#: The columns written in each language (the rest are dates and keys, the same in all).
TIMELINE_TEXT = ("event", "source")
POSITIONS_TEXT = ("party", "position", "source")

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


def date_text(text: str, lang: str = DEFAULT) -> str:
    """A date as precise as its source (see :func:`is_partial_date`) written out in ``lang``:
    as it is in English ("2025-11"); in Ukrainian a day by
    :func:`geo.language.long_date` ("6 січня 2026 р."), a month by its name ("листопад
    2025 р."), a year as it is, a span as its two ends joined by a dash.

    Raises
    ------
    ValueError
        If ``lang`` is not a language of the atlas, or ``text`` is not such a date.
    """
    if not is_partial_date(text):
        raise ValueError(f"{text!r} is not a date like 2014, 2025-11 or 2026-01-06")
    if checked(lang) == DEFAULT:
        return text
    return " – ".join(_written(part, lang) for part in text.split("/"))


def _written(part: str, lang: str) -> str:
    if len(part) == 4:
        return part
    if len(part) == 10:
        return long_date(dt.date.fromisoformat(part), lang)
    # Babel's skeleton gives the month's own name, not the genitive of a day's date
    # ("листопад 2025 р.", not "листопада").
    from babel.dates import format_skeleton

    return format_skeleton("yMMMM", dt.date.fromisoformat(f"{part}-01"), locale=lang)


def text_column(column: str, lang: str) -> str:
    """The file's column holding ``column``'s text in ``lang``: "event" in English,
    "event_uk" in Ukrainian."""
    return column if checked(lang) == DEFAULT else f"{column}_{lang}"


def _read(path: Path, columns: list[str], text: tuple[str, ...], lang: str) -> pd.DataFrame:
    """``columns`` of the file, those in ``text`` read from the language's own column."""
    # Every field is text: a date like "2014" must not become a number, an empty preset
    # must stay "" rather than NaN.
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    names = {c: text_column(c, lang) if c in text else c for c in columns}
    missing = [name for name in names.values() if name not in table.columns]
    if missing:
        message = f"{path.name}: missing column(s) {', '.join(missing)}"
        raise ContextDataError(message)
    table = table[list(names.values())].apply(lambda column: column.str.strip())
    return table.set_axis(columns, axis="columns")


def _require(table: pd.DataFrame, path: Path, columns: list[str], text: tuple[str, ...],
             lang: str) -> None:
    """Every row has a value in each of ``columns`` (a text in the language asked)."""
    for column in columns:
        empty = table.index[table[column] == ""].tolist()
        if empty:
            # +2: the header line, and humans count lines from 1.
            lines = ", ".join(str(i + 2) for i in empty)
            name = text_column(column, lang) if column in text else column
            message = f"{path.name}: empty {name!r} on line(s) {lines}"
            raise ContextDataError(message)


def _require_dates(table: pd.DataFrame, path: Path, columns: list[str]) -> None:
    for column in columns:
        bad = table.loc[~table[column].map(is_partial_date), column]
        if not bad.empty:
            message = (f"{path.name}: {column!r} must look like 2014, 2025-11 or 2026-01-06, "
                       f"not {bad.iloc[0]!r} (line {bad.index[0] + 2})")
            raise ContextDataError(message)


def load_timeline(data_dir: Path = DATA_DIR, *, lang: str = DEFAULT) -> pd.DataFrame:
    """The negotiation timeline, oldest first, its text in ``lang``.

    Returns
    -------
    DataFrame with text columns date (as precise as the source: "2014", "2025-11",
    "2026-01-06", or a span "2025-12/2026-01"), sort_key (an ISO date, the first day ``date``
    can mean), event (one sentence), source and source_date (when the source reported it);
    event and source in ``lang`` (dates as in the file: :func:`date_text` writes them out).
    Sorted by sort_key; events with the same key keep the file's order.

    Raises
    ------
    ContextDataError
        If a column is missing, a row has no event, source or date (or no text in ``lang``),
        or a date is malformed.
    ValueError
        If ``lang`` is not a language of the atlas.
    """
    path = data_dir / TIMELINE_FILE
    table = _read(path, TIMELINE_COLUMNS, TIMELINE_TEXT, lang)
    _require(table, path, TIMELINE_COLUMNS, TIMELINE_TEXT, lang)
    _require_dates(table, path, ["date", "source_date"])
    for line, key in zip(table.index + 2, table["sort_key"]):
        try:
            dt.date.fromisoformat(key)
        except ValueError:
            message = f"{path.name}: sort_key must be an ISO date, not {key!r} (line {line})"
            raise ContextDataError(message) from None
    return table.sort_values("sort_key", kind="stable", ignore_index=True)


def load_positions(data_dir: Path = DATA_DIR, *, lang: str = DEFAULT) -> pd.DataFrame:
    """The positions and proposals on the table, in the file's order (grouped by party), their
    text in ``lang``.

    Returns
    -------
    DataFrame with text columns party, position (one or two sentences), as_of (as precise as
    the source, see :func:`is_partial_date`), source, and preset: the key of
    :data:`geo.scenario.proposals.PROPOSALS` that draws the proposal on the map, or "" if none does;
    party, position and source in ``lang``.

    Raises
    ------
    ContextDataError
        If a column is missing, a row has no party, position, source or date (or no text in
        ``lang``), a date is malformed, or a preset is not one the map knows.
    ValueError
        If ``lang`` is not a language of the atlas.
    """
    path = data_dir / POSITIONS_FILE
    table = _read(path, POSITIONS_COLUMNS, POSITIONS_TEXT, lang)
    _require(table, path, ["party", "position", "as_of", "source"], POSITIONS_TEXT, lang)
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
