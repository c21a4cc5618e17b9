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
