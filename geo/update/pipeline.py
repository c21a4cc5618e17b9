"""New days from DeepStateMap into the daily series and the shipped geometry
(``python -m geo update``), through the validation of an uploaded file, all or nothing.

Each day's map is fetched from one of two sources (:mod:`geo.update.fetch`): ``archive``
(the default), the raw daily files of cyterat/deepstate-map-data, or ``api``, DeepStateMap's
own history. A series should stay with one source: the two date the same map a day apart.

Every new day goes through :func:`geo.update.daily.derive_day` (as scripts/build_data.py does), so
its figures are those a full rebuild gives. The new files are staged next to the data folder
and moved into place, the series last, each recorded by its sha256 first
(:mod:`geo.update.staging`, :mod:`geo.update.record`): any failure leaves the data folder as
it was, and an update killed half-way leaves only files the record knows as whole. An update
does not build on damaged files: it refuses to start.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from geo import paths
from geo.data.boundaries import load_units, ukraine_outline
from geo.data.cadence import shipped_days
from geo.data.freshness import today as clock_today
from geo.data.series import held_days, series_path
from geo.data.snapshots import snapshot_path
from geo.ingest import InputError
from geo.maps import stored_pages
from geo.paths import DATA_DIR
from geo.update import record
from geo.update.daily import derive_day
from geo.update.errors import UpdateError
from geo.update.fetch import (BASE_URLS, MAX_MAP_BYTES, SOURCE_NAMES, SOURCES, TIMEOUT_S, Fetcher,
                              Source, api_days, archive_days)
from geo.update.staging import write_update

#: Most days added in one run. Each costs about 1 s of CPU and, when shipped, about 50 KB;
#: a month's backlog fits, a longer one is brought in by running again.
MAX_DAYS_PER_RUN = 31
#: Most days looked for in one run (for the archive, one request each): a year, so a long
#: gap in a source is crossed but a run never walks an unbounded range.
MAX_DAYS_LOOKED_FOR = 366


@dataclass(frozen=True)
class DayOutcome:
    """What the update did with one day.

    Attributes
    ----------
    day
        The day.
    added
        True when the day was added, False when the source lacks it (a gap).
    occupied_km2, occupied_pct
        Ukraine's occupied area that day (km2, EPSG:3035) and share (percent 0-100); None
        for a gap.
    shipped
        Whether the day's geometry ships (:func:`geo.data.cadence.shipped_days`).
    source
        The source it was looked for in.
    """

    day: dt.date
    added: bool
    occupied_km2: float | None = None
    occupied_pct: float | None = None
    shipped: bool = False
    source: Source = "archive"

    def line(self) -> str:
        """One line saying what happened, e.g. "2026-10-11: added, 117,140 km2 occupied
        (19.55 %), geometry shipped" or "2026-10-12: not in the archive (a gap)"."""
        if not self.added:
            where = "not in the archive" if self.source == "archive" else "no map on DeepStateMap"
            return f"{self.day.isoformat()}: {where} (a gap)"
        geometry = "geometry shipped" if self.shipped else "figures only (geometry not shipped)"
        return (f"{self.day.isoformat()}: added, {self.occupied_km2:,.0f} km2 occupied "
                f"({self.occupied_pct:.2f} %), {geometry}")


@dataclass(frozen=True)
class UpdateResult:
    """What :func:`update` did.

    Attributes
    ----------
    days
        Each day looked for, oldest first.
    removed
        Days whose geometry was removed: no longer in the cadence (e.g. the previous newest).
    newest
        The newest day held after the update.
    today
        The date the update ran up to.
    not_looked_for
        Days after the last one looked for, up to ``today``, left for the next run (the
        limits :data:`MAX_DAYS_PER_RUN`, :data:`MAX_DAYS_LOOKED_FOR`).
    warnings
        Steps after the update that failed without undoing it (the stored map page).
    """

    days: tuple[DayOutcome, ...]
    removed: tuple[dt.date, ...]
    newest: dt.date
    today: dt.date
    not_looked_for: int = 0
    warnings: tuple[str, ...] = field(default=())

    @property
    def added(self) -> tuple[DayOutcome, ...]:
        """The days added."""
        return tuple(d for d in self.days if d.added)

    def lines(self) -> list[str]:
        """One line per day looked for (:meth:`DayOutcome.line`)."""
        return [d.line() for d in self.days]

    def summary(self) -> str:
        """One line: days added, gaps, geometry removed, the newest day, what is left."""
        if not self.days:
            return (f"nothing to fetch: the newest day held, {self.newest.isoformat()}, is not "
                    f"before today, {self.today.isoformat()}")
        added, gaps = len(self.added), len(self.days) - len(self.added)
        text = f"{_count(added, 'day')} added, {_count(gaps, 'gap')}"
        if self.removed:
            text += (f"; geometry of {', '.join(d.isoformat() for d in self.removed)} removed "
                     "(no longer shipped)")
        text += f"; newest day held: {self.newest.isoformat()}"
        if self.not_looked_for:
            text += (f"; stopped at this run's limit, {_count(self.not_looked_for, 'day')} up "
                     f"to {self.today.isoformat()} left: run it again")
        return text


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def update(data_dir: Path = DATA_DIR, *, source: Source = "archive",
           base_url: str | None = None, today: dt.date | None = None,
           timeout_s: float = TIMEOUT_S, max_bytes: int = MAX_MAP_BYTES,
           max_days: int = MAX_DAYS_PER_RUN, store_map: bool | None = None) -> UpdateResult:
    """Fetch the days after the newest held day up to ``today`` and add them, all or nothing.

    Each day found is validated as an uploaded file is and made into its rows of the daily
    series (km2 in EPSG:3035, percent 0-100) and its occupied area (EPSG:4326), by
    :func:`geo.update.daily.derive_day`. Then the series gains the new rows and the shipped
    geometry follows :func:`geo.data.cadence.shipped_days` over all held days: new shipped days
    are written, days shipped before and no longer in the cadence are removed.

    Parameters
    ----------
    data_dir
        A data folder (a copy of data/: oblasts.geojson, daily_control.csv, control/).
    source
        "archive" (cyterat/deepstate-map-data's daily files) or "api" (DeepStateMap's
        history); see :mod:`geo.update.fetch`.
    base_url
        The source's base URL (default :data:`geo.update.fetch.BASE_URLS`).
    today
        The last day to look for (default :func:`geo.data.freshness.today`, which honours
        ``ATLAS_TODAY``).
    timeout_s
        Seconds each request may take to connect and between bytes received.
    max_bytes
        Largest answer accepted for one day's map, bytes (the list of maps:
        :data:`geo.update.fetch.MAX_LIST_BYTES`).
    max_days
        Most days added in this run; later days are left for the next run.
    store_map
        Make the newest day's stored control-map page (:func:`geo.maps.stored_pages.store_page`)
        after an update that added days; default: only when ``data_dir`` is the app's own
        :data:`geo.paths.DATA_DIR`. A failure there is a warning, not a failure.

    Returns
    -------
    UpdateResult
        The days looked for (added or gaps), the geometry removed, the newest day held.

    Raises
    ------
    UpdateError
        On a network error, a timeout, an HTTP error other than the archive's 404, an
        answer over the size limit, a file that cannot be used (the upload's validation), a
        missing series, files an earlier update wrote that were damaged since
        (:func:`geo.update.record.damaged_files`), or a write that fails: in every case
        ``data_dir`` is left exactly as it was.
    """
    if source not in SOURCES:
        raise UpdateError(f"unknown source {source!r}: use {' or '.join(SOURCES)}")
    if max_days < 1:
        raise ValueError(f"max_days must be at least 1, not {max_days}")
    if today is None:
        try:
            today = clock_today()
        except ValueError as error:
            raise UpdateError(str(error)) from None
    damaged = record.damaged_files(data_dir)
    if damaged:
        one = len(damaged) == 1
        raise UpdateError(f"{', '.join(damaged)} in {data_dir} {'is' if one else 'are'} not "
                          f"as an update wrote {'it' if one else 'them'} (cut short or changed "
                          "since): restore the folder (git checkout, then git clean of its "
                          "control folder) and run the update again, or delete "
                          f"{record.record_path(data_dir)} if the change was yours; "
                          "nothing was changed")
    # Only then is the series read: a damaged one may not even parse.
    held = held_days(data_dir)
    if not held:
        raise UpdateError(f"{series_path(data_dir)} holds no daily series: build the data "
                          "folder first (scripts/build_data.py) or point --data-dir at a copy "
                          "of data/")
    newest = held[-1]
    window = [newest + dt.timedelta(days=n) for n in range(1, (today - newest).days + 1)]
    if not window:
        return UpdateResult((), (), newest, today)

    fetch = Fetcher(timeout_s=timeout_s, what=SOURCE_NAMES[source])
    base = (base_url or BASE_URLS[source]).rstrip("/")
    if source == "archive":
        day_map = archive_days(base, fetch, max_bytes)
    else:
        day_map = api_days(base, fetch, max_bytes, window)
    units, ukraine = _shipped_units(data_dir)

    outcomes: list[DayOutcome] = []
    derived: dict[dt.date, tuple[BaseGeometry, pd.DataFrame, str]] = {}
    looked_for = 0
    for day in window[:MAX_DAYS_LOOKED_FOR]:
        if len(derived) >= max_days:
            break
        looked_for += 1
        raw = day_map(day)
        if raw is None:
            outcomes.append(DayOutcome(day, added=False, source=source))
            continue
        try:
            occupied, rows = derive_day(day, raw.name, raw.data, units, ukraine)
        except InputError as error:
            raise UpdateError(f"{SOURCE_NAMES[source]}'s map of {day.isoformat()} cannot be "
                              f"used ({error}); nothing was changed") from None
        derived[day] = (occupied, rows, raw.derived_from)
        ukraine_row = rows.iloc[-1]
        outcomes.append(DayOutcome(day, added=True, occupied_km2=float(ukraine_row.occupied_km2),
                                   occupied_pct=float(ukraine_row.occupied_pct),
                                   source=source))
    left = len(window) - looked_for
    if not derived:
        return UpdateResult(tuple(outcomes), (), newest, today, not_looked_for=left)

    shipped_before = set(shipped_days(held))
    shipped_after = set(shipped_days([*held, *derived]))
    removed = sorted(d for d in shipped_before - shipped_after
                     if snapshot_path(d, data_dir).exists())
    outcomes = [DayOutcome(o.day, o.added, o.occupied_km2, o.occupied_pct,
                           shipped=o.added and o.day in shipped_after, source=source)
                for o in outcomes]
    write_update(data_dir, derived, shipped_after, removed, sorted({*held, *derived}))

    newest = max(derived)
    warnings: list[str] = []
    if store_map is None:
        store_map = _is_app_data(data_dir)
    if store_map:
        # Any failure is only a warning: the data are updated, and the app makes the page
        # itself when none is stored (about 2 s more for the first visitor).
        try:
            stored_pages.store_page(newest, data_dir=data_dir)
        except Exception as error:  # noqa: BLE001 - see above
            warnings.append(f"the data are updated, but the control map page of "
                            f"{newest.isoformat()} could not be stored ({error}); the app "
                            "will make it on first use")
    return UpdateResult(tuple(outcomes), tuple(removed), newest, today, not_looked_for=left,
                        warnings=tuple(warnings))


def _is_app_data(data_dir: Path) -> bool:
    try:
        return data_dir.resolve() == paths.DATA_DIR.resolve()
    except OSError:
        return False


def _shipped_units(data_dir: Path):
    try:
        units = load_units(data_dir)
    except (OSError, RuntimeError, ValueError) as error:  # pyogrio's DataSourceError: Runtime
        raise UpdateError(f"the boundaries in {data_dir} cannot be read ({error})") from None
    ukraine = ukraine_outline(units)
    shapely.prepare(ukraine)
    return units, ukraine


__all__ = [
    "MAX_DAYS_LOOKED_FOR", "MAX_DAYS_PER_RUN", "DayOutcome", "UpdateResult", "update",
]
