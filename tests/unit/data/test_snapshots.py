"""snapshot_for: the newest snapshot on or before a date."""

import datetime as dt
import json

import pytest

from geo.data.snapshots import SnapshotDateError, available_dates, snapshot_for


@pytest.fixture
def data_dir(tmp_path):
    control = tmp_path / "control"
    control.mkdir()
    for day in ("2025-01-01", "2025-02-01", "2025-03-01"):
        (control / f"occupied_{day}.geojson").write_text(json.dumps(
            {"type": "FeatureCollection", "features": []}))
    return tmp_path


def test_dates_are_listed_oldest_first(data_dir):
    assert available_dates(data_dir) == [dt.date(2025, 1, 1), dt.date(2025, 2, 1),
                                         dt.date(2025, 3, 1)]


def test_no_date_means_the_newest(data_dir):
    assert snapshot_for(None, data_dir) == dt.date(2025, 3, 1)


def test_a_date_between_snapshots_takes_the_earlier(data_dir):
    assert snapshot_for(dt.date(2025, 2, 20), data_dir) == dt.date(2025, 2, 1)


def test_a_snapshot_date_takes_itself(data_dir):
    assert snapshot_for(dt.date(2025, 2, 1), data_dir) == dt.date(2025, 2, 1)


def test_a_date_before_the_first_snapshot_is_an_error_naming_the_range(data_dir):
    with pytest.raises(SnapshotDateError, match="first is 2025-01-01"):
        snapshot_for(dt.date(2024, 12, 31), data_dir)


def test_no_snapshots_at_all_is_an_error(tmp_path):
    with pytest.raises(SnapshotDateError):
        snapshot_for(None, tmp_path)
