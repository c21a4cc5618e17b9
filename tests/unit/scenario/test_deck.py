"""A presenter's deck: steps to and from one URL parameter."""

from hypothesis import given, strategies as st

from geo.scenario.deck import DEFAULT_DECK, format_deck, parse_deck
from geo.scenario.presets import Scenario


def test_the_default_deck_is_todays_line_russias_demand_and_a_mutual_pull_back():
    steps, warnings = parse_deck(DEFAULT_DECK)
    assert steps == [Scenario("freeze"), Scenario("donbas"),
                     Scenario("mutual", ua_km=15, ru_km=15)]
    assert warnings == []


def test_every_kind_of_step_survives_a_round_trip():
    steps = [Scenario("plan28"), Scenario("shift", shift_km=-5, oblasts=("UA-14", "UA-23")),
             Scenario("shift", shift_km=10), Scenario("target", target=("UA-14", 85)),
             Scenario("mutual", ua_km=20, ru_km=0)]
    assert parse_deck(format_deck(steps)) == (steps, [])


def test_a_bad_step_is_left_out_with_a_warning():
    steps, warnings = parse_deck("freeze,annex,mutual:80:0,donbas")
    assert steps == [Scenario("freeze"), Scenario("donbas")]
    assert len(warnings) == 2 and "annex" in str(warnings[0]) \
        and "between 0 and 50" in str(warnings[1])


@given(st.text(max_size=200))
def test_any_text_gives_a_deck_and_never_raises(text):
    steps, warnings = parse_deck(text)
    assert isinstance(steps, list) and isinstance(warnings, list)


def test_a_bad_steps_warning_is_english_as_text_and_ukrainian_when_asked():
    _, warnings = parse_deck("mutual:80:0,mutual:x:1")
    assert [str(w) for w in warnings] == [
        "deck step 'mutual:80:0': ua_km must be between 0 and 50 km, not 80",
        "deck step 'mutual:x:1': 'x' is not a number"]
    assert [w.text("uk") for w in warnings] == [
        "крок слайдів `'mutual:80:0'`: `ua_km` має бути від 0 до 50 км, а не 80",
        "крок слайдів `'mutual:x:1'`: 'x' не є числом"]
