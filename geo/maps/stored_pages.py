"""Finished control-map pages kept on disk, so that a new process can show its first map
before it has loaded folium, pandas or geopandas (about 1.5 s on a 2-core machine).

A stored page is named by what it was drawn from: the snapshot's date, the variant (basemap
tiles, presenter mode, the language when it is not English) and a fingerprint of the code in geo/, the installed folium and the
data files, so a change to any of them stores a new page instead of showing a stale one.
Only the standard library is used here; the pages themselves are made by
:func:`geo.maps.control_layers.control_document`.

Each stored page ends with an HTML comment carrying the sha256 of the page before it
(:data:`TRAILER`), written in the same file and the same rename: a page cut short, with
bytes changed, or without that comment is not served but deleted, and made again by
whoever asked for it (the app, ``scripts/store_maps.py``, ``python -m geo update``).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.metadata
import logging
import os
import time
from pathlib import Path

from geo.atomic import PART_SUFFIX, write_text
from geo.data.snapshots import snapshot_path
from geo.language import DEFAULT, DOMAIN, LOCALE_DIR, checked
from geo.paths import CODE_DIR, DATA_DIR, REPO_DIR

#: Where the pages are kept: $ATLAS_MAP_STORE, else .cache/maps in the repository (ignored
#: by git; made on first use).
STORE_DIR = Path(os.environ.get("ATLAS_MAP_STORE")
                 or REPO_DIR / ".cache" / "maps")
#: How a stored page ends: this, the sha256 (hex) of the page before it, then " -->\n".
TRAILER = "<!-- atlas stored page, sha256 "
_TRAILER_END = " -->\n"
#: A temporary file older than this (s) was left by a writer that was killed: removed.
_STALE_PART_S = 3600

_log = logging.getLogger(__name__)


@functools.cache
def _code_fingerprint() -> str:
    """The geo/ sources and the folium release: what draws the page (fixed for a process)."""
    digest = hashlib.sha256(importlib.metadata.version("folium").encode())
    for source in sorted(CODE_DIR.rglob("*.py")):
        digest.update(source.relative_to(CODE_DIR).as_posix().encode() + b"\0"
                      + source.read_bytes())
    return digest.hexdigest()


@functools.lru_cache(maxsize=256)
def _file_fingerprint(path: str, modified_ns: int, size: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _fingerprint_of(path: Path) -> str:
    status = path.stat()
    return _file_fingerprint(str(path), status.st_mtime_ns, status.st_size)


def fingerprint(date: dt.date, data_dir: Path = DATA_DIR, *, lang: str = DEFAULT) -> str:
    """What the control map of ``date`` in ``lang`` is drawn from, as a hex digest: the code,
    the snapshot's file, every file at the top of ``data_dir`` (boundaries, published
    figures, ...) and, in a language other than English, its compiled catalogue. Files are
    re-read only when their size or modification time changes."""
    digest = hashlib.sha256(_code_fingerprint().encode())
    inputs = [snapshot_path(date, data_dir), *sorted(p for p in data_dir.iterdir() if p.is_file())]
    for path in inputs:
        digest.update(path.name.encode() + b"\0" + _fingerprint_of(path).encode())
    if checked(lang) != DEFAULT:
        catalogue = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
        # A missing catalogue is the control map's to report, when it draws the page.
        digest.update(catalogue.name.encode() + b"\0" + (
            _fingerprint_of(catalogue).encode() if catalogue.is_file() else b"missing"))
    return digest.hexdigest()


def document_path(date: dt.date, *, tiles: bool = False, presenter: bool = False,
                  store: Path | None = None, data_dir: Path = DATA_DIR,
                  lang: str = DEFAULT) -> Path:
    """Where the control map of the bundled snapshot of ``date`` in this variant and in
    ``lang`` is kept (in ``store``, default :data:`STORE_DIR`): an English page's name has no
    language, as before languages were offered, another's ends its variant with it
    (``control_2026-10-10_plain-uk_<fingerprint>.html``)."""
    store = store or STORE_DIR
    variant = (("tiles" if tiles else "plain") + ("-presenter" if presenter else "")
               + ("" if checked(lang) == DEFAULT else f"-{lang}"))
    digest = fingerprint(date, data_dir, lang=lang)[:20]
    return store / f"control_{date.isoformat()}_{variant}_{digest}.html"


def read_document(path: Path) -> str | None:
    """The stored page at ``path``, or None if there is none, it cannot be read, or it is
    not whole (it does not end with the sha256 of the rest): such a page is deleted,
    so that it is made and stored again, and the fact is logged."""
    try:
        stored = path.read_bytes()
    except OSError:
        return None
    page = _verified(stored)
    if page is None:
        _log.warning("stored map page %s is damaged (truncated or altered): deleted, to be "
                     "made again", path)
        try:
            path.unlink(missing_ok=True)
        except OSError:  # a read-only store: the page is made in memory each time
            pass
    return page


def _verified(stored: bytes) -> str | None:
    """The page held in ``stored`` (the file's bytes) if its trailer's digest matches."""
    at = stored.rfind(TRAILER.encode("ascii"))
    if at < 0:
        return None
    body, trailer = stored[:at], stored[at + len(TRAILER):]
    expected = hashlib.sha256(body).hexdigest() + _TRAILER_END
    if trailer != expected.encode("ascii"):
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _stored_form(page: str) -> str:
    """``page`` as it is stored: followed by the comment holding its digest (:data:`TRAILER`)."""
    return f"{page}{TRAILER}{hashlib.sha256(page.encode('utf-8')).hexdigest()}{_TRAILER_END}"


def write_document(path: Path, page: str) -> bool:
    """Store ``page`` at ``path`` whole or not at all, with its digest (several processes
    may write the same page; :mod:`geo.atomic`), and drop the pages of the same date and
    variant drawn from older code or data, and temporary files left by killed writers.
    False if the store cannot be written (a read-only deployment): the page is then made
    again by each new process."""
    stem = path.stem.rsplit("_", 1)[0]
    try:
        write_text(path, _stored_form(page))
        for older in path.parent.glob(f"{stem}_*.html"):
            if older != path:
                older.unlink(missing_ok=True)
        _remove_stale_parts(path.parent)
    except OSError:
        return False
    return True


def _remove_stale_parts(store: Path) -> None:
    now = time.time()
    for part in store.glob(f"*{PART_SUFFIX}"):
        try:
            if now - part.stat().st_mtime > _STALE_PART_S:
                part.unlink()
        except OSError:  # another process removed it, or renamed it into place
            pass


def store_page(date: dt.date, *, tiles: bool = False, presenter: bool = False,
               store: Path | None = None, data_dir: Path = DATA_DIR,
               lang: str = DEFAULT) -> Path:
    """Make and store the control map page of the bundled snapshot of ``date`` in ``lang``,
    unless it is stored already; returns its path. This is what set-up does for the newest
    snapshot, so that a new process can show its first map at once."""
    path = document_path(date, tiles=tiles, presenter=presenter, store=store, data_dir=data_dir,
                         lang=lang)
    if read_document(path) is not None:  # whole: a damaged one is deleted and made again
        return path
    # Imported here, not above: reading a stored page must not load folium or geopandas.
    from geo.data.boundaries import load_units
    from geo.data.control import compute_snapshot
    from geo.data.published import load_published
    from geo.maps.control_layers import control_document

    units = load_units(data_dir)
    page = control_document(units, compute_snapshot(date, units, data_dir),
                            load_published(data_dir), tiles=tiles, presenter=presenter,
                            lang=lang)
    if not write_document(path, page):
        raise OSError(f"cannot write the map page to {path.parent}")
    return path
