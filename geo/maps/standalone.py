"""A map page made into one HTML file that opens in any browser with no server and no
network (``file://``): what a presenter takes to a venue without a reliable connection.

The app's map pages load Leaflet and its plugins from the app's own static files
(:data:`geo.maps.offline.STATIC_URL`), which a file opened from disk cannot reach.
:func:`standalone_document` puts each of those files in the page itself, read from
``static/vendor/`` and checked against the sha256 its install recorded
(:mod:`geo.maps.vendor`), with the images and fonts their CSS refers to as ``data:`` URIs;
it adds a title block with the sources and the as-of date, drops what only the app can use
(streamlit-folium's component bridge), and refuses, rather than writes, a file that would
still need the network for anything it draws (:class:`StandaloneError`): basemap tiles,
a stylesheet or script from elsewhere, an image in a tooltip. Links (``<a href>``) are kept:
they are followed only when clicked.

Every text the file and its download button show is in :class:`Wording` (English:
:data:`ENGLISH`; any language: :func:`wording`), so that it is translated in one place. Only
the standard library (and geo/language.py) is used here.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import posixpath
import re
from dataclasses import dataclass, fields, replace
from pathlib import Path

from geo.language import DEFAULT, N_, checked, gettext, long_date
from geo.maps.offline import STATIC_URL
from geo.maps.vendor import RECORD_NAME, VENDOR_DIR, manifest

#: The most a downloaded map may weigh (bytes): every page's default view stays well under
#: it (tests/unit/test_standalone.py measures them on the shipped data).
SIZE_BUDGET_BYTES = 2_000_000
#: The file name's start: ``ceasefire-atlas_<view>_<YYYY-MM-DD>.html`` (see :func:`file_name`).
FILE_PREFIX = "ceasefire-atlas"
#: Marks a script or stylesheet put in the page from ``static/vendor/`` (its value: the
#: file's path there), so a reader of the file, and :func:`external_references`, can tell it
#: from the page's own.
INLINED_ATTRIBUTE = "data-atlas-inlined"

#: The media type of each kind of file a stylesheet may refer to, by suffix.
DATA_URI_TYPES = {
    ".png": "image/png", ".gif": "image/gif", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml", ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf",
    ".otf": "font/otf", ".eot": "application/vnd.ms-fontobject",
}


@dataclass(frozen=True)
class Wording:
    """Every text of a downloaded map and of its button: one instance per language.

    ``{date}``, ``{source}``, ``{error}`` and ``{budget_mb}`` are filled in where they
    appear."""

    #: The file's ``<html lang>``, and the language its dates are written in.
    lang: str = DEFAULT
    as_of: str = N_("As of {date}")
    sources: str = N_("Sources: {source}")
    about: str = N_("Ceasefire Atlas. Works offline: point at a shape for its figures, scroll "
                    "or use + and − to zoom.")
    block_label: str = N_("About this map")
    button: str = N_("Download interactive map (HTML)")
    timelapse_button: str = N_("Download the timelapse (interactive HTML)")
    button_help: str = N_("One HTML file (under {budget_mb:g} MB) that opens in any browser "
                          "without a network: the map's layers, legend, labels and figures on "
                          "hover, with the sources and the date. No basemap tiles.")
    failed: str = N_("The interactive map cannot be downloaded: {error}.")


#: The source language's.
ENGLISH = Wording()


def wording_for(lang: str) -> Wording:
    """The texts of a downloaded map and of its button in ``lang`` (:data:`ENGLISH` itself
    for English)."""
    if checked(lang) == DEFAULT:
        return ENGLISH
    return replace(ENGLISH, lang=lang, **{f.name: gettext(getattr(ENGLISH, f.name), lang)
                                          for f in fields(Wording) if f.name != "lang"})


class StandaloneError(ValueError):
    """A map page cannot be made into a file that draws with no network: the message says
    which reference or which file is the reason."""


def file_name(view: str, *days: dt.date) -> str:
    """The downloaded file's name, e.g. ``ceasefire-atlas_control_2026-10-10.html``;
    ``view`` names the page's view (letters, digits and ``-`` only), ``days`` its date(s)."""
    if not re.fullmatch(r"[a-z0-9-]+", view):
        message = f"a view's name is lower-case letters, digits and '-': {view!r}"
        raise ValueError(message)
    return "_".join([FILE_PREFIX, view, *(day.isoformat() for day in days)]) + ".html"


class _Vendor:
    """The files of ``static/vendor/`` that its install recorded, each read only if its
    sha256 is the record's (:func:`geo.maps.vendor.check` compares the same record)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        try:
            record = json.loads((folder / RECORD_NAME).read_text(encoding="utf-8"))
            digests = record["sha256"]
            current = record["manifest"] == manifest() and isinstance(digests, dict)
        except (OSError, ValueError, KeyError, TypeError):
            current = False
        if not current:
            message = ("the map's Leaflet files are missing from static/vendor/ (no record of "
                       "their install): run `bash scripts/setup.sh app`")
            raise StandaloneError(message)
        self.digests: dict[str, str] = digests

    def read(self, name: str) -> bytes:
        """The file ``name`` (a path under the folder, e.g. ``leaflet/dist/leaflet.js``)."""
        if name not in self.digests:
            message = f"static/vendor/{name} is not one of the map's installed files"
            raise StandaloneError(message)
        try:
            data = (self.folder / name).read_bytes()
        except OSError:
            message = f"static/vendor/{name} is missing: run `bash scripts/setup.sh app`"
            raise StandaloneError(message) from None
        if hashlib.sha256(data).hexdigest() != self.digests[name]:
            message = (f"static/vendor/{name} is not as installed (cut short or changed since "
                       "set-up): run `bash scripts/setup.sh app`")
            raise StandaloneError(message)
        return data


# Tags whose content is not markup, and the other tags, found in one pass so that nothing
# put in the page is looked at again.
_BLOCKS = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>|<link\b[^>]*>",
                     re.IGNORECASE | re.DOTALL)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
_TAG = re.compile(r"<([a-zA-Z][\w:-]*)(\s[^>]*)?>")
_CSS_URL = re.compile(r"""url\(\s*(["']?)([^"')]*)\1\s*\)""", re.IGNORECASE)
#: What only the streamlit-folium component uses: messages to the app around the frame.
_BRIDGE = re.compile(r"streamlit:(?:componentReady|setComponentValue|setFrameHeight|render)\b")
_BRIDGE_SOURCE = re.compile(r"/component/|/_stcore/|streamlit", re.IGNORECASE)
#: In the page's own scripts, what makes a browser fetch: a Leaflet layer of images or
#: tiles, an image or stylesheet in HTML or CSS text, a request from code.
_SCRIPT_FETCHES = (
    re.compile(r"""L\.(?:tileLayer(?:\.wms)?|imageOverlay|videoOverlay)\(\s*["']([^"']*)"""),
    re.compile(r"""\bsrc\s*=\s*\\?["']?((?:https?:)?//[^"'\\\s>]+)""", re.IGNORECASE),
    re.compile(r"""url\(\s*\\?["']?((?:https?:)?//[^"'\\)\s]+)""", re.IGNORECASE),
    re.compile(r"""\b(?:fetch|importScripts)\(\s*["']([^"']+)"""),
    re.compile(r"""@import\s+(?:url\()?\s*["']?([^"')\s;]+)""", re.IGNORECASE),
)
#: Attributes of markup that make a browser fetch (``href`` only off an ``<a>``).
_FETCHING_ATTRIBUTES = frozenset({"src", "href", "srcset", "poster", "data", "background",
                                  "action", "formaction", "xlink:href"})


def _attributes(text: str) -> dict[str, str]:
    return {m.group(1).lower(): html.unescape(next((g for g in m.groups()[1:] if g is not None),
                                                   ""))
            for m in _ATTRIBUTE.finditer(text or "")}


def _needs_nothing(reference: str) -> bool:
    """Whether a reference draws from the page itself (a ``data:`` URI, a fragment)."""
    reference = reference.strip()
    return (not reference or reference.startswith("#")
            or reference.lower().startswith(("data:", "about:blank", "javascript:")))


def _escaped_script(code: str) -> str:
    # Inside <script>, "</script" would end the element and "<!--" would change how the
    # rest is read; "\x3C" is "<" in every JavaScript string, template and regular expression.
    return re.sub(r"<(?=/script|!--)", r"\\x3C", code, flags=re.IGNORECASE)


def _escaped_style(css: str) -> str:
    # "\/" is "/" in CSS: "</style" in a string no longer ends the element.
    return re.sub(r"</(?=style)", r"<\\/", css, flags=re.IGNORECASE)


def _data_uri(name: str, data: bytes) -> str:
    kind = DATA_URI_TYPES.get(posixpath.splitext(name)[1].lower())
    if kind is None:
        message = f"static/vendor/{name}: no data: URI type for this kind of file"
        raise StandaloneError(message)
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def _inlined_css(name: str, vendor: _Vendor) -> str:
    """Stylesheet ``name`` of the vendor folder with every file it refers to as a ``data:``
    URI (each read once)."""
    css = vendor.read(name).decode("utf-8")
    folder = posixpath.dirname(name)
    uris: dict[str, str] = {}

    def inline(match: re.Match) -> str:
        reference = match.group(2).strip()
        if _needs_nothing(reference):
            return match.group(0)
        if re.match(r"(?:[a-z][a-z0-9+.-]*:)?//", reference, re.IGNORECASE):
            message = f"static/vendor/{name} refers to {reference}, which needs the network"
            raise StandaloneError(message)
        target = posixpath.normpath(posixpath.join(folder, re.split(r"[?#]", reference)[0]))
        if target.startswith("../"):
            message = f"static/vendor/{name} refers to {reference}, outside static/vendor/"
            raise StandaloneError(message)
        if target not in uris:
            uris[target] = _data_uri(target, vendor.read(target))
        return f'url("{uris[target]}")'

    css = _CSS_URL.sub(inline, css)
    if re.search(r"@import\b", css, re.IGNORECASE):
        message = f"static/vendor/{name} imports another stylesheet"
        raise StandaloneError(message)
    return css


def _vendor_name(url: str, base_url: str) -> str | None:
    """The path under ``static/vendor/`` that ``url`` points at, or None if it is not there."""
    prefix = base_url.rstrip("/") + "/"
    if not url.startswith(prefix):
        return None
    name = posixpath.normpath(url[len(prefix):].split("?")[0].split("#")[0])
    return None if name.startswith("../") or name == "." else name


def _title_block(title: str, source: str, as_of: dt.date, wording: Wording) -> str:
    lines = (f'<div style="font-weight:bold">{html.escape(title)}</div>'
             f"<div>{html.escape(wording.as_of.format(date=long_date(as_of, wording.lang)))}"
             "</div>"
             f"<div>{html.escape(wording.sources.format(source=source))}</div>"
             f'<div style="color:#444">{html.escape(wording.about)}</div>')
    # Where Leaflet puts nothing (bottom left), above the map and beside its attribution.
    return (f'<div class="atlas-standalone-title" role="note" '
            f'aria-label="{html.escape(wording.block_label)}" style="position:fixed; left:10px; '
            "bottom:24px; z-index:1000; max-width:min(46vw,560px); "
            "background:rgba(255,255,255,0.92); padding:6px 9px; border-radius:4px; "
            "font:13px/1.35 sans-serif; color:#111; box-shadow:0 1px 4px rgba(0,0,0,.3)\">"
            f"{lines}</div>")


def standalone_document(page: str, *, title: str, source: str, as_of: dt.date,
                        wording: Wording | None = None, lang: str = DEFAULT,
                        vendor_dir: Path | None = None, base_url: str = STATIC_URL) -> str:
    """``page``, a whole map page as the app shows it (e.g.
    :func:`geo.maps.control_layers.control_document`, or a folium map's
    ``get_root().render()``), as one file that draws offline from disk.

    Parameters
    ----------
    page
        The map's HTML, loading its scripts and stylesheets from ``base_url``.
    title, source, as_of
        What the map shows, its sources and their date: the file's title, and a block in
        its bottom-left corner (besides the map's own attribution). Plain text.
    wording, lang
        The texts added, in the page's language: ``wording`` if given, else those of
        ``lang`` (:func:`wording_for`; English by default), whose dates they write.
    vendor_dir, base_url
        Where the app's Leaflet files are (default :data:`geo.maps.vendor.VENDOR_DIR`) and
        the URL prefix the page loads them from (:data:`geo.maps.offline.STATIC_URL`).

    Returns
    -------
    The file's text: every ``<script src>`` and stylesheet ``<link>`` of ``base_url``
    replaced by the file's content (marked with :data:`INLINED_ATTRIBUTE`), the images and
    fonts their CSS refers to as ``data:`` URIs, streamlit-folium's component bridge left
    out.

    Raises
    ------
    StandaloneError
        If a file to put in is not as its install recorded, or the result would still fetch
        something (:func:`external_references`): a script, stylesheet or image from
        elsewhere, basemap tiles (make the page without them).
    """
    wording = wording or wording_for(lang)
    vendor = _Vendor(vendor_dir or VENDOR_DIR)
    inlined: set[str] = set()  # a file loaded twice (a DualMap's two maps) is put in once

    def replace(match: re.Match) -> str:
        tag = (match.group(1) or "link").lower()
        if tag == "style":
            return match.group(0)
        # A <link>'s attributes are between "<link" and ">".
        attributes = _attributes(match.group(2) if match.group(1) else match.group(0)[5:-1])
        content = match.group(3) or ""
        if tag == "script":
            url = attributes.get("src")
            if url is None:
                return "" if _BRIDGE.search(content) else match.group(0)
            if _BRIDGE_SOURCE.search(url):
                return ""
            name = _vendor_name(url, base_url)
            if name is None:
                message = f"the map loads the script {url}, which is not one of the app's files"
                raise StandaloneError(message)
            if name in inlined:
                return ""
            inlined.add(name)
            code = _escaped_script(vendor.read(name).decode("utf-8"))
            return f'<script {INLINED_ATTRIBUTE}="{html.escape(name)}">{code}</script>'
        url = attributes.get("href", "")
        if "stylesheet" not in attributes.get("rel", "").lower().split():
            return match.group(0)  # icons, preloads: left to the final check
        name = _vendor_name(url, base_url)
        if name is None:
            message = f"the map loads the stylesheet {url}, which is not one of the app's files"
            raise StandaloneError(message)
        if name in inlined:
            return ""
        inlined.add(name)
        css = _escaped_style(_inlined_css(name, vendor))
        return f'<style {INLINED_ATTRIBUTE}="{html.escape(name)}">{css}</style>'

    document = _BLOCKS.sub(replace, page)
    document = _with_title(document, title, wording)
    block = _title_block(title, source, as_of, wording)
    at = document.lower().rfind("</body>")
    document = (document[:at] + block + "\n" + document[at:]) if at >= 0 else document + block
    needed = external_references(document, base_url=base_url)
    if needed:
        shown = ", ".join(needed[:3]) + (f" and {len(needed) - 3} more" if len(needed) > 3
                                         else "")
        message = f"the map would still fetch {shown} (it must draw with no network)"
        raise StandaloneError(message)
    return document


def _with_title(document: str, title: str, wording: Wording) -> str:
    """``document`` with its language on ``<html>`` and ``title`` as its ``<title>``."""
    document = re.sub(r"<html\b(?![^>]*\blang=)", f'<html lang="{html.escape(wording.lang)}"',
                      document, count=1, flags=re.IGNORECASE)
    heading = f"<title>{html.escape(title)}</title>"
    if re.search(r"<title\b", document, re.IGNORECASE):
        return re.sub(r"<title\b[^>]*>.*?</title\s*>", lambda _: heading, document, count=1,
                      flags=re.IGNORECASE | re.DOTALL)
    return re.sub(r"<head\b[^>]*>", lambda m: m.group(0) + heading, document, count=1,
                  flags=re.IGNORECASE)


def external_references(document: str, *, base_url: str = STATIC_URL) -> list[str]:
    """What ``document`` would fetch from a server or the network to draw, in order: the
    ``src`` of scripts, images and frames, stylesheet and icon links, ``url()`` and
    ``@import`` in CSS, and in its own scripts the URLs of tile and image layers and of
    images or stylesheets in HTML or CSS text. A ``data:`` URI or a fragment needs nothing,
    nor does an ``<a href>`` (it is only followed when clicked); the scripts put in from
    ``static/vendor/`` (marked with :data:`INLINED_ATTRIBUTE`) are Leaflet's own and are not
    searched (their texts name the SVG namespace and Leaflet's site)."""
    found: list[str] = []
    markup: list[str] = []
    last = 0
    for match in _BLOCKS.finditer(document):
        markup.append(document[last:match.start()])
        last = match.end()
        tag = (match.group(1) or "link").lower()
        if tag == "link":
            markup.append(match.group(0))
            continue
        attributes = _attributes(match.group(2))
        content = match.group(3)
        if tag == "style":
            found += _css_references(content)
        elif "src" in attributes:
            if not _needs_nothing(attributes["src"]):
                found.append(attributes["src"])
        elif INLINED_ATTRIBUTE not in attributes:
            for pattern in _SCRIPT_FETCHES:
                found += [m.group(1) for m in pattern.finditer(content)
                          if not _needs_nothing(m.group(1))]
    markup.append(document[last:])
    for tag in _TAG.finditer("".join(markup)):
        name, attributes = tag.group(1).lower(), _attributes(tag.group(2))
        for attribute, value in attributes.items():
            if attribute == "style":
                found += _css_references(value)
            elif (attribute in _FETCHING_ATTRIBUTES and not (name == "a" and attribute == "href")
                  and not _needs_nothing(value)):
                found.append(value)
    return found


def _css_references(css: str) -> list[str]:
    found = [m.group(2) for m in _CSS_URL.finditer(css) if not _needs_nothing(m.group(2))]
    return found + [m.group(1) for m in _SCRIPT_FETCHES[-1].finditer(css)]
