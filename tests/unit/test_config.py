"""The server's settings that protect a public demo."""

import tomllib

from geo.ingest.limits import MAX_FILE_BYTES
from tests.conftest import ROOT

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())


def test_xsrf_protection_stays_on():
    assert CONFIG["server"]["enableXsrfProtection"] is True


def test_the_upload_limit_is_the_librarys_file_limit():
    assert CONFIG["server"]["maxUploadSize"] * 1024 * 1024 == MAX_FILE_BYTES


def test_map_assets_are_served_by_the_app():
    assert CONFIG["server"]["enableStaticServing"] is True
