"""Pace: the net change of a unit's occupied area per month between held days."""

import datetime as dt

import pandas as pd
import pytest

from geo.pace.rate import MONTH_DAYS, date_after, months_before, months_to_take, nearest_held, pace

D = dt.date
START = D(2025, 1, 1)


def series(km2_by_day: dict[dt.date, float], unit: str = "UA-14") -> pd.DataFrame:
    return pd.DataFrame({"date": list(km2_by_day), "iso_3166_2": unit,
                         "occupied_km2": list(km2_by_day.values()), "occupied_pct": 0.0})


def constant(days: int, per_day: float, *, skip: tuple[int, ...] = ()) -> pd.DataFrame:
    """``per_day`` km2 more each day from 1,000 km2 on 2025-01-01; days ``skip`` not held."""
    return series({START + dt.timedelta(n): 1_000 + per_day * n
                   for n in range(days) if n not in skip})


def test_a_constant_pace_is_its_daily_gain_times_a_mean_month():
    result = pace(constant(61, 10.0), "UA-14", D(2025, 1, 1), D(2025, 3, 1))
    assert result.net_km2 == 590.0
    assert result.km2_per_month == pytest.approx(10.0 * MONTH_DAYS)


def test_a_pause_has_a_pace_of_zero():
    flat = series({D(2025, 1, 1): 500.0, D(2025, 1, 15): 500.0, D(2025, 2, 1): 500.0})
    assert pace(flat, "UA-14", D(2025, 1, 1), D(2025, 2, 1)).km2_per_month == 0.0


def test_a_reversal_has_a_negative_pace():
    back = series({D(2025, 1, 1): 500.0, D(2025, 1, 31): 470.0})
    result = pace(back, "UA-14", D(2025, 1, 1), D(2025, 1, 31))
    assert (result.net_km2, result.km2_per_month) == (-30.0, pytest.approx(-30.44))


def test_a_gap_at_the_start_is_measured_from_the_nearest_held_day_and_says_so():
    result = pace(constant(40, 10.0, skip=(0, 1)), "UA-14", D(2025, 1, 1), D(2025, 2, 1))
    assert (result.start, result.end, result.days, result.net_km2) == \
        (D(2025, 1, 3), D(2025, 2, 1), 29, 290.0)
    assert result.notes == ("2025-01-01 is not held: measured from 2025-01-03",)


def test_a_gap_at_the_end_is_measured_to_the_nearest_held_day():
    result = pace(constant(40, 10.0, skip=(31,)), "UA-14", D(2025, 1, 1), D(2025, 2, 1))
    assert (result.end, result.notes) == (D(2025, 1, 31),
                                          ("2025-02-01 is not held: measured to 2025-01-31",))


def test_on_a_tie_a_window_end_stays_inside_the_window():
    held = [D(2025, 1, 1), D(2025, 1, 3)]
    assert nearest_held(D(2025, 1, 2), held, prefer_later=True) == D(2025, 1, 3)
    assert nearest_held(D(2025, 1, 2), held, prefer_later=False) == D(2025, 1, 1)


def test_a_missing_day_is_never_interpolated():
    # 2025-01-02 is missing: the window ends on the held day before, at its own figure.
    two = series({D(2025, 1, 1): 100.0, D(2025, 1, 3): 300.0})
    result = pace(two, "UA-14", D(2025, 1, 1), D(2025, 1, 2))
    assert (result.end, result.held_km2_end) == (D(2025, 1, 1), 100.0)
    assert result.km2_per_month is None


def test_a_window_backwards_is_refused():
    with pytest.raises(ValueError, match="after its end"):
        pace(constant(5, 1.0), "UA-14", D(2025, 1, 4), D(2025, 1, 2))


def test_an_unknown_unit_is_refused():
    with pytest.raises(ValueError, match="UA-09"):
        pace(constant(5, 1.0), "UA-09", D(2025, 1, 1), D(2025, 1, 4))


def test_months_to_take_divides_the_area_by_the_pace():
    assert months_to_take(1_200.0, 300.0) == 4.0


@pytest.mark.parametrize("per_month", [0.0, -5.0, None])
def test_no_positive_pace_means_not_at_this_pace(per_month):
    assert months_to_take(1_200.0, per_month) is None


def test_a_unit_already_fully_held_takes_no_time_even_when_the_pace_is_zero():
    assert months_to_take(0.0, 0.0) == 0.0


def test_months_before_keeps_the_day_or_clips_to_a_shorter_month():
    assert months_before(D(2026, 10, 10), 6) == D(2026, 4, 10)
    assert months_before(D(2026, 3, 31), 1) == D(2026, 2, 28)
    assert months_before(D(2026, 1, 15), 12) == D(2025, 1, 15)


def test_the_date_after_some_months_counts_mean_months():
    assert date_after(D(2026, 10, 10), 10) == D(2026, 10, 10) + dt.timedelta(days=304)


def test_the_notes_on_a_gap_are_in_the_language_asked_for():
    result = pace(constant(40, 10.0, skip=(0, 1)), "UA-14", D(2025, 1, 1), D(2025, 2, 1))
    assert result.notes_in("uk") == (("виміряно від 3 січня 2025\u202fр., бо 1 січня "
                                      "2025\u202fр. немає в архіві"),)
    assert result.notes_in("en") == result.notes
