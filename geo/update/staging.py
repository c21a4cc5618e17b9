"""Writing an update (:mod:`geo.update.pipeline`) into a data folder, all or nothing.

The new files (the geometry of new shipped days, EPSG:4326; the monthly table; the daily
series, km2 in EPSG:3035) are written in a folder next to the data folder (on the same file
system; inside it when it is a mount point), then moved into place, the series last; any
failure before the series is in place moves everything back, so the data folder is left as
it was.

Before the moves, the sha256 of every file written and of every file it replaces is added to
the record of the updates (:mod:`geo.update.record`), so a file cut short or changed after
it was written is found before use, and an update killed half-way leaves only files the
record knows as whole.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
from shapely.geometry.base import BaseGeometry

from geo.data.boundaries import load_units
from geo.data.series import SERIES_FILE, load_series, series_path, write_series
from geo.data.snapshots import CONTROL_DIR, load_occupied, snapshot_path
from geo.pace.monthly import MONTHLY_FILE, month_spans, monthly_change, write_monthly
from geo.update import record
from geo.update.daily import occupied_collection, write_json
from geo.update.errors import UpdateError


def write_update(data_dir: Path, derived: dict[dt.date, tuple[BaseGeometry, pd.DataFrame, str]],
                 shipped: set[dt.date], removed: list[dt.date],
                 held_after: list[dt.date]) -> None:
    """Stage the new files next to ``data_dir`` (new shipped days, the monthly table, the
    series), then move them in (the series last) and the removed ones out; undo every move
    if one fails.

    Parameters
    ----------
    data_dir
        The data folder.
    derived
        Each new day's occupied area (EPSG:4326), its rows of the daily series and the file
        it was derived from (:func:`geo.update.daily.derive_day`).
    shipped
        The days whose geometry ships after the update (:func:`geo.data.cadence.shipped_days`).
    removed
        The days whose geometry is removed (shipped before, no longer).
    held_after
        Every day held after the update, oldest first (the monthly table's months).

    Raises
    ------
    UpdateError
        If a file cannot be written, the record cannot be written, or a move fails: then
        ``data_dir`` is as it was (unless undoing failed too; the message then says where
        the moved-out files are).
    """
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
