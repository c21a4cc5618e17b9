"""Published figures beside the shares computed from the nearest snapshot
(geo.published.published_vs_computed), on a tiny synthetic table with exact answers."""

import datetime as dt
import math

import pandas as pd
import pytest

from geo.published import COMPARISON_COLUMNS, nearest_snapshot, published_vs_computed

JAN_1, JAN_6, FEB_1 = dt.date(2026, 1, 1), dt.date(2026, 1, 6), dt.date(2026, 2, 1)
SHARES = {
    JAN_1: pd.DataFrame({"iso_3166_2": ["UA-14", "UA"], "name": ["Donetsk Oblast", "Ukraine"],
                         "occupied_pct": [78.0, 19.0]}),
    JAN_6: pd.DataFrame({"iso_3166_2": ["UA-14", "UA"], "name": ["Donetsk Oblast", "Ukraine"],
                         "occupied_pct": [77.5, 19.5]}),
    FEB_1: pd.DataFrame({"iso_3166_2": ["UA-14", "UA"], "name": ["Donetsk Oblast", "Ukraine"],
                         "occupied_pct": [80.0, 20.5]}),
}


def published(*rows):
    return pd.DataFrame(rows, columns=["area", "percent", "as_of", "source", "url", "note"])


def test_a_figure_is_compared_with_the_snapshot_of_its_own_day():
    table = published_vs_computed(published(("UA-14", 75.0, "2026-01-06", "BBC News", "", "")),
                                  list(SHARES), SHARES.__getitem__)
    assert list(table.columns) == COMPARISON_COLUMNS
    row = table.iloc[0]
    assert (row["area"], row["name"], row["source"]) == ("UA-14", "Donetsk Oblast", "BBC News")
    assert row["published_pct"] == 75.0
    assert row["published_as_of"] == "2026-01-06"
    assert row["computed_pct"] == 77.5
    assert row["snapshot_date"] == JAN_6
    assert row["difference_pts"] == pytest.approx(2.5)


def test_otherwise_with_the_nearest_snapshot_before_or_after():
    table = published_vs_computed(published(("UA", 19.24, "2025-12-31", "DeepState", "", ""),
                                            ("UA", 21.0, "2026-01-30", "Other", "", "")),
                                  list(SHARES), SHARES.__getitem__)
    assert list(table["snapshot_date"]) == [JAN_1, FEB_1]
    assert table["difference_pts"].tolist() == pytest.approx([19.0 - 19.24, 20.5 - 21.0])


def test_the_difference_is_computed_minus_published_in_points():
    table = published_vs_computed(published(("UA", 20.0, "2026-01-06", "BBC News", "", "")),
                                  list(SHARES), SHARES.__getitem__)
    assert table["difference_pts"].iloc[0] == pytest.approx(-0.5)


def test_rows_keep_the_order_of_the_published_table():
    table = published_vs_computed(published(("UA-14", 75.0, "2026-01-06", "BBC News", "", ""),
                                            ("UA", 20.0, "2026-01-06", "BBC News", "", "")),
                                  list(SHARES), SHARES.__getitem__)
    assert list(table["area"]) == ["UA-14", "UA"]


def test_each_snapshot_is_asked_for_once():
    asked = []

    def shares_on(date):
        asked.append(date)
        return SHARES[date]

    published_vs_computed(published(("UA-14", 75.0, "2026-01-06", "BBC News", "", ""),
                                    ("UA", 20.0, "2026-01-06", "BBC News", "", "")),
                          list(SHARES), shares_on)
    assert asked == [JAN_6]


def test_an_area_the_snapshot_lacks_is_left_blank_not_dropped():
    table = published_vs_computed(published(("UA-99", 5.0, "2026-01-06", "Nobody", "", "")),
                                  list(SHARES), SHARES.__getitem__)
    assert len(table) == 1
    assert math.isnan(table["computed_pct"].iloc[0])


def test_a_figure_without_an_iso_date_is_refused_with_its_source():
    with pytest.raises(ValueError, match="Russia Matters.*late 2025"):
        published_vs_computed(published(("UA-14", 78.0, "late 2025", "Russia Matters", "", "")),
                              list(SHARES), SHARES.__getitem__)


def test_of_two_equally_near_snapshots_the_earlier_is_taken():
    assert nearest_snapshot(dt.date(2026, 1, 3), [JAN_1, dt.date(2026, 1, 5)]) == JAN_1


def test_no_snapshots_is_an_error():
    with pytest.raises(ValueError, match="no snapshot"):
        nearest_snapshot(JAN_6, [])
