"""Serve every map asset locally so folium maps render without internet access.

folium and its plugins point their ``default_js``/``default_css`` at public CDNs, and
streamlit-folium loads whatever those lists hold. :func:`localize_assets` rewrites them to
files the app serves itself (Streamlit static serving, ``/app/static/...``), which
:mod:`geo.maps.vendor` fetches from the npm registry (at set-up, ``scripts/fetch_assets.py``).
"""

from __future__ import annotations

from collections.abc import Iterator

import folium
from branca.element import Element

from geo.maps.vendor import FOLIUM_ASSETS

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
            message = f"map asset {name!r} ({url}) has no local copy; add it to geo.maps.vendor.FOLIUM_ASSETS"
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
