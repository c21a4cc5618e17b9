"""python -m geo shares: one row per unit plus Ukraine, from the right snapshot."""

import io
import json
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout

from geo.cli import main
from tests.conftest import ROOT


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def test_json_names_the_snapshot_used_for_a_date_between_snapshots():
    status, out, _ = run("shares", "--date", "2026-01-10", "--format", "json")
    payload = json.loads(out)
    assert status == 0
    assert payload["snapshot_date"] == "2026-01-06"
    assert len(payload["units"]) == 28
    assert payload["units"][-1]["iso_3166_2"] == "UA"
    assert set(payload["units"][0]) == {"iso_3166_2", "name", "area_km2", "occupied_km2",
                                        "occupied_pct"}


def test_csv_has_the_documented_header_and_28_rows():
    status, out, err = run("shares", "--date", "2026-01-06", "--format", "csv")
    lines = out.strip().splitlines()
    assert status == 0
    assert lines[0] == "iso_3166_2,name,area_km2,occupied_km2,occupied_pct"
    assert len(lines) == 29
    assert "snapshot 2026-01-06" in err


def test_the_table_says_which_snapshot_it_used():
    status, out, _ = run("shares")
    assert status == 0
    assert out.startswith("snapshot 2026-08-22 (newest)")
    assert "Donetsk Oblast" in out


def test_a_date_before_the_first_snapshot_exits_2_with_a_clear_message():
    status, out, err = run("shares", "--date", "2020-01-01")
    assert status == 2
    assert out == ""
    assert "no snapshot on or before 2020-01-01" in err


def test_a_malformed_date_exits_2_from_the_command_line():
    result = subprocess.run([sys.executable, "-m", "geo", "shares", "--date", "2026-13-45"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr


def test_scenario_json_has_every_documented_field():
    status, out, _ = run("scenario", "--preset", "donbas", "--date", "2026-01-06",
                         "--format", "json")
    payload = json.loads(out)
    assert status == 0
    assert {"preset", "snapshot_date", "params", "russian_held_km2", "ukrainian_held_km2",
            "dmz_km2", "to_russia_km2", "to_ukraine_km2", "line_km", "line_km_before",
            "people_changing_side", "by_oblast", "towns"} <= set(payload)
    assert set(payload["by_oblast"][0]) >= {"iso_3166_2", "name", "pct_before", "pct_after",
                                            "to_russia_km2", "dmz_km2"}
    assert set(payload["towns"][0]) == {"name", "iso_3166_2", "population", "population_year",
                                        "side_before", "side_after"}
    assert "Kramatorsk" in {t["name"] for t in payload["towns"]}


def test_scenario_parameters_are_echoed():
    status, out, _ = run("scenario", "--preset", "mutual", "--ua-km", "20", "--ru-km", "5",
                         "--format", "json")
    assert status == 0
    assert json.loads(out)["params"] == {"ua_km": "20", "ru_km": "5"}


def test_a_custom_line_file_is_read(tmp_path):
    line = tmp_path / "line.geojson"
    line.write_text(json.dumps({"type": "LineString",
                                "coordinates": [[36.0, 52.6], [36.2, 48.0], [35.0, 44.0]]}))
    status, out, _ = run("scenario", "--preset", "custom", "--line", str(line), "--format", "json")
    assert status == 0
    assert json.loads(out)["russian_held_km2"] > 0


def test_a_custom_line_that_misses_ukraine_exits_2(tmp_path):
    line = tmp_path / "line.geojson"
    line.write_text(json.dumps({"type": "LineString", "coordinates": [[30.0, 49.0], [30.1, 49.1]]}))
    status, _, err = run("scenario", "--preset", "custom", "--line", str(line))
    assert status == 2
    assert "does not cross Ukraine" in err


def test_a_scenario_table_names_the_snapshot_and_sources():
    status, out, _ = run("scenario", "--preset", "plan28", "--date", "2026-01-06")
    assert status == 0
    assert "snapshot 2026-01-06" in out and "DeepStateMap" in out
    assert "dmz_km2" in out
