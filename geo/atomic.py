"""Files written whole or not at all: a reader (another process, the app) never sees half a
file, and a failure leaves no stray temporary file behind.

A writer killed half-way (SIGKILL, a power cut) leaves the file as it was and, at worst, a
``*.part`` file beside it, which no reader here opens: the new contents are flushed to disk
before the rename, so the name never points at a file that is only partly on disk.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

#: Suffix of the temporary file a write goes through (left behind only by a killed writer).
PART_SUFFIX = ".part"


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``: into a temporary file beside it, flushed to disk, then
    renamed over it. The file is readable by all (mode 0644), like a checkout's."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, suffix=PART_SUFFIX,
                                     delete=False) as scratch:
        try:
            scratch.write(data)
            scratch.flush()
            os.fsync(scratch.fileno())
        except BaseException:
            scratch.close()
            os.unlink(scratch.name)
            raise
    try:
        os.chmod(scratch.name, 0o644)  # a temporary file is private; the data is not
        os.replace(scratch.name, path)
    except BaseException:
        Path(scratch.name).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, line endings as given) to ``path``, as :func:`write_bytes`."""
    write_bytes(path, text.encode("utf-8"))
