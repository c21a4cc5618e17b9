"""Two Latin spellings of one town's name, or two names (a town renamed), as scripts/kmu2010.py
tells them apart for scripts/build_towns.py; and a town's population source in each language."""

import importlib.util

import pytest

from geo.data.towns import POPULATION_SOURCES, population_source_name
from geo.paths import REPO_DIR


def _load_kmu2010():
    # A build script's module, not part of geo: loaded from its file.
    spec = importlib.util.spec_from_file_location("kmu2010", REPO_DIR / "scripts" / "kmu2010.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


kmu2010 = _load_kmu2010()
GEONAMES, STATE_STATISTICS = POPULATION_SOURCES[:2]


@pytest.mark.parametrize("latin, letters", [
    ("Zaporizhzhya", "zprж"), ("Zaporizhzhia", "zprж"), ("Nizhnegorskiy", "nжnhrsk"),
    ("Nyzhnohirskyi", "nжnhrsk"), ("Zghurivka", "жrvk"), ("Shchastia", "щst"), ("Kostiantynivka", "kstntnvk"),
])
def test_consonants_are_what_spellings_of_one_name_share(latin, letters):
    assert kmu2010.consonants(latin) == letters


@pytest.mark.parametrize("older, official", [
    ("Slovyansk", "Sloviansk"),            # old transliteration
    ("Nizhnegorskiy", "Nyzhnohirskyi"),    # Russian form
    ("Zhurivka", "Zghurivka"),             # зг written zh
    ("Prybuzske", "Prybuzke"),             # one letter apart
    ("Botanicheskoye", "Botanichne"),      # two letters apart
])
def test_spellings_of_one_name_are_the_same_name(older, official):
    assert kmu2010.same_name(older, official)


@pytest.mark.parametrize("former, current", [
    ("Volodymyr-Volynskyi", "Volodymyr"), ("Pravda", "Der-Emes"), ("Zoria", "Kamchyk"),
    ("Kholmske", "Seliohlo"),
])
def test_a_renamed_towns_two_names_are_not_the_same_name(former, current):
    assert not kmu2010.same_name(former, current)


def test_a_population_source_is_in_ukrainian_in_the_ukrainian_interface():
    assert population_source_name(GEONAMES, "uk") == "GeoNames (рік не зазначено)"
    assert population_source_name(STATE_STATISTICS, "uk").startswith(
        "Державна служба статистики України, оцінка чисельності наявного населення на 1 січня "
        "2022 р.")


def test_a_population_source_is_as_written_in_english():
    assert population_source_name(GEONAMES, "en") == GEONAMES


@pytest.mark.parametrize("own", ["census of my own", "", None])
def test_a_source_the_atlas_does_not_know_is_shown_as_given(own):
    assert population_source_name(own, "uk") == own


def test_a_language_the_atlas_does_not_offer_is_refused_for_a_source():
    with pytest.raises(ValueError):
        population_source_name(GEONAMES, "ru")
