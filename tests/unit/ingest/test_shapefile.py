"""Zipped shapefiles (geo.ingest.shapefile): the .prj is honoured, its absence assumed to
mean lon/lat only when the coordinates look like it, attributes come back as plain strings,
and damaged parts raise nothing but InputError."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from geo.crs import DISPLAY_CRS
from geo.ingest import InputError
from geo.ingest.control import read_control_file
from geo.projection import project
from tests.unit.ingest.ingest_files import (DONETSK_BOX, ONERROR, read_or_refuse, same_area,
                                            shapefile_zip, zipped)

# --- The .prj ------------------------------------------------------------------------------


def test_a_shapefile_in_web_mercator_is_reprojected_by_its_prj(tmp_path):
    mercator = project(DONETSK_BOX, DISPLAY_CRS, "EPSG:3857")
    control = read_control_file("areas.zip", shapefile_zip(tmp_path, [mercator], crs="EPSG:3857"))
    assert control.geometry.hausdorff_distance(DONETSK_BOX) < 1e-9
    assert "reprojected from EPSG:3857 to EPSG:4326" in control.notes


def test_a_shapefile_without_prj_in_lon_lat_is_taken_as_epsg4326_with_a_note(tmp_path):
    control = read_control_file("areas.zip", shapefile_zip(tmp_path, [DONETSK_BOX], prj=False))
    assert same_area(control.geometry, DONETSK_BOX)
    assert any("no .prj" in note for note in control.notes)


def test_a_shapefile_without_prj_in_metres_is_refused(tmp_path):
    mercator = project(DONETSK_BOX, DISPLAY_CRS, "EPSG:3857")
    data = shapefile_zip(tmp_path, [mercator], crs="EPSG:3857", prj=False)
    with pytest.raises(InputError, match="has no .prj"):
        read_control_file("areas.zip", data)


def test_a_shapefile_whose_prj_says_lon_lat_but_holds_metres_is_refused(tmp_path):
    mercator = project(DONETSK_BOX, DISPLAY_CRS, "EPSG:3857")
    data = shapefile_zip(tmp_path, [mercator], crs=DISPLAY_CRS)
    with pytest.raises(InputError, match=r"CRS \(EPSG:4326\) says they are"):
        read_control_file("areas.zip", data)


# --- Attributes ----------------------------------------------------------------------------


def test_html_in_shapefile_attributes_comes_back_unchanged(tmp_path):
    data = shapefile_zip(tmp_path, [DONETSK_BOX], name=[ONERROR])
    assert read_control_file("a.zip", data).properties == ((("name", ONERROR),),)


# --- Nothing but InputError, whatever the content ------------------------------------------


@pytest.fixture(scope="module")
def shapefile_bytes(tmp_path_factory) -> bytes:
    mercator = project(DONETSK_BOX, DISPLAY_CRS, "EPSG:3857")
    return shapefile_zip(tmp_path_factory.mktemp("shp"), [mercator], crs="EPSG:3857")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_zipped_shapefiles_with_random_bytes_changed_raise_nothing_but_input_error(
        shapefile_bytes, data):
    # Stored, not deflated, so that edits reach GDAL's parsers instead of failing the CRC.
    archive = zipfile.ZipFile(io.BytesIO(shapefile_bytes))
    parts = {name: bytearray(archive.read(name)) for name in archive.namelist()}
    for _ in range(data.draw(st.integers(1, 6))):
        part = parts[data.draw(st.sampled_from(sorted(parts)))]
        part[data.draw(st.integers(0, len(part) - 1))] = data.draw(st.integers(0, 255))
    read_or_refuse(zipped({name: bytes(part) for name, part in parts.items()}, zipfile.ZIP_STORED))
