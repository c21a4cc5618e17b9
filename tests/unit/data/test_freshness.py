"""How old the data is, in words, against a fixed clock."""

import datetime as dt

import pytest

from geo.data.freshness import freshness_label, stale_note, today

NEWEST = dt.date(2026, 10, 10)


def test_the_label_names_the_source_the_day_and_its_age():
    assert freshness_label("DeepStateMap", NEWEST, dt.date(2026, 12, 1)) == \
        "DeepStateMap, 2026-10-10, 52 days ago"


@pytest.mark.parametrize(("now", "words"), [(dt.date(2026, 10, 10), "today"),
                                            (dt.date(2026, 10, 11), "yesterday"),
                                            (dt.date(2026, 10, 9), "dated after today's date")])
def test_ages_of_a_day_or_less_read_as_words(now, words):
    assert freshness_label("DeepStateMap", NEWEST, now).endswith(words)


def test_data_of_14_days_gets_no_note():
    assert stale_note(NEWEST, dt.date(2026, 10, 24)) is None


def test_data_of_15_days_gets_a_note_with_its_day_and_age():
    note = stale_note(NEWEST, dt.date(2026, 10, 25))
    assert note == ("Not updated for 15 days (newest day 2026-10-10): the line of contact has "
                    "probably moved since.")


def test_the_clock_can_be_fixed_by_the_environment():
    assert today({"ATLAS_TODAY": "2026-12-01"}) == dt.date(2026, 12, 1)


def test_without_the_variable_the_clock_is_the_machines():
    assert today({}) == dt.date.today()


def test_a_malformed_fixed_clock_is_refused_with_its_value():
    with pytest.raises(ValueError, match="'1 Dec'"):
        today({"ATLAS_TODAY": "1 Dec"})
