"""The record of what ``geo update`` wrote: a file cut short, changed or unreadable is
damaged; the versions an update wrote or started from are whole; a deleted file is left to
the pages (they say what is missing)."""

import json
import logging

import pytest

from geo.atomic import write_text
from geo.update.record import (damaged_files, file_digest, read_record, record_path, remember,
                               restore, saved)

SERIES = "daily_control.csv"
SNAPSHOT = "control/occupied_2026-12-01.geojson"


@pytest.fixture
def data_dir(tmp_path):
    """A data folder whose series and one snapshot an update wrote (and recorded)."""
    folder = tmp_path / "data"
    write_text(folder / SERIES, "date,iso_3166_2,occupied_km2,occupied_pct\n"
                                "2026-12-01,UA,117000.00,19.3800\n")
    write_text(folder / SNAPSHOT, '{"type":"FeatureCollection","features":[]}\n')
    remember(folder, {name: [file_digest(folder / name)] for name in (SERIES, SNAPSHOT)})
    return folder


def flip_byte(path, at=10):
    """Change one byte of ``path`` in place (same size, same file)."""
    with open(path, "r+b") as handle:
        handle.seek(at)
        byte = handle.read(1)
        handle.seek(at)
        handle.write(bytes([byte[0] ^ 0x01]))


def truncate(path, keep=20):
    with open(path, "r+b") as handle:
        handle.truncate(keep)


def test_the_record_is_kept_beside_the_data_folder_where_git_ignores_it(tmp_path):
    assert record_path(tmp_path / "data") == tmp_path / ".cache" / "update" / "data.json"


def test_files_as_the_update_wrote_them_are_whole(data_dir):
    assert damaged_files(data_dir) == []


def test_a_truncated_series_is_damaged(data_dir):
    truncate(data_dir / SERIES)
    assert damaged_files(data_dir) == [SERIES]


def test_a_series_with_a_byte_changed_is_damaged(data_dir):
    flip_byte(data_dir / SERIES, at=50)
    assert damaged_files(data_dir) == [SERIES]


def test_a_truncated_snapshot_is_damaged(data_dir):
    truncate(data_dir / SNAPSHOT)
    assert damaged_files(data_dir) == [SNAPSHOT]


def test_a_snapshot_with_a_byte_changed_is_damaged(data_dir):
    flip_byte(data_dir / SNAPSHOT)
    assert damaged_files(data_dir) == [SNAPSHOT]


def test_a_deleted_file_is_not_damage_here(data_dir):
    (data_dir / SNAPSHOT).unlink()
    assert damaged_files(data_dir) == []


def test_a_file_that_cannot_be_read_is_damaged(data_dir):
    (data_dir / SERIES).unlink()
    (data_dir / SERIES).mkdir()  # there, but not a file that can be read
    assert damaged_files(data_dir) == [SERIES]


def test_a_version_the_update_started_from_is_whole(data_dir):
    shipped = "date,iso_3166_2,occupied_km2,occupied_pct\n"
    before = data_dir / "before.csv"
    write_text(before, shipped)
    remember(data_dir, {SERIES: [file_digest(before), file_digest(data_dir / SERIES)]})
    write_text(data_dir / SERIES, shipped)  # as git checkout puts it back
    assert damaged_files(data_dir) == []


def test_a_file_no_update_wrote_is_not_checked(data_dir):
    write_text(data_dir / "towns.csv", "name\n")
    truncate(data_dir / "towns.csv", keep=2)
    assert damaged_files(data_dir) == []


def test_a_file_removed_by_an_update_is_forgotten(data_dir):
    remember(data_dir, {}, forget=[SNAPSHOT])
    assert set(read_record(data_dir)) == {SERIES}


def test_versions_accumulate_without_repeats(data_dir):
    digest = file_digest(data_dir / SERIES)
    remember(data_dir, {SERIES: [digest, "0" * 64]})
    assert read_record(data_dir)[SERIES] == (digest, "0" * 64)


def test_a_damaged_record_is_ignored_and_logged(data_dir, caplog):
    record_path(data_dir).write_text('{"sha256": {"daily_control.csv": [')
    truncate(data_dir / SERIES)
    with caplog.at_level(logging.WARNING, logger="geo.update.record"):
        assert damaged_files(data_dir) == []
    assert "is damaged: ignored" in caplog.text


def test_a_restored_record_is_the_one_saved(data_dir):
    before = saved(data_dir)
    remember(data_dir, {"monthly_change.csv": ["0" * 64]})
    restore(data_dir, before)
    assert record_path(data_dir).read_bytes() == before


def test_restoring_a_folder_that_had_no_record_removes_it(tmp_path):
    folder = tmp_path / "data"
    remember(folder, {SERIES: ["0" * 64]})
    restore(folder, None)
    assert not record_path(folder).exists()


def test_the_record_is_plain_json_listing_each_files_versions(data_dir):
    written = json.loads(record_path(data_dir).read_text())
    assert written == {"sha256": {SERIES: [file_digest(data_dir / SERIES)],
                                  SNAPSHOT: [file_digest(data_dir / SNAPSHOT)]}}
