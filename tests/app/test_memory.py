"""Memory stays bounded however many different views a session asks for."""

from pages._outcome_cache import OUTCOMES_KEPT
from tests.app.running import open_page


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def test_hundreds_of_different_slider_positions_do_not_grow_memory_without_bound():
    at = open_page("pages/scenarios.py", preset="mutual", ua_km="0", ru_km="0")
    positions = [(ua, ru) for ru in range(0, 51, 10) for ua in range(0, 51, 2)]
    assert len(positions) > 2 * OUTCOMES_KEPT
    samples = []
    for number, (ua, ru) in enumerate(positions):
        at.slider(key="sc_ua_km").set_value(float(ua))
        at.slider(key="sc_ru_km").set_value(float(ru)).run()
        assert not at.exception
        if number in (OUTCOMES_KEPT + 10, len(positions) - 1):
            samples.append(rss_mb())
    grown = samples[1] - samples[0]
    # Past the cache's size, new views replace old ones: allow allocator noise, not growth.
    assert grown < 60, f"{grown:.0f} MB more after {len(positions)} views"
