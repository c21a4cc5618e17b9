"""The record of the data files ``python -m geo update`` wrote, so that a file cut short or
changed since (a disk fault, a stray write) is told from a whole one before it is used.

data/ ships in git, and what git ships is git's to check; what an update writes later (the
daily series, the monthly table, new days' geometry) is not in git until someone commits
it. Before it moves its files in, :func:`geo.update.pipeline.update` adds their sha256 here, and the
sha256 of the files they replace; the app (``pages/_checked_files.py``) and the next update compare
the files with the record first (:func:`damaged_files`).

Each file's entry lists every whole version of it an update wrote or started from, so the
file as the last update left it, as it was before (``git checkout data/``), or as an update
killed half-way left it (some files moved in, others not) passes; anything else is damaged.
A file deleted is not damage here: the pages say so themselves (a missing series or monthly
table is named; a day whose geometry is gone is drawn from the nearest earlier map, and the
page says which).

The record is ``.cache/update/<folder name>.json`` beside the data folder (git ignores
``.cache/``, so a commit of data/ never carries it, and a copy of data/ made elsewhere has
none): ``{"sha256": {"daily_control.csv": ["<hex>", ...], "control/occupied_...": [...]}}``.
Only the standard library is used here (every page checks before it loads anything).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path

from geo.atomic import write_bytes, write_text

_log = logging.getLogger(__name__)


def record_path(data_dir: Path) -> Path:
    """Where the record of the updates of ``data_dir`` is kept."""
    data_dir = data_dir.resolve()
    return data_dir.parent / ".cache" / "update" / f"{data_dir.name}.json"


def file_digest(path: Path) -> str:
    """The sha256 (hex) of the file at ``path``."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@functools.lru_cache(maxsize=1024)
def _digest_of(path: str, modified_ns: int, size: int, inode: int) -> str:
    return file_digest(Path(path))


@functools.lru_cache(maxsize=8)
def _read(path: str, modified_ns: int, size: int, inode: int) -> dict[str, tuple[str, ...]]:
    try:
        versions = json.loads(Path(path).read_text(encoding="utf-8"))["sha256"]
        return {str(name): tuple(str(d) for d in digests) for name, digests in versions.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        # Written whole by geo.atomic: unreadable means damaged itself; the files it speaks
        # for cannot be checked, which is said, but does not stop the app.
        _log.warning("the record of the data's updates, %s, is damaged: ignored", path)
        return {}


def read_record(data_dir: Path) -> dict[str, tuple[str, ...]]:
    """The whole versions of each recorded file of ``data_dir`` (paths relative to it):
    empty when no update recorded any."""
    path = record_path(data_dir)
    try:
        status = path.stat()
    except OSError:
        return {}
    return _read(str(path), status.st_mtime_ns, status.st_size, status.st_ino)


def damaged_files(data_dir: Path) -> list[str]:
    """The recorded files of ``data_dir`` (paths relative to it, sorted) that are there but
    in none of their recorded versions. Files are digested again only when their size,
    modification time or inode changes, so a check costs a few ``stat`` calls."""
    damaged = []
    for name, versions in sorted(read_record(data_dir).items()):
        path = data_dir / name
        try:
            status = path.stat()
            digest = _digest_of(str(path), status.st_mtime_ns, status.st_size, status.st_ino)
        except FileNotFoundError:
            continue
        except OSError:  # there, but unreadable
            damaged.append(name)
            continue
        if digest not in versions:
            damaged.append(name)
    return damaged


def remember(data_dir: Path, versions: Mapping[str, Iterable[str]], *,
             forget: Iterable[str] = ()) -> None:
    """Add whole ``versions`` (path relative to ``data_dir`` -> sha256s) to the record and
    drop the entries of ``forget`` (files removed), whole or not at all.

    Raises
    ------
    OSError
        If the record cannot be written.
    """
    record = {name: list(digests) for name, digests in read_record(data_dir).items()}
    for name, digests in versions.items():
        known = record.setdefault(name, [])
        known.extend(d for d in digests if d not in known)
    for name in forget:
        record.pop(name, None)
    write_text(record_path(data_dir),
               json.dumps({"sha256": dict(sorted(record.items()))}, indent=1) + "\n")


def saved(data_dir: Path) -> bytes | None:
    """The record's file as it is now (None when there is none), for :func:`restore`."""
    try:
        return record_path(data_dir).read_bytes()
    except FileNotFoundError:
        return None


def restore(data_dir: Path, before: bytes | None) -> None:
    """Put the record back as :func:`saved` found it (an update that failed and was undone).

    Raises
    ------
    OSError
        If it cannot be written.
    """
    path = record_path(data_dir)
    if before is None:
        path.unlink(missing_ok=True)
    else:
        write_bytes(path, before)
