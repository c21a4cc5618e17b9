"""The "Download interactive map (HTML)" button every map page draws after its map: the
view as one HTML file that opens from disk with no network (geo/maps/standalone.py), made
when the button is clicked, so that a rerun does not pay for it.

A page hands over how to make its map's page (the same document or folium objects it
shows, without basemap tiles or the drawing tool, in the visitor's language) with its title,
sources and date in that language; the button's texts, and those the file adds, are
:func:`geo.maps.standalone.wording_for` the visitor's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import folium
import streamlit as st
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from geo.language import gettext
from geo.maps.standalone import SIZE_BUDGET_BYTES, file_name, standalone_document, wording_for
from geo.maps.vendor import check
from pages._checked_files import asset_problem
from pages._language import _, language
from pages._prebuilt_layers import Prebuilt

_whole: list[bool] = []  # once whole, the folder is not read again in this process


def _assets_problem() -> str | None:
    """Why the file cannot be made (the Leaflet files it holds are not as installed), or
    None. The folder is read (about 2 MB) until it is found whole once."""
    if _whole:
        return None
    found = check()
    if found.whole:
        _whole.append(True)
        return None
    return _("the map's Leaflet files are {problem}", problem=asset_problem(found))


def map_download(view: str, days: tuple[dt.date, ...], page: Callable[[], str], *,
                 title: str, source: str, as_of: dt.date, label: str | None = None) -> None:
    """The button saving the view as ``ceasefire-atlas_<view>_<days>.html``, in the
    visitor's language.

    ``page`` makes the map's page as the app would show it (called on the click, in a
    thread with no session: it must use values held here, not the session's, the language
    included); ``title``, ``source`` and ``as_of`` are shown in the file
    (:func:`standalone_document`). When the file cannot be made, one sentence says why
    instead of the button. ``label``: the button's, where a page has two maps (English source
    text, e.g. ``ENGLISH.timelapse_button``, translated here; default ``ENGLISH.button``)."""
    lang = language()
    words = wording_for(lang)
    problem = _assets_problem()
    if problem is not None:
        st.caption(words.failed.format(error=problem))
        return
    st.download_button(
        words.button if label is None else gettext(label, lang), mime="text/html",
        file_name=file_name(view, *days),
        data=lambda: standalone_document(page(), title=title, source=source, as_of=as_of,
                                         wording=words),
        help=words.button_help.format(budget_mb=SIZE_BUDGET_BYTES / 1e6),
        icon=":material/download:", on_click="ignore")


class _PrebuiltScript(JSCSSMixin, MacroElement):
    """A :class:`~pages._prebuilt_layers.Prebuilt` layer's script (which adds itself to
    ``map_div``), with the JS and CSS links it needs, in a folium page."""

    _template = Template("{% macro script(this, kwargs) %}{{ this.text }}{% endmacro %}")

    def __init__(self, prebuilt: Prebuilt) -> None:
        super().__init__()
        self.text = prebuilt.script
        self.default_js = list(prebuilt.js)
        self.default_css = list(prebuilt.css)


def prebuilt_page(m: folium.Map, prebuilt: tuple[Prebuilt, ...]) -> str:
    """The whole page of ``m`` (changed in place) with the ``prebuilt`` layers on it, as
    streamlit-folium shows them given the same layers as ``feature_group_to_add``."""
    # The layers' scripts name the map "map_div", as streamlit-folium's frame does.
    m._id = "div"
    for layer in sorted(prebuilt, key=lambda p: p.index):
        _PrebuiltScript(layer).add_to(m)
    return m.get_root().render()
