"""Which held days ship their geometry, and which shipped day stands in for another."""

import datetime as dt

from geo.data.cadence import drawn_day, shipped_days

D = dt.date


def days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(n) for n in range((end - start).days + 1)]


def test_every_monday_and_the_newest_day_ship_from_an_unbroken_run():
    # 2025-06-02 is a Monday; 2025-06-01 (Sunday) is the first of its month.
    assert shipped_days(days(D(2025, 6, 1), D(2025, 6, 20)), kept=()) == [
        D(2025, 6, 1), D(2025, 6, 2), D(2025, 6, 9), D(2025, 6, 16), D(2025, 6, 20)]


def test_a_missing_monday_is_replaced_by_the_next_held_day_of_its_week():
    held = [d for d in days(D(2025, 6, 2), D(2025, 6, 18)) if d != D(2025, 6, 9)]
    assert shipped_days(held, kept=()) == [D(2025, 6, 2), D(2025, 6, 10), D(2025, 6, 16),
                                          D(2025, 6, 18)]


def test_the_first_held_day_of_a_month_ships_even_mid_week():
    assert shipped_days(days(D(2025, 6, 25), D(2025, 7, 3)), kept=()) == [
        D(2025, 6, 25), D(2025, 6, 30), D(2025, 7, 1), D(2025, 7, 3)]


def test_a_kept_day_ships_only_when_it_is_held():
    held = days(D(2026, 1, 5), D(2026, 1, 8))
    assert shipped_days(held, kept=(D(2026, 1, 6), D(2026, 1, 20))) == [
        D(2026, 1, 5), D(2026, 1, 6), D(2026, 1, 8)]


def test_nothing_held_ships_nothing():
    assert shipped_days([]) == []


def test_a_shipped_day_is_drawn_as_itself():
    assert drawn_day(D(2025, 6, 9), [D(2025, 6, 2), D(2025, 6, 9)]) == D(2025, 6, 9)


def test_a_day_not_shipped_is_drawn_from_the_newest_shipped_day_before_it():
    assert drawn_day(D(2025, 6, 15), [D(2025, 6, 2), D(2025, 6, 9), D(2025, 6, 16)]) == \
        D(2025, 6, 9)


def test_a_day_before_every_shipped_day_has_no_map():
    assert drawn_day(D(2025, 6, 1), [D(2025, 6, 2)]) is None
