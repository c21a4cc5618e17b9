"""The map's third-party files (Leaflet and its plugins) in ``static/vendor/``: which npm
package and version each comes from, fetching them from the npm registry, each package
checked against the sha512 the registry published for it, and checking them before use.

Nothing third-party is committed. Set-up fetches the files (``scripts/fetch_assets.py``);
a host that runs no set-up of ours (Streamlit Community Cloud) can let the app fetch them at
its first start instead (``streamlit_app.py``, when ``ATLAS_FETCH_ASSETS=1``). The install
records the sha256 of every file it copied (from tarballs that passed their sha512 check);
each app start compares the folder with that record (:func:`check`: about 2 MB in 41
files), so a file deleted, cut short or altered since is named, never served as if whole.
Only the standard library is used here.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import tarfile
import tempfile
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from geo.atomic import write_bytes, write_text
from geo.paths import REPO_DIR

#: Where Streamlit serves them from (``/app/static/vendor``: see geo.maps.offline.STATIC_URL).
VENDOR_DIR = REPO_DIR / "static" / "vendor"
#: Written last by :func:`install`: what the folder holds, with the sha256 of every file
#: (absent until the install is complete).
RECORD_NAME = ".record.json"
#: The record of earlier installs (no digests): an install replaces it.
_LEGACY_RECORD_NAME = ".manifest.json"
#: The registry to fetch from; a mirror can be named in $NPM_REGISTRY.
REGISTRY = (os.environ.get("NPM_REGISTRY") or "https://registry.npmjs.org").rstrip("/")


@dataclass(frozen=True)
class NpmAsset:
    """One file (or folder) of an npm package."""

    package: str
    version: str
    path: str

    @property
    def local_path(self) -> str:
        """Path under ``static/vendor/`` (scope dropped: ``@fortawesome/x`` -> ``x``)."""
        return f"{self.package.split('/')[-1]}/{self.path}"


#: folium's asset names -> where the file is found on the npm registry.
FOLIUM_ASSETS: dict[str, NpmAsset] = {
    "leaflet": NpmAsset("leaflet", "1.9.3", "dist/leaflet.js"),
    "leaflet_css": NpmAsset("leaflet", "1.9.3", "dist/leaflet.css"),
    "jquery": NpmAsset("jquery", "3.7.1", "dist/jquery.min.js"),
    "bootstrap": NpmAsset("bootstrap", "5.2.2", "dist/js/bootstrap.bundle.min.js"),
    "bootstrap_css": NpmAsset("bootstrap", "5.2.2", "dist/css/bootstrap.min.css"),
    "awesome_markers": NpmAsset("leaflet.awesome-markers", "2.0.5", "dist/leaflet.awesome-markers.js"),
    "awesome_markers_css": NpmAsset(
        "leaflet.awesome-markers", "2.0.5", "dist/leaflet.awesome-markers.css"
    ),
    "awesome_markers_font_css": NpmAsset("@fortawesome/fontawesome-free", "6.2.0", "css/all.min.css"),
    "leaflet_draw_js": NpmAsset("leaflet-draw", "1.0.4", "dist/leaflet.draw.js"),
    "leaflet_draw_css": NpmAsset("leaflet-draw", "1.0.4", "dist/leaflet.draw.css"),
    "pattern": NpmAsset("leaflet.pattern", "0.1.0", "dist/leaflet.pattern.js"),
    "Leaflet.Sync": NpmAsset("leaflet.sync", "0.2.4", "L.Map.Sync.js"),
}

#: Folders the CSS files above refer to (icons, fonts), copied alongside them.
EXTRA_ASSET_DIRS: tuple[NpmAsset, ...] = (
    NpmAsset("leaflet", "1.9.3", "dist/images"),
    NpmAsset("leaflet.awesome-markers", "2.0.5", "dist/images"),
    NpmAsset("@fortawesome/fontawesome-free", "6.2.0", "webfonts"),
    NpmAsset("leaflet-draw", "1.0.4", "dist/images"),
)

#: Each package's tarball as the registry published it (``npm view NAME@VERSION
#: dist.integrity``): a download that differs is refused.
INTEGRITY: dict[tuple[str, str], str] = {
    ("leaflet", "1.9.3"): "sha512-iB2cR9vAkDOu5l3HAay2obcUHZ7xwUBBjph8+PGtmW/2lYhbLizWtG7nTeYht36WfOslixQF9D/uSIzhZgGMfQ==",
    ("jquery", "3.7.1"): "sha512-m4avr8yL8kmFN8psrbFFFmB/If14iN5o9nw/NgnnM+kybDJpRsAynV2BsfpTYrTRysYUdADVD7CkUUizgkpLfg==",
    ("bootstrap", "5.2.2"): "sha512-dEtzMTV71n6Fhmbg4fYJzQsw1N29hJKO1js5ackCgIpDcGid2ETMGC6zwSYw09v05Y+oRdQ9loC54zB1La3hHQ==",
    ("leaflet.awesome-markers", "2.0.5"): "sha512-Ne/xDjkGyaujwNVVkv2tyXQUV0ZW7gZ0Mo0FuQY4jp2qWrvXi0hwDBvmZyF/8YOvybyMabTMM/mFWCTd1jZIQA==",
    ("@fortawesome/fontawesome-free", "6.2.0"): "sha512-CNR7qRIfCwWHNN7FnKUniva94edPdyQzil/zCwk3v6k4R6rR2Fr8i4s3PM7n/lyfPA6Zfko9z5WDzFxG9SW1uQ==",
    ("leaflet-draw", "1.0.4"): "sha512-rsQ6saQO5ST5Aj6XRFylr5zvarWgzWnrg46zQ1MEOEIHsppdC/8hnN8qMoFvACsPvTioAuysya/TVtog15tyAQ==",
    ("leaflet.pattern", "0.1.0"): "sha512-E4sxvvK0XHi1EhE1yUTG1bzafXZoXUPqWPjHz5fSpv/pOcT4CtS0qR1lhFSRtSUYios8OwlZmUGB9n91zQEgcw==",
    ("leaflet.sync", "0.2.4"): "sha512-e59CcQNMFFZJWCAGzyFxcsVldWd0cU7G71q2Zh5a5Pbe7ua4G7CNQcKz51IALf0NzOyRF7ws6gjnndiVWkYN+w==",
}


class AssetFetchError(RuntimeError):
    """A package could not be fetched, or what came is not what the registry published."""


def manifest() -> list[list[str]]:
    """Every (package, version, path) the folder must hold, sorted."""
    assets = list(FOLIUM_ASSETS.values()) + list(EXTRA_ASSET_DIRS)
    return [list(row) for row in sorted({(a.package, a.version, a.path) for a in assets})]


@dataclass(frozen=True)
class AssetCheck:
    """What :func:`check` found in the folder.

    Attributes
    ----------
    recorded
        Whether an install of the current :func:`manifest` was completed there (its record
        is present and readable).
    missing, altered
        Files of the record (paths under the folder, e.g. ``leaflet/dist/leaflet.js``) that
        are gone, or whose sha256 differs from the record's (cut short, bytes changed).
    """

    recorded: bool
    missing: tuple[str, ...] = ()
    altered: tuple[str, ...] = ()

    @property
    def whole(self) -> bool:
        """Whether every file is there as installed."""
        return self.recorded and not self.missing and not self.altered


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check(vendor: Path | None = None) -> AssetCheck:
    """Compare ``vendor`` (default :data:`VENDOR_DIR`) with the record its install wrote:
    every file read and digested (about 2 MB: a few ms)."""
    vendor = vendor or VENDOR_DIR
    try:
        record = json.loads((vendor / RECORD_NAME).read_text(encoding="utf-8"))
        files: dict[str, str] = record["sha256"]
        recorded = record["manifest"] == manifest() and isinstance(files, dict) and bool(files)
    except (OSError, ValueError, KeyError, TypeError):
        return AssetCheck(recorded=False)
    if not recorded:
        return AssetCheck(recorded=False)
    missing, altered = [], []
    for name, digest in sorted(files.items()):
        try:
            data = (vendor / name).read_bytes()
        except OSError:
            missing.append(name)
            continue
        if _sha256(data) != digest:
            altered.append(name)
    return AssetCheck(True, tuple(missing), tuple(altered))


def installed(vendor: Path | None = None) -> bool:
    """Whether ``vendor`` (default :data:`VENDOR_DIR`) holds every file of :func:`manifest`
    as its install copied it (:func:`check`)."""
    return check(vendor).whole


def tarball_url(package: str, version: str, registry: str = REGISTRY) -> str:
    """The registry's address of a package's tarball (what ``npm pack`` downloads)."""
    return f"{registry}/{package}/-/{package.split('/')[-1]}-{version}.tgz"


def check_integrity(data: bytes, integrity: str) -> None:
    """Raise :class:`AssetFetchError` unless ``data`` has the ``sha512-...`` ``integrity``."""
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != integrity:
        message = f"checksum mismatch: expected {integrity}, got {digest}"
        raise AssetFetchError(message)


def download(package: str, version: str, timeout_s: float = 30,
             integrity: str | None = None) -> bytes:
    """A package's tarball from the registry, checked against ``integrity`` (default: its
    entry in :data:`INTEGRITY`)."""
    url = tarball_url(package, version)
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as response:
            data = response.read()
    except OSError as error:
        message = f"{package}@{version}: {url}: {error}"
        raise AssetFetchError(message) from error
    try:
        check_integrity(data, integrity or INTEGRITY[(package, version)])
    except AssetFetchError as error:
        raise AssetFetchError(f"{package}@{version}: {error}") from None
    return data


def install(vendor: Path | None = None, *, timeout_s: float = 30,
            fetch: Callable[[str, str, float], bytes] | None = None) -> int:
    """Fetch every package of :func:`manifest` (with ``fetch``, default :func:`download`)
    and copy its files into ``vendor`` (default :data:`VENDOR_DIR`), each file whole or not
    at all (:mod:`geo.atomic`); the record of what the folder holds, with every file's
    sha256, is written last, so an interrupted install is redone. Returns the number of
    packages fetched; raises :class:`AssetFetchError`."""
    vendor = vendor or VENDOR_DIR
    fetch = fetch or download
    wanted = manifest()
    packages = sorted({(package, version) for package, version, _ in wanted})
    digests: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for package, version in packages:
            unpacked = Path(scratch) / package.replace("/", "-")
            with tarfile.open(fileobj=io.BytesIO(fetch(package, version, timeout_s))) as tar:
                tar.extractall(unpacked, filter="data")
            for path in (p for name, v, p in wanted if (name, v) == (package, version)):
                source = unpacked / "package" / path
                if source.is_dir():
                    sources = sorted(f for f in source.rglob("*") if f.is_file())
                elif source.is_file():
                    sources = [source]
                else:
                    message = f"{package}@{version} has no {path}"
                    raise AssetFetchError(message)
                for file in sources:
                    name = f"{package.split('/')[-1]}/{file.relative_to(unpacked / 'package')}"
                    data = file.read_bytes()
                    write_bytes(vendor / name, data)
                    digests[name] = _sha256(data)
    write_text(vendor / RECORD_NAME, json.dumps({"manifest": wanted, "sha256": digests},
                                                indent=1, sort_keys=True))
    (vendor / _LEGACY_RECORD_NAME).unlink(missing_ok=True)
    return len(packages)
