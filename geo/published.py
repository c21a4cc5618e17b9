"""Published control figures (data/published_figures.csv), shown beside the computed ones."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo.paths import DATA_DIR

PUBLISHED_FILE = "published_figures.csv"
PUBLISHED_COLUMNS = ["area", "percent", "as_of", "source", "url", "note"]


def load_published(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Published Russian-held shares: area (ISO 3166-2 code, "UA" for Ukraine), percent
    (0-100), as_of (ISO date), source, url and note; newest first."""
    table = pd.read_csv(data_dir / PUBLISHED_FILE, dtype={"area": str, "as_of": str},
                        keep_default_na=False)
    table["percent"] = table["percent"].astype(float)
    return table[PUBLISHED_COLUMNS].sort_values("as_of", ascending=False, ignore_index=True)


def published_label(row: pd.Series) -> str:
    """One figure as a short citation, e.g. "about 75 % (BBC News, 2026-01-06)"."""
    return f"{row['percent']:g} % ({row['source']}, {row['as_of']})"


def published_for(table: pd.DataFrame, area: str) -> list[str]:
    """All published figures for one area code, newest first, as short citations."""
    return [published_label(row) for _, row in table[table["area"] == area].iterrows()]
