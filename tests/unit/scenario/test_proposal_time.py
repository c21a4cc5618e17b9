"""A proposal's time to take as every view shows it: the 6-month headline, the range, the
per-oblast table, the CSV columns, each side's part; exact numbers on synthetic series."""

import datetime as dt

import pandas as pd
import pytest

from geo.pace.time_to_take import CAVEAT, as_dict
from geo.scenario.impact import BY_OBLAST_COLUMNS, Impact
from geo.scenario.proposal_time import (as_payload, compact, csv_columns, cut_short, given_back,
                                        headline_sentence, oblast_table, pace_source, proposal_time,
                                        range_sentence, range_short, russia_gives_up, when)
from tests.unit.pace.test_time_to_take import DAY, D, daily


def impact(rows: dict[str, dict[str, float]], dmz_km2: float = 0.0) -> Impact:
    """An Impact whose per-oblast table holds ``rows`` (code -> the km2 columns given)."""
    table = pd.DataFrame([{"iso_3166_2": code, "name": code, "pct_before": 0.0,
                           "pct_after": 0.0, "to_russia_km2": 0.0, "to_ukraine_km2": 0.0,
                           "dmz_km2": 0.0, "from_ukraine_km2": 0.0, **values}
                          for code, values in rows.items()], columns=BY_OBLAST_COLUMNS)
    return Impact(600_000.0, 0.0, 0.0, dmz_km2, 0.0, 0.0, 0.0, 0.0, 0, table, pd.DataFrame())


def handing(**km2: float) -> Impact:
    """Ukraine hands Russia ``km2`` per oblast."""
    return impact({code.replace("_", "-"): {"to_russia_km2": v, "from_ukraine_km2": v}
                   for code, v in km2.items()})


#: 2 km2 a day until 2026-01-01, then 1 km2 a day: 10 months at the 3- and 6-month paces.
SLOWING = daily({"UA-14": 2.0}, change={"UA-14": (D(2026, 1, 1), 1.0)})


@pytest.fixture(scope="module")
def slowing():
    return proposal_time(handing(UA_14=304.4), SLOWING, DAY)


def test_the_headline_is_the_6_month_window(slowing):
    assert slowing.headline.window_months == 6
    assert headline_sentence(slowing) == (
        "At the pace of the last 6 months, Russia would take the ground this proposal hands "
        "it in about 10 months (around May 2027).")


def test_the_range_runs_from_the_fastest_to_the_slowest_window():
    # 1 km2 a day, then 0.5 from 2026-04-01: 3 months at 15.2 km2 a month take 304.4 km2 in
    # 20 months; 12 months, (274 + 91 / 2) km2 in 365 days, in 11.4.
    series = daily({"UA-14": 1.0}, change={"UA-14": (D(2026, 4, 1), 0.5)})
    time = proposal_time(handing(UA_14=304.4), series, DAY)
    assert range_sentence(time) == (
        "Over the last 3, 6 and 12 months: from about 11 months (June 2027, at the "
        "12-month pace) to about 20 months (March 2028, at the 3-month pace).")
    assert compact(time) == ("Time to take at the 6-month pace: about 13 months (August "
                             "2027); 11–20 months at the 3- to 12-month paces")


def test_a_constant_pace_has_no_range_to_speak_of():
    time = proposal_time(handing(UA_14=304.4), daily({"UA-14": 1.0}), DAY)
    assert range_short(time) == "about 10 months at the 3- to 12-month paces"
    assert range_sentence(time) == ("Over the last 3, 6 and 12 months: about 10 months (May "
                                    "2027) at each pace that takes it.")


def test_an_oblast_not_at_this_pace_is_named_on_the_slide_line():
    series = daily({"UA-14": 1.0, "UA-09": 0.0})
    time = proposal_time(handing(UA_14=304.4, UA_09=100.0), series, DAY)
    assert compact(time).startswith("Time to take at the 6-month pace: about 10 months (May "
                                    "2027), Luhansk not at this pace;")


def test_when_nothing_moves_no_time_is_given_anywhere():
    time = proposal_time(handing(UA_14=500.0), daily({"UA-14": 0.0}), DAY)
    assert when(time.headline) == "not at this pace"
    assert compact(time) == "Time to take at the 6-month pace: not at this pace"
    assert range_sentence(time) == ("Over the last 3, 6 and 12 months: not at this pace at any "
                                    "of them (the line did not move forward).")


def test_a_window_not_at_this_pace_is_named_in_the_range():
    # 1 km2 a day until 2026-04-01, then nothing: the last 3 months stood still.
    series = daily({"UA-14": 1.0}, change={"UA-14": (D(2026, 4, 1), 0.0)})
    time = proposal_time(handing(UA_14=304.4), series, DAY)
    assert time.russia[0].months is None
    assert range_short(time) == ("13–20 months at the 6- and 12-month paces; not at this pace "
                                 "at the 3-month pace")
    assert range_sentence(time).endswith(" At the 3-month pace: not at this pace.")


def test_nothing_handed_over_is_said_plainly():
    time = proposal_time(impact({"UA-14": {}}), daily({"UA-14": 1.0}), DAY)
    assert compact(time) == "Time to take at the 6-month pace: nothing handed to Russia"
    assert range_sentence(time) == "" and range_short(time) == ""
    assert oblast_table(time).empty


def test_the_per_oblast_table_gives_each_oblasts_paces_and_days():
    series = daily({"UA-14": 1.0, "UA-09": 0.0})
    time = proposal_time(handing(UA_14=304.4, UA_09=100.0), series, DAY)
    table = oblast_table(time).set_index("iso_3166_2")
    assert list(table.columns) == ["name", "km2", "paces", "taken", "across"]
    assert table.loc["UA-14", "paces"] == "30.4 / 30.4 / 30.4"
    assert table.loc["UA-14", "taken"] == "May 2027 (10 months)"
    assert table.loc["UA-14", "across"] == "May 2027"
    assert table.loc["UA-09", "taken"] == table.loc["UA-09", "across"] == "not at this pace"


def test_the_csv_columns_carry_pace_months_and_day_per_window(slowing):
    columns = csv_columns(slowing)
    assert list(columns.columns) == [
        f"{name}_{m}m" if not name.startswith("pace") else f"pace_{m}m_{name[5:]}"
        for m in (3, 6, 12) for name in ("pace_window", "pace_km2_per_month",
                                         "months_to_take", "taken_by")]
    row = columns.loc["UA-14"]
    assert row["pace_6m_window"] == "2026-01-01/2026-07-01"
    assert row["pace_6m_km2_per_month"] == 30.4
    assert row["months_to_take_6m"] == 10.0
    assert row["taken_by_6m"] == "2027-05-01"


def test_the_csv_says_not_at_this_pace_where_the_line_stood_still():
    time = proposal_time(handing(UA_14=500.0), daily({"UA-14": 0.0}), DAY)
    row = csv_columns(time).loc["UA-14"]
    assert pd.isna(row["months_to_take_6m"]) and row["taken_by_6m"] == "not at this pace"


def test_the_payload_is_what_the_command_line_gives(slowing):
    payload = as_payload(slowing)
    assert payload == {"meaning": payload["meaning"], "caveat": CAVEAT,
                       "windows": [as_dict(w) for w in slowing.russia]}
    assert "seize it instead" in payload["meaning"]


def test_ground_russia_gives_up_is_what_returns_to_ukraine_and_its_part_of_the_zone():
    rows = impact({"UA-63": {"to_ukraine_km2": 1_000.0},
                   # A zone of 900 km2 in Donetsk, 400 of it Ukraine's: 500 of Russia's.
                   "UA-14": {"dmz_km2": 900.0, "from_ukraine_km2": 400.0},
                   "UA-09": {"to_russia_km2": 50.0, "from_ukraine_km2": 50.0}}, 900.0)
    assert given_back(rows.by_oblast) == {"UA-63": 1_000.0, "UA-14": 500.0}


def test_ground_russia_gives_up_is_timed_at_ukraines_pace():
    # Russia loses 1 km2 a day in Kharkiv: Ukraine would retake 304.4 km2 in 10 months.
    series = daily({"UA-63": -1.0})
    time = proposal_time(impact({"UA-63": {"to_ukraine_km2": 304.4}}), series, DAY)
    assert time.ukraine[1].months == pytest.approx(10.0)
    assert russia_gives_up(time) == (
        "Russia gives up 304 km² of the ground it holds: at the pace of the last 6 months, "
        "Ukraine's forces would take back it in about 10 months (May 2027).")


def test_ground_russia_gives_up_where_it_advances_is_what_it_concedes():
    series = daily({"UA-14": 1.0})
    zone = impact({"UA-14": {"dmz_km2": 900.0, "from_ukraine_km2": 400.0}}, 900.0)
    text = russia_gives_up(proposal_time(zone, series, DAY))
    assert text.startswith("Russia gives up 500 km² of the ground it holds: at the pace of "
                           "the last 6 months, not at this pace")
    assert "what Russia concedes" in text


def test_nothing_given_up_by_russia_says_nothing(slowing):
    assert russia_gives_up(slowing) == ""


def test_the_source_names_the_series_and_the_windows(slowing):
    assert pace_source(slowing) == (
        "Pace: DeepStateMap (deepstatemap.live) daily series, net change of the Russian-held "
        "area per oblast over the 3, 6 and 12 months to 2026-07-01 (EPSG:3035)")


def test_a_window_the_series_does_not_reach_back_over_is_said_to_be_short():
    series = daily({"UA-14": 1.0}, first=D(2026, 3, 1))
    time = proposal_time(handing(UA_14=304.4), series, DAY)
    assert [w.window_months for w in cut_short(time)] == [6, 12]
    assert pace_source(time).endswith(
        "; the series holds no day that early for the 6- and 12-month windows: measured "
        "from 2026-03-01, the first day held after its start")


def test_a_day_after_the_series_is_measured_to_its_newest_day():
    series = daily({"UA-14": 1.0}, last=D(2026, 6, 1))
    time = proposal_time(handing(UA_14=304.4), series, DAY)
    assert time.headline.end == dt.date(2026, 6, 1)
    assert "to 2026-06-01 (EPSG:3035), the held day nearest 2026-07-01" in pace_source(time)


def test_a_pace_too_slow_for_the_calendar_is_more_than_a_century_with_no_date():
    # A few m² a day: 5,000 km2 would take millions of years, past the year 9999.
    series = daily({"UA-14": 1e-6, "UA-09": 1.0})
    time = proposal_time(handing(UA_14=5_000.0, UA_09=304.4), series, DAY)
    head = time.headline
    slow = next(o for o in head.oblasts if o.iso_3166_2 == "UA-14")
    assert (slow.km2_per_month, slow.by) == (pytest.approx(1e-6 * 30.44), None)
    assert (head.stalled, head.by) == ((), None)
    assert "more than a century" in headline_sentence(time)


NNBSP = "\u202f"


def test_in_ukrainian_nothing_handed_over_and_nothing_moving_are_said_in_ukrainian():
    nothing = proposal_time(impact({"UA-14": {}}), daily({"UA-14": 1.0}), DAY)
    assert compact(nothing, lang="uk") == ("Час на захоплення за 6-місячного темпу: Росії "
                                           "нічого не передається")
    stalled = proposal_time(handing(UA_14=500.0), daily({"UA-14": 0.0}), DAY)
    assert compact(stalled, lang="uk") == ("Час на захоплення за 6-місячного темпу: за такого "
                                           "темпу — ніколи")
    assert range_sentence(stalled, lang="uk") == (
        "За останні 3, 6 і 12 місяців: ніколи за жодного з цих темпів (лінія не просувалася "
        "вперед).")


def test_in_ukrainian_the_range_names_its_windows_and_the_one_not_at_this_pace():
    series = daily({"UA-14": 1.0}, change={"UA-14": (D(2026, 4, 1), 0.0)})
    time = proposal_time(handing(UA_14=304.4), series, DAY)
    assert range_short(time, lang="uk") == ("13–20 місяців за 6- і 12-місячного темпів; за "
                                            "3-місячного темпу — ніколи")


def test_in_ukrainian_the_per_oblast_table_writes_names_paces_and_months_as_ukrainian_does():
    series = daily({"UA-14": 1.0, "UA-09": 0.0})
    time = proposal_time(handing(UA_14=304.4, UA_09=100.0), series, DAY)
    table = oblast_table(time, lang="uk").set_index("iso_3166_2")
    assert table.loc["UA-14"].to_dict() == {
        "name": "Донецька область", "km2": 304.4, "paces": "30,4 / 30,4 / 30,4",
        "taken": f"травень 2027{NNBSP}р. (10 місяців)", "across": f"травень 2027{NNBSP}р."}
    assert table.loc["UA-09", "taken"] == table.loc["UA-09", "across"] == \
        "за такого темпу — ніколи"


def test_in_ukrainian_the_source_names_the_series_its_windows_and_a_short_one():
    series = daily({"UA-14": 1.0}, first=D(2026, 3, 1))
    time = proposal_time(handing(UA_14=304.4), series, DAY)
    assert pace_source(time, lang="uk") == (
        "Темп: щоденний ряд DeepStateMap (deepstatemap.live), чиста зміна площі під контролем "
        f"Росії в кожній області за останні 3, 6 і 12 місяців до 1 липня 2026{NNBSP}р. "
        "(EPSG:3035); для 6- і 12-місячного вікон у ряді немає таких ранніх днів: виміряно від "
        f"1 березня 2026{NNBSP}р., першого дня в архіві після його початку")


def test_in_ukrainian_ground_russia_concedes_is_said_to_be_conceded():
    zone = impact({"UA-14": {"dmz_km2": 900.0, "from_ukraine_km2": 400.0}}, 900.0)
    assert russia_gives_up(proposal_time(zone, daily({"UA-14": 1.0}), DAY), lang="uk") == (
        "Росія віддає 500\u00a0км² підконтрольної їй території: за темпу останніх 6 місяців — "
        "ніколи: там, де вона лежить, Сили оборони України не просувалися, тож ця територія — "
        "те, чим поступається Росія, а не те, що українські сили могли б відвоювати.")
