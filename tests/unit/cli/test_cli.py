"""python -m geo shares and series: figures of held days from the daily series; scenario."""

import datetime as dt
import io
import json
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout

import pytest

from geo.cli.main import build_parser, main
from geo.cli.scenario_options import HELD, option_of, scenario_from
from geo.scenario.presets import scenario_of, values_of
from geo.scenario.proposals import PROPOSALS, Parameter
from tests.conftest import ROOT


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def test_json_gives_a_held_day_itself():
    status, out, _ = run("shares", "--date", "2026-01-10", "--format", "json")
    payload = json.loads(out)
    assert status == 0
    assert (payload["snapshot_date"], payload["held"]) == ("2026-01-10", True)
    assert len(payload["units"]) == 28
    assert payload["units"][-1]["iso_3166_2"] == "UA"
    assert set(payload["units"][0]) == {"iso_3166_2", "name", "area_km2", "occupied_km2",
                                        "occupied_pct"}


def test_a_day_not_held_gives_the_newest_held_day_before_it_and_says_so():
    status, out, _ = run("shares", "--date", "2025-11-26", "--format", "json")
    payload = json.loads(out)
    assert status == 0
    assert (payload["snapshot_date"], payload["held"]) == ("2025-11-25", False)
    assert "2025-11-26 is not held" in payload["note"]


def test_the_figures_of_a_shipped_day_are_those_of_its_geometry():
    from geo.data.boundaries import load_units
    from geo.data.shares import control_shares
    from geo.data.snapshots import load_occupied

    status, out, _ = run("shares", "--date", "2026-01-06", "--format", "json")
    given = {row["iso_3166_2"]: row["occupied_pct"] for row in json.loads(out)["units"]}
    expected = control_shares(load_units(), load_occupied(dt.date(2026, 1, 6)))
    assert status == 0
    assert given == pytest.approx(dict(zip(expected["iso_3166_2"], expected["occupied_pct"])),
                                  abs=1e-4)


def test_csv_has_the_documented_header_and_28_rows():
    status, out, err = run("shares", "--date", "2026-01-06", "--format", "csv")
    lines = out.strip().splitlines()
    assert status == 0
    assert lines[0] == "iso_3166_2,name,area_km2,occupied_km2,occupied_pct"
    assert len(lines) == 29
    assert "day 2026-01-06 (held)" in err


def test_the_table_defaults_to_the_newest_day_held():
    status, out, _ = run("shares")
    assert status == 0
    assert out.startswith("day 2026-10-10 (the newest day held)")
    assert "Donetsk Oblast" in out


def test_a_date_before_the_first_day_exits_2_with_a_clear_message():
    status, out, err = run("shares", "--date", "2020-01-01")
    assert status == 2
    assert out == ""
    assert "no day is held on or before 2020-01-01" in err


# series


def test_series_csv_has_one_row_per_held_day_and_the_documented_header():
    status, out, err = run("series", "--unit", "UA-14", "--from", "2025-11-24",
                           "--to", "2025-11-28")
    assert status == 0
    assert out.splitlines()[0] == "date,iso_3166_2,occupied_km2,occupied_pct"
    assert [line[:10] for line in out.splitlines()[1:]] == [
        "2025-11-24", "2025-11-25", "2025-11-27", "2025-11-28"]
    assert "1 not held" in err


def test_series_of_ukraine_and_several_units_keeps_the_order_asked_for():
    status, out, _ = run("series", "--unit", "UA,UA-09", "--from", "2026-10-10",
                         "--format", "json")
    rows = json.loads(out)["rows"]
    assert status == 0
    assert [(r["date"], r["iso_3166_2"]) for r in rows] == [("2026-10-10", "UA"),
                                                            ("2026-10-10", "UA-09")]


def test_series_json_lists_the_gaps_in_its_range():
    status, out, _ = run("series", "--unit", "UA", "--from", "2026-08-20", "--to",
                         "2026-09-16", "--format", "json")
    payload = json.loads(out)
    assert status == 0
    assert payload["missing"] == [["2026-08-23", "2026-08-31"], ["2026-09-02", "2026-09-14"],
                                  ["2026-09-16", "2026-09-16"]]
    assert [r["date"] for r in payload["rows"]] == ["2026-08-20", "2026-08-21", "2026-08-22",
                                                   "2026-09-01", "2026-09-15"]


def test_series_table_is_readable():
    status, out, _ = run("series", "--unit", "UA-14", "--from", "2026-10-10", "--format",
                         "table")
    assert status == 0
    assert "2026-10-10" in out and "UA-14" in out


def test_series_of_an_unknown_unit_exits_2():
    result = subprocess.run([sys.executable, "-m", "geo", "series", "--unit", "UA-99"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert "not a unit code: UA-99" in result.stderr


def test_series_with_from_after_to_exits_2():
    status, _, err = run("series", "--unit", "UA", "--from", "2026-01-02", "--to", "2026-01-01")
    assert status == 2
    assert "after --to" in err


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



# scenario options: one per attribute of the registry's parameters


def _other_value(parameter):
    """A value of ``parameter`` other than its default, and how its option writes it."""
    if isinstance(parameter, Parameter):
        lower = parameter.default - parameter.step
        value = lower if parameter.holds(lower) else parameter.default + parameter.step
        return value, f"{value:g}"
    code = "UA-09" if parameter.default != "UA-09" else "UA-14"
    return ((code,), code) if parameter.many else (code, code)


def _scenario_args(command, preset, written=()):
    argv = [command, "--preset", preset, *(part for pair in written for part in pair)]
    if command != "scenario":
        argv += ["--out", "unused.csv"]
    return build_parser().parse_args(argv)


@pytest.mark.parametrize("preset", [code for code, p in PROPOSALS.items() if p.parameters])
def test_every_parameter_of_a_preset_reaches_the_scenario_through_its_attributes_option(preset):
    expected, written = {}, {}
    for parameter in PROPOSALS[preset].parameters:
        value, text = _other_value(parameter)
        expected[parameter.name] = value
        option = option_of(parameter.held_in)
        # Parameters sharing an attribute share its option, joined by "=": UA-14=85.
        written[option] = f"{written[option]}={text}" if option in written else text
    assert values_of(scenario_from(_scenario_args("scenario", preset, written.items()))) == (
        expected)


@pytest.mark.parametrize("preset", [code for code, p in PROPOSALS.items() if not p.drawn])
def test_a_preset_given_no_options_takes_the_registrys_defaults(preset):
    assert scenario_from(_scenario_args("scenario", preset)) == scenario_of(preset)


@pytest.mark.parametrize("command", ["scenario", "figure", "export"])
def test_every_scenario_command_takes_the_option_of_every_registry_attribute(command):
    for attribute, (parameter, *_) in HELD.items():
        text = _other_value(parameter)[1]
        given = getattr(_scenario_args(command, "freeze", [(option_of(attribute), text)]),
                        attribute)
        assert (f"{given:g}" if isinstance(given, float) else given) == text


def test_the_option_of_a_shared_attribute_says_how_it_is_written():
    status, _, err = run("scenario", "--preset", "target", "--target", "85")
    assert status == 2
    assert "--target must look like UA-14=85, not '85'" in err
