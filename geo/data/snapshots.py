"""Dated occupied-area snapshots shipped in data/control/."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

from geo.language import N_
from geo.paths import DATA_DIR

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

CONTROL_DIR = "control"
_PREFIX = "occupied_"

#: Shown wherever the occupied area or anything derived from it is shown (its licence asks);
#: marked for the catalogue, written with ``gettext(ATTRIBUTION, lang)``.
ATTRIBUTION = N_("Occupied areas: DeepStateMap (deepstatemap.live)")


class SnapshotDateError(ValueError):
    """No snapshot exists on or before the requested date."""


def snapshot_path(date: dt.date, data_dir: Path = DATA_DIR) -> Path:
    """The file of the snapshot of ``date``."""
    return data_dir / CONTROL_DIR / f"{_PREFIX}{date.isoformat()}.geojson"


def available_dates(data_dir: Path = DATA_DIR) -> list[dt.date]:
    """Dates of all shipped snapshots, oldest first."""
    files = (data_dir / CONTROL_DIR).glob(f"{_PREFIX}*.geojson")
    return sorted(dt.date.fromisoformat(f.stem.removeprefix(_PREFIX)) for f in files)


def snapshot_for(date: dt.date | None = None, data_dir: Path = DATA_DIR) -> dt.date:
    """The newest snapshot date on or before ``date`` (the newest of all if ``None``).

    Raises
    ------
    SnapshotDateError
        If ``date`` is before the first snapshot, or there are no snapshots.
    """
    dates = available_dates(data_dir)
    if not dates:
        raise SnapshotDateError(f"no occupied-area snapshots in {data_dir / CONTROL_DIR}")
    if date is None:
        return dates[-1]
    earlier = [d for d in dates if d <= date]
    if not earlier:
        message = (f"no snapshot on or before {date.isoformat()}: the first is "
                   f"{dates[0].isoformat()}, the newest {dates[-1].isoformat()}")
        raise SnapshotDateError(message)
    return earlier[-1]


def load_occupied(date: dt.date, data_dir: Path = DATA_DIR) -> BaseGeometry:
    """The occupied area within Ukraine on ``date`` (exact snapshot date), EPSG:4326."""
    # Imported here: listing the dates must not load shapely (a page's first map comes first).
    import shapely

    collection = json.loads(snapshot_path(date, data_dir).read_text(encoding="utf-8"))
    geometries = [shapely.geometry.shape(f["geometry"]) for f in collection["features"]]
    return shapely.union_all(geometries)
