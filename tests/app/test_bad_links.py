"""Any URL parameters at all, on any page: a view and perhaps a warning, never an exception."""

import string

from hypothesis import HealthCheck, given, settings, strategies as st

from geo.scenario.links import QUERY_KEYS
from tests.app.running import open_page

KEYS = st.sampled_from(QUERY_KEYS + ("present", "deck", "step", "a", "b", "junk"))
VALUES = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=string.digits + "-.=,:+e", max_size=12),
    st.sampled_from(["nan", "inf", "-1e309", "1e309", "UA-14=85", "mutual:15:15", "2026-01-06",
                     "2025-06-15", "2025-11-26", "2099-01-01",
                     "<script>alert(1)</script>", "' onerror='alert(1)", "0", "-0", "99999"]),
)
SETTINGS = settings(max_examples=12, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])



@SETTINGS
@given(st.dictionaries(KEYS, VALUES, max_size=5))
def test_the_ceasefire_lines_page_never_raises(query):
    assert not open_page("pages/scenarios.py", check=False, **query).exception


@SETTINGS
@given(st.dictionaries(KEYS, VALUES, max_size=4))
def test_the_control_map_never_raises(query):
    assert not open_page("pages/control_map.py", check=False, **query).exception


@SETTINGS
@given(st.dictionaries(KEYS, VALUES, max_size=4))
def test_the_compare_page_never_raises(query):
    assert not open_page("pages/compare.py", check=False, **query).exception


@SETTINGS
@given(st.dictionaries(KEYS, VALUES, max_size=4))
def test_the_history_page_never_raises(query):
    assert not open_page("pages/history.py", check=False, **query).exception
