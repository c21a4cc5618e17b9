"""The shipped towns (data/towns.csv): their names, renamed towns, their curated pre-war
populations and those populations' sources in Ukrainian."""

import importlib.util

import pandas as pd
import pytest

from geo.data.names import UNIT_NAMES
from geo.data.towns import population_source_name
from geo.paths import DATA_DIR, REPO_DIR
from tests.visible_text import english_words


def _load_kmu2010():
    # A build script's module, not part of geo: loaded from its file.
    spec = importlib.util.spec_from_file_location("kmu2010", REPO_DIR / "scripts" / "kmu2010.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


kmu2010 = _load_kmu2010()

KRAMATORSK, SLOVIANSK, DRUZHKIVKA, KHERSON = 704508, 693468, 616743, 706448


@pytest.fixture(scope="module")
def towns():
    return pd.read_csv(DATA_DIR / "towns.csv", dtype={"iso_3166_2": str},
                       keep_default_na=False, na_values={"population_year": [""]})


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


# Renamed towns: GeoNames still gives some the name Ukraine replaced; English follows the
# official name, romanised (Cabinet of Ministers, 2010), as Ukrainian does.

VOLODYMYR = 689378


def test_volodymyr_is_named_as_in_ukrainian_with_its_former_name_kept(towns):
    row = by_id(towns).loc[VOLODYMYR]
    assert row[["name", "name_uk", "name_former", "name_geonames"]].tolist() == [
        "Volodymyr", "Володимир", "Volodymyr-Volynskyi", "Volodymyr-Volynskyi"]


def test_the_renamed_towns_are_these_five(towns):
    renamed = by_id(towns).loc[lambda t: t["name_former"] != ""]
    assert dict(zip(renamed["name_former"], renamed["name"])) == {
        "Volodymyr-Volynskyi": "Volodymyr", "Zuhres-2": "Enerhetykiv", "Pravda": "Der-Emes",
        "Zoria": "Kamchyk", "Kholmske": "Seliohlo"}


def test_every_renamed_town_is_named_by_the_romanisation_of_its_ukrainian_name(towns):
    renamed = towns[towns["name_former"] != ""]
    assert list(renamed["name"]) == [kmu2010.romanise(uk) for uk in renamed["name_uk"]]


def test_every_english_name_is_a_spelling_of_the_ukrainian_one(towns):
    # Older or Russian spellings remain (Nizhnegorskiy: Нижньогірський); other names do not.
    named = towns[towns["name_uk"] != ""]
    differing = [(name, uk) for name, uk in zip(named["name"], named["name_uk"])
                 if not kmu2010.same_name(name, kmu2010.romanise(uk))]
    assert differing == []


# The populations' sources, in Ukrainian.

@pytest.mark.parametrize("source", sorted(pd.read_csv(
    DATA_DIR / "towns.csv", usecols=["population_source"])["population_source"].unique()))
def test_every_population_source_has_a_ukrainian_form_without_english(source):
    ukrainian = population_source_name(source, "uk")
    assert ukrainian != source
    assert english_words([ukrainian]) == {}
