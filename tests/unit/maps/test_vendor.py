"""The map's third-party files: fetched package by package, checked, recorded when complete."""

import base64
import hashlib
import io
import tarfile

import pytest

from geo.maps.vendor import (AssetFetchError, check_integrity, install, installed, manifest,
                             tarball_url)


def tarball(files: dict[str, bytes]) -> bytes:
    """An npm-style tarball: every file under package/."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def fake_registry(missing: str | None = None):
    """A fetch that serves every package with the paths the manifest wants (a folder as one
    file inside it), except ``missing``; records what it was asked for."""
    asked = []

    def fetch(package, version, timeout_s):
        asked.append(f"{package}@{version}")
        files = {}
        for name, v, path in manifest():
            if (name, v) == (package, version) and path != missing:
                is_folder = "." not in path.rsplit("/", 1)[-1]
                files[f"{path}/icon.png" if is_folder else path] = f"{name} {path}".encode()
        return tarball(files)

    fetch.asked = asked
    return fetch


def test_a_scoped_package_is_fetched_from_its_scope():
    assert tarball_url("@fortawesome/fontawesome-free", "6.2.0", "https://r.example") == \
        "https://r.example/@fortawesome/fontawesome-free/-/fontawesome-free-6.2.0.tgz"
    assert tarball_url("leaflet", "1.9.3", "https://r.example") == \
        "https://r.example/leaflet/-/leaflet-1.9.3.tgz"


def test_a_download_with_another_checksum_is_refused():
    data = b"the tarball"
    good = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    check_integrity(data, good)
    with pytest.raises(AssetFetchError, match="checksum mismatch"):
        check_integrity(data + b"!", good)


def test_each_package_is_fetched_once_and_its_files_copied(tmp_path):
    fetch = fake_registry()
    assert install(tmp_path, fetch=fetch) == 8
    assert len(fetch.asked) == len(set(fetch.asked)) == 8
    assert (tmp_path / "leaflet" / "dist" / "leaflet.js").read_bytes() == b"leaflet dist/leaflet.js"
    assert (tmp_path / "fontawesome-free" / "webfonts" / "icon.png").exists()
    assert installed(tmp_path)


def test_an_incomplete_package_leaves_the_folder_unrecorded(tmp_path):
    with pytest.raises(AssetFetchError, match="leaflet.pattern@0.1.0 has no dist/leaflet.pattern.js"):
        install(tmp_path, fetch=fake_registry(missing="dist/leaflet.pattern.js"))
    assert not installed(tmp_path)


def test_an_empty_folder_is_not_installed(tmp_path):
    assert not installed(tmp_path)
