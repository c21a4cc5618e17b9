"""The Ceasefire lines page in Ukrainian: every preset opened from its link with ``lang=uk``
shows no English; a bad link parameter is explained in Ukrainian; the slide, its deck counter
and its buttons are in Ukrainian. The newest day held is 2026-10-10 (tests/conftest.py)."""

import json
import re

import pytest

from geo.scenario.links import to_query
from geo.scenario.presets import scenario_of
from geo.scenario.proposals import PROPOSALS, in_links
from pages._proposal_controls import _menu_titles
from tests.app.running import open_page
from tests.visible_text import english_words, visible_texts

PAGE = "pages/scenarios.py"
NBSP, NNBSP = "\u00a0", "\u202f"
NEWEST_UK = f"10 жовтня 2026{NNBSP}р."


@pytest.fixture(scope="module")
def ukrainian():
    return open_page(PAGE, lang="uk")


def headers(table) -> list[str]:
    """A table's column headers, in order (hidden columns left out)."""
    columns = json.loads(table.proto.columns)
    return [columns[name]["label"] for name in table.value.columns
            if not columns.get(name, {}).get("hidden")]


@pytest.mark.parametrize("preset", in_links())
def test_every_preset_opened_from_its_link_shows_no_english(preset):
    at = open_page(PAGE, lang="uk", **to_query(scenario_of(preset), None))
    assert at.selectbox(key="sc_preset").value == preset
    assert english_words(visible_texts(at)) == {}


def test_the_title_names_the_proposal_and_the_day_in_ukrainian(ukrainian):
    assert any(md.value == f"### Заморожування на поточній лінії, відносно стану на {NEWEST_UK}"
               for md in ukrainian.markdown)


def test_the_figures_and_the_exports_are_labelled_in_ukrainian(ukrainian):
    assert [m.label for m in ukrainian.metric] == [
        "Відходить Росії", "Повертається Україні", "Демілітаризована зона",
        "Лінії для моніторингу", "Люди, що змінять бік"]
    assert {b.label for b in ukrainian.get("download_button")} >= {
        "Зони й лінії (GeoJSON)", "Таблиця (CSV)", "Слайд (PNG)", "Слайд (SVG)", "Слайд (PDF)"}


def test_the_metrics_keep_to_short_labels_and_deltas(ukrainian):
    # A metric cuts its label and delta to one line of a fifth of the page: the line of
    # contact's length is in the caption below, the long label in the comparison table.
    line = next(m for m in ukrainian.metric if m.label == "Лінії для моніторингу")
    assert re.fullmatch(r"[+-]\d[\d\u00a0]*\u00a0км", line.delta)


def test_the_menu_shortens_long_titles_and_the_heading_keeps_them():
    at = open_page(PAGE, lang="uk", preset="mutual")
    menu = at.selectbox(key="sc_preset")
    assert menu.options[:6] == [
        "Заморожування лінії", "Вимога Росії: увесь Донбас", "Усе, на що претендує Росія",
        "План із 28 пунктів (пункт 21)", "Обмін територіями (2025 р.)",
        "Взаємне відведення (Україна)"]
    assert any(md.value == f"### Взаємне відведення військ (пропозиція України), відносно стану "
                           f"на {NEWEST_UK}" for md in at.markdown)


def test_in_english_the_menu_shows_the_full_titles():
    assert open_page(PAGE).selectbox(key="sc_preset").options == [
        proposal.title for proposal in PROPOSALS.values()]


def test_every_short_menu_title_stands_for_a_proposal_title():
    assert set(_menu_titles("uk")) <= {proposal.title for proposal in PROPOSALS.values()}


def test_the_proposals_and_their_controls_are_in_ukrainian():
    at = open_page(PAGE, lang="uk", preset="shift", shift_km="5")
    menu = at.selectbox(key="sc_preset")
    assert menu.label == "Пропозиція" and menu.value == "shift"
    assert at.slider(key="sc_shift_km").label == \
        "Зсунути лінію (км; + углиб території під контролем України)"
    assert at.multiselect(key="sc_oblasts").label == "Лише в цих областях (жодної — скрізь)"
    assert "Донецька область (UA-14)" in at.multiselect(key="sc_oblasts").options


def test_a_table_shows_ukrainian_oblast_names_and_sides():
    at = open_page(PAGE, lang="uk", preset="donbas")
    shares = next(t for t in at.dataframe if "pct_after" in t.value.columns)
    assert "Донецька область" in set(shares.value["name"])
    towns = next(t for t in at.dataframe if "side_after" in t.value.columns)
    assert set(towns.value["side_after"]) == {"під контролем Росії"}
    assert headers(towns)[:2] == ["Населений пункт", "Область"]


def test_the_reported_costs_and_why_they_differ_are_in_ukrainian():
    at = open_page(PAGE, lang="uk", preset="donbas")
    reported = next(t for t in at.dataframe if "why_differs" in t.value.columns).value
    assert reported["why_differs"].iloc[0].startswith("Повідомлено в серпні 2025")
    assert set(reported["reported_as_of"]) >= {"серпень 2025 р.", "кінець 2025 р."}
    assert reported["reported"].iloc[0] == "7\u00a0000"


def test_the_towns_changing_side_are_named_in_ukrainian():
    at = open_page(PAGE, lang="uk", preset="donbas")
    towns = next(t for t in at.dataframe if "side_after" in t.value.columns).value
    assert {"Краматорськ", "Слов’янськ"} <= set(towns["name"])


def test_the_language_stays_in_the_link_when_the_scenario_changes():
    at = open_page(PAGE, lang="uk")
    at.selectbox(key="sc_preset").set_value("mutual").run()
    assert not at.exception
    assert dict(at.query_params) == {"preset": "mutual", "date": "2026-10-10", "ua_km": "15",
                                     "ru_km": "15", "lang": "uk"}


@pytest.mark.parametrize(("query", "warning"), [
    ({"preset": "nonsense"}, ("Параметр посилання проігноровано: `preset='nonsense'` не є "
                              "сценарієм; показано `freeze`")),
    ({"preset": "mutual", "ua_km": "-5"}, ("Параметр посилання проігноровано: `ua_km='-5'` "
                                           "виходить за межі від 0 до 50; показано 15")),
    ({"preset": "custom"}, ("Параметр посилання проігноровано: накреслена чи завантажена лінія "
                            "не зберігається в посиланнях: показано `freeze`; накресліть або "
                            "завантажте лінію знову")),
])
def test_a_bad_link_parameter_is_explained_in_ukrainian(query, warning):
    at = open_page(PAGE, lang="uk", **query)
    assert [w.value for w in at.main.warning] == [warning]
    assert english_words(visible_texts(at)) == {}


def slide_title(at) -> str:
    """The slide's title and subtitle, without the style that comes with them."""
    slide = next(m.value for m in at.markdown if "atlas-slide" in m.value)
    return re.sub(r"<style>.*</style>", "", slide, flags=re.DOTALL)


def test_a_slide_its_counter_and_its_buttons_are_in_ukrainian():
    at = open_page(PAGE, lang="uk", present="1", deck="freeze,donbas", step="1",
                   date="2025-06-15")
    slide = slide_title(at)
    assert ("<h1>Вимога Росії: увесь Донбас, відносно стану на 9 червня 2025 р. (найновіша "
            "карта на 15 червня 2025 р.)</h1>").replace(" р.", f"{NNBSP}р.") in slide
    assert f"Джерела: DeepStateMap, 9 червня 2025{NNBSP}р., 540 днів тому; Natural Earth" in slide
    assert any(m.value == "**2 / 2**" for m in at.markdown)
    assert {b.label for b in at.button} >= {"Назад", "Далі", "Вийти (Esc)"}
    line = next(m.value for m in at.markdown if "atlas-slide-line" in m.value)
    assert "Час на захоплення за 6-місячного темпу: " in line
    assert f"не прогноз (темп до 9 червня 2025{NNBSP}р.)" in line


def test_off_the_deck_the_counter_says_so_in_ukrainian():
    at = open_page(PAGE, lang="uk", present="1", preset="donbas")
    assert [m.value for m in at.markdown if "Поза слайдами" in m.value] == [
        "**Поза слайдами**  \nДалі: 2 / 3"]


def test_a_bad_deck_step_and_a_bad_step_number_are_explained_in_ukrainian():
    at = open_page(PAGE, lang="uk", present="1", deck="freeze,annex", step="x")
    assert [w.value for w in at.main.warning] == [
        ("Параметр посилання проігноровано: `deck`: крок слайдів `'annex'` не відповідає жодній "
         "із форм: `freeze, donbas, claims, plan28, swap, mutual:UA_KM:RU_KM, shift:KM[:CODES], "
         "target:CODE:PCT`"),
        "Параметр посилання проігноровано: `step='x'` не є числом; показано 1"]
    assert english_words(visible_texts(at)) == {}


def test_your_own_line_without_a_line_says_so_in_ukrainian():
    at = open_page(PAGE, lang="uk")
    at.selectbox(key="sc_preset").set_value("custom").run()
    assert not at.exception
    assert any(i.value.startswith("Лінії ще немає: накресліть її на карті") for i in at.info)
    assert at.get("file_uploader")[0].label == "Лінія (GeoJSON)"
    assert english_words(visible_texts(at)) == {}
