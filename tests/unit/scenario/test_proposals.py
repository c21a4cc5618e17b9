"""The registry of proposals: what each preset takes, and links and decks that follow it."""

import pytest

from geo.scenario.deck import parse_deck, step_token
from geo.scenario.links import QUERY_KEYS, parse_view, to_query
from geo.scenario.presets import Scenario, ScenarioError, scenario_of, values_of
from geo.scenario.proposals import (OBLASTS, PARAMETERS, PROPOSALS, SHIFT_KM, TARGET_PCT, UA_KM,
                                    Parameter, UnitChoice, in_links)

NUMBERS = [(code, p) for code in in_links() for p in PROPOSALS[code].parameters
           if isinstance(p, Parameter)]


def extremes(code: str) -> list[Scenario]:
    """The preset at its defaults, and with each number at its low and its high end (a
    choice of units: several units, and the last unit)."""
    numbers = [p for p in PROPOSALS[code].parameters if isinstance(p, Parameter)]
    units = {p.name: (("UA-14", "UA-09") if p.many else "UA-65")
             for p in PROPOSALS[code].parameters if isinstance(p, UnitChoice)}
    return [scenario_of(code), scenario_of(code, units),
            *(scenario_of(code, {p.name: p.low, **units}) for p in numbers),
            *(scenario_of(code, {p.name: p.high}) for p in numbers)]


def test_the_menu_order_is_todays():
    assert list(PROPOSALS) == ["freeze", "donbas", "claims", "plan28", "swap", "mutual",
                               "shift", "target", "custom"]


def test_only_a_drawn_line_stays_out_of_links():
    assert [code for code in PROPOSALS if code not in in_links()] == ["custom"]
    assert PROPOSALS["custom"].drawn and not PROPOSALS["custom"].parameters


def test_every_default_lies_within_its_range_on_a_whole_step():
    for _, p in NUMBERS:
        assert p.low <= p.default <= p.high
        assert ((p.default - p.low) / p.step).is_integer()


@pytest.mark.parametrize("code", in_links())
def test_every_preset_survives_a_round_trip_through_its_link_at_its_defaults_and_extremes(code):
    for scenario in extremes(code):
        assert parse_view(to_query(scenario, None)).scenario == scenario
        assert parse_view(to_query(scenario, None)).warnings == ()


@pytest.mark.parametrize("code", in_links())
def test_every_preset_survives_a_round_trip_through_a_deck_step(code):
    for scenario in extremes(code):
        assert parse_deck(step_token(scenario)) == ([scenario], [])


@pytest.mark.parametrize(("code", "number"), NUMBERS, ids=lambda x: getattr(x, "name", x))
def test_a_number_beyond_its_range_in_a_link_gives_its_default_and_a_warning(code, number):
    key = number.held_in
    text = f"{number.high + number.step:g}"
    query = {"preset": code, key: f"UA-14={text}" if key == "target" else text}
    view = parse_view(query)
    assert values_of(view.scenario)[number.name] == number.default
    assert len(view.warnings) == 1
    assert f"outside {number.low:g} to {number.high:g}; using {number.default:g}" \
        in str(view.warnings[0])


@pytest.mark.parametrize(("code", "number"), NUMBERS, ids=lambda x: getattr(x, "name", x))
def test_a_number_beyond_its_range_is_not_a_scenario(code, number):
    with pytest.raises(ScenarioError, match=f"{number.low:g}.+{number.high:g}"):
        scenario_of(code, {number.name: number.high + number.step})


def test_a_link_holds_only_the_keys_of_what_its_preset_takes():
    for code in in_links():
        held = {p.held_in for p in PROPOSALS[code].parameters}
        query = to_query(scenario_of(code, {"oblasts": ("UA-14",)}), None)
        assert set(query) == {"preset"} | held
        assert set(query) <= set(QUERY_KEYS)


def test_a_deck_step_writes_one_field_per_parameter_its_preset_takes():
    for code in in_links():
        fields = step_token(scenario_of(code, {"oblasts": ("UA-14",)})).split(":")
        assert fields[0] == code and len(fields) == 1 + len(PROPOSALS[code].parameters)


def test_a_deck_step_with_a_parameter_its_preset_does_not_take_is_left_out():
    steps, warnings = parse_deck("donbas:15,mutual:15,target:UA-14:85:3")
    assert steps == [] and len(warnings) == 3
    assert "mutual:UA_KM:RU_KM, shift:KM[:CODES], target:CODE:PCT" in str(warnings[0])


def test_parameters_a_preset_does_not_take_keep_the_scenarios_defaults():
    scenario = scenario_of("donbas", {"ua_km": 40.0, "shift_km": 20.0, "oblasts": ("UA-14",)})
    assert scenario == Scenario("donbas")


def test_a_share_and_its_unit_are_held_together_as_the_target():
    scenario = scenario_of("target", {"target_unit": "UA-23", "target_pct": 60})
    assert scenario.target == ("UA-23", 60.0)
    assert values_of(scenario) == {"target_unit": "UA-23", "target_pct": 60.0}
    assert to_query(scenario, None)["target"] == "UA-23=60"


def test_a_sidebar_to_itself_says_what_the_sign_means():
    assert SHIFT_KM.label_for() == "Move the line (km; + into Ukrainian-held ground)"
    assert SHIFT_KM.label_for(side_by_side=True) == "Move the line (km)"
    assert UA_KM.label_for() == "Ukraine pulls back (km)"
    assert TARGET_PCT.label_for() == "Share held by Russia (%)"


def test_side_by_side_a_move_of_the_line_is_everywhere():
    assert PROPOSALS["shift"].controls() == (SHIFT_KM, OBLASTS)
    assert PROPOSALS["shift"].controls(side_by_side=True) == (SHIFT_KM,)


def test_equal_scenarios_hold_the_same_values_however_they_were_written():
    written = Scenario("shift", shift_km=10, oblasts=["UA-14"])
    assert written == scenario_of("shift", {"oblasts": ("UA-14",)})
    assert type(written.shift_km) is float and written.oblasts == ("UA-14",)
    assert hash(written) == hash(scenario_of("shift", {"oblasts": ["UA-14"]}))


def test_every_parameter_has_a_unique_name():
    names = [p.name for proposal in PROPOSALS.values() for p in proposal.parameters]
    assert sorted(names) == sorted(PARAMETERS)


def test_in_ukrainian_a_label_gives_its_unit_and_sign_in_ukrainian():
    assert SHIFT_KM.label_for(lang="uk") == \
        "Зсунути лінію (км; + углиб території під контролем України)"
    assert UA_KM.label_for(side_by_side=True, lang="uk") == "Україна відводить війська (км)"
    assert OBLASTS.label_for(lang="uk") == "Лише в цих областях (жодної — скрізь)"


def test_a_scenario_out_of_range_says_why_in_english_and_in_ukrainian():
    with pytest.raises(ScenarioError) as raised:
        scenario_of("mutual", {"ua_km": 80.0})
    assert str(raised.value) == "ua_km must be between 0 and 50 km, not 80"
    assert raised.value.message.text("uk") == "`ua_km` має бути від 0 до 50 км, а не 80"
