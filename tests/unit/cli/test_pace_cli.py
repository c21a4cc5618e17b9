"""python -m geo pace, and the time to take in python -m geo scenario's JSON."""

import io
import json
from contextlib import redirect_stderr, redirect_stdout

import pytest

from geo.cli.main import main
from geo.data.series import load_series


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def pace_json(*args):
    status, out, err = run("pace", *args, "--format", "json")
    assert status == 0, err
    return json.loads(out)


def km2(day: str, code: str) -> float:
    series = load_series()
    rows = series[(series["iso_3166_2"] == code) & (series["date"].map(str) == day)]
    return float(rows["occupied_km2"].iloc[0])


def test_the_default_window_is_the_six_months_before_the_newest_day():
    row = pace_json("--unit", "UA-14")["units"][0]
    assert (row["from"], row["to"], row["days"]) == ("2026-04-10", "2026-10-10", 183)


def test_the_net_pace_is_the_series_change_per_mean_month():
    row = pace_json("--unit", "UA-14", "--from", "2026-01-06", "--to", "2026-07-06")["units"][0]
    net = km2("2026-07-06", "UA-14") - km2("2026-01-06", "UA-14")
    assert row["km2_per_month_net"] == pytest.approx(net / 181 * 30.44, abs=0.05)


def test_what_is_left_to_take_over_the_pace_gives_the_months_and_the_day():
    row = pace_json("--unit", "UA-14", "--window", "12m")["units"][0]
    assert row["months_to_take"] == pytest.approx(row["to_take_km2"] / row["km2_per_month_net"],
                                                  abs=0.1)
    assert row["taken_by"] > "2026-10-10"


def test_a_window_ending_on_a_missing_day_is_measured_to_the_held_day_nearest_and_says_so():
    payload = pace_json("--unit", "UA", "--from", "2025-10-26", "--to", "2025-11-26")
    assert payload["units"][0]["to"] == "2025-11-25"
    assert "2025-11-26 is not held: measured to 2025-11-25" in payload["note"]


def test_a_unit_where_the_line_went_back_has_no_time_to_take():
    # Luhansk oblast over the last three months: the net pace is negative.
    row = pace_json("--unit", "UA-09", "--window", "3m")["units"][0]
    assert row["km2_per_month_net"] < 0
    assert (row["months_to_take"], row["taken_by"]) == (None, None)


def test_several_units_are_given_in_the_order_asked_for():
    rows = pace_json("--unit", "UA,UA-14,UA-09")["units"]
    assert [r["iso_3166_2"] for r in rows] == ["UA", "UA-14", "UA-09"]


def test_pace_csv_has_one_row_per_unit():
    status, out, _ = run("pace", "--unit", "UA-14,UA-23", "--format", "csv")
    assert status == 0
    assert out.splitlines()[0].startswith("iso_3166_2,from,to,days,km2_per_month_gained")
    assert len(out.splitlines()) == 3


@pytest.mark.parametrize("args", [("--window", "6m", "--from", "2026-01-01", "--to",
                                   "2026-02-01"),
                                  ("--from", "2026-01-01")])
def test_a_window_given_two_ways_or_half_is_refused(args):
    status, _, err = run("pace", "--unit", "UA-14", *args)
    assert status == 2 and "error:" in err


def test_a_malformed_window_exits_2():
    with pytest.raises(SystemExit) as stopped:
        run("pace", "--unit", "UA-14", "--window", "six")
    assert stopped.value.code == 2


def test_scenario_json_gives_the_time_to_take_for_each_standard_window():
    status, out, _ = run("scenario", "--preset", "donbas", "--format", "json")
    windows = json.loads(out)["time_to_take"]["windows"]
    assert status == 0
    assert [w["window_months"] for w in windows] == [3, 6, 12]
    donetsk = next(o for o in windows[1]["by_oblast"] if o["iso_3166_2"] == "UA-14")
    # Both figures are rounded to 0.1: their ratio agrees to about 0.2 %.
    assert donetsk["months"] == pytest.approx(donetsk["km2"] / donetsk["km2_per_month"], rel=2e-3)
    assert "At the pace of the last 6 months" in windows[1]["text"]


def test_a_freeze_hands_nothing_to_take():
    status, out, _ = run("scenario", "--preset", "freeze", "--format", "json")
    taking = json.loads(out)["time_to_take"]
    assert status == 0
    assert [w["months"] for w in taking["windows"]] == [0.0, 0.0, 0.0]
    assert "no ground" in taking["meaning"]
