"""The History page in Ukrainian: a link's ``lang=uk`` opens it with every text in Ukrainian
(titles, controls and their help, the figures, the map's caption, the charts, the pace of the
advance, the published figures and the timelapse), in each of its states; the data stay the
same. The clock is fixed to 2026-12-01 (tests/conftest.py)."""

import datetime as dt
import json
import re

import pytest

from tests.app.running import open_page
from tests.conftest import ROOT
from tests.visible_text import english_words, visible_texts

PAGE = "pages/history.py"
NBSP, NNBSP = "\u00a0", "\u202f"
FIRST_UK, NEWEST_UK = f"8 липня 2024{NNBSP}р.", f"10 жовтня 2026{NNBSP}р."


@pytest.fixture(scope="module")
def ukrainian():
    return open_page(PAGE, lang="uk")


def headers(at, number: int = 0) -> list[str]:
    """The column headers of the ``number``-th dataframe, in order."""
    frame = at.dataframe[number]
    columns = json.loads(frame.proto.columns)
    return [columns[name]["label"] for name in frame.value.columns if name in columns]


def pace_table(at):
    return next(t.value for t in at.table if "Сальдо, км² на добу" in t.value.columns)


def no_english(at) -> None:
    assert english_words(visible_texts(at)) == {}


def test_the_page_shows_no_english(ukrainian):
    no_english(ukrainian)


def test_the_title_and_the_headline_figures_are_in_ukrainian(ukrainian):
    assert any(md.value == f"### Зміни контролю: {FIRST_UK} – {NEWEST_UK}"
               for md in ukrainian.markdown)
    metrics = {m.label: m.value for m in ukrainian.metric}
    assert list(metrics) == ["Захоплено Росією", "Звільнено Україною", "Чиста зміна",
                             f"Під контролем Росії, {NEWEST_UK}"]
    assert metrics["Чиста зміна"].startswith("+") and metrics["Чиста зміна"].endswith(
        f"{NBSP}км²")


def test_the_sidebar_controls_are_in_ukrainian(ukrainian):
    assert ukrainian.date_input(key="hi_date").label == "День карти"
    assert ukrainian.date_input(key="hi_since").label == "Порівняти з"
    assert ukrainian.toggle(key="hi_present").label == "Режим презентації (анімація змін)"


def test_the_table_of_oblasts_has_ukrainian_headers_and_names_and_the_same_data(ukrainian):
    assert headers(ukrainian) == ["ISO", "Регіон", f"{FIRST_UK} (%)", f"{NEWEST_UK} (%)",
                                  f"Зміна (в.{NBSP}п.)", "Захоплено (км²)", "Звільнено (км²)",
                                  "Сальдо (км²)"]
    table = ukrainian.dataframe[0].value
    assert table.iloc[0]["name"] == "Донецька область" and table.iloc[-1]["name"] == "Україна"
    assert table.iloc[-1]["iso_3166_2"] == "UA"


def test_the_charts_caption_names_the_gaps_in_ukrainian(ukrainian):
    caption = next(c.value for c in ukrainian.caption if "в архіві —" in c.value)
    assert caption.startswith(f"Щоденний ряд DeepStateMap: 773 дні в архіві — від {FIRST_UK} "
                              f"до {NEWEST_UK}, бракує 52 днів")
    assert f"18 серпня 2024{NNBSP}р. – 19 серпня 2024{NNBSP}р." in caption


def test_the_pace_of_the_advance_is_in_ukrainian(ukrainian):
    assert ukrainian.radio(key="hi_pace_window").value == "Last 12 months"  # the key is kept
    assert ukrainian.radio(key="hi_pace_window").options == [
        "Останній місяць", "Останні 3 місяці", "Останні 6 місяців", "Останні 12 місяців",
        "Дві дати"]
    table = pace_table(ukrainian)
    assert list(table["Регіон"]) == ["Україна", "Донецька область"]
    assert f"Захоплено Росією, жовтень 2025{NNBSP}р. – вересень 2026{NNBSP}р. (км²)" in \
        table.columns
    caption = next(c.value for c in ukrainian.caption if c.value.startswith("Період — "))
    assert caption.startswith(f"Період — 12 місяців до дня карти, {NEWEST_UK}; сальдо — ")


def test_the_published_figures_are_in_ukrainian(ukrainian):
    table = next(t.value for t in ukrainian.table if "Опубліковано (км²)" in t.value.columns)
    row = table.set_index("Період").loc[f"лютий 2026{NNBSP}р."]
    assert (row["Наші: захоплено (км²)"], row["Різниця"]) == ("170", f"+35{NBSP}%")
    assert row["Джерело (дата)"] == f"DeepState через for-ua.com (2 березня 2026{NNBSP}р.)"
    assert table["Період"].iloc[-1] == "2025 (рік)"


def test_the_timelapse_and_its_player_are_in_ukrainian(ukrainian):
    assert any(s.value == f"Анімація змін: {FIRST_UK} – {NEWEST_UK}"
               for s in ukrainian.subheader)
    page = ukrainian.get("iframe")[0].proto.srcdoc
    assert '<html lang="uk">' in page and "▶ Відтворити" in page
    assert {b.label for b in ukrainian.get("download_button")} >= {
        "Завантажити інтерактивну карту (HTML)",
        "Анімація змін для слайдів (GIF, 1920 × 1080, 137 кадрів)"}


def test_a_day_the_archive_lacks_is_explained_in_ukrainian():
    at = open_page(PAGE, lang="uk")
    at.date_input(key="hi_date").set_value(dt.date(2025, 11, 26)).run()
    assert not at.exception
    assert any(i.value.startswith(f"В архіві немає карти на 26 листопада 2025{NNBSP}р.: "
                                  f"показано 25 листопада 2025{NNBSP}р.") for i in at.info)
    assert dict(at.query_params).get("lang") == "uk"
    no_english(at)


def test_a_day_without_its_own_map_says_which_maps_in_ukrainian():
    at = open_page(PAGE, lang="uk")
    at.date_input(key="hi_date").set_value(dt.date(2025, 6, 15)).run()
    assert not at.exception
    assert any(i.value.startswith("Карту, а також захоплену й звільнену територію побудовано "
                                  f"за картами станом на {FIRST_UK} і 9 червня 2025{NNBSP}р.")
               for i in at.info)
    no_english(at)


def test_the_same_day_twice_and_the_days_the_wrong_way_round_are_explained_in_ukrainian():
    at = open_page(PAGE, lang="uk")
    at.date_input(key="hi_since").set_value(dt.date(2026, 10, 10)).run()
    assert any(i.value.startswith("Обидва дні однакові") for i in at.info)
    no_english(at)
    at.date_input(key="hi_date").set_value(dt.date(2024, 7, 8)).run()
    assert any(i.value.startswith("День порівняння пізніший за день карти") for i in at.info)
    no_english(at)


def test_no_oblast_and_no_unit_chosen_give_hints_in_ukrainian():
    at = open_page(PAGE, lang="uk")
    at.multiselect(key="hi_oblasts").set_value([])
    at.multiselect(key="hi_pace_units").set_value([]).run()
    assert not at.exception
    assert [i.value for i in at.info] == [
        "Виберіть одну чи кілька областей, щоб побачити, як змінювалася їхня частка.",
        "Виберіть Україну або одну чи кілька областей, щоб побачити їхній темп."]
    no_english(at)


def test_two_dates_of_ones_own_the_wrong_way_round_and_a_single_day_in_ukrainian():
    at = open_page(PAGE, lang="uk")
    at.radio(key="hi_pace_window").set_value("Two dates").run()
    assert [at.date_input(key=k).label for k in ("hi_pace_from", "hi_pace_to")] == ["Від", "До"]
    at.date_input(key="hi_pace_from").set_value(dt.date(2026, 3, 1))
    at.date_input(key="hi_pace_to").set_value(dt.date(2025, 3, 1)).run()
    assert any(i.value.startswith("«Від» пізніше за «До»") for i in at.info)
    no_english(at)
    at.date_input(key="hi_pace_to").set_value(dt.date(2026, 3, 1)).run()
    assert any(i.value.startswith(f"У цьому періоді лише один день з архіву, 1 березня "
                                  f"2026{NNBSP}р.") for i in at.info)
    assert pace_table(at).iloc[0]["Сальдо, км² на місяць"] == "—"
    no_english(at)


def test_presenter_mode_is_a_ukrainian_slide():
    at = open_page(PAGE, lang="uk", present="1")
    slide = next(m.value for m in at.markdown if "atlas-slide" in m.value)
    assert f"Контроль над територією України: {FIRST_UK} – {NEWEST_UK}" in slide
    assert "137 щотижневих карт, між ними нічого не домальовано" in slide
    assert [b.label for b in at.button if b.key == "hi_exit"] == ["Вийти (Esc)"]
    no_english(at)


def test_a_period_without_a_map_is_explained_in_ukrainian():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "tests" / "app" / "timelapse_page.py"),
                           default_timeout=180)
    for key, value in {"from": "2020-01-01", "to": "2020-06-01", "lang": "uk"}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    assert at.info[0].value == (
        f"Анімації змін немає: немає жодної карти за період 1 січня 2020{NNBSP}р. – 1 червня "
        f"2020{NNBSP}р. (карти є за період {FIRST_UK} – {NEWEST_UK}).")


def chart_units(spec: dict) -> list[dict]:
    """The single-mark views of a chart's spec, its layers' in order."""
    if "mark" in spec:
        return [spec]
    return [unit for layer in spec.get("layer", []) for unit in chart_units(layer)]


def charts(at) -> list[list[dict]]:
    """Each chart's single-mark views, in page order."""
    return [chart_units(json.loads(chart.proto.spec)) for chart in at.get("vega_lite_chart")]


def labels(expression: str) -> list[str]:
    """The texts a description's expression writes between its values (field names and
    formats left out)."""
    written = re.sub(r'datum\["[^"]*"\]|, "[^"]*"\)', "", expression)
    return [json.loads(text) for text in re.findall(r'"(?:[^"\\]|\\.)*"', written)]


#: What a screen reader calls each kind of mark the History page's charts read out.
MARK_ROLES = {"день", "порівнюваний день", "стовпчик", "точка", "затінений період"}


def test_every_chart_mark_a_screen_reader_reads_describes_itself_in_ukrainian(ukrainian):
    read = 0
    for units in charts(ukrainian):
        for unit in units:
            if unit["mark"].get("aria") is False:  # it repeats another mark's figures
                continue
            read += 1
            assert unit["mark"]["ariaRoleDescription"] in MARK_ROLES
            assert english_words(labels(unit["encoding"]["description"]["value"]["expr"])) == {}
    assert read == 2 * 2 + 2 * 3  # each series chart's days and rules; each pace chart's
    # window, bars and net points


def test_a_chart_s_day_is_described_by_its_tooltip_s_ukrainian_titles(ukrainian):
    day = next(unit for unit in charts(ukrainian)[0]
               if unit["mark"].get("ariaRoleDescription") == "день")
    assert labels(day["encoding"]["description"]["value"]["expr"]) == [
        "Дата: ", "; Окуповано (км²): ", "; Частка території України (%): "]


def described(units: list[dict], channel: str) -> set[str]:
    """The descriptions the views ``units`` give the axis or legend of ``channel``."""
    part = "axis" if channel in ("x", "y") else "legend"
    return {unit["encoding"][channel][part]["description"] for unit in units
            if "description" in unit.get("encoding", {}).get(channel, {}).get(part, {})}


def test_the_charts_axes_and_legends_are_described_in_ukrainian(ukrainian):
    series, oblasts, pace = charts(ukrainian)[:3]
    assert described(series, "x") == {f"Вісь X: Дата, {FIRST_UK} – {NEWEST_UK}"}
    assert described(series, "y") == {f"Вісь Y: Окуповано (км²), 108{NBSP}578 – 116{NBSP}154"}
    assert described(oblasts, "y") == {"Вісь Y: Окуповано (%), 0 – 100"}
    oblast_names = ("Донецька область; Запорізька область; Луганська область; Харківська "
                    "область; Херсонська область")
    assert described(oblasts, "color") == {f"Легенда: {oblast_names}"}
    assert described(pace, "color") == {
        "Легенда: Захоплено Росією; Звільнено Україною; Сальдо; Сальдо, середнє за 3 міс."}
    assert described(pace, "x") == {
        f"Вісь X: Місяць, липень 2024{NNBSP}р. – жовтень 2026{NNBSP}р."}


def test_without_lang_the_page_stays_english(ukrainian):
    at = open_page(PAGE)
    assert [m.label for m in at.metric] == ["Gained by Russia", "Regained by Ukraine",
                                            "Net change", "Held by Russia, 2026-10-10"]
    assert headers(at)[:2] == ["ISO", "Unit"]
    assert "lang" not in at.query_params
