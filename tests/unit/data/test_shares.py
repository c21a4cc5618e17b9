"""control_shares: area, occupied area and share per unit, and for Ukraine as a whole."""

import pytest
from shapely.geometry import box

from geo.crs import EQUAL_AREA_CRS
from tests.synthetic import units_gdf

# Two 100 x 100 km squares side by side, in the equal-area CRS (metres).
WEST = box(4_000_000, 2_800_000, 4_100_000, 2_900_000)
EAST = box(4_100_000, 2_800_000, 4_200_000, 2_900_000)
UNITS = units_gdf([("UA-01", WEST), ("UA-02", EAST)], EQUAL_AREA_CRS)


def shares_for(occupied):
    from geo.data.shares import control_shares
    return control_shares(UNITS, occupied, occupied_crs=EQUAL_AREA_CRS).set_index("iso_3166_2")


def test_a_unit_occupied_in_half_is_50_percent():
    table = shares_for(box(4_100_000, 2_800_000, 4_150_000, 2_900_000))
    assert table.loc["UA-02", "area_km2"] == pytest.approx(10_000)
    assert table.loc["UA-02", "occupied_km2"] == pytest.approx(5_000)
    assert table.loc["UA-02", "occupied_pct"] == pytest.approx(50)


def test_an_untouched_unit_is_0_percent():
    assert shares_for(EAST).loc["UA-01", "occupied_pct"] == 0


def test_the_ukraine_row_sums_all_units():
    table = shares_for(box(4_100_000, 2_800_000, 4_150_000, 2_900_000))
    assert table.loc["UA", "area_km2"] == pytest.approx(20_000)
    assert table.loc["UA", "occupied_km2"] == pytest.approx(5_000)
    assert table.loc["UA", "occupied_pct"] == pytest.approx(25)


def test_occupation_outside_the_units_does_not_count():
    table = shares_for(box(4_150_000, 2_800_000, 4_300_000, 2_900_000))
    assert table.loc["UA-02", "occupied_km2"] == pytest.approx(5_000)


def test_the_table_has_the_documented_columns_and_a_last_row_for_ukraine():
    from geo.data.shares import SHARE_COLUMNS, control_shares
    table = control_shares(UNITS, EAST, occupied_crs=EQUAL_AREA_CRS)
    assert list(table.columns) == SHARE_COLUMNS
    assert table.iloc[-1]["iso_3166_2"] == "UA"
