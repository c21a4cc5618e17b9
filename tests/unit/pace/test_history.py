"""geo.pace.history on tiny synthetic squares with exact answers (its layers: test_history_layers).

Two 100 x 100 km units side by side (WEST 0-100 km, EAST 100-200 km), built in UTM 36N and
stored in EPSG:4326 like the real data; areas measured in EPSG:3035 come within 0.1 % of
the nominal km2.
"""

import datetime as dt

import pandas as pd
import pytest
import shapely

from geo.crs import DISPLAY_CRS
from geo.measure import area_km2
from geo.pace.history import (CHANGE_COLUMNS, HISTORY_COLUMNS, change_between, change_km2,
                              changed_units, compare_dates, day_shares, gaps_text, held_runs,
                              series_history, share_history, with_shares_of)
from tests.synthetic import lonlat, square_km, units_gdf

REL = 1e-3
D1, D2, D3 = dt.date(2025, 1, 1), dt.date(2025, 2, 1), dt.date(2025, 3, 1)
UNITS = units_gdf([("UA-01", lonlat(square_km(0, 0, 100, 100))),
                   ("UA-02", lonlat(square_km(100, 0, 200, 100)))], "EPSG:4326")
#: Occupied area on each date: half of WEST, then all of WEST and a 20 km strip of EAST, then
#: the front moved back 10 km in WEST and forward 10 km in EAST.
OCCUPIED = {
    D1: lonlat(square_km(50, 0, 100, 100)),
    D2: lonlat(square_km(0, 0, 120, 100)),
    D3: shapely.union(lonlat(square_km(10, 0, 100, 100)), lonlat(square_km(100, 0, 130, 100))),
}


def load(date):
    return OCCUPIED[date]


@pytest.fixture(scope="module")
def history():
    return share_history(UNITS, [D1, D2, D3], load)


def row(table, date, code):
    return table[(table["date"] == date) & (table["iso_3166_2"] == code)].iloc[0]


# share_history

def test_the_history_has_every_unit_and_ukraine_on_every_date(history):
    assert list(history.columns) == HISTORY_COLUMNS
    assert len(history) == 3 * 3
    assert history.groupby("date")["iso_3166_2"].apply(list).tolist() == \
        [["UA-01", "UA-02", "UA"]] * 3


def test_the_history_keeps_the_order_of_the_dates_given():
    table = share_history(UNITS, [D3, D1], load)
    assert table["date"].drop_duplicates().tolist() == [D3, D1]


def test_the_history_gives_each_share_of_each_date(history):
    assert row(history, D1, "UA-01")["occupied_pct"] == pytest.approx(50, rel=REL)
    assert row(history, D1, "UA-02")["occupied_pct"] == 0
    assert row(history, D2, "UA-01")["occupied_pct"] == pytest.approx(100, rel=REL)
    assert row(history, D2, "UA-02")["occupied_km2"] == pytest.approx(2_000, rel=REL)


def test_the_ukraine_row_sums_the_units_on_each_date(history):
    assert row(history, D2, "UA")["occupied_km2"] == pytest.approx(12_000, rel=REL)
    assert row(history, D2, "UA")["area_km2"] == pytest.approx(20_000, rel=REL)
    assert row(history, D2, "UA")["occupied_pct"] == pytest.approx(60, rel=REL)


def test_the_history_of_no_dates_is_an_empty_table_with_the_columns():
    table = share_history(UNITS, [], load)
    assert table.empty
    assert list(table.columns) == HISTORY_COLUMNS


# series_history: the daily series in the same shape, nothing computed

#: A series as geo.data.series.load_series reads it: two days, each unit and then Ukraine.
SERIES = pd.DataFrame([
    (D1, "UA-01", 5_000.0, 50.0), (D1, "UA-02", 0.0, 0.0), (D1, "UA", 5_000.0, 25.0),
    (D3, "UA-01", 9_000.0, 90.0), (D3, "UA-02", 3_000.0, 30.0), (D3, "UA", 12_000.0, 60.0),
], columns=["date", "iso_3166_2", "occupied_km2", "occupied_pct"])


def test_the_series_history_has_the_columns_of_a_computed_history():
    assert list(series_history(SERIES, UNITS).columns) == HISTORY_COLUMNS


def test_the_series_history_takes_the_figures_as_they_are():
    table = series_history(SERIES, UNITS)
    assert row(table, D3, "UA-02")["occupied_km2"] == 3_000
    assert row(table, D3, "UA")["occupied_pct"] == 60


def test_the_series_history_names_each_unit_and_gives_its_area_from_the_boundaries():
    table = series_history(SERIES, UNITS)
    assert row(table, D1, "UA-01")["name"] == "UA-01"
    assert row(table, D1, "UA")["name"] == "Ukraine"
    assert row(table, D1, "UA-02")["area_km2"] == pytest.approx(10_000, rel=REL)
    assert row(table, D1, "UA")["area_km2"] == pytest.approx(20_000, rel=REL)


def test_a_day_the_series_lacks_stays_missing():
    assert series_history(SERIES, UNITS)["date"].drop_duplicates().tolist() == [D1, D3]


def test_one_day_of_a_history_is_a_shares_table_with_ukraine_last():
    table = day_shares(series_history(SERIES, UNITS), D3)
    assert table["iso_3166_2"].tolist() == ["UA-01", "UA-02", "UA"]
    assert table["occupied_pct"].tolist() == [90, 30, 60]


def test_a_day_not_in_the_history_has_no_shares():
    with pytest.raises(ValueError, match="2025-02-01"):
        day_shares(series_history(SERIES, UNITS), D2)


# held_runs and gaps_text: what a chart may join, and the words for what is missing

def test_consecutive_days_are_one_run_and_a_gap_starts_the_next():
    days = [dt.date(2025, 11, 24), dt.date(2025, 11, 25), dt.date(2025, 11, 27),
            dt.date(2025, 11, 28), dt.date(2025, 12, 5)]
    assert held_runs(days) == [0, 0, 1, 1, 2]


def test_no_days_have_no_runs():
    assert held_runs([]) == []


def test_gaps_are_named_as_single_days_or_spans():
    gaps = [(dt.date(2024, 8, 18), dt.date(2024, 8, 19)), (dt.date(2025, 11, 26),) * 2]
    assert gaps_text(gaps) == "2024-08-18 to 2024-08-19, 2025-11-26"
    assert gaps_text([]) == "none"


# change_between and the areas

def test_ground_taken_is_gained_by_russia():
    gained, regained = change_between(OCCUPIED[D1], OCCUPIED[D2])
    assert area_km2(gained, DISPLAY_CRS) == pytest.approx(50 * 100 + 20 * 100, rel=REL)
    assert regained.is_empty


def test_ground_given_up_is_regained_by_ukraine():
    gained, regained = change_between(OCCUPIED[D2], OCCUPIED[D1])
    assert gained.is_empty
    assert area_km2(regained, DISPLAY_CRS) == pytest.approx(7_000, rel=REL)


def test_a_front_that_moves_both_ways_gains_and_regains():
    gained, regained = change_between(OCCUPIED[D2], OCCUPIED[D3])
    assert change_km2(gained, regained) == (pytest.approx(1_000, rel=REL),
                                            pytest.approx(1_000, rel=REL))


def test_the_changes_stay_in_longitude_and_latitude():
    gained, _ = change_between(OCCUPIED[D2], OCCUPIED[D3])
    expected = lonlat(square_km(120, 0, 130, 100))
    assert shapely.equals_exact(shapely.normalize(gained.geoms[0]), shapely.normalize(expected),
                                tolerance=1e-6)


def test_no_change_gives_empty_multipolygons():
    gained, regained = change_between(OCCUPIED[D1], OCCUPIED[D1])
    assert gained.is_empty and regained.is_empty
    assert gained.geom_type == regained.geom_type == "MultiPolygon"


def test_the_changes_are_polygons_only_even_where_the_outlines_run_together():
    # The later area shares the earlier one's western edge and touches it at a corner.
    earlier = lonlat(square_km(0, 0, 50, 50))
    later = shapely.union(lonlat(square_km(0, 0, 50, 100)), lonlat(square_km(50, 100, 60, 110)))
    gained, regained = change_between(earlier, later)
    assert {p.geom_type for p in shapely.get_parts(gained)} == {"Polygon"}
    assert area_km2(gained, DISPLAY_CRS) == pytest.approx(50 * 50 + 10 * 10, rel=REL)
    assert regained.is_empty


# compare_dates

@pytest.fixture(scope="module")
def change(history):
    return compare_dates(UNITS, history, D2, D3, load)


def test_a_comparison_gives_gained_regained_and_net_km2(change):
    assert change.gained_km2 == pytest.approx(1_000, rel=REL)
    assert change.regained_km2 == pytest.approx(1_000, rel=REL)
    assert change.net_km2 == pytest.approx(0, abs=5)


def test_a_comparison_splits_the_change_by_unit(change):
    table = change.by_unit.set_index("iso_3166_2")
    assert list(change.by_unit.columns) == CHANGE_COLUMNS
    assert table.loc["UA-01", "regained_km2"] == pytest.approx(1_000, rel=REL)
    assert table.loc["UA-01", "gained_km2"] == 0
    assert table.loc["UA-02", "gained_km2"] == pytest.approx(1_000, rel=REL)
    assert table.loc["UA-02", "net_km2"] == pytest.approx(1_000, rel=REL)


def test_a_comparison_gives_the_share_on_both_dates_and_its_change_in_points(change):
    table = change.by_unit.set_index("iso_3166_2")
    assert table.loc["UA-01", "pct_earlier"] == pytest.approx(100, rel=REL)
    assert table.loc["UA-01", "pct_later"] == pytest.approx(90, rel=REL)
    assert table.loc["UA-01", "change_pp"] == pytest.approx(-10, rel=1e-2)
    assert table.loc["UA-02", "change_pp"] == pytest.approx(10, rel=1e-2)
    assert change.by_unit.iloc[-1]["iso_3166_2"] == "UA"


def test_comparing_a_date_with_itself_changes_nothing(history):
    same = compare_dates(UNITS, history, D2, D2, load)
    assert same.gained_km2 == same.regained_km2 == 0
    assert (same.by_unit["change_pp"] == 0).all()


def test_the_earlier_date_must_come_first(history):
    with pytest.raises(ValueError, match="after the later date"):
        compare_dates(UNITS, history, D3, D1, load)


def test_a_date_missing_from_the_history_is_refused(history):
    with pytest.raises(ValueError, match="2025-04-01"):
        compare_dates(UNITS, history, D1, dt.date(2025, 4, 1), load)


def test_shares_of_other_days_replace_the_shares_but_keep_the_ground_moved(change):
    held = share_history(UNITS, [D1, D3], load)
    restated = with_shares_of(change, held, D1, D3)
    table = restated.by_unit.set_index("iso_3166_2")
    assert (restated.shares_earlier, restated.shares_later) == (D1, D3)
    assert (restated.earlier, restated.later) == (D2, D3)
    assert table.loc["UA-01", "pct_earlier"] == pytest.approx(50, rel=REL)
    assert table.loc["UA-01", "change_pp"] == pytest.approx(40, rel=1e-2)
    assert restated.gained_km2 == change.gained_km2
    assert table.loc["UA-02", "gained_km2"] == pytest.approx(1_000, rel=REL)


def test_a_comparison_has_the_shares_of_its_own_days_unless_told_otherwise(change):
    assert (change.shares_earlier, change.shares_later) == (D2, D3)


def test_shares_of_days_in_the_wrong_order_are_refused(change, history):
    with pytest.raises(ValueError, match="after the later day"):
        with_shares_of(change, history, D3, D1)


def test_changed_units_lists_units_where_ground_moved_largest_net_gain_first(history):
    table = changed_units(compare_dates(UNITS, history, D1, D2, load))
    assert table["iso_3166_2"].tolist() == ["UA-01", "UA-02", "UA"]


def test_changed_units_keeps_ukraine_when_nothing_moved(history):
    table = changed_units(compare_dates(UNITS, history, D1, D1, load))
    assert table["iso_3166_2"].tolist() == ["UA"]



def test_gaps_are_named_in_ukrainian_each_a_gap():
    gaps = [(dt.date(2024, 8, 18), dt.date(2024, 8, 19)), (dt.date(2025, 1, 1),) * 2]
    assert gaps_text(gaps, lang="uk") == ("18 серпня 2024\u202fр. – 19 серпня 2024\u202fр., "
                                          "1 січня 2025\u202fр.")
    assert gaps_text([], lang="uk") == "немає"
