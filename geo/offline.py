"""Serve every map asset locally so folium maps render without internet access.

folium and its plugins point their ``default_js``/``default_css`` at public CDNs, and
streamlit-folium loads whatever those lists hold. :func:`localize_assets` rewrites them to
files the app serves itself (Streamlit static serving, ``/app/static/...``), which
``scripts/fetch_assets.py`` copies out of npm packages at set-up time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import folium
from branca.element import Element


@dataclass(frozen=True)
class NpmAsset:
    """One file of an npm package, as folium names it."""

    package: str
    version: str
    path: str

    @property
    def local_path(self) -> str:
        """Path under ``static/vendor/`` (scope dropped: ``@fortawesome/x`` -> ``x``)."""
        return f"{self.package.split('/')[-1]}/{self.path}"


#: folium's asset names -> where the file is found on the npm registry.
FOLIUM_ASSETS: dict[str, NpmAsset] = {
    "leaflet": NpmAsset("leaflet", "1.9.3", "dist/leaflet.js"),
    "leaflet_css": NpmAsset("leaflet", "1.9.3", "dist/leaflet.css"),
    "jquery": NpmAsset("jquery", "3.7.1", "dist/jquery.min.js"),
    "bootstrap": NpmAsset("bootstrap", "5.2.2", "dist/js/bootstrap.bundle.min.js"),
    "bootstrap_css": NpmAsset("bootstrap", "5.2.2", "dist/css/bootstrap.min.css"),
    "awesome_markers": NpmAsset("leaflet.awesome-markers", "2.0.5", "dist/leaflet.awesome-markers.js"),
    "awesome_markers_css": NpmAsset(
        "leaflet.awesome-markers", "2.0.5", "dist/leaflet.awesome-markers.css"
    ),
    "awesome_markers_font_css": NpmAsset("@fortawesome/fontawesome-free", "6.2.0", "css/all.min.css"),
    "leaflet_draw_js": NpmAsset("leaflet-draw", "1.0.4", "dist/leaflet.draw.js"),
    "leaflet_draw_css": NpmAsset("leaflet-draw", "1.0.4", "dist/leaflet.draw.css"),
    "pattern": NpmAsset("leaflet.pattern", "0.1.0", "dist/leaflet.pattern.js"),
    "Leaflet.Sync": NpmAsset("leaflet.sync", "0.2.4", "L.Map.Sync.js"),
}

#: Folders the CSS files above refer to (icons, fonts), copied alongside them.
EXTRA_ASSET_DIRS: tuple[NpmAsset, ...] = (
    NpmAsset("leaflet", "1.9.3", "dist/images"),
    NpmAsset("leaflet.awesome-markers", "2.0.5", "dist/images"),
    NpmAsset("@fortawesome/fontawesome-free", "6.2.0", "webfonts"),
    NpmAsset("leaflet-draw", "1.0.4", "dist/images"),
)

#: Assets folium lists that no map here needs and that have no npm home: dropped.
UNUSED_ASSETS = frozenset({"glyphicons_css", "awesome_rotate_css"})

#: URL prefix under which Streamlit serves ``static/vendor`` (server.enableStaticServing).
STATIC_URL = "/app/static/vendor"


class UnknownAssetError(ValueError):
    """A map element asks for a CDN asset that has no local copy."""


def _walk(element: Element) -> Iterator[Element]:
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def _localize(entries: list[tuple[str, str]], base_url: str) -> list[tuple[str, str]]:
    local = []
    for name, url in entries:
        if name in UNUSED_ASSETS:
            continue
        if url.startswith(base_url):
            local.append((name, url))
            continue
        asset = FOLIUM_ASSETS.get(name)
        if asset is None:
            message = f"map asset {name!r} ({url}) has no local copy; add it to FOLIUM_ASSETS"
            raise UnknownAssetError(message)
        local.append((name, f"{base_url}/{asset.local_path}"))
    return local


def localize_assets(root: Element, *, base_url: str = STATIC_URL) -> Element:
    """Point every JS/CSS asset of ``root`` and its descendants at local copies.

    Parameters
    ----------
    root
        A folium map or any element tree (feature groups added later must be passed too).
    base_url
        URL prefix where ``static/vendor`` is served.

    Returns
    -------
    The same element, changed in place (its own instance attributes, never the class's).

    Raises
    ------
    UnknownAssetError
        If an element asks for an asset missing from :data:`FOLIUM_ASSETS`.
    """
    for element in _walk(root):
        for attr in ("default_js", "default_css"):
            entries = getattr(element, attr, None)
            if entries:
                setattr(element, attr, _localize(list(entries), base_url))
    return root


def no_tiles_map(**kwargs: object) -> folium.Map:
    """A folium map with no basemap tiles and local assets: complete without internet."""
    m = folium.Map(tiles=None, **kwargs)
    return localize_assets(m)
