"""Zip archives (geo.ingest.archive), KMZ and zipped shapefiles alike: bombs, too many
members and forged sizes are refused from the archive's directory before anything is
decompressed, and macOS's resource forks are not taken for files."""

from __future__ import annotations

import zipfile

import pytest

from geo.ingest import InputError, limits
from geo.ingest.control import read_control_file
from tests.unit.ingest.ingest_files import DONETSK_BOX, kml, kml_placemark, same_area, zipped


def test_a_kmz_zipped_on_macos_ignores_the_resource_forks():
    data = zipped({"__MACOSX/._doc.kml": b"\x00\x05\x16\x07", "doc.kml": kml(kml_placemark())})
    assert same_area(read_control_file("a.kmz", data).geometry, DONETSK_BOX)


def test_a_zip_bomb_is_refused_from_its_directory_before_decompressing():
    bomb = zipped({"doc.kml": b"\x00" * (limits.MAX_UNCOMPRESSED_BYTES + 1)})
    assert len(bomb) < limits.MAX_FILE_BYTES
    with pytest.raises(InputError, match="expands to 52,428,801 bytes"):
        read_control_file("bomb.kmz", bomb)


def test_a_zip_that_expands_too_many_times_is_refused():
    data = zipped({"doc.kml": b" " * (2 * 1024 * 1024)})
    with pytest.raises(InputError, match="times its size, more than the 200 allowed"):
        read_control_file("dense.kmz", data)


def test_a_zip_with_too_many_members_is_refused():
    data = zipped({f"icon{i}.png": b"" for i in range(limits.MAX_ZIP_MEMBERS + 1)})
    with pytest.raises(InputError, match="101 members"):
        read_control_file("many.kmz", data)


def test_a_zip_member_larger_than_its_directory_says_is_refused():
    data = bytearray(zipped({"doc.kml": kml(kml_placemark())}, zipfile.ZIP_STORED))
    # Forge a smaller uncompressed size in the local and the central header.
    data[22:26] = (10).to_bytes(4, "little")
    central = data.rfind(b"PK\x01\x02")
    data[central + 24:central + 28] = (10).to_bytes(4, "little")
    with pytest.raises(InputError, match="not a readable zip"):
        read_control_file("forged.kmz", bytes(data))
