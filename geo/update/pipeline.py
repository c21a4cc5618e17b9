"""New days from DeepStateMap into the daily series and the shipped geometry
(``python -m geo update``), through the validation of an uploaded file, all or nothing.

Two sources, each fetched over HTTP with a timeout and a size limit per request:

- ``archive`` (the default): the raw daily files of cyterat/deepstate-map-data,
  ``{base}/deepstatemap_data_YYYYMMDD.geojson``. A day it lacks (HTTP 404) is a gap: reported,
  never filled. The archive names each file by the day it fetched DeepStateMap's newest map
  (about 05:00 UTC), so its day D mostly holds the map published on the evening of D-1.
- ``api``: DeepStateMap's own history. ``{base}/api/history/public`` lists its maps as a JSON
  array of objects such as ``{"id": 1790879037, "createdAt": "2026-10-01T18:23:57.000Z",
  "status": true, "description": ..., "descriptionEn": ...}`` (oldest first; ``id`` is the
  map's creation time in Unix seconds), and ``{base}/api/history/{id}/geojson`` answers one
  map as DeepStateMap's layered GeoJSON (features named "Окуповано///Occupied///...",
  liberated and contested areas, points), of which only the occupied layers are used. A map's
  day is the UTC day of its ``createdAt`` (else of its ``id``); of several maps on one day
  the last is taken; entries with ``"status": false`` (not published) are skipped. This shape
  was read from public clients of the API (see deploy/README.md, "Keeping the data fresh");
  the API was not reachable from the machine this was written on.

A series should stay with one source: the two date the same map a day apart.

Every new day goes through :func:`geo.update.daily.derive_day` (as scripts/build_data.py does), so
its figures are those a full rebuild gives. The new files are written in a folder next to
the data folder (on the same file system; inside it when it is a mount point), then moved
into place, the series last; any failure before the series is in place moves everything
back, so the data folder is left as it was.

Before the moves, the sha256 of every file written and of every file it replaces is added to
the record of the updates (:mod:`geo.update.record`), so a file cut short or changed after
it was written is found before use, and an update killed half-way leaves only files the
record knows as whole. An update does not build on damaged files: it refuses to start.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import shutil
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from geo import paths
from geo.data.boundaries import load_units, ukraine_outline
from geo.data.cadence import shipped_days
from geo.data.freshness import today as clock_today
from geo.data.series import SERIES_FILE, held_days, load_series, series_path, write_series
from geo.data.snapshots import CONTROL_DIR, load_occupied, snapshot_path
from geo.ingest import InputError
from geo.ingest.limits import MAX_FILE_BYTES
from geo.maps import stored_pages
from geo.pace.monthly import MONTHLY_FILE, month_spans, monthly_change, write_monthly
from geo.paths import DATA_DIR
from geo.update import record
from geo.update.daily import derive_day, occupied_collection, write_json

Source = Literal["archive", "api"]
#: The sources :func:`update` can fetch from.
SOURCES: tuple[Source, ...] = ("archive", "api")
#: Default base URL of each source.
BASE_URLS: dict[Source, str] = {
    "archive": "https://raw.githubusercontent.com/cyterat/deepstate-map-data/main/data",
    "api": "https://deepstatemap.live",
}
#: The archive's file of a day, under its base URL.
ARCHIVE_FILE = "deepstatemap_data_{day:%Y%m%d}.geojson"
#: DeepStateMap's list of dated maps, and one map as GeoJSON, under its base URL.
API_LIST_PATH = "/api/history/public"
API_MAP_PATH = "/api/history/{id}/geojson"

#: Seconds each request may take to connect and between bytes received.
TIMEOUT_S = 20.0
#: Largest answer accepted for one day's map (bytes): the upload limit.
MAX_MAP_BYTES = MAX_FILE_BYTES
#: Largest answer accepted for the API's list of maps (bytes). It holds every map since
#: 2022 with its description, about 1,000 bytes each; 20 MiB leaves room for years more.
MAX_LIST_BYTES = 20 * 1024 * 1024
#: Most days added in one run. Each costs about 1 s of CPU and, when shipped, about 50 KB;
#: a month's backlog fits, a longer one is brought in by running again.
MAX_DAYS_PER_RUN = 31
#: Most days looked for in one run (for the archive, one request each): a year, so a long
#: gap in a source is crossed but a run never walks an unbounded range.
MAX_DAYS_LOOKED_FOR = 366

_USER_AGENT = "CeasefireAtlas/0.1 (python -m geo update)"
_SOURCE_NAMES: dict[Source, str] = {"archive": "the archive", "api": "DeepStateMap"}


class UpdateError(RuntimeError):
    """The update could not be made; the message says why in one sentence, and the data
    folder is as it was (unless the message says otherwise).

    Attributes
    ----------
    offline
        True when the source could not be connected to at all.
    """

    def __init__(self, message: str, *, offline: bool = False) -> None:
        super().__init__(message)
        self.offline = offline


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


@dataclass(frozen=True)
class _Raw:
    """One day's map as fetched: its bytes, a file name (a label) and what it came from."""

    data: bytes
    name: str
    derived_from: str


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
        history); see the module's docstring.
    base_url
        The source's base URL (default :data:`BASE_URLS`).
    today
        The last day to look for (default :func:`geo.data.freshness.today`, which honours
        ``ATLAS_TODAY``).
    timeout_s
        Seconds each request may take to connect and between bytes received.
    max_bytes
        Largest answer accepted for one day's map, bytes (the list of maps:
        :data:`MAX_LIST_BYTES`).
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

    fetch = _Fetcher(timeout_s=timeout_s, what=_SOURCE_NAMES[source])
    base = (base_url or BASE_URLS[source]).rstrip("/")
    if source == "archive":
        day_map = _archive_days(base, fetch, max_bytes)
    else:
        day_map = _api_days(base, fetch, max_bytes, window)
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
            raise UpdateError(f"{_SOURCE_NAMES[source]}'s map of {day.isoformat()} cannot be "
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
    _write_update(data_dir, derived, shipped_after, removed, sorted({*held, *derived}))

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


# --- fetching ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Fetcher:
    """GET with a timeout and a size limit; every failure an :class:`UpdateError`."""

    timeout_s: float
    what: str

    def __call__(self, url: str, max_bytes: int) -> bytes | None:
        """The answer's bytes, or None for HTTP 404."""
        request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                data = response.read(max_bytes + 1)
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            raise UpdateError(f"{self.what} answered HTTP {error.code} for {url}; nothing was "
                              "changed") from None
        except TimeoutError:
            raise self._timeout(url) from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise self._timeout(url) from None
            reason = getattr(error.reason, "strerror", None) or error.reason
            raise UpdateError(f"cannot connect to {self.what} at {url} ({reason}): this "
                              "machine may be offline; nothing was changed",
                              offline=True) from None
        except (OSError, http.client.HTTPException) as error:
            reason = str(error) or type(error).__name__
            raise UpdateError(f"{self.what}'s answer for {url} broke off ({reason}); nothing "
                              "was changed") from None
        if len(data) > max_bytes:
            raise UpdateError(f"{self.what}'s answer for {url} is larger than {max_bytes:,} "
                              "bytes; nothing was changed")
        return data

    def _timeout(self, url: str) -> UpdateError:
        return UpdateError(f"{self.what} did not answer within {self.timeout_s:g} s for {url}; "
                           "nothing was changed")


DayMap = Callable[[dt.date], "_Raw | None"]


def _archive_days(base: str, fetch: _Fetcher, max_bytes: int) -> DayMap:
    """The archive's file of each day, None where it has none (HTTP 404: a gap)."""
    def day_map(day: dt.date) -> _Raw | None:
        name = ARCHIVE_FILE.format(day=day)
        data = fetch(f"{base}/{name}", max_bytes)
        return None if data is None else _Raw(data, name, name)
    return day_map


def _api_days(base: str, fetch: _Fetcher, max_bytes: int, window: list[dt.date]) -> DayMap:
    """DeepStateMap's last published map of each day, None for a day without one."""
    url = base + API_LIST_PATH
    data = fetch(url, MAX_LIST_BYTES)
    if data is None:
        raise UpdateError(f"DeepStateMap has no list of maps at {url} (HTTP 404); nothing was "
                          "changed")
    last_of_day = _last_map_of_each_day(data, url, set(window))

    def day_map(day: dt.date) -> _Raw | None:
        map_id = last_of_day.get(day)
        if map_id is None:
            return None
        path = API_MAP_PATH.format(id=map_id)
        answer = fetch(base + path, max_bytes)
        if answer is None:
            raise UpdateError(f"DeepStateMap lists map {map_id} of {day.isoformat()} but "
                              f"answered HTTP 404 for {base + path}; nothing was changed")
        return _Raw(answer, f"deepstatemap_history_{map_id}.geojson", path.lstrip("/"))
    return day_map


def _last_map_of_each_day(data: bytes, url: str, days: set[dt.date]) -> dict[dt.date, int]:
    """The id of the last published map of each of ``days`` in the API's list."""
    try:
        entries = json.loads(data)
    except (ValueError, RecursionError):
        raise UpdateError(f"DeepStateMap's list of maps at {url} is not JSON; nothing was "
                          "changed") from None
    if not isinstance(entries, list):
        raise UpdateError(f"DeepStateMap's list of maps at {url} is not a JSON array; nothing "
                          "was changed")
    last: dict[dt.date, tuple[dt.datetime, int]] = {}
    for entry in entries:
        map_id = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(map_id, int) or isinstance(map_id, bool) or map_id <= 0:
            raise UpdateError(f"DeepStateMap's list of maps at {url} has an entry without a "
                              "numeric id; nothing was changed")
        if entry.get("status") is False:  # not published
            continue
        created = _created_at(entry)
        day = created.date()
        if day in days and (day not in last or (created, map_id) > last[day]):
            last[day] = (created, map_id)
    return {day: map_id for day, (_, map_id) in last.items()}


def _created_at(entry: dict) -> dt.datetime:
    """When a listed map was created, in UTC: its createdAt, else its id (Unix seconds)."""
    text = entry.get("createdAt")
    if isinstance(text, str):
        try:
            created = dt.datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            if created.tzinfo is None:
                created = created.replace(tzinfo=dt.timezone.utc)
            return created.astimezone(dt.timezone.utc)
    return dt.datetime.fromtimestamp(entry["id"], dt.timezone.utc)


# --- writing ----------------------------------------------------------------------------

def _write_update(data_dir: Path, derived: dict[dt.date, tuple[BaseGeometry, pd.DataFrame, str]],
                  shipped: set[dt.date], removed: list[dt.date],
                  held_after: list[dt.date]) -> None:
    """Stage the new files next to ``data_dir`` (new shipped days, the monthly table, the
    series), then move them in (the series last) and the removed ones out; undo every move
    if one fails."""
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{data_dir.name}-update-",
                                        dir=_staging_parent(data_dir)))
    except OSError as error:
        raise UpdateError(f"cannot make a folder next to {data_dir} to stage the update "
                          f"({error.strerror or error}); nothing was changed") from None
    keep_staging = False  # kept only when undoing failed: it then holds the moved-out files
    try:
        moves = []
        try:
            for day, (occupied, _, derived_from) in sorted(derived.items()):
                if day in shipped:
                    staged = snapshot_path(day, staging)
                    write_json(staged, occupied_collection(day, occupied, derived_from))
                    moves.append((staged, snapshot_path(day, data_dir)))
            def occupied_on(day: dt.date) -> BaseGeometry:
                new = day in derived and day in shipped
                return load_occupied(day, staging if new else data_dir)

            monthly = monthly_change(load_units(data_dir), month_spans(held_after), occupied_on)
            write_monthly(monthly, staging / MONTHLY_FILE)
            moves.append((staging / MONTHLY_FILE, data_dir / MONTHLY_FILE))
            series = pd.concat([load_series(data_dir), *(rows for _, rows, _ in derived.values())],
                               ignore_index=True)
            write_series(series, staging / SERIES_FILE)
        except OSError as error:
            raise UpdateError(f"cannot write the update next to {data_dir} "
                              f"({error.strerror or error}); nothing was changed") from None
        removals = [snapshot_path(d, data_dir) for d in removed]
        before = _record(data_dir, [*moves, (staging / SERIES_FILE, series_path(data_dir))],
                         removals)
        try:
            _move_in(data_dir, staging, moves, removals)
        except _UndoFailed:
            keep_staging = True  # the record knows the files on both sides: left as it is
            raise
        except UpdateError:
            _unrecord(data_dir, before)
            raise
    finally:
        if not keep_staging:
            shutil.rmtree(staging, ignore_errors=True)


def _record(data_dir: Path, moves: list[tuple[Path, Path]],
            removals: list[Path]) -> bytes | None:
    """Add to the record of updates the files about to be moved in and those they replace;
    returns the record as it was, for :func:`_unrecord`."""
    try:
        versions = {}
        for staged, target in moves:
            digests = [record.file_digest(target)] if target.exists() else []
            versions[target.relative_to(data_dir).as_posix()] = [
                *digests, record.file_digest(staged)]
        before = record.saved(data_dir)
        record.remember(data_dir, versions,
                               forget=[p.relative_to(data_dir).as_posix() for p in removals])
    except OSError as error:
        raise UpdateError(f"cannot write the record of the update, "
                          f"{record.record_path(data_dir)} ({error.strerror or error}); "
                          "nothing was changed") from None
    return before


def _unrecord(data_dir: Path, before: bytes | None) -> None:
    try:
        record.restore(data_dir, before)
    except OSError:  # the record then also knows files never moved in: harmless
        pass


def _staging_parent(data_dir: Path) -> Path:
    """Where to stage: next to ``data_dir``, unless that is another file system (``data_dir``
    is a mount point, e.g. a container's volume), where files cannot be renamed into it;
    then inside it, in a hidden folder the app never reads."""
    parent = data_dir.resolve().parent
    try:
        if os.stat(parent).st_dev == os.stat(data_dir).st_dev:
            return parent
    except OSError:
        pass
    return data_dir


class _UndoFailed(UpdateError):
    """A move failed and undoing the moves made failed too."""


def _move_in(data_dir: Path, staging: Path, moves: list[tuple[Path, Path]],
             removals: list[Path]) -> None:
    """Move the staged files in, the removed ones aside into ``staging``, then the series.

    Raises
    ------
    UpdateError
        If a move fails; every move made is undone first (:class:`_UndoFailed` if that
        fails too: its message says where the moved-out files are).
    """
    aside = staging / "aside"
    control = data_dir / CONTROL_DIR
    made_control = False
    done: list[tuple[Path, Path]] = []  # (from, to) of each rename made, undone in reverse
    try:
        aside.mkdir()
        if not control.is_dir():
            control.mkdir()
            made_control = True
        for staged, target in moves:
            if target.exists():  # a stray file of a day not held: kept aside for undoing
                os.replace(target, aside / target.name)
                done.append((target, aside / target.name))
            os.replace(staged, target)
            done.append((staged, target))
        for target in removals:
            os.replace(target, aside / target.name)
            done.append((target, aside / target.name))
        os.replace(staging / SERIES_FILE, series_path(data_dir))
    except OSError as error:
        reason = error.strerror or str(error)
        try:
            for source, target in reversed(done):
                os.replace(target, source)
            if made_control:
                control.rmdir()
        except OSError as undo_error:
            raise _UndoFailed(f"moving the update into {data_dir} failed ({reason}) and undoing "
                              f"it failed too ({undo_error.strerror or undo_error}): the files "
                              f"moved out are in {aside}") from None
        raise UpdateError(f"moving the update into {data_dir} failed ({reason}); nothing was "
                          "changed") from None
