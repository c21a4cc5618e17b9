"""The control map's layers: units coloured by share, tooltips with figures and sources, in
English and in Ukrainian (its catalogue compiled, as set-up does)."""

import datetime as dt
import json
import re

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geo.data.control import ControlSnapshot
from geo.data.snapshots import ATTRIBUTION
from geo.language import gettext
from geo.maps.control_layers import (control_document, control_layer, front_line_layer,
                                     occupied_layer)
from geo.maps.palette import share_color

DATE = dt.date(2026, 1, 6)
NBSP, NNBSP = "\u00a0", "\u202f"
DAY_UK = f"6 січня 2026{NNBSP}р."


def units() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"iso_3166_2": ["UA-14", "UA-99"], "name": ["Donetsk Oblast", "<b>Bold</b>"],
         "name_uk": ["Донецька область", "Жирна"]},
        geometry=[shapely.box(37, 47, 38, 48), shapely.box(30.123456789, 50, 31, 51)],
        crs="EPSG:4326")


def shares() -> pd.DataFrame:
    return pd.DataFrame({"iso_3166_2": ["UA-14", "UA-99"], "area_km2": [26517.0, 1000.0],
                         "occupied_km2": [19888.0, 0.0], "occupied_pct": [75.0, 0.0]})


PUBLISHED = pd.DataFrame({"area": ["UA-14"], "percent": [75.0], "as_of": ["2026-01-06"],
                          "source": ["BBC News"]})


def features(basis: str | None = None, lang: str = "en") -> list[dict]:
    group = control_layer(units(), shares(), PUBLISHED, DATE, basis, lang=lang)
    (layer,) = group._children.values()
    return json.loads(layer.data)["features"]


def rows(tooltip: str) -> list[tuple[str, str]]:
    """A tooltip's (label, value) rows, as plain text."""
    return [(label, re.sub("<br>", " | ", value))
            for label, value in re.findall(r"<tr><th>(.*?)</th><td>(.*?)</td></tr>", tooltip)]


def test_each_unit_is_filled_by_its_share_class():
    assert [f["properties"]["fill"] for f in features()] == [share_color(75.0), share_color(0.0)]


def test_coordinates_are_drawn_to_about_a_metre():
    assert features()[1]["geometry"]["coordinates"][0][0] == [31.0, 50.0]
    assert [30.12346, 50.0] in features()[1]["geometry"]["coordinates"][0]


def test_the_tooltip_gives_the_share_area_and_published_figures():
    text = re.sub("<[^>]+>", " ", features()[0]["properties"]["tooltip"])
    assert "75.0 % (19,888 km²)" in text
    assert "Computed from DeepStateMap, 2026-01-06" in text
    assert "75 % (BBC News, 2026-01-06)" in text


def test_a_unit_without_published_figures_says_so():
    assert "none collected" in features()[1]["properties"]["tooltip"]


def test_names_in_the_tooltip_are_text_not_html():
    assert "&lt;b&gt;Bold&lt;/b&gt;" in features()[1]["properties"]["tooltip"]


def test_the_tooltip_names_a_visitors_own_data_as_the_basis():
    assert "Computed from my-lines.geojson" in \
        features("Computed from my-lines.geojson")[0]["properties"]["tooltip"]


def test_a_visitors_file_name_in_the_tooltip_is_text_not_html():
    tooltip = features('Computed from <img src=x onerror=alert(1)>.geojson')[0]["properties"]
    assert "<img" not in tooltip["tooltip"]
    assert "&lt;img src=x onerror=alert(1)&gt;.geojson" in tooltip["tooltip"]


def test_the_english_tooltip_gives_the_english_name_first():
    assert rows(features()[0]["properties"]["tooltip"]) == [
        ("Unit", "Donetsk Oblast"), ("Українською", "Донецька область"),
        ("Area", "26,517 km²"),
        ("Held by Russia", "75.0 % (19,888 km²) | Computed from DeepStateMap, 2026-01-06"),
        ("Published", "75 % (BBC News, 2026-01-06)")]


def test_the_ukrainian_tooltip_gives_the_ukrainian_name_first_and_its_figures_in_ukrainian():
    assert rows(features(lang="uk")[0]["properties"]["tooltip"]) == [
        ("Назва", "Донецька область"), ("Англійською", "Donetsk Oblast"),
        ("Площа", f"26{NBSP}517{NBSP}км²"),
        ("Під контролем Росії", (f"75,0{NBSP}% (19{NBSP}888{NBSP}км²) | Обчислено за даними "
                                 f"DeepStateMap станом на {DAY_UK}")),
        ("Опубліковані оцінки", f"75{NBSP}% (BBC News, {DAY_UK})")]


def test_a_ukrainian_tooltip_without_published_figures_says_so_in_ukrainian():
    assert rows(features(lang="uk")[1]["properties"]["tooltip"])[-1] == (
        "Опубліковані оцінки", "не зібрано")


def test_the_occupied_area_and_the_line_are_explained_in_ukrainian():
    occupied = occupied_layer(shapely.box(37, 47, 38, 48), DATE, lang="uk")
    assert occupied.options["attribution"] == (
        f"{gettext(ATTRIBUTION, 'uk')}, знімок станом на {DAY_UK}")
    line = front_line_layer(shapely.LineString([(37, 47), (38, 48)]), 1234.4, DATE, lang="uk")
    (layer,) = line._children.values()
    assert json.loads(layer.tooltip_json) == (
        f"Лінія зіткнення станом на {DAY_UK}: 1{NBSP}234{NBSP}км (обчислено за даними "
        "DeepStateMap)")


def snapshot() -> ControlSnapshot:
    return ControlSnapshot(date=DATE, shares=shares(), occupied=shapely.box(37, 47, 37.5, 47.5),
                           line=shapely.LineString([(37, 47), (38, 48)]), line_km=150.0)


def legend(document: str) -> list[str]:
    """The texts of the map's legend, in order."""
    block = re.search(r'<div class="atlas-legend".*?</div>\s*</div>', document, re.DOTALL)[0]
    return [text.strip() for text in re.split(r"<[^>]+>", block) if text.strip()]


@pytest.fixture(scope="module")
def documents() -> dict[str, str]:
    return {lang: control_document(units(), snapshot(), PUBLISHED, lang=lang)
            for lang in ("en", "uk")}


def test_the_ukrainian_control_map_has_a_ukrainian_legend(documents):
    assert legend(documents["uk"]) == [
        "Частка під контролем Росії", "немає", f"до 5{NBSP}%", f"5–25{NBSP}%", f"25–50{NBSP}%",
        f"50–75{NBSP}%", f"75–95{NBSP}%", f"понад 95{NBSP}%", "окупована територія",
        "лінія зіткнення"]
    assert 'aria-label="Легенда карти"' in documents["uk"]


def test_the_ukrainian_control_map_names_its_zoom_buttons_and_scale_in_ukrainian(documents):
    assert '"zoom_in": "Збільшити"' in documents["uk"]
    assert '"km": "км"' in documents["uk"]


def test_the_english_control_map_is_unchanged_by_the_language_parameter(documents):
    english = documents["en"]
    assert legend(english) == ["Share held by Russia", "none", "up to 5 %", "5-25 %", "25-50 %",
                               "50-75 %", "75-95 %", "over 95 %", "occupied area",
                               "line of contact"]
    assert 'aria-label="Map legend"' in english
    assert "zoomInTitle" not in english
