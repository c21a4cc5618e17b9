"""The shipped occupied-area snapshots against the published figures and the raw sources."""

import datetime as dt
import json

import pytest
import shapely

from geo.data.boundaries import load_units, ukraine_outline
from geo.data.occupied import occupied_within
from geo.data.shares import control_shares
from geo.data.snapshots import ATTRIBUTION, available_dates, load_occupied, snapshot_path
from geo.projection import to_metric

PARIS_SUMMIT = dt.date(2026, 1, 6)


@pytest.fixture(scope="module")
def shares():
    return control_shares(load_units(), load_occupied(PARIS_SUMMIT)).set_index("iso_3166_2")


def raw_occupied(deepstate_dir, date):
    path = deepstate_dir / f"deepstatemap_data_{date:%Y%m%d}.geojson"
    features = json.loads(path.read_text())["features"]
    return shapely.union_all([shapely.geometry.shape(f["geometry"]) for f in features])


def test_donetsk_is_about_three_quarters_occupied(shares):
    assert shares.loc["UA-14", "occupied_pct"] == pytest.approx(75, abs=4)


def test_luhansk_is_almost_wholly_occupied(shares):
    assert shares.loc["UA-09", "occupied_pct"] >= 97.5


def test_about_a_fifth_of_ukraine_is_occupied(shares):
    assert shares.loc["UA", "occupied_pct"] == pytest.approx(20, abs=1.5)


@pytest.mark.parametrize("code", ["UA-43", "UA-40"])
def test_crimea_and_sevastopol_show_no_coastal_slivers(shares, code):
    assert shares.loc[code, "occupied_pct"] >= 99.9


def test_shipped_shares_match_the_unsimplified_sources_within_half_a_point(shares, deepstate_dir):
    full_units = load_units(source=True)
    full = occupied_within(ukraine_outline(full_units), raw_occupied(deepstate_dir, PARIS_SUMMIT))
    reference = control_shares(full_units, full).set_index("iso_3166_2")
    difference = (shares["occupied_pct"] - reference["occupied_pct"]).abs()
    assert difference.max() <= 0.5, difference.sort_values().tail(3)


def test_the_first_held_day_of_every_month_is_shipped(deepstate_dir):
    held = sorted(dt.datetime.strptime(p.stem[-8:], "%Y%m%d").date()
                  for p in (deepstate_dir / "daily").glob("deepstatemap_data_*.geojson"))
    firsts = {}
    for day in held:
        firsts.setdefault((day.year, day.month), day)
    assert set(firsts.values()) <= set(available_dates())


def test_every_shipped_snapshot_carries_the_attribution():
    for date in available_dates():
        feature = json.loads(snapshot_path(date).read_text())["features"][0]
        assert feature["properties"]["attribution"] == ATTRIBUTION
        assert feature["properties"]["date"] == date.isoformat()


def test_every_shipped_snapshot_is_valid_and_inside_ukraine():
    ukraine = ukraine_outline(load_units())
    for date in available_dates():
        occupied = load_occupied(date)
        assert occupied.is_valid, date
        # Allowed: under 1 km2 in all (of about 115,000), from coordinates stored on a 1e-5
        # degree grid and from spits that coverage simplification narrowed to a hair.
        assert to_metric(shapely.difference(occupied, ukraine)).area < 1e6, date
