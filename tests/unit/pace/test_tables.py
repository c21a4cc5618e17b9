"""The pace as tables: each unit's months with the net's trend, a window's figures and the
published gains beside the computed ones, on tiny synthetic tables with exact answers."""

import datetime as dt
import math

import pandas as pd
import pytest

from geo.pace.monthly import MONTHLY_COLUMNS
from geo.pace.published import GAINS_COLUMNS
from geo.pace.rate import MONTH_DAYS
from geo.pace.tables import (COMPARISON_COLUMNS, UNIT_MONTH_COLUMNS, off_calendar_text,
                             published_beside_computed, unit_months, window_figures, window_months)

D = dt.date


def first_of(month: str) -> dt.date:
    return dt.date.fromisoformat(f"{month}-01")


def monthly(rows: list[tuple], unit: str = "UA") -> pd.DataFrame:
    """A monthly table from (month, gained, regained) rows, each month from its 1st to the
    next month's 1st; the last one partial when ``partial_to`` is given as a 4th item."""
    records = []
    for row in rows:
        month, gained, regained = row[:3]
        start = first_of(month)
        end = row[3] if len(row) > 3 else D(start.year + start.month // 12,
                                            start.month % 12 + 1, 1)
        records.append({"month": month, "start": start, "end": end, "partial": len(row) > 3,
                        "iso_3166_2": unit, "gained_km2": float(gained),
                        "regained_km2": float(regained),
                        "net_km2": float(gained) - float(regained)})
    return pd.DataFrame(records, columns=MONTHLY_COLUMNS)


def series(km2_by_day: dict[dt.date, float], unit: str = "UA") -> pd.DataFrame:
    return pd.DataFrame({"date": list(km2_by_day), "iso_3166_2": unit,
                         "occupied_km2": list(km2_by_day.values()), "occupied_pct": 0.0})


def daily(first: dt.date, last: dt.date, per_day: float, *, start_km2: float = 1_000.0,
          skip: tuple[dt.date, ...] = ()) -> pd.DataFrame:
    """``per_day`` km2 more each day from ``first`` to ``last``; days ``skip`` not held."""
    days = [first + dt.timedelta(n) for n in range((last - first).days + 1)]
    return series({d: start_km2 + per_day * (d - first).days for d in days if d not in skip})


def published(rows: list[tuple]) -> pd.DataFrame:
    """Published gains from (period, km2, measure, source) rows."""
    return pd.DataFrame([{"period": p, "km2": float(k), "measure": m, "source": s,
                          "as_of": "2026-03-02", "note": ""} for p, k, m, s in rows],
                        columns=GAINS_COLUMNS)


DEEPSTATE, ISW, CLAIM = "DeepState via for-ua.com", "ISW data as computed by AFP", \
    "Russia's chief of general staff"
GAINED, CLAIMED = "gained by Russia", "claimed by Russia"


# --- a unit's months and the trend of the net -----------------------------------------------

def test_a_constant_pace_has_a_flat_trend_from_the_third_month():
    months = unit_months(monthly([("2025-01", 100, 0), ("2025-02", 100, 0),
                                  ("2025-03", 100, 0), ("2025-04", 100, 0)]), "UA")
    assert list(months.columns) == UNIT_MONTH_COLUMNS
    assert months["trend_net_km2"].tolist()[2:] == [100.0, 100.0]
    assert months["trend_net_km2"].iloc[:2].isna().all()


def test_a_pause_brings_the_trend_down_month_by_month():
    months = unit_months(monthly([("2025-01", 90, 0), ("2025-02", 90, 0), ("2025-03", 90, 0),
                                  ("2025-04", 0, 0), ("2025-05", 0, 0), ("2025-06", 0, 0)]),
                         "UA")
    assert months["trend_net_km2"].tolist()[2:] == [90.0, 60.0, 30.0, 0.0]


def test_a_reversal_counts_against_the_trend():
    months = unit_months(monthly([("2025-01", 100, 0), ("2025-02", 100, 0),
                                  ("2025-03", 0, 230)]), "UA")
    assert months["net_km2"].tolist() == [100.0, 100.0, -230.0]
    assert months["trend_net_km2"].iloc[-1] == pytest.approx(-10.0)


def test_the_partial_newest_month_is_left_out_of_the_trend():
    months = unit_months(monthly([("2025-01", 30, 0), ("2025-02", 30, 0), ("2025-03", 30, 0),
                                  ("2025-04", 300, 0, D(2025, 4, 4))]), "UA")
    assert months["partial"].tolist() == [False, False, False, True]
    assert months["trend_net_km2"].iloc[2] == 30.0
    assert math.isnan(months["trend_net_km2"].iloc[3])


def test_a_month_whose_first_is_missing_is_flagged_and_named_with_its_days():
    table = monthly([("2024-12", 10, 0), ("2025-01", 10, 0), ("2025-02", 10, 0)])
    # 2025-01-01 is missing: December runs to, and January from, 2025-01-02.
    table.loc[0, "end"] = table.loc[1, "start"] = D(2025, 1, 2)
    months = unit_months(table, "UA")
    assert months["off_calendar"].tolist() == [True, True, False]
    assert off_calendar_text(months) == ("2024-12: 2024-12-01 to 2025-01-02; "
                                         "2025-01: 2025-01-02 to 2025-02-01")


def test_months_from_a_1st_to_the_next_1st_need_no_note():
    months = unit_months(monthly([("2025-01", 1, 0), ("2025-02", 1, 0, D(2025, 2, 9))]), "UA")
    assert off_calendar_text(months) is None


def test_an_unknown_unit_is_refused():
    with pytest.raises(ValueError, match="UA-14"):
        unit_months(monthly([("2025-01", 1, 0)]), "UA-14")


# --- the whole months of a window -----------------------------------------------------------

YEAR = monthly([(f"2026-{m:02d}", 10 * m, m) for m in range(1, 10)]
               + [("2026-10", 5, 0, D(2026, 10, 10))])


def test_the_last_3_months_to_the_10th_are_the_3_whole_months_before():
    months = unit_months(YEAR, "UA")
    assert window_months(months, D(2026, 7, 10), D(2026, 10, 10)) == \
        ["2026-07", "2026-08", "2026-09"]


def test_a_month_counts_when_half_its_days_are_in_the_window():
    months = unit_months(YEAR, "UA")
    # February 2026: 14 of its 28 days from the 15th; May: 14 of 31 to the 15th.
    assert window_months(months, D(2026, 2, 15), D(2026, 5, 15)) == \
        ["2026-02", "2026-03", "2026-04"]


def test_the_partial_month_is_never_a_whole_month():
    months = unit_months(YEAR, "UA")
    assert window_months(months, D(2026, 9, 10), D(2026, 10, 10)) == ["2026-09"]
    assert window_months(months, D(2026, 10, 1), D(2026, 10, 10)) == []


# --- a window's figures ---------------------------------------------------------------------

def test_a_constant_pace_per_month_week_and_day():
    figures = window_figures(daily(D(2026, 1, 1), D(2026, 10, 10), 10.0), YEAR, "UA",
                             D(2026, 7, 10), D(2026, 10, 10))
    assert (figures.pace.days, figures.pace.net_km2) == (92, 920.0)
    assert figures.km2_per_day == 10.0
    assert figures.km2_per_week == 70.0
    assert figures.km2_per_month == pytest.approx(10.0 * MONTH_DAYS)
    assert figures.months == ("2026-07", "2026-08", "2026-09")
    assert (figures.months_start, figures.months_end) == (D(2026, 7, 1), D(2026, 10, 1))
    assert (figures.gained_km2, figures.regained_km2, figures.months_net_km2) == \
        (240.0, 24.0, 216.0)


def test_a_pause_has_no_net_pace_but_keeps_what_changed_hands():
    paused = monthly([("2026-07", 40, 40), ("2026-08", 0, 0), ("2026-09", 15, 15)])
    figures = window_figures(daily(D(2026, 6, 1), D(2026, 10, 10), 0.0), paused, "UA",
                             D(2026, 7, 10), D(2026, 10, 10))
    assert (figures.km2_per_month, figures.km2_per_week, figures.km2_per_day) == (0.0, 0.0, 0.0)
    assert (figures.gained_km2, figures.regained_km2, figures.months_net_km2) == \
        (55.0, 55.0, 0.0)


def test_a_reversal_has_a_negative_pace():
    figures = window_figures(daily(D(2026, 7, 1), D(2026, 8, 1), -3.0), YEAR, "UA",
                             D(2026, 7, 1), D(2026, 8, 1))
    assert (figures.pace.net_km2, figures.km2_per_day) == (-93.0, -3.0)
    assert figures.km2_per_week == -21.0


def test_a_gap_at_the_window_end_is_measured_to_the_held_day_inside_it_and_says_so():
    # 2026-10-10 is missing; the 9th and the 11th are as near: the end stays inside.
    gappy = daily(D(2026, 6, 1), D(2026, 10, 20), 10.0, skip=(D(2026, 10, 10),))
    figures = window_figures(gappy, YEAR, "UA", D(2026, 7, 10), D(2026, 10, 10))
    assert (figures.pace.start, figures.pace.end, figures.pace.days) == \
        (D(2026, 7, 10), D(2026, 10, 9), 91)
    assert figures.km2_per_day == 10.0
    assert figures.pace.notes == ("2026-10-10 is not held: measured to 2026-10-09",)


def test_a_gap_at_the_window_start_is_measured_from_the_held_day_after():
    gappy = daily(D(2026, 6, 1), D(2026, 10, 10), 10.0, skip=(D(2026, 7, 10),))
    figures = window_figures(gappy, YEAR, "UA", D(2026, 7, 10), D(2026, 10, 10))
    assert (figures.pace.start, figures.pace.days, figures.pace.net_km2) == \
        (D(2026, 7, 11), 91, 910.0)
    assert figures.pace.notes == ("2026-07-10 is not held: measured from 2026-07-11",)


def test_a_unit_already_fully_held_has_a_pace_of_zero_not_none():
    held = monthly([("2026-07", 0, 0), ("2026-08", 0, 0), ("2026-09", 0, 0)], unit="UA-43")
    figures = window_figures(daily(D(2026, 6, 1), D(2026, 10, 10), 0.0, start_km2=26_081.0)
                             .assign(iso_3166_2="UA-43"), held, "UA-43",
                             D(2026, 7, 10), D(2026, 10, 10))
    assert (figures.km2_per_month, figures.km2_per_day) == (0.0, 0.0)
    assert (figures.gained_km2, figures.regained_km2) == (0.0, 0.0)


def test_a_window_of_one_held_day_has_no_pace():
    figures = window_figures(daily(D(2026, 7, 1), D(2026, 8, 1), 5.0), YEAR, "UA",
                             D(2026, 7, 5), D(2026, 7, 5))
    assert (figures.km2_per_month, figures.km2_per_week, figures.km2_per_day) == \
        (None, None, None)
    assert figures.months == () and figures.months_start is None


# --- published beside computed --------------------------------------------------------------

def test_a_published_month_is_set_beside_ours_with_the_difference_in_percent():
    table = published_beside_computed(monthly([("2026-01", 230, 2)]),
                                      published([("2026-01", 250, GAINED, DEEPSTATE)]))
    assert list(table.columns) == COMPARISON_COLUMNS
    row = table.iloc[0]
    assert (row["computed_gained_km2"], row["computed_net_km2"], row["published_km2"]) == \
        (230.0, 228.0, 250.0)
    assert row["difference_pct"] == pytest.approx(-8.0)
    assert (row["start"], row["end"]) == (D(2026, 1, 1), D(2026, 2, 1))
    assert row["agrees"] and row["why"] == ""


def test_a_gross_gain_off_because_the_map_was_redrawn_both_ways_says_so():
    table = published_beside_computed(monthly([("2026-02", 170, 50)]),
                                      published([("2026-02", 126, GAINED, DEEPSTATE)]))
    row = table.iloc[0]
    assert row["difference_pct"] == pytest.approx(100 * 44 / 126)
    assert not row["agrees"]
    assert row["why"] == ("the map was redrawn both ways: 50 km² regained; our net, 120 km², "
                          "is within 5 % of it")


def test_an_isw_figure_and_a_claim_are_explained_by_who_made_them():
    table = published_beside_computed(
        monthly([("2025-10", 289, 38)]),
        published([("2025-10", 461, GAINED, ISW), ("2025-10", 600, CLAIMED, CLAIM)]))
    assert table["why"].tolist() == ["ISW's assessment of control, not DeepState's map",
                                     "a claim by Russia, not an assessment"]


def test_a_deepstate_figure_off_for_no_reason_we_know_is_left_unexplained():
    table = published_beside_computed(monthly([("2025-06", 300, 0)]),
                                      published([("2025-06", 556, GAINED, DEEPSTATE)]))
    assert not table["agrees"].iloc[0] and table["why"].iloc[0] == ""


def test_a_year_is_the_sum_of_its_12_months_and_comes_after_the_months():
    year = monthly([(f"2025-{m:02d}", 100, 10) for m in range(1, 13)])
    table = published_beside_computed(year, published([("2025", 1_250, GAINED, DEEPSTATE),
                                                       ("2025-03", 100, GAINED, DEEPSTATE)]))
    assert table["period"].tolist() == ["2025-03", "2025"]
    assert (table["computed_gained_km2"].iloc[1], table["computed_net_km2"].iloc[1]) == \
        (1_200.0, 1_080.0)
    assert (table["start"].iloc[1], table["end"].iloc[1]) == (D(2025, 1, 1), D(2026, 1, 1))
    assert table["difference_pct"].iloc[1] == pytest.approx(-4.0)


def test_a_period_the_table_does_not_cover_has_no_computed_figure():
    table = published_beside_computed(
        monthly([("2025-01", 100, 0), ("2025-02", 100, 0, D(2025, 2, 10))]),
        published([("2024-11", 725, GAINED, ISW), ("2025-02", 126, GAINED, DEEPSTATE),
                   ("2025", 4_336, GAINED, DEEPSTATE)]))
    assert table["computed_gained_km2"].isna().all()  # before the table; partial; 2 months
    assert not table["agrees"].any() and (table["why"] == "").all()


def test_the_months_off_the_1st_are_named_in_ukrainian():
    table = monthly([("2024-12", 10, 0), ("2025-01", 10, 0)])
    table.loc[0, "end"] = table.loc[1, "start"] = D(2025, 1, 2)
    assert off_calendar_text(unit_months(table, "UA"), lang="uk") == (
        "грудень 2024\u202fр. (1 грудня 2024\u202fр. – 2 січня 2025\u202fр.); "
        "січень 2025\u202fр. (2 січня 2025\u202fр. – 1 лютого 2025\u202fр.)")


def test_why_a_figure_is_off_is_said_in_ukrainian():
    table = published_beside_computed(monthly([("2026-02", 170, 50)]),
                                      published([("2026-02", 126, GAINED, DEEPSTATE)]),
                                      lang="uk")
    assert table["why"].iloc[0] == (
        "карту перемальовано в обидва боки: звільнено 50\u00a0км²; наше сальдо, "
        "120\u00a0км², відрізняється від опублікованого не більш ніж на 5\u00a0%")
