"""The shipped boundaries: 27 named units, a valid coverage, true areas."""

import pandas as pd
import pytest
import shapely

from geo.data.boundaries import load_units, unit_areas_km2
from geo.data.names import UNIT_NAMES
from geo.paths import DATA_DIR


@pytest.fixture(scope="module")
def units():
    return load_units()


@pytest.fixture(scope="module")
def source_units():
    return load_units(source=True)


def test_there_are_27_units_with_their_iso_codes(units):
    assert sorted(units["iso_3166_2"]) == sorted(UNIT_NAMES)


def test_kyiv_city_and_kyiv_oblast_are_told_apart(units):
    names = units.set_index("iso_3166_2")
    assert names.loc["UA-30", "name"] == "Kyiv City"
    assert names.loc["UA-32", "name"] == "Kyiv Oblast"
    assert names.loc["UA-32", "name_uk"] == "Київська область"


def test_names_use_the_current_official_romanisation(units):
    names = set(units["name"])
    assert {"Donetsk Oblast", "Zaporizhzhia Oblast", "Odesa Oblast", "Mykolaiv Oblast"} <= names
    assert not any("'" in name or "Kiev" in name or "Odessa" in name for name in names)


def test_the_simplified_units_form_a_valid_coverage(units):
    assert units.geometry.is_valid.all()
    assert shapely.coverage_is_valid(units.geometry.values)


def test_the_union_has_no_gaps_between_units(units):
    # Ukraine has no enclaves, so any hole in the union would be a gap between units.
    outline = shapely.union_all(units.geometry.values)
    holes = [ring for polygon in getattr(outline, "geoms", [outline]) for ring in polygon.interiors]
    assert holes == []


def test_every_simplified_area_is_within_half_a_percent_of_the_unsimplified(units, source_units):
    for code, simple, full in zip(units["iso_3166_2"], unit_areas_km2(units),
                                  unit_areas_km2(source_units)):
        assert simple == pytest.approx(full, rel=0.005), code


def test_areas_agree_with_the_official_figures(units):
    official = pd.read_csv(DATA_DIR / "official_areas.csv").set_index("iso_3166_2")["area_km2"]
    areas = dict(zip(units["iso_3166_2"], unit_areas_km2(units)))
    areas["UA"] = sum(areas.values())
    for code in ("UA", "UA-14", "UA-09", "UA-23", "UA-63", "UA-43"):
        assert areas[code] == pytest.approx(official[code], rel=0.015), code
    # Natural Earth leaves out Kherson's water (documented in official_areas.csv).
    assert areas["UA-65"] == pytest.approx(official["UA-65"] * 0.92, rel=0.01)
