"""The control map in Ukrainian: a link's ``lang=uk`` opens it in Ukrainian and keeps it in
the link; without ``lang`` it is exactly the English page; ``lang=xx`` warns and stays
English. The clock is fixed to 2026-12-01 (tests/conftest.py): the newest day, 2026-10-10, is
52 days old."""

import datetime as dt
import json
import re
from types import SimpleNamespace

import pytest

from tests.app.running import open_page
from tests.visible_text import english_words, visible_texts

PAGE = "pages/control_map.py"
NBSP, NNBSP = "\u00a0", "\u202f"
NEWEST_UK = f"10 жовтня 2026{NNBSP}р."


@pytest.fixture(scope="module")
def ukrainian():
    return open_page(PAGE, lang="uk")


def headers(at) -> list[str]:
    """The table's column headers, in order."""
    columns = json.loads(at.dataframe[0].proto.columns)
    return [columns[name]["label"] for name in at.dataframe[0].value.columns]


def test_the_headline_figures_are_labelled_and_written_in_ukrainian(ukrainian):
    metrics = {m.label: m.value for m in ukrainian.metric}
    assert list(metrics) == ["Окупована частина України", "Донецька область",
                             "Луганська область", "Лінія зіткнення"]
    assert metrics["Лінія зіткнення"].endswith(f"{NBSP}км")
    assert "," in metrics["Донецька область"] and metrics["Донецька область"].endswith("%")


def test_the_title_and_the_captions_give_the_day_in_ukrainian(ukrainian):
    assert any(md.value == f"### Контроль над територією України, {NEWEST_UK}"
               for md in ukrainian.markdown)
    captions = [c.value for c in ukrainian.caption]
    assert sum(c == f"Обчислено за даними DeepStateMap станом на {NEWEST_UK}"
               for c in captions) == 4
    assert sum(c.startswith("Опубліковані оцінки: ") for c in captions) == 3


def test_the_table_headers_are_in_ukrainian(ukrainian):
    assert headers(ukrainian) == ["ISO 3166-2", "Назва англійською", "Назва українською",
                                  "Площа (км²)", "Окуповано (км²)", "Окуповано (%)",
                                  "Опубліковані оцінки (джерело, дата)"]
    assert len(ukrainian.dataframe[0].value) == 28  # the data itself is the same


def test_the_sidebar_and_the_exports_are_in_ukrainian(ukrainian):
    assert ukrainian.date_input(key="cm_date").label == "Дата"
    assert {b.label for b in ukrainian.button} >= {"◀ Раніше", "Пізніше ▶"}
    assert {b.label for b in ukrainian.get("download_button")} >= {
        "Частки за одиницями (CSV)", "Окупована територія і лінія зіткнення (GeoJSON)",
        "Слайд (PNG)"}
    assert [w.value for w in ukrainian.warning] == [
        (f"Дані: DeepStateMap, {NEWEST_UK}, 52 дні тому: новіших днів тут немає, а лінія "
         "зіткнення, ймовірно, відтоді змістилася.")]


def test_the_language_stays_in_the_link_and_in_the_session_when_the_day_changes():
    at = open_page(PAGE, lang="uk")
    assert dict(at.query_params) == {"date": "2026-10-10", "lang": "uk"}
    at.date_input(key="cm_date").set_value(dt.date(2025, 6, 15)).run()
    assert not at.exception
    assert dict(at.query_params) == {"date": "2025-06-15", "lang": "uk"}
    assert any(md.value == f"### Контроль над територією України, 15 червня 2025{NNBSP}р."
               for md in at.markdown)


def test_a_bad_date_in_a_ukrainian_link_is_explained_in_ukrainian():
    at = open_page(PAGE, lang="uk", date="2020-01-01")
    assert any(w.value.startswith("Параметр посилання проігноровано: date: в архіві немає "
                                  "даних до 8 липня 2024")
               for w in at.warning)


def test_without_lang_the_page_is_english_and_the_link_has_no_lang():
    at = open_page(PAGE)
    assert [m.label for m in at.metric] == ["Ukraine held by Russia", "Donetsk Oblast",
                                            "Luhansk Oblast", "Line of contact"]
    assert headers(at) == ["ISO 3166-2", "Unit", "Українською", "Area (km²)",
                           "Held by Russia (km²)", "Held by Russia (%)",
                           "Published figures (source, as of)"]
    assert "lang" not in at.query_params
    assert [w.value for w in at.warning] == [
        ("Data: DeepStateMap, 2026-10-10, 52 days ago: newer days are not loaded here, and the "
         "line of contact has probably moved since.")]


def test_an_unknown_language_warns_and_shows_english():
    at = open_page(PAGE, lang="xx")
    assert next(w.value for w in at.warning) == (
        "Link parameter ignored: lang: 'xx' is not a language of the atlas (en, uk); showing "
        "English")
    assert any(md.value == "### Territorial control in Ukraine, 2026-10-10" for md in at.markdown)
    assert at.date_input(key="cm_date").label == "Day"
    assert "lang" not in at.query_params


def data_section(at) -> list:
    """The sidebar's Data section (pages/_data_source.py): what follows its last toggle."""
    sidebar = list(at.sidebar.children.values())
    last_toggle = max(i for i, node in enumerate(sidebar) if type(node).__name__ == "Toggle")
    return sidebar[last_toggle + 1:]


def page_texts(at) -> list[str]:
    """What the page shows, but for the sidebar's Data section, converted elsewhere."""
    texts = visible_texts(at)
    for node in data_section(at):
        for text in visible_texts(SimpleNamespace(_tree=node)):
            texts.remove(text)
    return texts


def map_frame(at) -> str:
    """The HTML of the map's frame (presenter mode adds a second frame, after it)."""
    return at.get("iframe")[0].proto.srcdoc


def legend(page: str) -> list[str]:
    """The texts of the map's legend, in order."""
    block = re.search(r'<div class="atlas-legend".*?</div>\s*</div>', page, re.DOTALL)[0]
    return [text.strip() for text in re.split(r"<[^>]+>", block) if text.strip()]


def test_nothing_on_the_ukrainian_page_is_left_in_english(ukrainian):
    assert english_words(page_texts(ukrainian)) == {}


def test_the_ukrainian_map_has_its_legend_in_ukrainian(ukrainian):
    assert legend(map_frame(ukrainian)) == [
        "Частка під контролем Росії", "немає", f"до 5{NBSP}%", f"5–25{NBSP}%", f"25–50{NBSP}%",
        f"50–75{NBSP}%", f"75–95{NBSP}%", f"понад 95{NBSP}%", "окупована територія",
        "лінія зіткнення"]


def test_the_ukrainian_maps_tooltips_name_the_units_in_ukrainian_first(ukrainian):
    # The tooltips are in the page's script, where "<" and ">" are written as JSON escapes.
    script = map_frame(ukrainian).replace("\\u003c", "<").replace("\\u003e", ">")
    assert "<tr><th>Назва</th><td>Донецька область</td></tr>" in script
    assert "<th>Під контролем Росії</th>" in script


def test_the_interactive_map_is_offered_for_download_in_ukrainian(ukrainian):
    (button,) = [b for b in ukrainian.get("download_button") if b.proto.icon]
    assert button.proto.label == "Завантажити інтерактивну карту (HTML)"
    assert button.proto.help.startswith("Один файл HTML (до 2 МБ)")


def test_the_english_maps_legend_is_unchanged():
    at = open_page(PAGE)
    assert legend(map_frame(at)) == ["Share held by Russia", "none", "up to 5 %", "5-25 %",
                                     "25-50 %", "50-75 %", "75-95 %", "over 95 %",
                                     "occupied area", "line of contact"]
    assert "Download interactive map (HTML)" in {b.label for b in at.get("download_button")}


def test_with_basemap_tiles_the_ukrainian_page_stays_ukrainian():
    at = open_page(PAGE, lang="uk")
    at.toggle(key="cm_tiles").set_value(True).run()
    assert not at.exception
    assert english_words(page_texts(at)) == {}
    assert legend(map_frame(at))[0] == "Частка під контролем Росії"


def test_a_day_drawn_on_an_earlier_map_is_explained_in_ukrainian():
    at = open_page(PAGE, lang="uk", date="2025-06-16")
    assert not at.exception
    assert english_words(page_texts(at)) == {}


def test_presenter_mode_in_ukrainian_has_no_english():
    at = open_page(PAGE, lang="uk", present="1")
    assert english_words(page_texts(at)) == {}
    assert legend(map_frame(at))[0] == "Частка під контролем Росії"
