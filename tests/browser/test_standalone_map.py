"""Each map page's "Download interactive map (HTML)", downloaded from the running app and
opened from disk in a browser that may fetch nothing but the file itself: the layers, the
legend, the date and the sources are drawn, and nothing else is asked for."""

from __future__ import annotations

import shutil
from dataclasses import dataclass

import pytest
from playwright.sync_api import expect

from geo.maps.palette import SHARE_CLASSES
from geo.maps.standalone import SIZE_BUDGET_BYTES, wording_for
from tests.browser.test_control_map import download, map_frame

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class View:
    """A map page's default view and what its file must show."""

    path: str
    minimum_paths: int  # shapes its map draws in the app
    file_name: str
    legend: str
    as_of: str


VIEWS = {
    "control": View("", 29, "ceasefire-atlas_control_2026-10-10.html", "Share held by Russia",
                    "2026-10-10"),
    "scenarios": View("/scenarios", 4, "ceasefire-atlas_freeze_2026-10-10.html",
                      "Under this scenario", "2026-10-10"),
    "compare": View("/compare", 8, "ceasefire-atlas_compare-donbas-mutual_2026-10-10.html",
                    "Under each scenario", "2026-10-10"),
    "history": View("/history", 30, "ceasefire-atlas_history_2024-07-08_2026-10-10.html",
                    "Between the two dates", "2026-10-10"),
}


def downloaded(offline_page, app_url, view: View, folder, lang: str = "en"):
    """The view's file in ``lang``, downloaded once its map is drawn in the app."""
    page = offline_page.page
    page.goto(f"{app_url}{view.path}" + ("" if lang == "en" else f"?lang={lang}"))
    map_frame(page, minimum_paths=view.minimum_paths // 2)
    path = download(page, wording_for(lang).button, folder)
    assert offline_page.blocked == []
    return path


class FromDisk:
    """A page in a context of its own in which every request but ``file://`` is aborted and
    kept in ``asked``."""

    def __init__(self, browser, width: int = 1280, height: int = 800):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.asked: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.set_default_timeout(30_000)

    def _route(self, route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.asked.append(route.request.url)
            route.abort()

    def open(self, path, minimum_paths: int):
        self.page.goto(path.as_uri())
        self.page.locator("path.leaflet-interactive").nth(minimum_paths - 1).wait_for()
        return self.page


@pytest.fixture
def from_disk(browser):
    opened = FromDisk(browser)
    yield opened
    opened.context.close()


@pytest.mark.parametrize("name", list(VIEWS))
def test_the_downloaded_map_draws_from_disk_with_no_network(name, offline_page, app_url,
                                                            from_disk, tmp_path, artifacts):
    view = VIEWS[name]
    path = downloaded(offline_page, app_url, view, tmp_path)
    assert path.name == view.file_name
    assert path.stat().st_size <= SIZE_BUDGET_BYTES
    page = from_disk.open(path, view.minimum_paths)

    assert page.locator("path.leaflet-interactive").count() >= view.minimum_paths
    expect(page.locator(".atlas-legend")).to_contain_text(view.legend)
    expect(page.locator(".atlas-legend")).to_be_visible()
    title = page.locator(".atlas-standalone-title")
    expect(title).to_be_visible()
    expect(title).to_contain_text(f"As of {view.as_of}")
    expect(title).to_contain_text("DeepStateMap")
    expect(page.locator(".leaflet-control-attribution").first).to_contain_text("DeepStateMap")
    page.screenshot(path=artifacts / f"standalone_{name}_1280x800.png")
    shutil.copy(path, artifacts / path.name)
    assert from_disk.asked == []


def hover_a_free_unit(page) -> None:
    """Hover a unit Russia holds none of (no occupied area drawn over it), in the map's top
    half (the title block covers part of the bottom left)."""
    units = page.locator(f'path.leaflet-interactive[fill="{SHARE_CLASSES[0][1]}"]')
    top = next(unit for unit in units.all()
               if (box := unit.bounding_box())["y"] + box["height"] / 2 < 400)
    top.hover()


def test_a_unit_of_the_downloaded_control_map_shows_its_figures_on_hover(
        offline_page, app_url, from_disk, tmp_path):
    view = VIEWS["control"]
    page = from_disk.open(downloaded(offline_page, app_url, view, tmp_path), view.minimum_paths)
    hover_a_free_unit(page)
    expect(page.locator(".leaflet-tooltip")).to_contain_text("Held by Russia")
    expect(page.locator(".leaflet-tooltip")).to_contain_text("Computed from DeepStateMap")
    assert from_disk.asked == []


def test_the_downloaded_ukrainian_control_map_is_in_ukrainian(offline_page, app_url, from_disk,
                                                              tmp_path, artifacts):
    view = VIEWS["control"]
    path = downloaded(offline_page, app_url, view, tmp_path, lang="uk")
    assert path.name == view.file_name  # file names are identifiers: the same in any language
    page = from_disk.open(path, view.minimum_paths)

    assert page.locator("html").get_attribute("lang") == "uk"
    expect(page.locator(".atlas-legend")).to_contain_text("Частка під контролем Росії")
    title = page.locator(".atlas-standalone-title")
    expect(title).to_contain_text("Станом на 10 жовтня 2026")
    expect(title).to_contain_text("Атлас припинення вогню")
    expect(page.locator(".leaflet-control-scale-line")).to_contain_text("км")
    assert page.locator(".leaflet-control-zoom-in").get_attribute("title") == "Збільшити"
    hover_a_free_unit(page)
    expect(page.locator(".leaflet-tooltip")).to_contain_text("Під контролем Росії")
    expect(page.locator(".leaflet-tooltip")).to_contain_text("Обчислено за даними DeepStateMap")
    page.screenshot(path=artifacts / "standalone_control_uk_1280x800.png")
    assert from_disk.asked == []
