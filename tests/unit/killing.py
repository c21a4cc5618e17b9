"""For the fault tests: run a writer in a new Python process and kill it (SIGKILL) half-way,
as a crash, an out-of-memory kill or a power cut would, with nothing left to clean up."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import ROOT

#: Makes the process kill itself once it has written half of the first temporary file whose
#: contents hold MARKER (the writers here all write through tempfile, then rename).
_DIE_MID_WRITE = '''
import os, signal, tempfile
_real = tempfile.NamedTemporaryFile
def _dying(*args, **kwargs):
    scratch = _real(*args, **kwargs)
    def write(data):
        raw = data if isinstance(data, bytes) else data.encode()
        if MARKER in raw:
            scratch.file.write(data[: len(data) // 2])
            scratch.file.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        return scratch.file.write(data)
    scratch.write = write
    return scratch
tempfile.NamedTemporaryFile = _dying
'''

#: Makes the process kill itself at its MOVE-th rename (os.replace) into the folder UNDER,
#: before making it.
_DIE_AT_MOVE = '''
import os, signal
_real_replace, _moves = os.replace, []
def _dying_replace(source, target):
    if str(target).startswith(UNDER + os.sep):
        _moves.append(target)
    if len(_moves) == MOVE:
        os.kill(os.getpid(), signal.SIGKILL)
    _real_replace(source, target)
os.replace = _dying_replace
'''


def _run(prelude: str, code: str) -> None:
    script = prelude + textwrap.dedent(code)
    finished = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                              text=True, timeout=300)
    assert finished.returncode == -signal.SIGKILL, finished.stderr


def killed_mid_write(code: str, marker: bytes) -> None:
    """Run ``code`` (Python source) in a new process, killed when it has written half of the
    first file holding ``marker``."""
    _run(f"MARKER = {marker!r}\n" + _DIE_MID_WRITE, code)


def killed_at_move(code: str, move: int, under: Path) -> None:
    """Run ``code`` in a new process, killed just before its ``move``-th rename of a file
    into the folder ``under``."""
    _run(f"MOVE = {move}\nUNDER = {str(under)!r}\n" + _DIE_AT_MOVE, code)
