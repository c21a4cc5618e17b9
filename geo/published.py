"""Published control figures (data/published_figures.csv), shown beside the computed ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
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


#: Columns of :func:`published_vs_computed`.
COMPARISON_COLUMNS = ["area", "name", "published_pct", "published_as_of", "source",
                      "computed_pct", "snapshot_date", "difference_pts"]


def nearest_snapshot(date: dt.date, dates: Sequence[dt.date]) -> dt.date:
    """The snapshot date closest to ``date``; of two equally close, the earlier, which is
    what the publisher could have seen.

    Raises
    ------
    ValueError
        If ``dates`` is empty.
    """
    if not dates:
        message = "no snapshot dates to compare with"
        raise ValueError(message)
    return min(dates, key=lambda d: (abs((d - date).days), d))


def published_vs_computed(
    published: pd.DataFrame,
    dates: Sequence[dt.date],
    shares_on: Callable[[dt.date], pd.DataFrame],
) -> pd.DataFrame:
    """Each published figure beside the share computed from the snapshot nearest its date.

    Parameters
    ----------
    published
        A :func:`load_published` table (as_of an ISO date).
    dates
        The snapshot dates available (:func:`geo.snapshots.available_dates`).
    shares_on
        Date -> that snapshot's :func:`geo.shares.control_shares` table; called once per
        snapshot needed, so it may compute (or look up a cache).

    Returns
    -------
    DataFrame with :data:`COMPARISON_COLUMNS`, one row per published figure in the order of
    ``published``: area (ISO 3166-2, "UA" = Ukraine), name, published_pct (0-100),
    published_as_of, source, computed_pct (0-100, EPSG:3035; NaN if the snapshot has no such
    area), snapshot_date, and difference_pts (computed minus published, percentage points).

    Raises
    ------
    ValueError
        If a figure's as_of is not an ISO date, or there are no snapshot dates.
    """
    rows = []
    tables: dict[dt.date, pd.DataFrame] = {}
    for _, figure in published.iterrows():
        try:
            as_of = dt.date.fromisoformat(figure["as_of"])
        except ValueError:
            message = (f"published figure for {figure['area']} ({figure['source']}): as_of "
                       f"{figure['as_of']!r} is not an ISO date")
            raise ValueError(message) from None
        snapshot_date = nearest_snapshot(as_of, dates)
        if snapshot_date not in tables:
            tables[snapshot_date] = shares_on(snapshot_date).set_index("iso_3166_2")
        shares = tables[snapshot_date]
        known = figure["area"] in shares.index
        computed = float(shares.at[figure["area"], "occupied_pct"]) if known else float("nan")
        rows.append({
            "area": figure["area"],
            "name": shares.at[figure["area"], "name"] if known else "",
            "published_pct": float(figure["percent"]),
            "published_as_of": figure["as_of"],
            "source": figure["source"],
            "computed_pct": computed,
            "snapshot_date": snapshot_date,
            "difference_pts": computed - float(figure["percent"]),
        })
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)
