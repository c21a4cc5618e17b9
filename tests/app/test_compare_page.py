"""The Compare page under streamlit.testing."""

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
    assert len(at.warning) == 1 + 1
    assert at.selectbox(key="a_preset").value == "donbas"
