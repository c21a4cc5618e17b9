"""The control map's layers: units coloured by share, tooltips with figures and sources."""

import datetime as dt
import json
import re

import geopandas as gpd
import pandas as pd
import shapely

from geo.maps.control_layers import control_layer
from geo.maps.palette import share_color

DATE = dt.date(2026, 1, 6)


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


def features(basis: str | None = None) -> list[dict]:
    group = control_layer(units(), shares(), PUBLISHED, DATE, basis)
    (layer,) = group._children.values()
    return json.loads(layer.data)["features"]


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
