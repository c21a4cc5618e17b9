"""The shipped towns (data/towns.csv) and their curated pre-war populations."""

import pandas as pd
import pytest

from geo.data.names import UNIT_NAMES
from geo.paths import DATA_DIR

KRAMATORSK, SLOVIANSK, DRUZHKIVKA, KHERSON = 704508, 693468, 616743, 706448


@pytest.fixture(scope="module")
def towns():
    return pd.read_csv(DATA_DIR / "towns.csv", dtype={"iso_3166_2": str})


@pytest.fixture(scope="module")
def prewar():
    return pd.read_csv(DATA_DIR / "towns_prewar.csv")


def by_id(towns):
    return towns.set_index("geonameid")


def test_every_town_lies_in_one_of_the_27_units(towns):
    assert set(towns["iso_3166_2"]) <= set(UNIT_NAMES)


def test_the_kramatorsk_agglomeration_is_in_donetsk_oblast_under_its_modern_names(towns):
    rows = by_id(towns).loc[[KRAMATORSK, SLOVIANSK, DRUZHKIVKA]]
    assert list(rows["name"]) == ["Kramatorsk", "Sloviansk", "Druzhkivka"]
    assert set(rows["iso_3166_2"]) == {"UA-14"}


def test_sloviansk_keeps_its_geonames_spelling_alongside(towns):
    assert by_id(towns).loc[SLOVIANSK, "name_geonames"] == "Slovyansk"


def test_kherson_city_is_in_kherson_oblast_although_its_point_is_offshore(towns):
    assert by_id(towns).loc[KHERSON, "iso_3166_2"] == "UA-65"


def test_every_population_with_a_year_has_a_source(towns):
    dated = towns[towns["population_year"].notna()]
    assert len(dated) > 0
    assert dated["population_source"].notna().all()
    assert (dated["population_source"].str.strip() != "").all()


def test_populations_without_a_year_are_labelled_as_geonames_figures(towns):
    undated = towns[towns["population_year"].isna()]
    assert set(undated["population_source"]) == {"GeoNames (year not stated)"}


def test_every_town_has_at_least_1000_people(towns):
    assert (towns["population"] >= 1000).all()


def test_no_town_appears_twice(towns):
    assert not towns["geonameid"].duplicated().any()


def test_curated_towns_carry_their_curated_figure_year_and_source(towns, prewar):
    shipped = by_id(towns).loc[prewar["geonameid"]]
    assert list(shipped["population"]) == list(prewar["population"])
    assert list(shipped["population_year"].astype(int)) == list(prewar["population_year"])
    assert list(shipped["population_source"]) == list(prewar["source"])


def test_every_curated_figure_cites_a_page(prewar):
    assert prewar["url"].str.match(r"https?://").all()
    assert not prewar["geonameid"].duplicated().any()


def test_curated_figures_are_pre_war(prewar):
    assert prewar["population_year"].between(2021, 2022).all()


def test_city_districts_are_not_listed_as_towns(towns):
    # Donetsk's Kyivskyi district and Kyiv's Obolon district are in GeoNames cities1000.
    assert not towns["geonameid"].isin([13561145, 8519916]).any()


def test_coordinates_lie_within_ukraine_and_are_stored_to_5_decimals(towns):
    assert towns["lon"].between(22, 41).all() and towns["lat"].between(44, 53).all()
    text = pd.read_csv(DATA_DIR / "towns.csv", dtype=str)
    assert text["lon"].str.fullmatch(r"\d+(\.\d{1,5})?").all()
    assert text["lat"].str.fullmatch(r"\d+(\.\d{1,5})?").all()
