"""The Compare page under streamlit.testing."""

import datetime as dt

from tests.app.running import open_page


def open_compare(**query):
    return open_page("pages/compare.py", **query)


def test_the_compare_page_shows_two_scenarios_and_their_differences():
    at = open_compare(a="donbas", b="mutual:15:15", date="2026-01-06")
    assert at.selectbox(key="a_preset").value == "donbas"
    assert at.selectbox(key="b_preset").value == "mutual"
    figures = at.dataframe[0].value.set_index("figure")
    assert figures.loc["Demilitarised zone (km²)", "a"] == 0
    assert figures.loc["Demilitarised zone (km²)", "b"] > 10_000


def test_changing_one_side_changes_the_differences():
    at = open_compare(a="freeze", b="freeze")
    assert (at.dataframe[0].value["difference"].abs() < 1e-6).all()
    at.selectbox(key="b_preset").set_value("claims").run()
    assert not at.exception
    assert at.dataframe[0].value.set_index("figure").loc["Goes to Russia (km²)", "b"] > 1_000


def test_a_bad_link_warns_and_shows_the_defaults():
    at = open_compare(a="annex", b="mutual:99:0")
    assert len(at.main.warning) == 1 + 1
    assert at.selectbox(key="a_preset").value == "donbas"


def test_a_link_with_a_date_opens_that_day_and_names_the_line_both_maps_use():
    at = open_compare(a="donbas", b="mutual:15:15", date="2025-06-15")
    assert at.date_input(key="cmp_date").value == dt.date(2025, 6, 15)
    assert any(i.value.startswith("You chose 2025-06-15: both scenarios are computed on the "
                                  "line of 2025-06-09") for i in at.info)
    assert at.query_params["date"] == "2025-06-15"


def test_without_a_date_compare_opens_on_the_newest_day_held():
    at = open_compare(a="freeze", b="donbas")
    assert at.date_input(key="cmp_date").value == dt.date(2026, 10, 10)
    assert not at.info


def test_a_link_to_a_day_the_archive_lacks_names_the_nearest_held_days_on_compare():
    at = open_compare(date="2025-11-26")
    assert any("Nearest held days: 2025-11-25 and 2025-11-27" in i.value for i in at.info)


def test_a_too_early_date_on_compare_warns_and_opens_the_newest_day():
    at = open_compare(date="2020-02-02")
    assert any("2020-02-02" in w.value for w in at.main.warning)
    assert at.date_input(key="cmp_date").value == dt.date(2026, 10, 10)


def test_each_side_shows_the_time_to_take_of_its_proposal():
    from geo.scenario.evaluate import evaluate
    from geo.scenario.presets import Scenario
    from geo.scenario.proposal_time import evaluation_time, headline_sentence

    at = open_compare(a="donbas", b="mutual:15:15", date="2026-01-06")
    texts = [m.value for m in at.markdown]
    for letter, scenario in (("A", Scenario("donbas")),
                             ("B", Scenario("mutual", ua_km=15.0, ru_km=15.0))):
        expected = headline_sentence(evaluation_time(evaluate(scenario, dt.date(2026, 1, 6))))
        shown = next(t for t in texts if t.startswith(f"**{letter}: "))
        assert shown.endswith(expected)
    assert any("Across the windows: " in t for t in texts)
    caption = next(c.value for c in at.caption if c.value.startswith("Pace: "))
    assert "months to 2026-01-06" in caption and "not a forecast" in caption


def test_a_proposal_handing_over_nothing_says_so_on_compare():
    at = open_compare(a="freeze", b="donbas")
    a = next(m.value for m in at.markdown if m.value.startswith("**A: "))
    assert a.endswith("this proposal hands Russia no ground to take.")
