"""The Ceasefire lines page under streamlit.testing: every scenario, links, bad links, days."""

import datetime as dt
import re

import pytest

from geo.scenario.proposals import PROPOSALS
from tests.app import running

PAGE = "pages/scenarios.py"


def open_page(**query):
    return running.open_page(PAGE, **query)


#: The newest day held (data/daily_control.csv), every page's default.
NEWEST = dt.date(2026, 10, 10)


def metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


def heading(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("### "))


def infos(at) -> list[str]:
    return [i.value for i in at.info]


@pytest.fixture(scope="module")
def page():
    return open_page()


@pytest.mark.parametrize("preset", list(PROPOSALS))
def test_every_scenario_runs_and_shows_its_figures(page, preset):
    page.selectbox(key="sc_preset").set_value(preset).run()
    assert not page.exception, page.exception
    assert {m.label for m in page.metric} >= {"Goes to Russia", "Demilitarised zone",
                                              "Line(s) to monitor"}
    assert any("DeepStateMap" in c.value and "snapshot 20" in c.value for c in page.caption)


def test_donbas_shows_the_reported_costs_beside_the_computed(page):
    page.selectbox(key="sc_preset").set_value("donbas").run()
    tables = [df.value for df in page.dataframe]
    reported = next(t for t in tables if "why_differs" in t.columns)
    assert set(reported["reported"]) == {7000, 5800, 22, 200000}
    assert reported["why_differs"].str.len().min() > 20


def test_a_link_sets_the_scenario_and_its_sliders():
    at = open_page(preset="mutual", ua_km="20", ru_km="5", date="2026-01-06")
    assert at.selectbox(key="sc_preset").value == "mutual"
    assert at.slider(key="sc_ua_km").value == 20
    assert at.slider(key="sc_ru_km").value == 5
    assert at.date_input(key="sc_date").value == dt.date(2026, 1, 6)


def test_without_a_date_the_page_opens_on_the_newest_day_held(page):
    assert page.date_input(key="sc_date").value == NEWEST
    assert heading(page).endswith("against 2026-10-10")


def test_a_link_to_a_day_whose_map_is_not_shipped_opens_that_day_and_names_the_line_used():
    at = open_page(preset="donbas", date="2025-06-15")
    assert at.date_input(key="sc_date").value == dt.date(2025, 6, 15)
    # Maps ship weekly: the scenario is computed on the line of that week's Monday.
    assert heading(at).endswith("against 2025-06-09")
    assert any(text.startswith("You chose 2025-06-15: the scenario is computed on the line "
                               "of 2025-06-09") for text in infos(at))
    assert at.query_params["date"] == "2025-06-15"


def test_a_link_to_a_day_the_archive_lacks_names_the_nearest_held_days():
    at = open_page(date="2025-11-26")
    assert any("no map for 2025-11-26" in text and "Nearest held days: 2025-11-25 and "
               "2025-11-27" in text for text in infos(at))
    assert heading(at).endswith("against 2025-11-24")


@pytest.mark.parametrize("day", ["2025-04-02", "2026-01-06"])
def test_an_old_link_with_a_monthly_date_opens_that_day_with_no_note(day):
    at = open_page(preset="mutual", date=day)
    assert at.date_input(key="sc_date").value == dt.date.fromisoformat(day)
    assert heading(at).endswith(f"against {day}")
    assert not [text for text in infos(at) if text.startswith("You chose")]


@pytest.mark.parametrize("day", ["2025-13-40", "1999-01-01"])
def test_a_malformed_or_too_early_date_warns_and_opens_the_newest_day(day):
    at = open_page(date=day)
    assert any("date" in w.value and day in w.value for w in at.main.warning)
    assert at.date_input(key="sc_date").value == NEWEST


def test_the_day_before_button_steps_to_the_held_day_before(page):
    page.date_input(key="sc_date").set_value(dt.date(2025, 11, 27)).run()
    page.button(key="sc_date_back").click().run()
    assert not page.exception, page.exception
    assert page.date_input(key="sc_date").value == dt.date(2025, 11, 25)
    page.date_input(key="sc_date").set_value(NEWEST).run()


def test_choosing_another_day_changes_the_figures(page):
    page.selectbox(key="sc_preset").set_value("mutual").run()
    page.date_input(key="sc_date").set_value(NEWEST).run()
    newest = metric(page, "Line(s) to monitor")
    page.date_input(key="sc_date").set_value(dt.date(2024, 7, 8)).run()
    assert heading(page).endswith("against 2024-07-08")
    assert metric(page, "Line(s) to monitor") != newest
    page.date_input(key="sc_date").set_value(NEWEST).run()


def test_the_exports_name_the_day_of_their_line():
    at = open_page(preset="plan28", date="2025-06-15")
    assert any(c.value.startswith("Every file is of the line of 2025-06-09") for c in at.caption)


def test_a_slide_names_the_day_of_its_line_and_how_old_it_is():
    at = open_page(present="1", deck="freeze,donbas", step="1", date="2025-06-15")
    slide = next(m.value for m in at.markdown if "atlas-slide" in m.value)
    assert "all of Donbas, against 2025-06-09 (newest map by 2025-06-15)</h1>" in slide
    assert "Sources: DeepStateMap, 2025-06-09, 540 days ago; Natural Earth" in slide


def test_a_slide_on_a_deck_step_counts_it():
    at = open_page(present="1", deck="freeze,donbas", step="1")
    assert any(m.value == "**2 / 2**" for m in at.markdown)


def test_a_slide_off_the_deck_says_so_and_where_next_leads():
    at = open_page(present="1", preset="donbas")  # the default deck starts with freeze
    counters = [m.value for m in at.markdown if "Off the deck" in m.value]
    assert counters == ["**Off the deck**  \nNext: 2 / 3"]


def test_moving_a_slider_changes_the_figures(page):
    page.selectbox(key="sc_preset").set_value("mutual").run()
    before = metric(page, "Demilitarised zone")
    page.slider(key="sc_ua_km").set_value(40.0).run()
    assert metric(page, "Demilitarised zone") != before


@pytest.mark.parametrize("query", [
    {"preset": "nonsense"}, {"preset": "mutual", "ua_km": "-5"}, {"date": "1999-01-01"},
    {"date": "2025-02-30"},
    {"preset": "shift", "oblasts": "<script>"}, {"preset": "target", "target": "UA-14=abc"},
])
def test_a_bad_link_warns_and_still_shows_a_scenario(query):
    at = open_page(**query)
    assert at.main.warning, "expected a warning"
    assert metric(at, "Goes to Russia").endswith("km²")


def test_the_view_can_be_exported_as_geojson_csv_a_slide_and_an_interactive_map(page):
    page.selectbox(key="sc_preset").set_value("plan28").run()
    labels = {button.label for button in page.get("download_button")}
    assert labels == {"Zones and lines (GeoJSON)", "Table (CSV)", "Slide (PNG)", "Slide (SVG)",
                      "Slide (PDF)", "Download interactive map (HTML)"}


def test_a_link_followed_from_another_page_is_applied_on_a_later_visit():
    at = open_page(preset="donbas")
    at.switch_page("pages/control_map.py").run()
    at.query_params.clear()
    at.query_params["preset"] = "swap"
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.selectbox(key="sc_preset").value == "swap"


def time_block(at) -> list[str]:
    """The texts of the "Time to take" block: its markdown from the headline sentence to the
    published estimates, then its captions."""
    texts = [m.value for m in at.markdown]
    start = next(i for i, t in enumerate(texts) if t.startswith("**At the pace of the last"))
    end = next(i for i, t in enumerate(texts) if t.startswith("- ISW, "))
    captions = [c.value for c in at.caption
                if c.value.startswith(("Pace: ", "Published figures as reported"))]
    return texts[start:end + 1] + captions


def check_time_block(at) -> list[str]:
    assert any(h.value == "Time to take" for h in at.subheader)
    block = time_block(at)
    assert block[0].startswith("**At the pace of the last 6 months")
    joined = " ".join(block)
    assert "not a forecast" in joined
    assert "Pace: DeepStateMap (deepstatemap.live) daily series" in joined
    assert "months to 2026-10-10" in joined
    # Never an infinite, undefined or negative time.
    assert not re.search(r"(inf|nan|[-−]\d[\d,.]*) months", joined, re.IGNORECASE)
    # The published estimates, each with who, when and where from, and ours at its date.
    estimates = next(t for t in block if t.startswith("- ISW, 2025-11-27 (UNN"))
    assert estimates.count("\n- ") == 2 and estimates.count("Ours then: ") == 3
    return block


@pytest.mark.parametrize("preset", [p for p in PROPOSALS if p != "custom"])
def test_every_proposal_shows_its_time_to_take(page, preset):
    page.selectbox(key="sc_preset").set_value(preset).run()
    assert not page.exception, page.exception
    block = check_time_block(page)
    joined = " ".join(block)
    if preset == "freeze":
        assert "hands Russia no ground" in joined
    else:
        assert "Russia would take the ground this proposal hands it in " in joined
        assert "Over the last 3, 6 and 12 months: " in joined


def test_a_mutual_pull_back_says_what_the_time_means_for_each_side():
    at = open_page(preset="mutual", ua_km="15", ru_km="15")
    joined = " ".join(check_time_block(at))
    assert "The ground Ukraine gives up (into the demilitarised zone" in joined
    assert "Russia gives up " in joined and "Ukraine's forces" in joined


def test_a_proposal_handing_over_ground_in_several_oblasts_times_each_at_its_own_pace():
    at = open_page(preset="claims")
    table = next(df.value for df in at.dataframe if "paces" in df.value.columns)
    assert set(table["iso_3166_2"]) >= {"UA-14", "UA-23", "UA-65"}
    kherson = table.set_index("iso_3166_2").loc["UA-65"]
    # Kherson's line has not moved: not at this pace, never an infinite time.
    assert kherson["taken"] == kherson["across"] == "not at this pace"
    assert "Not at this pace: Kherson Oblast" in " ".join(check_time_block(at))


def test_a_custom_line_gets_its_time_to_take(page):
    import shapely

    # North to south through Kharkiv, Dnipropetrovsk and Zaporizhzhia oblasts (lon, lat).
    line = shapely.LineString([(36.0, 52.6), (35.8, 48.5), (35.2, 46.6), (35.0, 45.0)])
    page.session_state["sc_line"] = shapely.to_wkb(line)
    page.selectbox(key="sc_preset").set_value("custom").run()
    assert not page.exception, page.exception
    joined = " ".join(check_time_block(page))
    assert "Russia would take the ground this proposal hands it in " in joined
    table = next(df.value for df in page.dataframe if "paces" in df.value.columns)
    assert "UA-63" in set(table["iso_3166_2"])
    page.session_state["sc_line"] = None
    page.selectbox(key="sc_preset").set_value("freeze").run()


def test_a_slide_has_a_line_of_its_own_for_the_time_to_take():
    at = open_page(present="1", preset="donbas")
    line = next(m.value for m in at.markdown if "atlas-slide-line" in m.value)
    assert "Time to take at the 6-month pace: about " in line
    assert "not a forecast (pace to 2026-10-10)" in line


def test_the_page_cli_geojson_csv_and_slide_agree_to_the_month(page, tmp_path):
    """One preset (Russia's demand) through every way out: the same months and days."""
    import io as _io
    import json
    from contextlib import redirect_stdout

    import pandas as pd

    from geo.cli.main import main
    from geo.maps.figure import scenario_figure
    from geo.scenario.evaluate import evaluate
    from geo.scenario.export import scenario_csv, scenario_geojson
    from geo.scenario.presets import Scenario
    from geo.scenario.proposal_time import evaluation_time

    page.selectbox(key="sc_preset").set_value("donbas").run()
    headline = time_block(page)[0].strip("*")

    out = _io.StringIO()
    with redirect_stdout(out):
        assert main(["scenario", "--preset", "donbas", "--format", "json"]) == 0
    cli = json.loads(out.getvalue())["time_to_take"]
    six = next(w for w in cli["windows"] if w["window_months"] == 6)
    month = dt.date.fromisoformat(six["by"]).strftime("%B %Y")

    evaluation = evaluate(Scenario("donbas"))
    assert evaluation.ground.date == NEWEST
    assert headline == six["text"]
    assert f"about {six['months']:,.0f} months (around {month})" in headline

    assert scenario_geojson(evaluation)["time_to_take"] == cli

    table = pd.read_csv(_io.StringIO(scenario_csv(evaluation)))
    days = [d for d in table["taken_by_6m"].dropna() if d != "not at this pace"]
    assert max(days) == six["by"]
    rows = table.set_index("iso_3166_2")
    for oblast in six["by_oblast"]:
        assert rows.loc[oblast["iso_3166_2"], "months_to_take_6m"] == pytest.approx(
            oblast["months"], nan_ok=True) if oblast["months"] is not None else \
            pd.isna(rows.loc[oblast["iso_3166_2"], "months_to_take_6m"])

    figure = scenario_figure(evaluation, time=evaluation_time(evaluation))
    line = next(t.get_text() for t in figure.texts
                if t.get_text().startswith("Time to take at the")).replace("\n", " ")
    assert f"about {six['months']:,.0f} months ({month})" in line
    slide = open_page(present="1", preset="donbas")
    slide_line = next(m.value for m in slide.markdown if "atlas-slide-line" in m.value)
    assert f"about {six['months']:,.0f} months ({month})" in slide_line
