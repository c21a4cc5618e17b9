"""A host without the map's Leaflet files, or with damaged ones: a clear message, or a
fetch at the first start."""

import pytest

import geo.maps.vendor
import pages._checked_files
from geo.maps.vendor import AssetFetchError, install
from tests.app.running import open_page
from tests.unit.maps.test_vendor import fake_registry


@pytest.fixture
def empty_vendor(tmp_path, monkeypatch):
    monkeypatch.setattr(geo.maps.vendor, "VENDOR_DIR", tmp_path)
    monkeypatch.setattr(pages._checked_files, "_failed", {})
    monkeypatch.setattr(pages._checked_files, "_ready", [])
    return tmp_path


def errors(at) -> list[str]:
    return [e.value for e in at.error]


def test_missing_files_are_explained_and_nothing_is_fetched(empty_vendor, monkeypatch):
    monkeypatch.delenv("ATLAS_FETCH_ASSETS", raising=False)
    monkeypatch.setattr(pages._checked_files, "install", lambda **_: pytest.fail("fetched"))
    at = open_page("pages/context.py")
    assert any("Leaflet files are missing" in e and "ATLAS_FETCH_ASSETS=1" in e
               for e in errors(at))


def test_when_allowed_the_files_are_fetched_once_at_the_first_start(empty_vendor, monkeypatch):
    monkeypatch.setenv("ATLAS_FETCH_ASSETS", "1")
    fetch = fake_registry()
    monkeypatch.setattr(pages._checked_files, "install",
                        lambda **_: install(empty_vendor, fetch=fetch))
    at = open_page("pages/context.py")
    at.run()
    assert errors(at) == []
    assert len(fetch.asked) == 8


def test_a_failed_fetch_is_shown_and_not_retried_on_every_run(empty_vendor, monkeypatch):
    monkeypatch.setenv("ATLAS_FETCH_ASSETS", "1")
    tries = []

    def failing_install(**_):
        tries.append(1)
        raise AssetFetchError("leaflet@1.9.3: registry unreachable")

    monkeypatch.setattr(pages._checked_files, "install", failing_install)
    at = open_page("pages/context.py")
    at.run()
    assert any("registry unreachable" in e for e in errors(at))
    assert len(tries) == 1


@pytest.fixture
def damaged_vendor(empty_vendor):
    """A whole install, then its leaflet.js cut short."""
    install(empty_vendor, fetch=fake_registry())
    with open(empty_vendor / "leaflet" / "dist" / "leaflet.js", "r+b") as handle:
        handle.truncate(3)
    return empty_vendor


def test_a_damaged_file_is_named_with_the_way_to_fix_it(damaged_vendor, monkeypatch):
    monkeypatch.delenv("ATLAS_FETCH_ASSETS", raising=False)
    monkeypatch.setattr(pages._checked_files, "install", lambda **_: pytest.fail("fetched"))
    at = open_page("pages/context.py")
    assert errors(at) == [
        "The map's Leaflet files are damaged: static/vendor/leaflet/dist/leaflet.js altered "
        "(cut short or changed since set-up: the sha256 differs from the install's record), "
        "so the maps would be blank or broken: run `bash scripts/setup.sh app` to fetch them "
        "again (or start the app with ATLAS_FETCH_ASSETS=1 to let it do so)."]


def test_a_deleted_file_is_named_missing(empty_vendor, monkeypatch):
    install(empty_vendor, fetch=fake_registry())
    (empty_vendor / "leaflet" / "dist" / "leaflet.js").unlink()
    monkeypatch.delenv("ATLAS_FETCH_ASSETS", raising=False)
    at = open_page("pages/context.py")
    assert any("damaged: static/vendor/leaflet/dist/leaflet.js missing" in e
               for e in errors(at))


def test_when_allowed_a_damaged_file_is_fetched_again(damaged_vendor, monkeypatch):
    monkeypatch.setenv("ATLAS_FETCH_ASSETS", "1")
    fetch = fake_registry()
    monkeypatch.setattr(pages._checked_files, "install",
                        lambda **_: install(damaged_vendor, fetch=fetch))
    at = open_page("pages/context.py")
    assert errors(at) == []
    assert (damaged_vendor / "leaflet" / "dist" / "leaflet.js").read_bytes() == \
        b"leaflet dist/leaflet.js"
