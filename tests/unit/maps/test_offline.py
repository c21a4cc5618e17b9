"""localize_assets: every asset a map asks for is served by the app itself."""

import folium
import pytest
from folium.plugins import Draw, StripePattern

from geo.maps.offline import STATIC_URL, UnknownAssetError, localize_assets


def asset_urls(m):
    html = m.get_root().render()
    return [part.split('"')[0] for part in html.split('src="')[1:]] + \
           [part.split('"')[0] for part in html.split('href="')[1:]]


def test_a_map_with_plugins_references_only_local_assets():
    m = folium.Map(tiles=None)
    StripePattern().add_to(m)
    Draw().add_to(m)
    localize_assets(m)
    urls = asset_urls(m)
    assert urls and all(url.startswith(STATIC_URL) for url in urls), urls


def test_assets_nothing_needs_are_dropped():
    m = localize_assets(folium.Map(tiles=None))
    names = [name for name, _ in m.default_css]
    assert "glyphicons_css" not in names and "awesome_rotate_css" not in names


def test_the_class_defaults_are_left_alone():
    localize_assets(folium.Map(tiles=None))
    assert folium.Map.default_js[0][1].startswith("https://")


def test_an_asset_without_a_local_copy_is_an_error():
    m = folium.Map(tiles=None)
    m.default_js = [("mystery", "https://cdn.example.org/mystery.js")]
    with pytest.raises(UnknownAssetError, match="mystery"):
        localize_assets(m)
