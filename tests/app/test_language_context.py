"""The Context page in Ukrainian: a link's ``lang=uk`` shows its headings, the timeline and the
positions in Ukrainian (the rows' own Ukrainian text, data/timeline.csv and data/positions.csv),
dates written out as Ukrainian writes them, and links to the map that keep the language."""

import pytest

from geo.scenario.context import load_positions, load_timeline
from tests.app.running import open_page
from tests.visible_text import english_words, visible_texts

PAGE = "pages/context.py"
NNBSP = "\u202f"  # Babel's narrow no-break space before "р."
PARIS = f"6 січня 2026{NNBSP}р."


@pytest.fixture(scope="module")
def ukrainian():
    return open_page(PAGE, lang="uk")


def test_the_headings_are_in_ukrainian(ukrainian):
    assert "### Контекст: переговори, що стоять за картою" in [m.value for m in ukrainian.markdown]
    assert [h.value for h in ukrainian.subheader] == ["Хронологія", "Позиції на переговорах"]


def test_the_timeline_is_in_ukrainian_with_its_dates_written_out(ukrainian):
    shown = ukrainian.table[0].value
    assert list(shown.columns) == ["Дата", "Що сталося", "Джерело", "Дата джерела"]
    assert list(shown["Що сталося"]) == list(load_timeline(lang="uk")["event"])
    assert list(shown["Дата"][:3]) == ["2014", f"24 лютого 2022{NNBSP}р.",
                                       f"серпень 2025{NNBSP}р."]
    assert f"грудень 2025{NNBSP}р. – січень 2026{NNBSP}р." in list(shown["Дата"])
    assert shown["Джерело"].iloc[0] == "Репортаж BBC News з Києва"
    assert shown["Дата джерела"].iloc[0] == PARIS


def test_every_position_is_shown_in_ukrainian_with_its_source_and_date(ukrainian):
    texts = [m.value for m in ukrainian.markdown]
    captions = [c.value for c in ukrainian.caption]
    for _, row in load_positions(lang="uk").iterrows():
        assert row["position"] in texts
    assert f"Джерело: Репортаж BBC News з Києва, {PARIS}" in captions
    assert f"Джерело: Повідомлення ЗМІ, серпень 2025{NNBSP}р." in captions


def test_the_parties_are_named_in_ukrainian(ukrainian):
    texts = [m.value for m in ukrainian.markdown]
    for party in ("Росія", "Україна", "Сполучені Штати", "Велика Британія і Франція",
                  "Україна і Сполучені Штати", "Ще не узгоджено"):
        assert f"**{party}**" in texts


def test_the_links_to_the_map_are_in_ukrainian_and_keep_the_language(ukrainian):
    links = ukrainian.get("page_link")
    assert all(link.proto.label.startswith("Відкрити на карті: ") for link in links)
    assert {link.proto.query_string for link in links} == {
        f"preset={p}&lang=uk" for p in ("freeze", "donbas", "claims", "plan28", "swap",
                                        "mutual")}
    assert dict(ukrainian.query_params).get("lang") == "uk"


def test_nothing_on_the_page_is_left_in_english(ukrainian):
    assert english_words(visible_texts(ukrainian)) == {}
