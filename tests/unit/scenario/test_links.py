"""A view to and from URL query parameters: links reopen the same view, bad values warn."""

import datetime as dt

from hypothesis import given, settings, strategies as st

from geo.scenario.links import QUERY_KEYS, View, parse_view, to_query
from geo.scenario.presets import Scenario
from geo.scenario.proposals import UA_KM

VIEWS = [
    View(Scenario("freeze"), None),
    View(Scenario("donbas"), dt.date(2026, 1, 6)),
    View(Scenario("mutual", ua_km=15, ru_km=7.5), dt.date(2025, 6, 15)),
    View(Scenario("shift", shift_km=-12, oblasts=("UA-14", "UA-09")), None),
    View(Scenario("target", target=("UA-14", 85)), dt.date(2026, 8, 22)),
]


def test_every_view_survives_a_round_trip_through_its_link():
    for view in VIEWS:
        assert parse_view(to_query(view.scenario, view.date)) == view


def test_a_link_holds_only_the_parameters_its_preset_uses():
    assert to_query(Scenario("mutual", ua_km=15, ru_km=10), None) == \
        {"preset": "mutual", "ua_km": "15", "ru_km": "10"}


def test_an_unknown_preset_warns_and_falls_back_to_freeze():
    view = parse_view({"preset": "annex"})
    assert view.scenario == Scenario("freeze")
    assert "preset='annex'" in str(view.warnings[0])


def test_an_out_of_range_distance_warns_and_takes_the_default():
    view = parse_view({"preset": "mutual", "ua_km": "500", "ru_km": "5"})
    assert view.scenario == Scenario("mutual", ua_km=UA_KM.default, ru_km=5)
    assert "outside 0 to 50" in str(view.warnings[0])


def test_nan_and_text_are_not_numbers():
    view = parse_view({"preset": "shift", "shift_km": "nan"})
    assert view.scenario.shift_km == 10
    assert parse_view({"preset": "shift", "shift_km": "ten"}).warnings


def test_unknown_oblast_codes_warn_and_mean_everywhere():
    view = parse_view({"preset": "shift", "oblasts": "UA-14,UA-99"})
    assert view.scenario.oblasts == ()
    assert "UA-99" in str(view.warnings[0])


def test_a_malformed_target_warns():
    assert parse_view({"preset": "target", "target": "Donetsk"}).warnings


def test_a_links_day_is_kept_as_asked_whether_or_not_its_map_is_shipped():
    # Resolving it (held? shipped?) is the page's work: the link keeps the reader's day.
    for text in ("2025-06-15", "2025-11-26", "2025-04-02"):
        view = parse_view({"date": text})
        assert view.date == dt.date.fromisoformat(text) and view.warnings == ()
        assert to_query(view.scenario, view.date)["date"] == text


def test_a_malformed_date_warns_and_means_the_newest():
    view = parse_view({"date": "2026-02-30"})
    assert view.date is None and view.warnings


def test_a_custom_line_is_not_kept_in_links():
    view = parse_view({"preset": "custom"})
    assert view.scenario == Scenario("freeze")
    assert "not kept in links" in str(view.warnings[0])


@settings(max_examples=300)
@given(st.dictionaries(st.sampled_from(QUERY_KEYS + ("junk",)), st.text(max_size=40)))
def test_any_parameters_at_all_give_a_view_and_never_raise(query):
    assert isinstance(parse_view(query), View)


def test_a_warning_is_english_as_text_and_ukrainian_when_asked():
    warning = parse_view({"preset": "annex"}).warnings[0]
    assert str(warning) == "preset='annex' is not a scenario; using freeze"
    assert warning.text("uk") == "`preset='annex'` не є сценарієм; показано `freeze`"


def test_an_out_of_range_share_warns_in_ukrainian_by_its_ukrainian_name():
    view = parse_view({"preset": "target", "target": "UA-14=abc"})
    assert [w.text("uk") for w in view.warnings] == [
        "`цільова частка='abc'` не є числом; показано 85"]
