"""Map layers whose JavaScript is generated once per outcome and shared by every rerun and
visitor showing it.

streamlit-folium turns each feature group into JavaScript on every rerun: building the
folium elements compiles a Jinja template per element and serialises every GeoJSON, 60-80 ms
for the Ceasefire lines map. A :class:`PrebuiltGroup` carries that script, made once, and
renders it as is; a fresh (cheap) one is made per rerun, since streamlit-folium re-parents
and renames the groups it is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from textwrap import dedent

import folium
from branca.element import Element
from folium.elements import JSCSSMixin
from jinja2 import Template
from streamlit_folium import generate_leaflet_string, get_full_id


@dataclass(frozen=True)
class Prebuilt:
    """One feature group's script for position ``index`` of ``feature_group_to_add``, with
    the JS and CSS links its elements need (already pointed at local copies)."""

    index: int
    script: str
    js: tuple[tuple[str, str], ...]
    css: tuple[tuple[str, str], ...]


class PrebuiltGroup(JSCSSMixin, folium.FeatureGroup):
    """A feature group that renders a :class:`Prebuilt` script instead of its children."""

    # One template for the class, compiled once.
    _template = Template("{% macro script(this, kwargs) %}{{ this.prebuilt_script }}"
                         "{% endmacro %}")

    def __init__(self, prebuilt: Prebuilt) -> None:
        # show=False: the script already adds the group to the map (folium would add it twice).
        super().__init__(show=False)
        self.prebuilt_script = prebuilt.script
        self.default_js = list(prebuilt.js)
        self.default_css = list(prebuilt.css)

    def render(self, **kwargs) -> None:
        """Nothing to do: streamlit-folium reads the script through the template, and a
        MacroElement's own render would compile the whole script as a Jinja template."""


def _walk(element: Element):
    yield element
    for child in element._children.values():
        yield from _walk(child)


def prebuild(layers: list[folium.FeatureGroup]) -> tuple[Prebuilt, ...]:
    """The scripts of ``layers`` (assets already localized), as streamlit-folium would
    generate them when given the same list as ``feature_group_to_add``."""
    scratch = folium.Map(tiles=None)
    built = []
    for index, layer in enumerate(layers):
        # As streamlit_folium._get_feature_group_string does, without the addLayer it adds.
        layer._id = f"feature_group_{index}"
        layer.add_to(scratch)
        layer.render()
        script = generate_leaflet_string(layer, base_id=f"feature_group_{index}")
        script = dedent(script.replace(get_full_id(scratch), "map_div"))
        links = [e for e in _walk(layer) if isinstance(e, JSCSSMixin)]
        js = tuple(dict.fromkeys(pair for e in links for pair in getattr(e, "default_js", [])))
        css = tuple(dict.fromkeys(pair for e in links for pair in getattr(e, "default_css", [])))
        built.append(Prebuilt(index, script, js, css))
    return tuple(built)


def groups(prebuilt: tuple[Prebuilt, ...]) -> list[folium.FeatureGroup]:
    """Fresh feature groups for one rerun, in the order they were built."""
    return [PrebuiltGroup(p) for p in sorted(prebuilt, key=lambda p: p.index)]
