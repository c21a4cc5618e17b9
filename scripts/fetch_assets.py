"""Fetch the map's JS/CSS files (Leaflet and plugins) from the npm registry into
static/vendor/, each package checked against its published sha512 (geo/maps/vendor.py holds the
list). Quick when they are there already, whole (each file's sha256 as the install recorded
it); a file missing or damaged since is fetched again.

Usage: python scripts/fetch_assets.py [--force] [--test]

With --test it also fetches what the browser tests need: axe-core (the accessibility audit)
into .cache/test-tools/. A mirror of the registry can be named in $NPM_REGISTRY. Only set-up
needs the registry; the app serves these files itself.
"""

from __future__ import annotations

import argparse
import io
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.maps.vendor import VENDOR_DIR, AssetFetchError, check, download, install  # noqa: E402

#: Test tools: package, version, its published sha512, file in the package, where it goes.
TEST_TOOLS = (("axe-core", "4.10.3",
               "sha512-Xm7bpRXnDSX2YE2YFfBk2FnF0ep6tmG7xPh8iHee8MIcrgq762Nkce856dYtJYLkuIoYZvGfTs/PbZhideTcEg==",
               "axe.min.js", ROOT / ".cache" / "test-tools" / "axe.min.js"),)


def fetch_test_tools() -> None:
    for package, version, integrity, member, target in TEST_TOOLS:
        if target.exists():
            continue
        data = download(package, version, timeout_s=60, integrity=integrity)
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            source = tar.extractfile(f"package/{member}")
            if source is None:
                raise AssetFetchError(f"{package}@{version} has no {member}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read())
        print(f"{package}@{version}: {target.relative_to(ROOT)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="fetch even if up to date")
    parser.add_argument("--test", action="store_true", help="also fetch the test tools")
    args = parser.parse_args()
    try:
        if args.test:
            fetch_test_tools()
        found = check()
        if not args.force and found.whole:
            print(f"map assets up to date in {VENDOR_DIR.relative_to(ROOT)}")
            return 0
        damaged = found.missing + found.altered
        if damaged:
            print(f"map assets damaged ({', '.join(damaged)}): fetching them again")
        count = install(timeout_s=60)
    except (AssetFetchError, OSError) as error:
        print(f"fetching the map assets failed: {error}", file=sys.stderr)
        return 2
    print(f"map assets copied to {VENDOR_DIR.relative_to(ROOT)} from {count} npm packages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
