"""Reading a user's control-area file (GeoJSON, KML, KMZ, zipped shapefile) as an occupied area.

Every file is untrusted: whatever its bytes, :func:`read_control_file` returns a
:class:`ControlFile` or raises :class:`geo.ingest.InputError` whose message says in one
sentence what is wrong. The limits on size, depth and complexity are in :mod:`geo.ingest.limits`.
Nothing in a file is fetched, executed or interpreted: KML NetworkLinks are not followed,
XML DOCTYPE/ENTITY declarations are refused by defusedxml, zip members are never written
under their own names, and properties come back as plain strings.

This module recognises the format and hands the file to its reader (:mod:`geo.ingest.geojson`,
:mod:`geo.ingest.kml`, :mod:`geo.ingest.shapefile`, zips opened by :mod:`geo.ingest.archive`);
:mod:`geo.ingest.cleaning` then makes the readers' polygons one area in Ukraine (EPSG:4326).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath

import geopandas as gpd
import shapely
from shapely.geometry.base import BaseGeometry

from geo.data.boundaries import load_units, ukraine_outline
from geo.data.shares import control_shares
from geo.data.snapshots import ATTRIBUTION
from geo.ingest import InputError, limits
from geo.ingest.archive import open_zip
from geo.ingest.cleaning import clean_area
from geo.ingest.geojson import read_geojson
from geo.ingest.kml import read_kml, read_kmz
from geo.ingest.layer import Layer, Properties, date_in, mib, printable, utf8
from geo.ingest.messages import Counted, Listed, Number
from geo.ingest.shapefile import read_zipped_shapefile
from geo.language import N_, Message

#: What the file must be, for messages.
_EXPECTED = Message("GeoJSON, KML, KMZ or a zipped shapefile")


@dataclass(frozen=True)
class ControlFile:
    """An occupied area read from a user's file.

    Attributes
    ----------
    geometry
        The occupied area within Ukraine: a MultiPolygon in EPSG:4326 (lon/lat), clipped to
        Ukraine with coastal slivers absorbed by :func:`geo.data.occupied.occupied_within`.
    name
        The file's name without folders or control characters: a label, never a path.
    date
        The date the file states (a ``date`` property, DeepStateMap's ``datetime``, a KML
        ``TimeStamp``), else one in its name (``..._20260106``, ``2026-01-06``), else None.
    feature_count
        Features (GeoJSON features, KML placemarks, shapefile records) whose polygons make up
        the area.
    notices
        What was repaired, assumed or left out, one sentence each, in any language
        (:class:`geo.language.Message`; :meth:`notes_in` writes them).
    file_format
        "GeoJSON", "KML", "KMZ" or "shapefile".
    properties
        The properties of each feature used, as (name, value) pairs of plain strings exactly
        as in the file: data, to be escaped wherever they are shown.
    attribution
        The credit line the data's licence asks for (DeepStateMap's), or None.
    """

    geometry: BaseGeometry
    name: str
    date: dt.date | None
    feature_count: int
    notices: tuple[Message, ...] = ()
    file_format: str = "GeoJSON"
    properties: tuple[Properties, ...] = ()
    attribution: str | None = None

    def notes_in(self, lang: str = "en") -> tuple[str, ...]:
        """What was repaired, assumed or left out, one sentence each in ``lang``."""
        return tuple(notice.text(lang) for notice in self.notices)

    @property
    def notes(self) -> tuple[str, ...]:
        """:meth:`notes_in` English."""
        return self.notes_in()


def check_size(n_bytes: int) -> None:
    """Refuse a file of ``n_bytes`` bytes if it exceeds :data:`geo.ingest.limits.MAX_FILE_BYTES`.

    Raises
    ------
    InputError
        If the file is too large.
    """
    if n_bytes > limits.MAX_FILE_BYTES:
        raise InputError(Message("the file is {size} bytes, more than the {limit} bytes "
                                 "({limit_mb}) allowed",
                                 {"size": Number(n_bytes), "limit": Number(limits.MAX_FILE_BYTES),
                                  "limit_mb": mib(limits.MAX_FILE_BYTES)}))


def read_control_file(name: str, data: bytes, *,
                      ukraine: BaseGeometry | None = None) -> ControlFile:
    """The occupied area in a user's file, checked, repaired and clipped to Ukraine.

    The format is recognised from the content, not the name: GeoJSON (a FeatureCollection,
    Feature or geometry, or DeepStateMap's API answer, of whose layers only the occupied
    ones are used), KML, KMZ, or a zip holding one shapefile (.shp, .shx, .dbf and
    optionally .prj, which is honoured; without one, lon/lat-looking coordinates are taken
    as EPSG:4326). Self-intersecting and other invalid polygons are repaired with
    :func:`shapely.make_valid` and reported in ``notes``.

    Parameters
    ----------
    name
        The file's name as given by the user: read for a date, shown as a label.
    data
        The file's bytes.
    ukraine
        Ukraine's outline in EPSG:4326 (default: the union of the shipped units).

    Returns
    -------
    ControlFile whose geometry is in EPSG:4326.

    Raises
    ------
    InputError
        For every file that cannot be used, with one sentence saying why; no other
        exception is raised for any content.
    """
    check_size(len(data))
    kind = _sniff(data)
    if kind == "zip":
        layer = _read_zip(data)
    elif kind == "json":
        layer = read_geojson(data)
    else:
        layer = read_kml(utf8(data, "KML file"), "KML")
    return _finish(layer, _label(name), _default_ukraine() if ukraine is None else ukraine)


def describe(control: ControlFile, units: gpd.GeoDataFrame) -> dict:
    """A summary of a control file for display or JSON.

    Parameters
    ----------
    control
        A file read by :func:`read_control_file`.
    units
        Ukraine's units (e.g. :func:`geo.data.boundaries.load_units`), any CRS.

    Returns
    -------
    dict with name, date (ISO string or None), format, features, occupied_km2 (km2,
    measured in EPSG:3035), ukraine_pct (percent 0-100 of Ukraine), units (per unit:
    iso_3166_2, name, area_km2, occupied_km2, occupied_pct, from
    :func:`geo.data.shares.control_shares`), notes (list of sentences) and attribution.
    """
    # Overlaid in lon/lat where the units are (else control_shares repairs it after
    # projecting): a valid lon/lat polygon turned invalid in EPSG:3035 (vertices a hair apart
    # crossed), and the intersection there raised "TopologyException: side location
    # conflict" for a plain triangle.
    table = control_shares(units, control.geometry)
    total = table.iloc[-1]
    return {
        "name": control.name,
        "date": control.date.isoformat() if control.date else None,
        "format": control.file_format,
        "features": control.feature_count,
        "occupied_km2": float(total["occupied_km2"]),
        "ukraine_pct": float(total["occupied_pct"]),
        "units": table.iloc[:-1].to_dict(orient="records"),
        "notes": list(control.notes),  # English: the summary is data (the CLI, JSON)
        "attribution": control.attribution,
    }


# --- Recognising the format ----------------------------------------------------------------

#: Leading bytes of formats users upload by mistake -> what they are, what to do (None:
#: nothing to add).
_FOREIGN = (
    (b"\x1f\x8b", N_("gzip-compressed data"), N_("decompress it first")),
    (b"%PDF", N_("a PDF document"), None),
    (b"\x89PNG", N_("a PNG image"), None),
    (b"\xff\xd8\xff", N_("a JPEG image"), None),
    (b"GIF8", N_("a GIF image"), None),
    (b"Rar!", N_("a RAR archive"), N_("use a .zip")),
    (b"7z\xbc\xaf\x27\x1c", N_("a 7-Zip archive"), N_("use a .zip")),
    (b"SQLite format 3\x00", N_("a SQLite database (a GeoPackage?)"),
     N_("export GeoJSON from it")),
)


def _sniff(data: bytes) -> str:
    """"zip", "json" or "xml", from the file's first bytes."""
    if not data.strip():
        raise InputError(Message("the file is empty"))
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "zip"
    if data[:4] == b"\x00\x00\x27\x0a":  # the magic number of .shp and .shx files
        raise InputError(Message("the file is a bare shapefile part (.shp or .shx): zip the "
                                 ".shp, .shx, .dbf and .prj together and upload the .zip"))
    for magic, what, advice in _FOREIGN:
        if data.startswith(magic):
            values = {"what": Message(what), "expected": _EXPECTED}
            raise InputError(Message("the file is {what}, not {expected}", values)
                             if advice is None else
                             Message("the file is {what}, not {expected}: {advice}",
                                     {**values, "advice": Message(advice)}))
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]:
        raise InputError(Message("the file is UTF-16 or UTF-32 text: save it as UTF-8"))
    first = data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
    if first in (b"{", b"["):
        return "json"
    if first == b"<":
        return "xml"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(Message("the file is binary data, not {expected}",
                                 {"expected": _EXPECTED})) from None
    raise InputError(Message("the file is text but neither JSON nor XML: {expected} expected",
                             {"expected": _EXPECTED}))


def _label(name: str) -> str:
    """The file name without folders, control characters or unpaired surrogates."""
    return printable(re.split(r"[/\\]", str(name))[-1], 200) or "upload"


def _read_zip(data: bytes) -> Layer:
    """A KMZ's or a zipped shapefile's layer, whichever the zip holds."""
    archive, members = open_zip(data)
    suffixes = Counter(PurePosixPath(m.filename).suffix.lower() for m in members)
    if suffixes[".kml"] and suffixes[".shp"]:
        raise InputError(Message("the zip holds both a .kml and a shapefile: upload one of "
                                 "them"))
    if suffixes[".kml"]:
        return read_kmz(archive, members)
    if suffixes[".shp"]:
        return read_zipped_shapefile(archive, members)
    if not suffixes:
        raise InputError(Message("the zip holds neither a .kml (KMZ) nor a shapefile (.shp, "
                                 ".shx, .dbf): it holds nothing"))
    found = [printable(s, 12) or Message("(no suffix)") for s, _ in suffixes.most_common(5)]
    raise InputError(Message("the zip holds neither a .kml (KMZ) nor a shapefile (.shp, .shx, "
                             ".dbf): it holds {found}", {"found": Listed(found, conjunction=False)}))


# --- What every format shares ---------------------------------------------------------------


@lru_cache(maxsize=1)
def _default_ukraine() -> BaseGeometry:
    ukraine = ukraine_outline(load_units())
    shapely.prepare(ukraine)
    return ukraine


def _finish(layer: Layer, name: str, ukraine: BaseGeometry) -> ControlFile:
    """The ControlFile of a reader's layer: its area cleaned and clipped to ``ukraine``, the
    notes on what was left out first, the date and the attribution."""
    if not layer.polygons:
        raise InputError(_no_polygons(layer))
    geometry = clean_area(layer, ukraine)
    if layer.unclosed:
        layer.notes.insert(0, Counted.ngettext("{count} unclosed ring closed",
                                               "{count} unclosed rings closed", layer.unclosed))
    if layer.degenerate:
        layer.notes.insert(0, Counted.ngettext(
            "{count} degenerate ring (fewer than 3 corners) dropped",
            "{count} degenerate rings (fewer than 3 corners) dropped", layer.degenerate))
    if layer.others:
        layer.notes.insert(0, Message("{found} ignored: only polygons are areas",
                                      {"found": _counted(layer.others)}))
    date = layer.dates[0] if layer.dates else date_in(name)
    attribution = layer.attribution or (ATTRIBUTION if name.lower().startswith("deepstate")
                                        else None)
    return ControlFile(geometry=geometry, name=name, date=date, feature_count=layer.features,
                       notices=tuple(layer.notes), file_format=layer.file_format,
                       properties=tuple(layer.properties), attribution=attribution)


def _kind_counted(kind: str, count: int) -> Counted:
    """``count`` geometries of a kind that is not a polygon (a value of
    geo.ingest.layer.OTHER_KINDS), e.g. "3 points"."""
    if kind == "line":
        return Counted.ngettext("{count} line", "{count} lines", count)
    if kind == "point":
        return Counted.ngettext("{count} point", "{count} points", count)
    return Counted.ngettext("{count} other", "{count} others", count)


def _counted(others: Mapping[str, int]) -> Listed:
    """E.g. "1 line and 3 points"."""
    return Listed([_kind_counted(kind, n) for kind, n in sorted(others.items())])


def _no_polygons(layer: Layer) -> Message:
    if layer.others:
        return Message("the file holds no polygons, only {found}: a control area must be drawn "
                       "as polygons", {"found": _counted(layer.others)})
    if layer.degenerate:
        return Message("the file holds no polygons: all its rings have fewer than 3 corners")
    return Message("the file holds no polygons: its features have no geometry")


# Properties and DEEPSTATE_OCCUPIED_LAYERS live with the readers and are this module's too.
__all__ = [
    "ControlFile", "check_size", "describe", "read_control_file",
]
