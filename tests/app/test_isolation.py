"""Visitors share cached data but never each other's state, and nothing cached is mutated."""

import pandas as pd

from tests.app.running import open_page


def open_scenarios(**query):
    return open_page("pages/scenarios.py", **query)


def fingerprint(frame: pd.DataFrame) -> int:
    return int(pd.util.hash_pandas_object(frame, index=True).sum())


def test_one_visitors_choices_do_not_reach_another():
    first = open_scenarios(preset="mutual", ua_km="30", ru_km="5")
    second = open_scenarios()
    first.slider(key="sc_ua_km").set_value(45.0).run()
    second.run()
    assert second.selectbox(key="sc_preset").value == "freeze"
    assert first.slider(key="sc_ua_km").value == 45


def test_cached_data_is_the_same_after_every_scenario_has_been_shown():
    from pages._cached_data import ground, snapshot, towns, units
    from pages._page_setup import dates

    newest = dates()[-1]
    before = (fingerprint(towns()), fingerprint(units().drop(columns="geometry")),
              fingerprint(snapshot(newest).shares), ground(newest).russian.wkb)
    at = open_scenarios()
    for preset in ("donbas", "plan28", "swap", "mutual", "shift", "target"):
        at.selectbox(key="sc_preset").set_value(preset).run()
        assert not at.exception
    after = (fingerprint(towns()), fingerprint(units().drop(columns="geometry")),
             fingerprint(snapshot(newest).shares), ground(newest).russian.wkb)
    assert after == before
