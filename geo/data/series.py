"""The daily series: the occupied km2 and share of each unit, and of Ukraine, on every day
the archive holds (data/daily_control.csv, built by scripts/build_data.py and extended by
``python -m geo update``).

A day the archive lacks has no row: it is a gap, never an interpolated or a zero row. Listing
the held days reads the file with the standard library only (a page lists them before any
data is loaded); :func:`load_series` needs pandas.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from geo.atomic import write_text
from geo.language import N_, gettext, long_date
from geo.paths import DATA_DIR

if TYPE_CHECKING:
    import pandas as pd

#: The series' file in the data folder.
SERIES_FILE = "daily_control.csv"
#: Its columns: date (ISO), unit code ("UA" for Ukraine), km2 (EPSG:3035) and percent 0-100.
SERIES_COLUMNS = ["date", "iso_3166_2", "occupied_km2", "occupied_pct"]
#: Decimals written: km2 to 0.01 km2, percent to 0.0001 point.
_KM2_DECIMALS, _PCT_DECIMALS = 2, 4


class HeldDayError(ValueError):
    """No day is held on or before the requested date (or none at all): ``str()`` says why
    in English, :meth:`text` in a visitor's language.

    ``template`` is the English sentence (marked for the catalogue), ``days`` its
    placeholders' days, written as each language writes a day."""

    def __init__(self, template: str, **days: dt.date) -> None:
        self.template, self.days = template, days
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        """Why, in ``lang``."""
        return gettext(self.template, lang).format(
            **{name: long_date(day, lang) for name, day in self.days.items()})


def series_path(data_dir: Path = DATA_DIR) -> Path:
    """The series' file in ``data_dir``."""
    return data_dir / SERIES_FILE


#: A row's first field (its day), at the start of any line after the header.
_FIRST_FIELD = re.compile(rb"^([^,\r\n]+),", re.MULTILINE)


@functools.lru_cache(maxsize=8)
def _held(path: str, modified_ns: int, size: int) -> tuple[dt.date, ...]:
    # Every page's first run lists the days: the first fields alone are read (about 10 ms
    # for 773 days, where the csv module takes 30 ms).
    with open(path, "rb") as handle:
        handle.readline()
        days = set(_FIRST_FIELD.findall(handle.read()))
    return tuple(sorted(dt.date.fromisoformat(day.decode("ascii")) for day in days))


def held_days(data_dir: Path = DATA_DIR) -> list[dt.date]:
    """Every day the series holds, oldest first; empty when there is no series. The file is
    re-read only when its size or modification time changes (``geo update`` rewrote it)."""
    path = series_path(data_dir)
    try:
        status = path.stat()
    except FileNotFoundError:
        return []
    return list(_held(str(path), status.st_mtime_ns, status.st_size))


def missing_days(held: Sequence[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """The gaps between the first and the newest held day, as (first missing, last missing)
    pairs, oldest first. ``held`` must be sorted."""
    gaps = []
    for before, after in zip(held, held[1:]):
        if (after - before).days > 1:
            gaps.append((before + dt.timedelta(days=1), after - dt.timedelta(days=1)))
    return gaps


@dataclass(frozen=True)
class DayChoice:
    """What a page shows for a requested day.

    Attributes
    ----------
    requested
        The day asked for.
    held
        The day whose figures are shown: ``requested`` when held, else the newest held day
        before it.
    drawn
        The day whose geometry is drawn: ``held`` when its geometry ships, else the newest
        shipped day before it (:func:`geo.data.cadence.drawn_day`).
    before, after
        When ``requested`` is not held, the nearest held days on either side (None where
        there is none); both None when it is held.
    """

    requested: dt.date
    held: dt.date
    drawn: dt.date
    before: dt.date | None = None
    after: dt.date | None = None

    @property
    def is_held(self) -> bool:
        """Whether the archive holds the requested day itself."""
        return self.held == self.requested

    @property
    def is_drawn(self) -> bool:
        """Whether the map drawn is of the day whose figures are shown."""
        return self.drawn == self.held


def choose_day(requested: dt.date, held: Sequence[dt.date],
               shipped: Sequence[dt.date]) -> DayChoice:
    """Resolve ``requested`` against the held and the shipped days (both sorted).

    A day after the newest held day resolves to the newest (and names it as the day before);
    a day before the first held day raises.

    Raises
    ------
    HeldDayError
        If nothing is held on or before ``requested`` (or nothing is held or shipped).
    """
    if not held or not shipped:
        raise HeldDayError(N_("no days are held: the daily series or the shipped maps are "
                              "missing"))
    at = bisect_right(held, requested)
    if at == 0:
        raise HeldDayError(N_("no day is held on or before {day}: the first is {first}, the "
                              "newest {newest}"), day=requested, first=held[0], newest=held[-1])
    day = held[at - 1]
    drawn = [d for d in shipped if d <= day]
    if not drawn:
        raise HeldDayError(N_("no map is shipped on or before {day}"), day=day)
    if day == requested:
        return DayChoice(requested, day, drawn[-1])
    after_at = bisect_left(held, requested)
    after = held[after_at] if after_at < len(held) else None
    return DayChoice(requested, day, drawn[-1], before=day, after=after)


def load_series(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The series as a long table: columns :data:`SERIES_COLUMNS`, ``date`` as
    :class:`datetime.date`, sorted by date then unit code (the last row of a day is "UA").

    Raises
    ------
    FileNotFoundError
        If ``data_dir`` holds no series.
    """
    import pandas as pd

    table = pd.read_csv(series_path(data_dir), dtype={"iso_3166_2": str})
    table["date"] = [dt.date.fromisoformat(text) for text in table["date"]]
    return table[SERIES_COLUMNS]


def load_day(day: dt.date, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """One day's rows of the series (columns :data:`SERIES_COLUMNS`, as from
    :func:`load_series`; none when the day is not held), read without loading the rest: a
    page showing one day needs 28 rows, not the whole table (about 0.2 s and 15 MB).

    Raises
    ------
    FileNotFoundError
        If ``data_dir`` holds no series.
    """
    import pandas as pd

    key = day.isoformat()
    data = series_path(data_dir).read_bytes()
    # The file is sorted by day: the day's rows are together, found without parsing the rest.
    start = data.find(f"\n{key},".encode("ascii"))
    rows = []
    if start >= 0:
        lines = data[start + 1:].decode("utf-8").splitlines()
        for row in csv.reader(lines):
            if not row or row[0] != key:
                break
            rows.append(row)
    table = pd.DataFrame(rows, columns=SERIES_COLUMNS)
    table["date"] = [day] * len(table)
    return table.astype({"iso_3166_2": str, "occupied_km2": float, "occupied_pct": float})


def series_of(table: pd.DataFrame, units: Sequence[str], *, start: dt.date | None = None,
              end: dt.date | None = None) -> pd.DataFrame:
    """The rows of ``units`` (codes, "UA" for Ukraine) from ``start`` to ``end`` inclusive
    (either open), one row per held day and unit, by date then in the order of ``units``.

    Raises
    ------
    ValueError
        If a code is not in the series.
    """
    import pandas as pd

    known = set(table["iso_3166_2"])
    unknown = [code for code in units if code not in known]
    if unknown:
        raise ValueError(f"no such unit in the series: {', '.join(unknown)} (codes such as "
                         "UA-14 for Donetsk oblast, UA for Ukraine)")
    mask = table["iso_3166_2"].isin(list(units))
    if start is not None:
        mask &= table["date"] >= start
    if end is not None:
        mask &= table["date"] <= end
    rows = table[mask].copy()
    rows["_order"] = pd.Categorical(rows["iso_3166_2"], categories=list(units)).codes
    return rows.sort_values(["date", "_order"]).drop(columns="_order").reset_index(drop=True)


def day_rows(day: dt.date, shares: pd.DataFrame) -> pd.DataFrame:
    """A day's rows for the series from a :func:`geo.data.shares.control_shares` table."""
    rows = shares[["iso_3166_2", "occupied_km2", "occupied_pct"]].copy()
    rows.insert(0, "date", day)
    return rows[SERIES_COLUMNS]


def write_series(table: pd.DataFrame, path: Path) -> None:
    """Write a series table (columns :data:`SERIES_COLUMNS`) to ``path``, sorted by date and
    code, whole or not at all (written beside it, then renamed)."""
    table = table.sort_values(["date", "iso_3166_2"], key=_ua_last, kind="stable")
    table = table.assign(occupied_km2=table["occupied_km2"].round(_KM2_DECIMALS),
                         occupied_pct=table["occupied_pct"].round(_PCT_DECIMALS),
                         date=[d.isoformat() for d in table["date"]])
    write_text(path, table[SERIES_COLUMNS].to_csv(index=False, lineterminator="\n"))


def _ua_last(column: pd.Series) -> pd.Series:
    # Ukraine's row after its 27 units on each day, as in every shares table.
    return column.where(column != "UA", "UA-~") if column.name == "iso_3166_2" else column

