"""The daily series: held days, gaps, choosing a day, reading and writing the file."""

import datetime as dt

import pandas as pd
import pytest

from geo.data.series import (HeldDayError, choose_day, held_days, load_day, load_series,
                             missing_days, series_of, series_path, write_series)

D = dt.date
HELD = [D(2025, 3, 29), D(2025, 3, 30), D(2025, 4, 2), D(2025, 4, 3), D(2025, 4, 7)]
SHIPPED = [D(2025, 3, 29), D(2025, 4, 2), D(2025, 4, 7)]


def tiny_series() -> pd.DataFrame:
    """Two units and Ukraine on three held days (2025-03-31 and 04-01 missing)."""
    rows = []
    for day, a, b in ((D(2025, 3, 30), 10.0, 0.0), (D(2025, 4, 2), 12.5, 1.0),
                      (D(2025, 3, 29), 9.0, 0.0)):
        rows += [(day, "UA-14", a, a), (day, "UA-09", b, b / 2), (day, "UA", a + b, (a + b) / 3)]
    return pd.DataFrame(rows, columns=["date", "iso_3166_2", "occupied_km2", "occupied_pct"])


@pytest.fixture
def data_dir(tmp_path):
    write_series(tiny_series(), series_path(tmp_path))
    return tmp_path


def test_gaps_are_the_runs_of_days_not_held():
    assert missing_days(HELD) == [(D(2025, 3, 31), D(2025, 4, 1)), (D(2025, 4, 4), D(2025, 4, 6))]


def test_an_unbroken_run_has_no_gaps():
    assert missing_days([D(2025, 1, 1), D(2025, 1, 2)]) == []


def test_a_held_shipped_day_is_shown_and_drawn_as_itself():
    choice = choose_day(D(2025, 4, 2), HELD, SHIPPED)
    assert (choice.held, choice.drawn, choice.is_held, choice.is_drawn) == \
        (D(2025, 4, 2), D(2025, 4, 2), True, True)


def test_a_held_day_without_geometry_is_drawn_from_the_shipped_day_before():
    choice = choose_day(D(2025, 4, 3), HELD, SHIPPED)
    assert (choice.held, choice.drawn, choice.is_drawn) == (D(2025, 4, 3), D(2025, 4, 2), False)


def test_a_missing_day_shows_the_held_day_before_and_names_both_neighbours():
    choice = choose_day(D(2025, 4, 1), HELD, SHIPPED)
    assert (choice.held, choice.before, choice.after, choice.is_held) == \
        (D(2025, 3, 30), D(2025, 3, 30), D(2025, 4, 2), False)


def test_a_day_after_the_newest_shows_the_newest_with_no_day_after():
    choice = choose_day(D(2025, 5, 1), HELD, SHIPPED)
    assert (choice.held, choice.before, choice.after) == (D(2025, 4, 7), D(2025, 4, 7), None)


def test_a_day_before_the_first_held_is_refused():
    with pytest.raises(HeldDayError, match="the first is 2025-03-29"):
        choose_day(D(2025, 1, 1), HELD, SHIPPED)


def test_a_day_before_the_first_held_is_refused_in_the_visitors_language():
    with pytest.raises(HeldDayError) as refused:
        choose_day(D(2025, 1, 1), HELD, SHIPPED)
    assert refused.value.text("uk") == (
        "в архіві немає жодного дня до 1 січня 2025\u202fр. включно (перший — 29 березня "
        "2025\u202fр., найновіший — 7 квітня 2025\u202fр.)")
    assert refused.value.text("en") == str(refused.value)


def test_held_days_are_read_from_the_file_sorted(data_dir):
    assert held_days(data_dir) == [D(2025, 3, 29), D(2025, 3, 30), D(2025, 4, 2)]


def test_held_days_follow_a_rewritten_file(data_dir):
    held_days(data_dir)
    longer = pd.concat([tiny_series(), tiny_series().assign(date=D(2025, 4, 5))])
    write_series(longer, series_path(data_dir))
    assert held_days(data_dir)[-1] == D(2025, 4, 5)


def test_no_file_holds_no_days(tmp_path):
    assert held_days(tmp_path) == []


def test_the_file_is_sorted_by_day_with_ukraine_last(data_dir):
    lines = series_path(data_dir).read_text().splitlines()
    assert lines[:4] == ["date,iso_3166_2,occupied_km2,occupied_pct",
                         "2025-03-29,UA-09,0.0,0.0", "2025-03-29,UA-14,9.0,9.0",
                         "2025-03-29,UA,9.0,3.0"]


def test_a_missing_day_has_no_row_never_an_interpolated_one(data_dir):
    table = load_series(data_dir)
    assert sorted(set(table["date"])) == [D(2025, 3, 29), D(2025, 3, 30), D(2025, 4, 2)]
    assert len(table) == 9


def test_series_of_keeps_the_units_order_within_each_day(data_dir):
    rows = series_of(load_series(data_dir), ["UA", "UA-14"], start=D(2025, 3, 30))
    assert list(zip(rows["date"], rows["iso_3166_2"], rows["occupied_km2"])) == [
        (D(2025, 3, 30), "UA", 10.0), (D(2025, 3, 30), "UA-14", 10.0),
        (D(2025, 4, 2), "UA", 13.5), (D(2025, 4, 2), "UA-14", 12.5)]


def test_series_of_an_unknown_unit_is_refused(data_dir):
    with pytest.raises(ValueError, match="UA-99"):
        series_of(load_series(data_dir), ["UA-99"])


def test_values_are_rounded_to_the_documented_decimals(tmp_path):
    table = tiny_series().assign(occupied_km2=1.23456, occupied_pct=1.234567)
    write_series(table, series_path(tmp_path))
    first = load_series(tmp_path).iloc[0]
    assert (first["occupied_km2"], first["occupied_pct"]) == (1.23, 1.2346)


def test_one_day_is_read_alone_as_the_whole_table_holds_it(data_dir):
    whole = load_series(data_dir)
    day = load_day(D(2025, 3, 30), data_dir)
    expected = whole[whole["date"] == D(2025, 3, 30)].reset_index(drop=True)
    pd.testing.assert_frame_equal(day, expected)


def test_a_day_not_held_reads_as_no_rows(data_dir):
    assert load_day(D(2025, 3, 31), data_dir).empty
