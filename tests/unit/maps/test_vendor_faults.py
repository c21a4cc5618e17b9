"""The map's third-party files are checked against the sha256 their install recorded: a file
deleted, cut short or changed since is named, and an install killed half-way is redone."""

import json

import pytest

from geo.maps.vendor import RECORD_NAME, AssetCheck, check, install, installed, manifest
from tests.unit.killing import killed_mid_write
from tests.unit.maps.test_vendor import fake_registry

LEAFLET = "leaflet/dist/leaflet.js"


@pytest.fixture
def vendor(tmp_path):
    """A folder installed whole from the fake registry."""
    install(tmp_path / "vendor", fetch=fake_registry())
    return tmp_path / "vendor"


def test_an_installed_folder_is_whole(vendor):
    assert check(vendor) == AssetCheck(recorded=True)


def test_the_record_holds_the_sha256_of_every_file_copied(vendor):
    record = json.loads((vendor / RECORD_NAME).read_text())
    assert record["manifest"] == manifest()
    assert len(record["sha256"]) == 16  # 12 files, 4 folders of one file each
    assert record["sha256"][LEAFLET] == \
        "f3efafc72f2cadfc6cf6d024801f451833a66edbaec824be212a492d6522b5bf"


def test_a_deleted_file_is_named_missing(vendor):
    (vendor / LEAFLET).unlink()
    assert check(vendor) == AssetCheck(recorded=True, missing=(LEAFLET,))


def test_a_truncated_file_is_named_altered(vendor):
    with open(vendor / LEAFLET, "r+b") as handle:
        handle.truncate(5)
    assert check(vendor) == AssetCheck(recorded=True, altered=(LEAFLET,))


def test_a_file_with_a_byte_changed_is_named_altered(vendor):
    with open(vendor / LEAFLET, "r+b") as handle:
        handle.write(b"L")  # "leaflet ..." -> "Leaflet ...": same size
    assert check(vendor) == AssetCheck(recorded=True, altered=(LEAFLET,))


def test_a_file_in_a_folder_is_checked_too(vendor):
    (vendor / "fontawesome-free" / "webfonts" / "icon.png").write_bytes(b"")
    assert check(vendor).altered == ("fontawesome-free/webfonts/icon.png",)


def test_a_damaged_folder_is_not_installed(vendor):
    (vendor / LEAFLET).write_bytes(b"")
    assert not installed(vendor)


def test_an_install_of_earlier_releases_has_no_record_of_this_one(vendor):
    # Set-up before files were digested wrote only the list of files.
    (vendor / RECORD_NAME).unlink()
    (vendor / ".manifest.json").write_text(json.dumps(manifest()))
    assert check(vendor) == AssetCheck(recorded=False)


def test_a_damaged_record_is_no_record(vendor):
    with open(vendor / RECORD_NAME, "r+b") as handle:
        handle.truncate(40)
    assert check(vendor) == AssetCheck(recorded=False)


def test_installing_again_repairs_a_damaged_file(vendor):
    (vendor / LEAFLET).write_bytes(b"")
    install(vendor, fetch=fake_registry())
    assert check(vendor).whole


def test_an_install_killed_half_way_is_not_recorded(tmp_path):
    killed_mid_write(f"""
        from pathlib import Path
        from geo.maps.vendor import install
        from tests.unit.maps.test_vendor import fake_registry
        install(Path({str(tmp_path / "vendor")!r}), fetch=fake_registry())
    """, marker=b"leaflet dist/leaflet.js")
    assert check(tmp_path / "vendor") == AssetCheck(recorded=False)


def test_a_reinstall_killed_half_way_leaves_the_files_before_it_whole(vendor):
    killed_mid_write(f"""
        from pathlib import Path
        from geo.maps.vendor import install
        from tests.unit.maps.test_vendor import fake_registry
        install(Path({str(vendor)!r}), fetch=fake_registry())
    """, marker=b"leaflet dist/leaflet.js")
    assert check(vendor).whole

