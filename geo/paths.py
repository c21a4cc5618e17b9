"""Where the code, the shipped data and the repository live."""

from __future__ import annotations

from pathlib import Path

#: The geo package's own folder (its sources version what is stored from them).
CODE_DIR = Path(__file__).resolve().parent
#: The repository: geo/ and data/ stand in it, and .cache/ (ignored by git) beside them.
REPO_DIR = CODE_DIR.parent
#: The repository's data/ folder (derived, small, committed; see data/SOURCES.md).
DATA_DIR = REPO_DIR / "data"
