"""Files written whole or not at all: a reader (another process, the app) never sees half a
file, and a failure leaves no stray temporary file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, line endings as given) to ``path``: into a temporary file beside
    it, then renamed over it. The file is readable by all (mode 0644), like a checkout's."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, suffix=".part",
                                     delete=False, newline="") as scratch:
        try:
            scratch.write(text)
        except BaseException:
            scratch.close()
            os.unlink(scratch.name)
            raise
    os.chmod(scratch.name, 0o644)  # a temporary file is private; the data is not
    os.replace(scratch.name, path)
