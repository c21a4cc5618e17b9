"""Ground gained and regained per month, on two 100 x 100 km units (WEST, EAST) with exact
answers (EPSG:3035 areas within 0.1 % of the nominal km2)."""

import datetime as dt

import pytest
import shapely

from geo.pace.monthly import (load_monthly, month_spans, month_starts, monthly_change, monthly_path,
                              write_monthly)
from tests.synthetic import lonlat, square_km, units_gdf

D = dt.date
UNITS = units_gdf([("UA-01", lonlat(square_km(0, 0, 100, 100))),
                   ("UA-02", lonlat(square_km(100, 0, 200, 100)))], "EPSG:4326")
#: Half of WEST; then all of WEST and 20 km of EAST; then 10 km of WEST lost, 10 more of EAST.
OCCUPIED = {
    D(2025, 1, 2): lonlat(square_km(50, 0, 100, 100)),
    D(2025, 2, 1): lonlat(square_km(0, 0, 120, 100)),
    D(2025, 2, 20): shapely.union(lonlat(square_km(10, 0, 100, 100)),
                                  lonlat(square_km(100, 0, 130, 100))),
}


def test_a_month_starts_on_its_first_held_day():
    held = [D(2024, 12, 31), D(2025, 1, 2), D(2025, 1, 3), D(2025, 2, 1)]
    assert month_starts(held) == [D(2024, 12, 31), D(2025, 1, 2), D(2025, 2, 1)]


def test_the_newest_month_runs_to_the_newest_day_and_is_partial():
    held = [D(2025, 1, 2), D(2025, 1, 20), D(2025, 2, 1), D(2025, 2, 20)]
    assert month_spans(held) == [(D(2025, 1, 2), D(2025, 2, 1), False),
                                 (D(2025, 2, 1), D(2025, 2, 20), True)]


@pytest.fixture(scope="module")
def table():
    spans = month_spans(sorted(OCCUPIED))
    return monthly_change(UNITS, spans, OCCUPIED.__getitem__).set_index(["month", "iso_3166_2"])


def test_a_month_of_advance_gains_in_both_units(table):
    january = table.loc["2025-01"]
    assert january.loc["UA-01", "gained_km2"] == pytest.approx(5_000, rel=1e-3)
    assert january.loc["UA-02", "gained_km2"] == pytest.approx(2_000, rel=1e-3)
    assert january.loc["UA", "regained_km2"] == pytest.approx(0, abs=0.5)


def test_a_month_with_a_reversal_has_gains_and_regains_and_their_net(table):
    february = table.loc["2025-02"]
    assert february.loc["UA-01", "regained_km2"] == pytest.approx(1_000, rel=1e-3)
    assert february.loc["UA-02", "gained_km2"] == pytest.approx(1_000, rel=1e-3)
    assert february.loc["UA", "net_km2"] == pytest.approx(0, abs=1)
    assert bool(february.loc["UA", "partial"]) is True


def test_the_table_reads_back_as_written(tmp_path, table):
    write_monthly(table.reset_index(), monthly_path(tmp_path))
    back = load_monthly(tmp_path)
    assert list(back["start"].unique()) == [D(2025, 1, 2), D(2025, 2, 1)]
    assert back["gained_km2"].sum() == pytest.approx(table["gained_km2"].sum(), abs=0.05)
