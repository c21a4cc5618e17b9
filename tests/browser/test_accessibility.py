"""Every page passes axe-core's audit with no serious or critical violation, and its main
controls work from the keyboard."""

from __future__ import annotations

import pytest

from tests.browser.test_control_map import map_frame
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
AXE = ROOT / ".cache" / "test-tools" / "axe.min.js"
PAGES = ["/", "/scenarios", "/scenarios?preset=plan28", "/compare", "/history", "/context",
         "/method", "/?present=1"]
#: The same pages in Ukrainian.
PAGES_UK = [path + ("&" if "?" in path else "?") + "lang=uk" for path in PAGES]
#: The sidebar's data age, on every page (hidden, but there, on a slide), in each language.
DATA_AGE = {"en": "Data: DeepStateMap,", "uk": "Дані: DeepStateMap,"}
BLOCKING = ("serious", "critical")


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run scripts/setup.sh test (it fetches axe-core)")
    return AXE.read_text(encoding="utf-8")


def audit(frame, axe_source: str) -> list[dict]:
    frame.evaluate(axe_source)
    result = frame.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return [v for v in result if v["impact"] in BLOCKING]


def settled(page, path: str) -> None:
    """Wait until the page at ``path`` is drawn and its script has finished."""
    page.get_by_text(DATA_AGE["uk" if "lang=uk" in path else "en"]).wait_for(state="attached")
    if path.split("?")[0] not in ("/context", "/method"):
        map_frame(page, minimum_paths=4)
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for()


@pytest.mark.parametrize("path", PAGES + PAGES_UK)
def test_no_serious_or_critical_accessibility_violation(offline_page, app_url, axe_source, path):
    page = offline_page.page
    page.goto(f"{app_url}{path}")
    settled(page, path)
    violations = audit(page.main_frame, axe_source)
    assert violations == [], violations


def test_the_date_control_of_a_missing_day_passes_the_audit(offline_page, app_url, axe_source):
    page = offline_page.page
    page.goto(f"{app_url}/?date=2025-11-26")
    page.get_by_text("The archive holds no map for 2025-11-26").wait_for()
    settled(page, "/")
    assert audit(page.main_frame, axe_source) == []


def test_the_map_frame_itself_passes_the_audit(offline_page, app_url, axe_source):
    page = offline_page.page
    page.goto(f"{app_url}/scenarios?preset=mutual")
    frame = map_frame(page, minimum_paths=4)
    assert audit(frame, axe_source) == []


def test_the_scenario_can_be_changed_from_the_keyboard(offline_page, app_url):
    page = offline_page.page
    page.goto(f"{app_url}/scenarios?preset=mutual&ua_km=15&ru_km=15")
    map_frame(page, minimum_paths=4)
    slider = page.get_by_role("slider", name="Ukraine pulls back (km)")
    slider.focus()
    slider.press("ArrowRight")
    page.wait_for_function("() => location.search.includes('ua_km=16')", timeout=30_000)
    proposal = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"] input').first
    proposal.focus()
    page.keyboard.type("Russia's demand")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.search.includes('preset=donbas')", timeout=30_000)
