"""The map's Leaflet files on a host that ran no set-up of ours (Streamlit Community Cloud):
fetched from the npm registry at the first start when ATLAS_FETCH_ASSETS=1, else a clear
message instead of blank maps."""

from __future__ import annotations

import os
import threading
import time

import streamlit as st

from geo.vendor import AssetFetchError, install, installed

#: After a failed fetch, the next try waits this long (s): every run would otherwise ask.
RETRY_AFTER_S = 60
#: Per package; the registry answers in well under a second when it is up.
TIMEOUT_S = 20

_lock = threading.Lock()
_failed: dict[str, float | str] = {}
_ready: list[bool] = []  # once complete, the folder is not looked at again in this process


def ensure_map_assets() -> None:
    """Make sure ``static/vendor/`` is complete, or say why the maps cannot be drawn."""
    if _ready:
        return
    if installed():
        _ready.append(True)
        return
    if os.environ.get("ATLAS_FETCH_ASSETS") != "1":
        st.error("The map's Leaflet files are missing from static/vendor/, so the maps stay "
                 "blank. Run `bash scripts/setup.sh app` (or `python scripts/fetch_assets.py`), "
                 "or start the app with ATLAS_FETCH_ASSETS=1 to let it fetch them from the npm "
                 "registry at its first start.")
        return
    with _lock:  # one fetch per process; other sessions wait for it
        if installed():
            return
        if time.monotonic() - float(_failed.get("at", -RETRY_AFTER_S)) >= RETRY_AFTER_S:
            with st.spinner("First start: fetching the map's Leaflet files from the npm registry"):
                try:
                    install(timeout_s=TIMEOUT_S)
                    _failed.clear()
                    _ready.append(True)
                    return
                except (AssetFetchError, OSError) as error:
                    _failed.update(at=time.monotonic(), why=str(error))
    st.error(f"The map's Leaflet files could not be fetched ({_failed.get('why')}); the maps "
             f"stay blank. The app tries again at most every {RETRY_AFTER_S} s.")
