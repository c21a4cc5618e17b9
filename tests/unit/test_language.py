"""geo/language.py: the atlas's text, numbers and dates in English (exactly as the app has
always written them) and in Ukrainian (Babel's forms), and the Ukrainian catalogue: complete,
current with the code, compilable, its placeholders the source text's."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import string
from gettext import GNUTranslations

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from geo.language import (DOMAIN, LANGUAGES, N_, Message, gettext, km, km2, long_date, ngettext,
                          number, percent, translations)
from tests.conftest import ROOT

NBSP = "\u00a0"  # Babel's Ukrainian group separator, and before a unit
NNBSP = "\u202f"  # CLDR's narrow no-break space in the Ukrainian long date, before "р."


def _load_updater():
    spec = importlib.util.spec_from_file_location("update_catalogue",
                                                  ROOT / "scripts" / "update_catalogue.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


updater = _load_updater()


@pytest.fixture(scope="module")
def po():
    with updater.po_path("uk").open("rb") as file:
        return read_po(file, locale="uk", domain=DOMAIN)


@pytest.fixture(scope="module")
def code():
    return updater.extracted()


def test_the_languages_are_english_first_then_ukrainian():
    assert LANGUAGES == ("en", "uk")


def test_an_area_is_written_as_the_app_writes_it_in_english_and_with_babel_in_ukrainian():
    assert km2(116_017.4, "en") == "116,017 km²"
    assert km2(116_017.4, "uk") == f"116{NBSP}017{NBSP}км²"
    assert km(1_220.2, "uk") == f"1{NBSP}220{NBSP}км"
    assert km(1_220.2, "en") == "1,220 km"


def test_numbers_and_percentages_round_alike_in_both_languages():
    assert number(1_234_567.5, "en") == "1,234,568"
    assert number(1_234_567.5, "uk") == f"1{NBSP}234{NBSP}568"
    assert percent(19.44, "en") == "19.4 %"
    assert percent(19.44, "uk") == f"19,4{NBSP}%"
    assert [percent(v, "uk") for v in (0.05, 80.25, 99.6)] == \
        [f"{v:.1f}".replace(".", ",") + f"{NBSP}%" for v in (0.05, 80.25, 99.6)]


def test_a_day_is_iso_in_english_and_written_out_in_ukrainian():
    assert long_date(dt.date(2026, 8, 22), "en") == "2026-08-22"
    assert long_date(dt.date(2026, 8, 22), "uk") == f"22 серпня 2026{NNBSP}р."
    assert long_date(dt.date(2026, 10, 10), "uk") == f"10 жовтня 2026{NNBSP}р."


@pytest.mark.parametrize(("count", "form"), [(1, "день"), (21, "день"), (3, "дні"),
                                             (22, "дні"), (5, "днів"), (11, "днів"),
                                             (12, "днів"), (52, "дні")])
def test_ukrainian_has_three_plural_forms(count, form):
    text = ngettext("{count} day ago", "{count} days ago", count, "uk")
    assert text.format(count=count) == f"{count} {form} тому"


def test_english_has_two_plural_forms_and_is_the_source_text():
    assert ngettext("{count} day ago", "{count} days ago", 1, "en") == "{count} day ago"
    assert ngettext("{count} day ago", "{count} days ago", 21, "en") == "{count} days ago"
    assert gettext("Line of contact", "en") == "Line of contact"
    assert gettext("Line of contact", "uk") == "Лінія зіткнення"


def test_a_language_the_atlas_does_not_offer_is_refused():
    with pytest.raises(ValueError, match="not a language of the atlas"):
        translations("xx")
    with pytest.raises(ValueError):
        km2(1.0, "de")


def test_the_ukrainian_catalogue_declares_three_plural_forms(po):
    assert po.num_plurals == 3
    # one (1, 21, 101), few (3, 22, 104), many (5, 11, 12, 14, 25)
    assert [translations("uk").plural(n) for n in (1, 21, 101, 3, 22, 104, 5, 11, 12, 14, 25)] \
        == [0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2]


def _ids(catalog) -> set:
    return {(message.context, message.id) for message in catalog if message.id}


def test_every_text_in_the_code_has_a_ukrainian_translation(code, po):
    missing = _ids(code) - _ids(po)
    assert missing == set(), "run scripts/update_catalogue.py and translate what it adds"
    untranslated = [message.id for message in po if message.id
                    and (message.fuzzy or not all(
                        message.string if isinstance(message.string, tuple)
                        else (message.string,)))]
    assert untranslated == []


def test_no_translation_is_left_over_from_text_the_code_no_longer_has(code, po):
    assert _ids(po) - _ids(code) == set()
    assert not po.obsolete


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_translation_has_the_placeholders_of_its_source_text(po):
    wrong = {}
    for message in po:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set().union(*map(_placeholders, ids))
        for text in strings:
            if _placeholders(text) != expected:
                wrong[ids[0]] = text
    assert wrong == {}


def test_the_catalogue_compiles_and_the_app_reads_the_compiled_one(po):
    buffer = io.BytesIO()
    write_mo(buffer, po)
    buffer.seek(0)
    compiled = GNUTranslations(buffer)
    installed = translations("uk")  # what scripts/setup.sh compiled
    for message in po:
        if message.id and not message.pluralizable:
            read = [catalogue.pgettext(message.context, message.id) if message.context
                    else catalogue.gettext(message.id) for catalogue in (installed, compiled)]
            assert read == [message.string] * 2, "run scripts/setup.sh to compile the .po again"


def test_a_marked_text_is_the_text_itself_until_shown():
    assert N_("Line of contact") == "Line of contact"


def test_a_message_is_english_as_a_string_and_translated_where_shown():
    message = Message("Line of contact")
    assert str(message) == "Line of contact"
    assert message.text("uk") == "Лінія зіткнення"


def test_a_message_fills_its_placeholders_after_translation_nested_ones_in_its_language():
    message = Message("{source}, {day}, {age}",
                      {"source": "DeepStateMap", "day": "2026-10-10",
                       "age": Message("yesterday")})
    assert str(message) == "DeepStateMap, 2026-10-10, yesterday"
    assert message.text("uk") == "DeepStateMap, 2026-10-10, вчора"
