"""The map component's arguments, made once per map and sent as they are by every rerun and
visitor showing that map.

``st_folium`` renders the whole folium map (a Jinja template per element), walks it for its
asset links and scripts its feature groups on every call: about 15 ms of CPU a rerun for the
Ceasefire lines map even when its layers are prebuilt (:mod:`pages._prebuilt_layers`). What
it sends the browser depends only on the map and its layers, so it is made once, keyed by what
identifies them, and a rerun only calls the component.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable

import folium
import streamlit as st
import streamlit_folium
from branca.element import Element
from folium.elements import JSCSSMixin

from pages._outcome_cache import HASH_FUNCS

#: Maps kept (a map's arguments are its scripts: 0.1-0.5 MB each).
MAPS_KEPT = 256
#: What the component can return, each None until the reader does something (st_folium's).
RETURNABLE = ("last_clicked", "last_object_clicked", "last_object_clicked_count",
              "last_object_clicked_tooltip", "last_object_clicked_popup", "all_drawings",
              "last_active_drawing", "bounds", "zoom", "last_circle_radius",
              "last_circle_polygon", "selected_layers", "selected_tags", "last_geocoder_result")
#: streamlit-folium's private helpers this module calls (checked at import: a version that
#: renames one fails there, not on a visitor's map).
_HELPERS = ("_get_html", "_get_header", "_get_map_string", "_get_feature_group_string",
            "get_full_id", "generate_js_hash", "_component_func")
if missing := [name for name in _HELPERS if not callable(getattr(streamlit_folium, name, None))]:
    raise ImportError(f"this streamlit-folium lacks {missing}")


def _walk(element: Element):
    yield element
    for child in element._children.values():
        yield from _walk(child)


def _links(fig: folium.Map) -> tuple[list[str], list[str]]:
    """The map's CSS and JS links in streamlit-folium's order, each once."""
    css, js = [], []
    for element in _walk(fig):
        if isinstance(element, JSCSSMixin):
            css.extend(href for _, href in getattr(element, "default_css", []))
            js.extend(src for _, src in getattr(element, "default_js", []))
    return list(dict.fromkeys(css)), list(dict.fromkeys(js))


def _bounds(fig: folium.Map) -> dict[str, dict[str, float | None]]:
    (south, west), (north, east) = fig.get_bounds()
    return {"_southWest": {"lat": south, "lng": west}, "_northEast": {"lat": north, "lng": east}}


def component_args(fig: folium.Map, layers: Iterable[folium.FeatureGroup], *, key: str,
                   height: int, returned_objects: list[str]) -> dict:
    """What ``st_folium(fig, key=key, feature_group_to_add=layers, height=height,
    use_container_width=True, returned_objects=returned_objects)`` passes its component
    (all but ``on_change``), made as it makes them."""
    fig.get_root().render()
    fig.render()
    html = streamlit_folium._get_html(fig)
    header = streamlit_folium._get_header(fig)
    leaflet = streamlit_folium._get_map_string(fig)
    defaults = {name: None for name in RETURNABLE}
    defaults.update(bounds=_bounds(fig), zoom=fig.options.get("zoom"))
    groups = "".join(streamlit_folium._get_feature_group_string(layer, map=fig, idx=index)
                     for index, layer in enumerate(layers))
    css, js = _links(fig)
    return dict(
        script=leaflet, header=header, html=html, id=streamlit_folium.get_full_id(fig),
        key=streamlit_folium.generate_js_hash(leaflet, key, False), height=height, width=None,
        returned_objects=returned_objects,
        default={name: value for name, value in defaults.items() if name in returned_objects},
        zoom=None, center=None, feature_group=groups or None, return_on_hover=False,
        layer_control=None, pixelated=False, css_links=css, js_links=js, wrap_longitude=False)


# An identity may hold scenarios: hashed as the outcome caches hash them.
@st.cache_resource(show_spinner=False, max_entries=MAPS_KEPT, hash_funcs=HASH_FUNCS)
def _args(identity: Hashable, _make: Callable[[], tuple[folium.Map, list[folium.FeatureGroup]]],
          key: str, height: int, returned_objects: tuple[str, ...]) -> dict:
    fig, layers = _make()
    return component_args(fig, layers, key=key, height=height,
                          returned_objects=list(returned_objects))


def folium_map(identity: Hashable, make: Callable[[], tuple[folium.Map, list[folium.FeatureGroup]]],
               *, key: str, height: int, returned_objects: Iterable[str] = ()):
    """Show the map ``make()`` builds (a map and its feature groups), full width, ``height``
    px, as ``st_folium`` would, building it only the first time ``identity`` (a hashable
    value that says everything the map shows) is asked for; returns what st_folium returns
    (``returned_objects`` of the map's state)."""
    args = _args(identity, make, key, height, tuple(returned_objects))
    hash_key = args["key"]

    def changed() -> None:
        st.session_state[key] = st.session_state.get(hash_key, {})

    # A fresh dict: the component may keep what it is given.
    return streamlit_folium._component_func(**dict(args), on_change=changed)

