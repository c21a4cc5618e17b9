"""Reading a zipped shapefile (.shp, .shx, .dbf and optionally .prj, .cpg) with GDAL (pyogrio).

The CRS is the .prj's; without one, or with one GDAL does not understand, coordinates are
taken as lon/lat (EPSG:4326) with a note, and :mod:`geo.ingest.cleaning` refuses them if
they are not. The parts are written to a temporary folder under fixed names, never under
the names in the archive.
"""

from __future__ import annotations

import tempfile
import warnings
import zipfile
from pathlib import Path

import geopandas as gpd
import pyogrio
import shapely

from geo.ingest import InputError, limits
from geo.ingest.archive import read_member
from geo.ingest.layer import OTHER_KINDS, Layer, date_in, plain
from geo.ingest.messages import Counted, Number
from geo.language import Message

#: The parts of a shapefile that are read (others, such as .qix indexes, are ignored).
_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")


def read_zipped_shapefile(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> Layer:
    """The polygons, attributes and dates of the one shapefile among ``members`` (checked by
    :func:`geo.ingest.archive.safe_members`), in the CRS of its .prj.

    Its parts are written under fixed names (layer.shp, ...), never under the names in the
    archive, so no member can land outside the folder.

    Raises
    ------
    InputError
        If the zip holds several shapefiles, lacks a .shx or .dbf, or GDAL cannot read it.
    """
    shps = [m for m in members if m.filename.lower().endswith(".shp")]
    if len(shps) > 1:
        # Never fewer than two: the singular is never shown, but Ukrainian has two plurals.
        raise InputError(Counted.ngettext(
            "the zip holds {count} shapefiles: zip one layer per file",
            "the zip holds {count} shapefiles: zip one layer per file", len(shps),
            {"count": Number(len(shps), grouped=False)}))
    stem = shps[0].filename[:-4].lower()
    parts = {m.filename[len(stem):].lower(): m for m in members
             if m.filename.lower().startswith(stem) and m.filename[len(stem):].lower()
             in _PARTS}
    for required in (".shx", ".dbf"):
        if required not in parts:
            raise InputError(Message("the zipped shapefile lacks its {part}: zip the .shp, "
                                     ".shx, .dbf and .prj together", {"part": required}))
    with tempfile.TemporaryDirectory(prefix="ceasefire-upload-") as folder:
        for suffix, member in parts.items():
            (Path(folder) / f"layer{suffix}").write_bytes(read_member(archive, member))
        frame = _read_shapefile(Path(folder) / "layer.shp")
    layer = Layer("shapefile")
    if frame.crs is not None:
        layer.crs = frame.crs
    elif ".prj" in parts:
        layer.lonlat_rule = Message("the shapefile's .prj is not understood, so fix or replace "
                                    "it")
        layer.notes.append(Message("the .prj is not understood: coordinates taken as "
                                   "longitude/latitude (EPSG:4326)"))
    else:
        layer.lonlat_rule = Message("the shapefile has no .prj to say which CRS they are in, so "
                                    "add it")
        layer.notes.append(Message("the zip has no .prj: coordinates taken as longitude/latitude "
                                   "(EPSG:4326)"))
    _shapefile_polygons(frame, layer)
    return layer


def _read_shapefile(path: Path) -> gpd.GeoDataFrame:
    unreadable = Message("the zipped shapefile could not be read: it is damaged or incomplete")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            count = pyogrio.read_info(path)["features"]
    except Exception:  # noqa: BLE001 - GDAL reports damaged files in many exception types
        raise InputError(unreadable) from None
    if count > limits.MAX_FEATURES:
        raise InputError(Message("the shapefile has {count} records, more than the {limit} "
                                 "allowed", {"count": Number(count),
                                             "limit": Number(limits.MAX_FEATURES)}))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return pyogrio.read_dataframe(path)
    except Exception:  # noqa: BLE001 - as above
        raise InputError(unreadable) from None


def _shapefile_polygons(frame: gpd.GeoDataFrame, layer: Layer) -> None:
    columns = [c for c in frame.columns if c != frame.geometry.name]
    dates = set()
    for geometry, row in zip(frame.geometry.values, frame[columns].to_dict(orient="records")):
        if geometry is None or geometry.is_empty:
            layer.no_geometry += 1
            continue
        kind = geometry.geom_type
        if kind not in ("Polygon", "MultiPolygon"):
            layer.others[OTHER_KINDS.get(kind, "other")] += 1
            continue
        layer.count_vertices(shapely.get_num_coordinates(geometry))
        properties = tuple((str(c), plain(v)) for c, v in row.items())
        layer.add_feature(list(shapely.get_parts(shapely.force_2d(geometry))), properties)
        if date := next((date_in(str(v)) for c, v in properties if c.lower() == "date"), None):
            dates.add(date)
    layer.dates = sorted(dates, reverse=True)
