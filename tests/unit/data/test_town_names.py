"""Towns' names in each language: the official romanisation (2010) the Ukrainian names are
matched by, the shipped Ukrainian names, and the name shown in each language."""

import importlib.util
import re

import pandas as pd
import pytest

from geo.data.towns import load_towns, town_name, town_names
from geo.paths import REPO_DIR


def _load_kmu2010():
    # A build script's module, not part of geo: loaded from its file.
    spec = importlib.util.spec_from_file_location("kmu2010", REPO_DIR / "scripts" / "kmu2010.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


romanise = _load_kmu2010().romanise

#: The Ukrainian alphabet, the space, the hyphen and the one apostrophe the app writes.
UKRAINIAN_NAME = re.compile(r"[А-ЩЬЮЯЄІЇҐа-щьюяєіїґ’ -]+")


@pytest.fixture(scope="module")
def towns():
    return load_towns()


def by_id(towns):
    return towns.set_index("geonameid")


KYIV, DONETSK, POKROVSK, KOSTIANTYNIVKA = 703448, 709717, 704422, 705104
BAKHMUT, SLOVIANSK, ZAPORIZHZHIA, KHERSON = 713174, 693468, 687700, 706448
TEKSTYLNYK = 13561228


# The official romanisation (Cabinet of Ministers resolution No. 55, 2010), on its own examples.

@pytest.mark.parametrize("ukrainian, latin", [
    ("Згорани", "Zghorany"), ("Розгон", "Rozghon"), ("Згурівка", "Zghurivka"),
])
def test_zg_is_written_zgh_to_keep_it_apart_from_zh(ukrainian, latin):
    assert romanise(ukrainian) == latin


@pytest.mark.parametrize("ukrainian, latin", [
    ("Юрій", "Yurii"), ("Ярошенко", "Yaroshenko"), ("Яготин", "Yahotyn"), ("Стрий", "Stryi"),
    ("Олексіївка", "Oleksiivka"), ("Знам’янка", "Znamianka"),
])
def test_ye_yi_y_yu_ya_are_written_with_y_only_at_the_start_of_a_word(ukrainian, latin):
    assert romanise(ukrainian) == latin


@pytest.mark.parametrize("ukrainian, latin", [("Харків", "Kharkiv"), ("Щорс", "Shchors")])
def test_letters_written_with_several_latin_ones_keep_one_capital(ukrainian, latin):
    assert romanise(ukrainian) == latin


def test_each_part_of_a_compound_name_is_a_word_of_its_own():
    assert romanise("Івано-Франківськ") == "Ivano-Frankivsk"
    assert romanise("Нова Ярославка") == "Nova Yaroslavka"


def test_the_soft_sign_and_every_form_of_the_apostrophe_are_not_written():
    assert romanise("Слов’янськ") == romanise("Слов'янськ") == romanise("Словʼянськ") \
        == "Sloviansk"


# The shipped Ukrainian names (data/towns.csv, built by scripts/build_towns.py).

@pytest.mark.parametrize("geonameid, name, name_uk", [
    (KYIV, "Kyiv", "Київ"), (DONETSK, "Donetsk", "Донецьк"), (POKROVSK, "Pokrovsk", "Покровськ"),
    (KOSTIANTYNIVKA, "Kostiantynivka", "Костянтинівка"), (BAKHMUT, "Bakhmut", "Бахмут"),
    (SLOVIANSK, "Sloviansk", "Слов’янськ"), (ZAPORIZHZHIA, "Zaporizhzhia", "Запоріжжя"),
    (KHERSON, "Kherson", "Херсон"),
])
def test_the_towns_of_the_front_and_the_capital_carry_their_official_ukrainian_names(
        towns, geonameid, name, name_uk):
    assert by_id(towns).loc[geonameid, ["name", "name_uk"]].tolist() == [name, name_uk]


def test_nearly_every_town_has_a_ukrainian_name(towns):
    assert (towns["name_uk"] != "").mean() >= 0.97


def test_nearly_every_town_over_10000_has_a_ukrainian_name(towns):
    big = towns[towns["population"] > 10_000]
    assert (big["name_uk"] != "").mean() >= 0.98


def test_every_ukrainian_name_is_in_the_ukrainian_alphabet_with_one_apostrophe(towns):
    named = towns.loc[towns["name_uk"] != "", "name_uk"]
    assert named.map(UKRAINIAN_NAME.fullmatch).notna().all()


def test_nearly_every_ukrainian_name_romanises_to_the_english_one(towns):
    # The rest are older or Russian spellings in `name` (Nizhnegorskiy: Нижньогірський).
    named = towns[towns["name_uk"] != ""]
    assert (named["name_uk"].map(romanise) == named["name"]).mean() >= 0.9


def test_a_town_unknown_to_the_sources_has_no_ukrainian_name_rather_than_a_guess(towns):
    # Tekstylnyk, a section of Donetsk that the codifier does not list.
    assert by_id(towns).loc[TEKSTYLNYK, "name_uk"] == ""


# The name shown in each language.

def test_english_shows_the_official_romanisation():
    assert town_name("Sloviansk", "Слов’янськ", "en") == "Sloviansk"


def test_ukrainian_shows_the_ukrainian_name():
    assert town_name("Sloviansk", "Слов’янськ", "uk") == "Слов’янськ"


@pytest.mark.parametrize("missing", ["", None, float("nan")])
def test_ukrainian_shows_the_latin_name_when_there_is_no_ukrainian_one(missing):
    assert town_name("Tekstylnyk", missing, "uk") == "Tekstylnyk"


def test_a_language_the_atlas_does_not_offer_is_refused():
    with pytest.raises(ValueError):
        town_name("Sloviansk", "Слов’янськ", "ru")
    with pytest.raises(ValueError):
        town_names(pd.DataFrame({"name": ["Sloviansk"]}), "ru")


def test_every_towns_name_in_ukrainian_falls_back_to_latin_row_by_row():
    towns = pd.DataFrame({"name": ["Sloviansk", "Tekstylnyk", "Balaklava"],
                          "name_uk": ["Слов’янськ", "", None]}, index=[7, 8, 9])
    assert town_names(towns, "uk").to_dict() == {
        7: "Слов’янськ", 8: "Tekstylnyk", 9: "Balaklava"}
    assert town_names(towns, "en").to_dict() == {
        7: "Sloviansk", 8: "Tekstylnyk", 9: "Balaklava"}


def test_a_towns_frame_without_ukrainian_names_shows_its_latin_names_in_ukrainian():
    towns = pd.DataFrame({"name": ["Sloviansk"]})
    assert list(town_names(towns, "uk")) == ["Sloviansk"]


def test_the_shipped_towns_shown_in_ukrainian_are_never_empty(towns):
    shown = town_names(towns, "uk")
    assert (shown != "").all()
    assert shown[towns["geonameid"] == DONETSK].item() == "Донецьк"
