"""The Compare page in Ukrainian: both sides opened from a link with ``lang=uk`` show no
English, whatever the presets; a bad side is explained in Ukrainian; the language stays in the
link."""

import re

import pytest

from geo.scenario.deck import step_token
from geo.scenario.presets import scenario_of
from geo.scenario.proposals import in_links
from tests.app.running import open_page
from tests.visible_text import english_words, visible_texts

PAGE = "pages/compare.py"
NNBSP = "\u202f"


#: Every preset a link can hold, on one side or the other, each against Russia's demand.
PAIRS = [(code, "donbas") for code in in_links() if code != "donbas"] + [("donbas", "freeze")]


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_every_preset_opened_from_a_link_shows_no_english(a, b):
    at = open_page(PAGE, lang="uk", a=step_token(scenario_of(a)), b=step_token(scenario_of(b)))
    assert (at.selectbox(key="a_preset").value, at.selectbox(key="b_preset").value) == (a, b)
    assert english_words(visible_texts(at)) == {}


@pytest.fixture(scope="module")
def ukrainian():
    return open_page(PAGE, lang="uk", a="donbas", b="mutual:15:15", date="2025-06-15")


def test_the_title_and_the_sides_are_in_ukrainian(ukrainian):
    assert any(md.value == "### Вимога Росії: увесь Донбас (А) і Взаємне відведення військ "
                           f"(пропозиція України) (Б), станом на 9 червня 2025{NNBSP}р."
               for md in ukrainian.markdown)
    assert [h.value for h in ukrainian.sidebar.subheader] == ["Ліва карта (А)", "Права карта (Б)"]
    assert any(i.value.startswith(f"Ви вибрали 15 червня 2025{NNBSP}р.: обидва сценарії "
                                  "обчислено за лінією зіткнення станом на 9 червня 2025")
               for i in ukrainian.info)


def test_the_figures_are_labelled_in_ukrainian(ukrainian):
    figures = ukrainian.dataframe[0].value
    assert list(figures["figure"])[:2] == ["Під контролем Росії (км²)",
                                           "Під контролем Росії (% території України)"]
    assert any(m.value.startswith("**А: Вимога Росії: увесь Донбас.** ")
               for m in ukrainian.markdown)


def test_the_figures_are_written_as_ukrainian_writes_numbers(ukrainian):
    figures = ukrainian.dataframe[0].value
    russian_held_a = figures["a"].iloc[0]
    assert re.fullmatch(r"1\d\d\u00a0\d{3},\d", russian_held_a), russian_held_a
    assert figures["difference"].iloc[0][0] in "+-"


def test_the_towns_are_named_in_ukrainian(ukrainian):
    towns = ukrainian.dataframe[2].value
    assert towns["name"].str.contains("[а-яіїєґ]", regex=True).mean() > 0.9
    assert re.fullmatch(r"[\d\u00a0]+", towns["population"].iloc[0])


def test_the_language_stays_in_the_link(ukrainian):
    assert dict(ukrainian.query_params) == {"a": "donbas", "b": "mutual:15:15",
                                            "date": "2025-06-15", "lang": "uk"}


def test_a_bad_side_is_explained_in_ukrainian():
    at = open_page(PAGE, lang="uk", a="annex", b="mutual:99:0")
    assert [w.value for w in at.main.warning] == [
        ("Параметр посилання проігноровано: `a`: крок слайдів `'annex'` не відповідає жодній із "
         "форм: `freeze, donbas, claims, plan28, swap, mutual:UA_KM:RU_KM, shift:KM[:CODES], "
         "target:CODE:PCT`"),
        ("Параметр посилання проігноровано: `b`: крок слайдів `'mutual:99:0'`: `ua_km` має "
         "бути від 0 до 50 км, а не 99")]
    assert english_words(visible_texts(at)) == {}
