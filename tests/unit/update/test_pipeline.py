"""``python -m geo update``: new days into the daily series and the shipped geometry, all or
nothing, tested against a local server only (never the internet).

The data folders hold 2026-08-19 (Wednesday) and 2026-08-20, derived from the real archived
files; the server offers 2026-08-21 and 2026-08-22 (the real files of those days) and lacks
2026-08-23, "today". After the update the cadence ships 2026-08-19 (first of its week and
month) and 2026-08-22 (the newest): 2026-08-20 loses its geometry, 2026-08-21 never has any.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import shutil
import socket
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from types import SimpleNamespace

import pytest
import shapely

import geo.maps.stored_pages
import geo.paths
import geo.update.staging
from geo.cli.main import main
from geo.data.cadence import shipped_days
from geo.data.series import held_days, series_path
from geo.data.snapshots import available_dates, load_occupied, snapshot_path
from geo.update.errors import UpdateError
from geo.update.pipeline import update
from geo.update.record import damaged_files, read_record, record_path
from tests.unit.killing import killed_at_move
from tests.unit.update.update_fixtures import (HANG, DeepStateServer, Derived, api_map, digest,
                                               listed_map, make_data_dir, raw_bytes, serving)

HELD = [dt.date(2026, 8, 19), dt.date(2026, 8, 20)]
NEW = [dt.date(2026, 8, 21), dt.date(2026, 8, 22)]
TODAY = dt.date(2026, 8, 23)  # the archive lacks it
UTC = dt.timezone.utc


def run_update(*args: str) -> tuple[int, str, str]:
    """``python -m geo update ARGS``: exit status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(["update", *args])
    return status, out.getvalue(), err.getvalue()


# --- fixtures ---------------------------------------------------------------------------

@pytest.fixture(scope="session")
def boundaries_dir(tmp_path_factory) -> Path:
    """The shipped boundaries, copied once (data/ may be rebuilt while the tests run)."""
    folder = tmp_path_factory.mktemp("boundaries")
    shutil.copy(geo.paths.DATA_DIR / "oblasts.geojson", folder)
    return folder


@pytest.fixture(scope="session")
def derived(deepstate_dir, boundaries_dir) -> Derived:
    return Derived(deepstate_dir, boundaries_dir)


@pytest.fixture(scope="session")
def template(tmp_path_factory, derived, boundaries_dir) -> Path:
    """A data folder holding the days HELD."""
    return make_data_dir(tmp_path_factory.mktemp("template") / "data", HELD, derived,
                         boundaries_dir)


@pytest.fixture(scope="session")
def built(tmp_path_factory, derived, boundaries_dir) -> Path:
    """The data folder a full build of HELD and NEW makes."""
    return make_data_dir(tmp_path_factory.mktemp("built") / "data", HELD + NEW, derived,
                         boundaries_dir)


@pytest.fixture
def data_dir(tmp_path, template) -> Path:
    """A fresh copy of the template, alone in its own folder (so strays would show)."""
    return Path(shutil.copytree(template, tmp_path / "data"))


@pytest.fixture
def server():
    with serving() as started:
        yield started


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setenv("ATLAS_TODAY", TODAY.isoformat())


@pytest.fixture
def archive(server, deepstate_dir, today) -> DeepStateServer:
    """The server offering NEW in the archive's layout (TODAY missing)."""
    for day in NEW:
        server.serve_archive_day(day, raw_bytes(deepstate_dir, day))
    return server


@pytest.fixture(scope="module")
def archive_run(tmp_path_factory, template, deepstate_dir):
    """One update of a copy of the template from the archive, shared by the tests that only
    look at its outcome."""
    folder = Path(shutil.copytree(template, tmp_path_factory.mktemp("archive_run") / "data"))
    stored: list = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ATLAS_TODAY", TODAY.isoformat())
        patch.setattr(geo.maps.stored_pages, "store_page", lambda *a, **k: stored.append((a, k)))
        with serving() as server:
            for day in NEW:
                server.serve_archive_day(day, raw_bytes(deepstate_dir, day))
            status, out, err = run_update("--data-dir", str(folder), "--url", server.archive_url)
            requests = list(server.requests)
    return SimpleNamespace(data_dir=folder, status=status, out=out, err=err,
                           requests=requests, stored=stored)


@pytest.fixture(scope="module")
def api_run(tmp_path_factory, template, deepstate_dir):
    """One update of a copy of the template from DeepStateMap's API: 2026-08-21 has two maps
    (the later is the real file of that day), 2026-08-22 an unpublished draft and its map."""
    folder = Path(shutil.copytree(template, tmp_path_factory.mktemp("api_run") / "data"))
    held_map = listed_map(dt.datetime(2026, 8, 20, 19, 5, tzinfo=UTC))
    morning = listed_map(dt.datetime(2026, 8, 21, 7, 40, tzinfo=UTC))
    evening = listed_map(dt.datetime(2026, 8, 21, 18, 23, 57, tzinfo=UTC))
    draft = listed_map(dt.datetime(2026, 8, 22, 20, 0, tzinfo=UTC), status=False)
    newest = listed_map(dt.datetime(2026, 8, 22, 17, 30, tzinfo=UTC))
    maps = [held_map, morning, evening, newest, draft]
    answers = {held_map["id"]: b"not to be fetched", morning["id"]: b"not to be fetched",
               evening["id"]: api_map(raw_bytes(deepstate_dir, NEW[0])),
               draft["id"]: b"not to be fetched",
               newest["id"]: api_map(raw_bytes(deepstate_dir, NEW[1]))}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ATLAS_TODAY", TODAY.isoformat())
        with serving() as server:
            server.serve_api(maps, answers)
            status, out, err = run_update("--source", "api", "--data-dir", str(folder),
                                          "--url", server.root)
            requests = list(server.requests)
    return SimpleNamespace(data_dir=folder, status=status, out=out, err=err, requests=requests,
                           evening=evening["id"], newest=newest["id"])


# --- days added -------------------------------------------------------------------------

def test_an_update_leaves_exactly_the_folder_a_full_build_of_the_same_days_makes(
        archive_run, built):
    assert archive_run.status == 0
    assert digest(archive_run.data_dir) == digest(built)


def test_the_new_days_join_the_series_and_the_missing_one_stays_a_gap(archive_run):
    assert held_days(archive_run.data_dir) == HELD + NEW


def test_the_shipped_geometry_follows_the_cadence_over_all_held_days(archive_run):
    assert available_dates(archive_run.data_dir) == shipped_days(HELD + NEW) == [
        dt.date(2026, 8, 19), dt.date(2026, 8, 22)]


def test_the_previous_newest_day_loses_its_geometry_when_it_no_longer_qualifies(archive_run):
    assert not snapshot_path(HELD[-1], archive_run.data_dir).exists()


def test_each_day_gets_one_line_then_a_summary(archive_run, derived):
    def figures(day):
        ukraine = derived(day)[1].iloc[-1]
        return f"{ukraine.occupied_km2:,.0f} km2 occupied ({ukraine.occupied_pct:.2f} %)"

    assert archive_run.out.splitlines() == [
        f"2026-08-21: added, {figures(NEW[0])}, figures only (geometry not shipped)",
        f"2026-08-22: added, {figures(NEW[1])}, geometry shipped",
        "2026-08-23: not in the archive (a gap)",
        "2 days added, 1 gap; geometry of 2026-08-20 removed (no longer shipped); newest day "
        "held: 2026-08-22",
    ]
    assert archive_run.err == ""


def test_the_archive_is_asked_for_each_day_after_the_newest_held_up_to_today(archive_run):
    assert archive_run.requests == ["/archive/deepstatemap_data_20260821.geojson",
                                    "/archive/deepstatemap_data_20260822.geojson",
                                    "/archive/deepstatemap_data_20260823.geojson"]


def test_a_copy_of_the_data_gets_no_stored_map_page(archive_run):
    assert archive_run.stored == []


def test_a_second_run_fetches_nothing_new_and_changes_nothing(archive_run, tmp_path, archive):
    again = Path(shutil.copytree(archive_run.data_dir, tmp_path / "data"))
    before = digest(tmp_path)
    status, out, _ = run_update("--data-dir", str(again), "--url", archive.archive_url)
    assert status == 0
    assert out.splitlines() == ["2026-08-23: not in the archive (a gap)",
                                "0 days added, 1 gap; newest day held: 2026-08-22"]
    assert archive.requests == ["/archive/deepstatemap_data_20260823.geojson"]
    assert digest(tmp_path) == before


def test_nothing_is_fetched_when_the_newest_held_day_is_today(data_dir, server, monkeypatch):
    monkeypatch.setenv("ATLAS_TODAY", HELD[-1].isoformat())
    status, out, _ = run_update("--data-dir", str(data_dir), "--url", server.archive_url)
    assert (status, out) == (0, "nothing to fetch: the newest day held, 2026-08-20, is not "
                                "before today, 2026-08-20\n")
    assert server.requests == []


def test_at_most_max_days_are_added_and_the_rest_is_left_for_the_next_run(data_dir, archive):
    result = update(data_dir, base_url=archive.archive_url, today=TODAY, max_days=1)
    assert held_days(data_dir) == HELD + NEW[:1]
    assert result.not_looked_for == 2
    assert result.summary() == ("1 day added, 0 gaps; geometry of 2026-08-20 removed (no longer "
                                "shipped); newest day held: 2026-08-21; stopped at this run's "
                                "limit, 2 days up to 2026-08-23 left: run it again")


# --- DeepStateMap's API -----------------------------------------------------------------

def test_the_api_gives_the_same_series_as_the_archive_for_the_same_maps(api_run, built):
    assert api_run.status == 0
    assert series_path(api_run.data_dir).read_bytes() == series_path(built).read_bytes()


def test_the_api_layout_ships_only_the_occupied_layers(api_run, built):
    assert available_dates(api_run.data_dir) == available_dates(built)
    shipped = load_occupied(NEW[-1], api_run.data_dir)
    assert shapely.equals_exact(shipped, load_occupied(NEW[-1], built), tolerance=0)


def test_the_api_is_asked_for_its_list_then_for_the_last_published_map_of_each_new_day(api_run):
    assert api_run.requests == ["/api/history/public",
                                f"/api/history/{api_run.evening}/geojson",
                                f"/api/history/{api_run.newest}/geojson"]


def test_the_api_reports_a_day_without_a_map_as_a_gap(api_run):
    assert api_run.out.splitlines()[2:] == [
        "2026-08-23: no map on DeepStateMap (a gap)",
        "2 days added, 1 gap; geometry of 2026-08-20 removed (no longer shipped); newest day "
        "held: 2026-08-22",
    ]


def test_the_shipped_file_names_the_api_map_it_was_derived_from(api_run):
    text = snapshot_path(NEW[-1], api_run.data_dir).read_text(encoding="utf-8")
    assert f'"derived_from":"api/history/{api_run.newest}/geojson"' in text


# --- failures leave the folder as it was ------------------------------------------------

BAD_FILES = {
    "not GeoJSON": b"<html><body>429 Too Many Requests</body></html>",
    "no polygons": b'{"type": "FeatureCollection", "features": [{"type": "Feature", '
                   b'"properties": {}, "geometry": {"type": "Point", '
                   b'"coordinates": [37.5, 48.3]}}]}',
    "off Ukraine": b'{"type": "Polygon", "coordinates": [[[20.9, 52.1], [21.1, 52.1], '
                   b'[21.1, 52.3], [20.9, 52.1]]]}',
}


@pytest.mark.parametrize("body", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_day_that_cannot_be_used_fails_the_update_and_changes_nothing(
        body, data_dir, tmp_path, archive):
    archive.serve_archive_day(NEW[0], body)
    before = digest(tmp_path)
    status, out, err = run_update("--data-dir", str(data_dir), "--url", archive.archive_url)
    assert (status, out) == (2, "")
    assert err.startswith("error: the archive's map of 2026-08-21 cannot be used (")
    assert err.endswith("); nothing was changed\n") and err.count("\n") == 1
    assert digest(tmp_path) == before


def test_a_server_that_does_not_answer_in_time_fails_the_update_and_changes_nothing(
        data_dir, tmp_path, archive):
    archive.serve_archive_day(NEW[1], HANG)
    before = digest(tmp_path)
    status, out, err = run_update("--data-dir", str(data_dir), "--url", archive.archive_url,
                                  "--timeout", "0.5")
    assert (status, out) == (2, "")
    assert err == (f"error: the archive did not answer within 0.5 s for {archive.archive_url}/"
                   "deepstatemap_data_20260822.geojson; nothing was changed\n")
    assert digest(tmp_path) == before


def test_an_http_error_other_than_404_fails_the_update_and_changes_nothing(
        data_dir, tmp_path, archive):
    archive.serve_archive_day(NEW[0], 503)
    before = digest(tmp_path)
    status, _, err = run_update("--data-dir", str(data_dir), "--url", archive.archive_url)
    assert status == 2
    assert err == (f"error: the archive answered HTTP 503 for {archive.archive_url}/"
                   "deepstatemap_data_20260821.geojson; nothing was changed\n")
    assert digest(tmp_path) == before


def test_an_answer_over_the_size_limit_fails_the_update_and_changes_nothing(
        data_dir, tmp_path, archive):
    before = digest(tmp_path)
    with pytest.raises(UpdateError, match=r"larger than 10,000 bytes; nothing was changed$"):
        update(data_dir, base_url=archive.archive_url, today=TODAY, max_bytes=10_000)
    assert digest(tmp_path) == before


def test_offline_the_update_exits_2_with_one_sentence(data_dir, tmp_path, today):
    with socket.socket() as closed:  # a port nobody listens on: connection refused
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    before = digest(tmp_path)
    status, out, err = run_update("--data-dir", str(data_dir), "--url", f"http://127.0.0.1:{port}")
    assert (status, out) == (2, "")
    assert err == (f"error: cannot connect to the archive at http://127.0.0.1:{port}/"
                   "deepstatemap_data_20260821.geojson (Connection refused): this machine may "
                   "be offline; nothing was changed\n")
    assert digest(tmp_path) == before


@pytest.mark.parametrize("writer", ["write_json", "write_series"])
def test_a_full_disk_fails_the_update_and_changes_nothing(
        writer, data_dir, tmp_path, archive, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(geo.update.staging, writer, full)
    monkeypatch.setenv("ATLAS_TODAY", NEW[0].isoformat())
    before = digest(tmp_path)
    status, out, err = run_update("--data-dir", str(data_dir), "--url", archive.archive_url)
    assert (status, out) == (2, "")
    assert err == (f"error: cannot write the update next to {data_dir} (No space left on "
                   "device); nothing was changed\n")
    assert digest(tmp_path) == before


# The moves into place with only 2026-08-22 new: its file in, 2026-08-20's out, the series.
@pytest.mark.parametrize("failing_move", [2, 3], ids=["half-way", "the series"])
def test_a_move_that_fails_undoes_the_moves_made_and_changes_nothing(
        failing_move, data_dir, tmp_path, server, deepstate_dir, monkeypatch):
    server.serve_archive_day(NEW[1], raw_bytes(deepstate_dir, NEW[1]))
    monkeypatch.setenv("ATLAS_TODAY", NEW[1].isoformat())
    real_replace, moves = os.replace, []

    def flaky_replace(source, target):
        if data_dir in Path(source).parents or data_dir in Path(target).parents:
            moves.append(target)
            if len(moves) == failing_move:
                raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", flaky_replace)
    before = digest(tmp_path)
    status, out, err = run_update("--data-dir", str(data_dir), "--url", server.archive_url)
    assert (status, out) == (2, "")
    assert err == (f"error: moving the update into {data_dir} failed (Input/output error); "
                   "nothing was changed\n")
    assert digest(tmp_path) == before


def test_a_folder_without_a_series_is_refused(tmp_path, server, today):
    status, _, err = run_update("--data-dir", str(tmp_path), "--url", server.archive_url)
    assert status == 2
    assert err.startswith(f"error: {tmp_path / 'daily_control.csv'} holds no daily series")
    assert server.requests == []


# --- the app's own data folder ----------------------------------------------------------

def test_the_apps_data_gets_the_newest_days_map_page(data_dir, archive, monkeypatch):
    stored = []
    monkeypatch.setattr(geo.paths, "DATA_DIR", data_dir)
    monkeypatch.setattr(geo.maps.stored_pages, "store_page",
                        lambda day, **options: stored.append((day, options)))
    monkeypatch.setenv("ATLAS_TODAY", NEW[0].isoformat())
    assert run_update("--data-dir", str(data_dir), "--url", archive.archive_url)[0] == 0
    assert stored == [(NEW[0], {"data_dir": data_dir})]


def test_a_map_page_that_cannot_be_stored_is_a_warning_not_a_failure(
        data_dir, archive, monkeypatch):
    store = data_dir.parent / ".cache"

    def read_only(day, **options):
        raise OSError(f"cannot write the map page to {store}")

    monkeypatch.setattr(geo.paths, "DATA_DIR", data_dir)
    monkeypatch.setattr(geo.maps.stored_pages, "store_page", read_only)
    monkeypatch.setenv("ATLAS_TODAY", NEW[0].isoformat())
    status, out, err = run_update("--data-dir", str(data_dir), "--url", archive.archive_url)
    assert status == 0
    assert held_days(data_dir) == HELD + NEW[:1]
    assert out.splitlines()[-1].startswith("1 day added")
    assert err == ("warning: the data are updated, but the control map page of 2026-08-21 "
                   f"could not be stored (cannot write the map page to {store}); "
                   "the app will make it on first use\n")


# --- what the update wrote, checked before use ------------------------------------------

def test_the_update_records_the_sha256_of_what_it_wrote(archive_run):
    assert sorted(read_record(archive_run.data_dir)) == [
        "control/occupied_2026-08-22.geojson", "daily_control.csv", "monthly_change.csv"]
    assert damaged_files(archive_run.data_dir) == []


def _cut_short(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def _byte_changed(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.seek(200)
        byte = handle.read(1)
        handle.seek(200)
        handle.write(bytes([byte[0] ^ 0x01]))


DAMAGE = {
    "series cut short": ("daily_control.csv", _cut_short),
    "series with a byte changed": ("daily_control.csv", _byte_changed),
    "monthly table cut short": ("monthly_change.csv", _cut_short),
    "new geometry with a byte changed": ("control/occupied_2026-08-21.geojson", _byte_changed),
}


@pytest.mark.parametrize("name, damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_an_update_does_not_build_on_files_damaged_since_the_last_one(
        name, damage, data_dir, tmp_path, archive, monkeypatch):
    monkeypatch.setenv("ATLAS_TODAY", NEW[0].isoformat())  # 2026-08-21: shipped, the newest
    assert run_update("--data-dir", str(data_dir), "--url", archive.archive_url)[0] == 0
    damage(data_dir / name)
    monkeypatch.setenv("ATLAS_TODAY", TODAY.isoformat())
    before = digest(tmp_path)
    status, out, err = run_update("--data-dir", str(data_dir), "--url", archive.archive_url)
    assert (status, out) == (2, "")
    assert err.startswith(f"error: {name} in {data_dir} is not as an update wrote it (cut "
                          "short or changed since)")
    assert err.endswith("; nothing was changed\n")
    assert digest(tmp_path) == before


def test_an_update_whose_record_cannot_be_written_changes_nothing(data_dir, tmp_path, archive):
    (tmp_path / ".cache").write_text("a file where the record's folder would be")
    before = digest(tmp_path)
    status, out, err = run_update("--data-dir", str(data_dir), "--url", archive.archive_url)
    assert (status, out) == (2, "")
    assert err.startswith(f"error: cannot write the record of the update, {record_path(data_dir)}")
    assert digest(tmp_path) == before


# The moves into place: 2026-08-22's file (1), the monthly table (2), the series (3).
@pytest.mark.parametrize("move", [1, 2, 3])
def test_an_update_killed_half_way_leaves_whole_files_and_the_next_one_finishes_it(
        move, data_dir, archive, built):
    killed_at_move(f"""
        import datetime as dt
        from pathlib import Path
        from geo.update.pipeline import update
        update(Path({str(data_dir)!r}), base_url={archive.archive_url!r},
               today=dt.date(2026, 8, 23), store_map=False)
    """, move=move, under=data_dir)
    assert damaged_files(data_dir) == []
    assert update(data_dir, base_url=archive.archive_url, today=TODAY).newest == NEW[-1]
    assert digest(data_dir) == digest(built)
