"""The Sources and method page in Ukrainian: headings, prose and tables in Ukrainian, figures
and days written as Ukrainian writes them, links to the map that keep the language; without
``lang`` its figures are written exactly as before. The shipped data: 773 held days, 2024-07-08
to 2026-10-10."""

import pyarrow as pa
import pytest

from tests.app.running import open_page
from tests.visible_text import english_words, visible_texts

PAGE = "pages/method.py"
NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.fixture(scope="module")
def ukrainian():
    return open_page(PAGE, lang="uk")


def shown(table) -> list[list[str]]:
    """A styled table's cells as the page writes them (its display values)."""
    data = table.proto.arrow_data.styler.display_values
    return pa.ipc.open_stream(data).read_all().to_pandas().values.tolist()


def comparison(at):
    return next(t for t in at.table if "Обчислено на день" in t.value.columns
                or "Computed for day" in t.value.columns)


def text(at) -> str:
    return " ".join(m.value for m in at.markdown)


def test_the_headings_are_in_ukrainian(ukrainian):
    assert "### Джерела та методика" in [m.value for m in ukrainian.markdown]
    assert [h.value for h in ukrainian.subheader] == [
        "Звідки кожен шар даних", "Які дні є в архіві і для яких є карта",
        "Як обчислено частки", "Як обчислено лінії", "Як визначено кожен сценарій",
        "Опубліковані й обчислені показники поруч", "Як вимірюється темп", "Відомі обмеження"]


def test_the_layers_are_described_in_ukrainian_with_their_licences(ukrainian):
    layers = ukrainian.table[0].value
    assert list(layers.columns) == ["Шар", "Джерело", "Ліцензія / зазначення джерела", "Файл"]
    assert {"Межі (27 одиниць)", "Окуповані території", "Населені пункти"} <= set(layers["Шар"])
    licences = " ".join(layers["Ліцензія / зазначення джерела"])
    assert ("Обов’язкове зазначення джерела: «Окуповані території: DeepStateMap "
            "(deepstatemap.live)»") in licences
    assert "Суспільне надбання" in licences and "CC BY 4.0" in licences


def test_the_held_days_are_counted_and_dated_in_ukrainian(ukrainian):
    days = text(ukrainian)
    assert (f"охоплює **773 дні**, від 8 липня 2024{NNBSP}р. до 10 жовтня 2026{NNBSP}р.,"
            in days)
    assert "ніколи не заповнюють інтерполяцією" in days
    assert f"6 січня 2026{NNBSP}р. (паризький саміт)" in days


def test_figures_from_the_code_are_written_with_a_decimal_comma(ukrainian):
    prose = text(ukrainian)
    assert "(30,44 доби: 365,25 / 12)" in prose
    assert f"коротші за 0,5{NBSP}км" in prose
    assert "в рівновеликій проєкції ETRS89-LAEA (**EPSG:3035**)" in prose


def test_each_scenario_is_defined_in_ukrainian_and_links_in_ukrainian(ukrainian):
    scenarios = ukrainian.table[1].value.set_index("Відкрити на карті")
    donbas = scenarios.loc["[donbas](scenarios?preset=donbas&lang=uk)", "Як її накреслено"]
    assert donbas == ("Нинішня окупована територія, а також повністю: Донецька область, "
                      "Луганська область.")
    assert all(link.endswith("&lang=uk)") for link in scenarios.index)


def test_the_published_and_computed_table_is_in_ukrainian(ukrainian):
    table = comparison(ukrainian)
    assert list(table.value.columns) == [
        "Територія", "Опубліковано (%)", "Опубліковано станом на", "Джерело", "Обчислено (%)",
        "Обчислено на день", "Різниця (в. п.)"]
    first = shown(table)[0]
    assert first[:3] == ["Донецька область", "75,00", f"6 січня 2026{NNBSP}р."]
    assert first[4].count(",") == 1 and first[6].startswith(("+", "-"))
    assert "Україна" in set(table.value["Територія"])


def test_the_attribution_the_occupied_areas_require_is_given_in_ukrainian(ukrainian):
    assert ukrainian.caption[-1].value == (
        "Окуповані території: DeepStateMap (deepstatemap.live). Межі: Natural Earth "
        "(суспільне надбання). Населені пункти: GeoNames (geonames.org), CC BY 4.0.")


def test_nothing_on_the_page_is_left_in_english(ukrainian):
    assert english_words(visible_texts(ukrainian)) == {}


def test_without_lang_the_figures_are_written_as_before():
    first = shown(comparison(open_page(PAGE)))[0]
    assert first[:3] == ["Donetsk Oblast", "75.00", "2026-01-06"]
    assert first[6] == "+2.99"
