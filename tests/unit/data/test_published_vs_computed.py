"""Published figures beside the share of the nearest held day of the daily series
(geo.data.published.published_vs_computed), on a tiny synthetic table with exact answers."""

import datetime as dt
import math

import pandas as pd
import pytest

from geo.data.published import (COMPARISON_COLUMNS, load_published, nearest_day, published_label,
                                published_vs_computed)
from geo.language import gettext
from tests.visible_text import english_words

JAN_1, JAN_6, FEB_1 = dt.date(2026, 1, 1), dt.date(2026, 1, 6), dt.date(2026, 2, 1)
#: Shares by day, as geo.pace.history.series_history gives them (only three days held).
HISTORY = pd.DataFrame([
    (day, code, name, pct)
    for day, donetsk, ukraine in ((JAN_1, 78.0, 19.0), (JAN_6, 77.5, 19.5), (FEB_1, 80.0, 20.5))
    for code, name, pct in (("UA-14", "Donetsk Oblast", donetsk), ("UA", "Ukraine", ukraine))
], columns=["date", "iso_3166_2", "name", "occupied_pct"])


def published(*rows):
    return pd.DataFrame(rows, columns=["area", "percent", "as_of", "source", "url", "note"])


def test_a_figure_is_compared_with_the_share_of_its_own_day():
    table = published_vs_computed(published(("UA-14", 75.0, "2026-01-06", "BBC News", "", "")),
                                  HISTORY)
    assert list(table.columns) == COMPARISON_COLUMNS
    row = table.iloc[0]
    assert (row["area"], row["name"], row["source"]) == ("UA-14", "Donetsk Oblast", "BBC News")
    assert row["published_pct"] == 75.0
    assert row["published_as_of"] == "2026-01-06"
    assert row["computed_pct"] == 77.5
    assert row["day"] == JAN_6
    assert row["difference_pts"] == pytest.approx(2.5)


def test_otherwise_with_the_nearest_held_day_before_or_after():
    table = published_vs_computed(published(("UA", 19.24, "2025-12-31", "DeepState", "", ""),
                                            ("UA", 21.0, "2026-01-30", "Other", "", "")),
                                  HISTORY)
    assert list(table["day"]) == [JAN_1, FEB_1]
    assert table["difference_pts"].tolist() == pytest.approx([19.0 - 19.24, 20.5 - 21.0])


def test_the_difference_is_computed_minus_published_in_points():
    table = published_vs_computed(published(("UA", 20.0, "2026-01-06", "BBC News", "", "")),
                                  HISTORY)
    assert table["difference_pts"].iloc[0] == pytest.approx(-0.5)


def test_rows_keep_the_order_of_the_published_table():
    table = published_vs_computed(published(("UA-14", 75.0, "2026-01-06", "BBC News", "", ""),
                                            ("UA", 20.0, "2026-01-06", "BBC News", "", "")),
                                  HISTORY)
    assert list(table["area"]) == ["UA-14", "UA"]


def test_an_area_the_series_lacks_is_left_blank_not_dropped():
    table = published_vs_computed(published(("UA-99", 5.0, "2026-01-06", "Nobody", "", "")),
                                  HISTORY)
    assert len(table) == 1
    assert math.isnan(table["computed_pct"].iloc[0])


def test_a_figure_without_an_iso_date_is_refused_with_its_source():
    with pytest.raises(ValueError, match="Russia Matters.*late 2025"):
        published_vs_computed(published(("UA-14", 78.0, "late 2025", "Russia Matters", "", "")),
                              HISTORY)


def test_of_two_equally_near_days_the_earlier_is_taken():
    assert nearest_day(dt.date(2026, 1, 3), [JAN_1, dt.date(2026, 1, 5)]) == JAN_1


def test_a_day_before_the_first_or_after_the_newest_takes_that_end():
    assert nearest_day(dt.date(2025, 6, 1), [JAN_1, FEB_1]) == JAN_1
    assert nearest_day(dt.date(2027, 1, 1), [JAN_1, FEB_1]) == FEB_1


def test_no_held_days_is_an_error():
    with pytest.raises(ValueError, match="no held days"):
        nearest_day(JAN_6, [])


def test_a_published_figure_is_cited_in_ukrainian_with_its_day_written_out():
    row = pd.Series({"percent": 18.5, "as_of": "2026-01-06", "source": "BBC News"})
    assert published_label(row, lang="uk") == "18,5\u00a0% (BBC News, 6 січня 2026\u202fр.)"
    assert published_label(row) == "18.5 % (BBC News, 2026-01-06)"


def test_every_source_of_the_published_figures_reads_as_ukrainian():
    sources = load_published()["source"].unique()
    assert english_words(gettext(source, "uk") for source in sources) == {}
