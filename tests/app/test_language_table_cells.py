"""The tables' cells in Ukrainian: st.dataframe draws its cells on a canvas, so the words of
its data (a town's population source, a published figure's source) are not among the texts
tests/visible_text.py reads; here every text cell of every table is read from the page's
data. The newest day held is 2026-10-10 (tests/conftest.py)."""

import pytest

from tests.app.running import open_page
from tests.visible_text import english_words


def cells(at) -> list[str]:
    """Every text cell of every table of ``at`` (st.dataframe and st.table)."""
    return [value for table in [*at.dataframe, *at.table]
            for _column, values in table.value.items() for value in values
            if isinstance(value, str)]


@pytest.fixture(scope="module")
def donbas():
    return open_page("pages/scenarios.py", lang="uk", preset="donbas")


def test_the_towns_changing_side_give_their_population_sources_in_ukrainian(donbas):
    towns = next(t for t in donbas.dataframe if "population_source" in t.value.columns).value
    assert set(towns["population_source"]) == {
        "GeoNames (рік не зазначено)",
        ("Державна служба статистики України, оцінка чисельності наявного населення на 1 "
         "січня 2022 р. (як наведено на сторінці, на яку посилаються дані)")}


def test_no_table_of_the_ceasefire_lines_page_has_english_in_its_cells(donbas):
    assert english_words(cells(donbas)) == {}


def test_no_table_of_the_history_page_has_english_in_its_cells():
    # The published gains beside ours among them: their sources, as the catalogue writes them.
    at = open_page("pages/history.py", lang="uk")
    assert any(value.startswith("місячний підсумок DeepState") for value in cells(at))
    assert english_words(cells(at)) == {}
