"""Published estimates of a time to take beside ours at their dates: exact numbers on a
synthetic series, and the shipped estimates on the real one."""

import datetime as dt

import pandas as pd
import pytest

from geo.pace.estimates import as_dict, estimate_day, estimates_beside, ground_name, sentence
from geo.pace.published import ESTIMATES_COLUMNS, load_published_estimates
from tests.unit.pace.test_time_to_take import D, daily

#: Donetsk and Luhansk of 10,000 km2 each; the series starts with 1,000 km2 held in each.
AREAS = {"UA-14": 10_000.0, "UA-09": 10_000.0}


def estimates(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """(who, as_of, ground) rows, the other columns filled in."""
    return pd.DataFrame([{"who": who, "as_of": as_of, "ground": ground,
                          "estimate": "all of it around August 2027", "taken_by": "2027-08",
                          "source": "a paper", "note": ""} for who, as_of, ground in rows],
                        columns=ESTIMATES_COLUMNS)


def test_a_day_is_read_as_itself_and_a_month_as_its_middle():
    assert estimate_day("2025-11-27") == D(2025, 11, 27)
    assert estimate_day("2025-12") == D(2025, 12, 15)
    with pytest.raises(ValueError):
        estimate_day("late 2025")


def test_ground_is_named_in_words():
    assert ground_name(["UA-14"]) == "Donetsk Oblast"
    assert ground_name(["UA-14", "UA-09"]) == "Donetsk and Luhansk oblasts"


def test_the_pace_then_explains_a_time_unlike_todays():
    # 2 km2 a day until 2026-01-01, 0.5 km2 a day since.
    series = daily({"UA-14": 2.0}, change={"UA-14": (D(2026, 1, 1), 0.5)})
    [row] = estimates_beside(series, estimates(("ISW", "2025-12-01", "UA-14")), AREAS,
                             D(2026, 7, 1))
    assert (row.then.start, row.then.end) == (D(2025, 6, 1), D(2025, 12, 1))
    assert row.then.oblasts[0].km2_per_month == pytest.approx(2.0 * 30.44)
    # On 2025-12-01, 334 days after the first: 1,000 + 668 km2 held, 8,332 left.
    assert row.then.km2 == pytest.approx(10_000 - 1_000 - 2 * 334)
    assert row.then.months == pytest.approx(8_332 / 60.88)
    assert row.now.oblasts[0].km2_per_month == pytest.approx(0.5 * 30.44)
    assert row.now.months > 2 * row.then.months


def test_an_estimate_of_several_oblasts_is_timed_by_the_slowest():
    series = daily({"UA-14": 2.0, "UA-09": 1.0})
    [row] = estimates_beside(series, estimates(("Someone", "2025-08", "UA-14+UA-09")), AREAS,
                             D(2026, 7, 1))
    assert row.ground == ("UA-14", "UA-09")
    assert row.day == row.then.end == D(2025, 8, 15)
    slowest = max(o.months for o in row.then.oblasts)
    assert row.then.months == slowest == next(
        o.months for o in row.then.oblasts if o.iso_3166_2 == "UA-09")


def test_ground_already_taken_leaves_nothing_to_time():
    series = daily({"UA-14": 0.0})
    [row] = estimates_beside(series, estimates(("X", "2025-12-01", "UA-14")),
                             {"UA-14": 1_000.0}, D(2026, 7, 1))
    assert row.then.oblasts == () and "nothing left to take" in sentence(row)


def test_the_sentence_sets_the_published_figure_beside_ours_then_and_now():
    series = daily({"UA-14": 2.0}, change={"UA-14": (D(2026, 1, 1), 0.5)})
    [row] = estimates_beside(series, estimates(("ISW", "2025-12", "UA-14")), AREAS,
                             D(2026, 7, 1))
    text = sentence(row)
    assert text.startswith("ISW, 2025-12 (a paper): \u201call of it around August 2027\u201d. "
                           "Ours then: 61 km²/month over the 6 months to 2025-12-15 "
                           "(mid-month: it is dated by month only), so the 8,304 km² left "
                           "of Donetsk Oblast in about 136 months (around April 2037). ")
    # Since 2026-01-01 at 0.5 km2 a day: 15 km2 a month over the 6 months to 2026-07-01.
    assert text.endswith("Ours on 2026-07-01: 15 km²/month, so the 8,180 km² left in about "
                         "537 months (around April 2071).")


def test_a_pause_now_is_not_at_this_pace():
    series = daily({"UA-14": 2.0}, change={"UA-14": (D(2026, 1, 1), 0.0)})
    [row] = estimates_beside(series, estimates(("ISW", "2025-12-01", "UA-14")), AREAS,
                             D(2026, 7, 1))
    assert row.now.months is None
    assert sentence(row).endswith("left in not at this pace.")
    assert as_dict(row)["now"]["months"] is None


def test_every_shipped_estimate_is_timed_on_the_real_series():
    from geo.data.boundaries import load_units, unit_areas_km2
    from geo.data.series import load_series

    units = load_units()
    areas = dict(zip(units["iso_3166_2"], unit_areas_km2(units)))
    rows = estimates_beside(load_series(), load_published_estimates(), areas,
                            dt.date(2026, 10, 10))
    assert [r.who for r in rows] == ["ISW", "ISW analysts", "President Zelensky"]
    isw = rows[0]
    # At the pace of the 6 months to 2025-11-27 the rest of Donetsk took about two years,
    # near ISW's August 2027; at the pace of the 6 months to 2026-10-10, many more.
    assert dt.date(2027, 6, 1) <= isw.then.by <= dt.date(2028, 6, 1)
    assert isw.now.months > 3 * isw.then.months


def test_ground_is_named_in_ukrainian():
    assert ground_name(["UA-14", "UA-09"], lang="uk") == "Донецька і Луганська області"
    assert ground_name(["UA-43", "UA-14"], lang="uk") == \
        "Автономна Республіка Крим і Донецька область"


def test_the_sentence_in_ukrainian_writes_its_paces_areas_and_days_as_ukrainian_does():
    series = daily({"UA-14": 2.0}, change={"UA-14": (D(2026, 1, 1), 0.5)})
    [row] = estimates_beside(series, estimates(("ISW", "2025-12", "UA-14")), AREAS,
                             D(2026, 7, 1))
    nbsp, nnbsp = "\u00a0", "\u202f"
    assert sentence(row, lang="uk").endswith(
        f"Наша оцінка станом на 1 липня 2026{nnbsp}р.: 15{nbsp}км²/міс., тож час на решту "
        f"(8{nbsp}180{nbsp}км²): близько 537 місяців (орієнтовно — квітень 2071{nnbsp}р.).")
