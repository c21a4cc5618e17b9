"""What the app reads from disk that git did not ship, checked at each start before a page
uses it: the map's Leaflet files (static/vendor/, fetched at set-up; on a host that ran no
set-up of ours, such as Streamlit Community Cloud, fetched at the first start when
ATLAS_FETCH_ASSETS=1) and the data files ``python -m geo update`` wrote. Whatever is
missing or damaged is named in one sentence, in the visitor's language (pages/_language.py),
instead of blank maps or wrong figures; commands and paths stay as typed."""

from __future__ import annotations

import os
import threading
import time

import streamlit as st

from geo.maps.vendor import AssetCheck, AssetFetchError, check, install
from geo.paths import DATA_DIR
from geo.update.record import damaged_files, record_path
from pages._language import _

#: After a failed fetch, the next try waits this long (s): every run would otherwise ask.
RETRY_AFTER_S = 60
#: Per package; the registry answers in well under a second when it is up.
TIMEOUT_S = 20
#: Files named in a message, at most (the rest are counted).
NAMED_AT_MOST = 3

_lock = threading.Lock()
_failed: dict[str, float | str] = {}
_ready: list[bool] = []  # once whole, the folder is not looked at again in this process


def _named(paths: tuple[str, ...] | list[str]) -> str:
    shown = ", ".join(paths[:NAMED_AT_MOST])
    more = len(paths) - NAMED_AT_MOST
    return _("{files} and {count} more", files=shown, count=more) if more > 0 else shown


def asset_problem(found: AssetCheck) -> str:
    """What is wrong with the Leaflet files, in a few words naming the files, in the
    session's language, e.g. "damaged: static/vendor/leaflet/dist/leaflet.js missing" (it
    completes "The map's Leaflet files are ...")."""
    if not found.recorded:
        return _("missing from static/vendor/")
    parts = []
    if found.missing:
        parts.append(_("{files} missing",
                       files=_named([f"static/vendor/{p}" for p in found.missing])))
    if found.altered:
        parts.append(_("{files} altered (cut short or changed since set-up: the sha256 differs "
                       "from the install's record)",
                       files=_named([f"static/vendor/{p}" for p in found.altered])))
    return _("damaged: {problems}", problems="; ".join(parts))


def ensure_map_assets() -> None:
    """Make sure ``static/vendor/`` is whole (every file as installed), or say why the maps
    cannot be drawn."""
    if _ready:
        return
    found = check()
    if found.whole:
        _ready.append(True)
        return
    if os.environ.get("ATLAS_FETCH_ASSETS") != "1":
        if not found.recorded:
            st.error(_("The map's Leaflet files are missing from static/vendor/, so the maps "
                       "stay blank. Run `bash scripts/setup.sh app` (or `python "
                       "scripts/fetch_assets.py`), or start the app with ATLAS_FETCH_ASSETS=1 "
                       "to let it fetch them from the npm registry at its first start."))
        else:
            st.error(_("The map's Leaflet files are {problem}, so the maps would be blank or "
                       "broken: run `bash scripts/setup.sh app` to fetch them again (or start "
                       "the app with ATLAS_FETCH_ASSETS=1 to let it do so).",
                       problem=asset_problem(found)))
        return
    with _lock:  # one fetch per process; other sessions wait for it
        if check().whole:
            _ready.append(True)
            return
        if time.monotonic() - float(_failed.get("at", -RETRY_AFTER_S)) >= RETRY_AFTER_S:
            with st.spinner(_("Fetching the map's Leaflet files from the npm registry")):
                try:
                    install(timeout_s=TIMEOUT_S)
                    _failed.clear()
                    _ready.append(True)
                    return
                except (AssetFetchError, OSError) as error:
                    _failed.update(at=time.monotonic(), why=str(error))
    # The fetch's own reason stays as it was given (the registry's or the system's words).
    st.error(_("The map's Leaflet files could not be fetched ({reason}); the maps stay blank. "
               "The app tries again at most every {seconds} s.", reason=_failed.get("why"),
               seconds=RETRY_AFTER_S))


def ensure_whole_data() -> None:
    """Stop the page, with one sentence naming them, when files ``python -m geo update``
    wrote into data/ were cut short or changed since (:mod:`geo.update.record`): every page
    reads the series, so none is shown from a damaged one."""
    bad = damaged_files(DATA_DIR)
    if not bad:
        return
    files, record = _named([f"{DATA_DIR.name}/{p}" for p in bad]), _record_shown()
    # One file or several (the sentence's subject, whose number is not shown): not a plural
    # of a count, which ngettext would choose by the last digits.
    if len(bad) == 1:
        st.error(_("{files} is not as `python -m geo update` wrote it (cut short or changed "
                   "since), so no page is shown: restore data/ (`git checkout data/`, then "
                   "`git clean -f data/control`) and run `python -m geo update` again, or, if "
                   "the change was yours, delete {record}.", files=files, record=record))
    else:
        st.error(_("{files} are not as `python -m geo update` wrote them (cut short or changed "
                   "since), so no page is shown: restore data/ (`git checkout data/`, then "
                   "`git clean -f data/control`) and run `python -m geo update` again, or, if "
                   "the change was yours, delete {record}.", files=files, record=record))
    st.stop()


def _record_shown() -> str:
    path = record_path(DATA_DIR)
    try:
        return str(path.relative_to(DATA_DIR.resolve().parent))
    except ValueError:
        return str(path)
