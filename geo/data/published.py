"""Published control figures (data/published_figures.csv), shown beside the computed ones."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from geo.language import DEFAULT, N_, gettext, long_date, number
from geo.paths import DATA_DIR

PUBLISHED_FILE = "published_figures.csv"
PUBLISHED_COLUMNS = ["area", "percent", "as_of", "source", "url", "note"]
#: The sources of data/published_figures.csv whose names have words to translate, marked for
#: the catalogue (the file stays as published; "BBC News" is a name in either language).
SOURCE_NAMES = (N_("DeepState year-end (via portalobronny.se.pl)"),)


def load_published(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Published Russian-held shares: area (ISO 3166-2 code, "UA" for Ukraine), percent
    (0-100), as_of (ISO date), source, url and note; newest first."""
    table = pd.read_csv(data_dir / PUBLISHED_FILE, dtype={"area": str, "as_of": str},
                        keep_default_na=False)
    table["percent"] = table["percent"].astype(float)
    return table[PUBLISHED_COLUMNS].sort_values("as_of", ascending=False, ignore_index=True)


def published_label(row: pd.Series, *, lang: str = DEFAULT) -> str:
    """One figure as a short citation in ``lang``: "75 % (BBC News, 2026-01-06)" in English,
    "75 % (BBC News, 6 січня 2026 р.)" in Ukrainian (the percentage with as many decimals as
    published, "18,5 %"; the source's name as the catalogue writes it, else as it is)."""
    percent, as_of = row["percent"], row["as_of"]
    if lang == DEFAULT:
        return f"{percent:g} % ({row['source']}, {as_of})"
    shortest = f"{percent:g}"
    written = shortest if "e" in shortest else \
        number(percent, lang, decimals=len(shortest.partition(".")[2]))
    try:
        as_of = long_date(dt.date.fromisoformat(as_of), lang)
    except ValueError:  # not an ISO date: shown as published
        pass
    return f"{written}\u00a0% ({gettext(row['source'], lang)}, {as_of})"


def published_for(table: pd.DataFrame, area: str, *, lang: str = DEFAULT) -> list[str]:
    """All published figures for one area code, newest first, as short citations in ``lang``
    (:func:`published_label`)."""
    return [published_label(row, lang=lang) for _, row in table[table["area"] == area].iterrows()]


#: Columns of :func:`published_vs_computed`.
COMPARISON_COLUMNS = ["area", "name", "published_pct", "published_as_of", "source",
                      "computed_pct", "day", "difference_pts"]


def nearest_day(date: dt.date, days: Sequence[dt.date]) -> dt.date:
    """The day of ``days`` (sorted, oldest first) closest to ``date``; of two equally close,
    the earlier, which is what the publisher could have seen.

    Raises
    ------
    ValueError
        If ``days`` is empty.
    """
    if not days:
        message = "no held days to compare with"
        raise ValueError(message)
    at = bisect_left(days, date)
    near = days[max(at - 1, 0):at + 1]
    return min(near, key=lambda d: (abs((d - date).days), d))


def published_vs_computed(published: pd.DataFrame, history: pd.DataFrame) -> pd.DataFrame:
    """Each published figure beside the share of the held day nearest its date.

    Cheap: the shares are read from ``history`` (the daily series), none is computed.

    Parameters
    ----------
    published
        A :func:`load_published` table (as_of an ISO date).
    history
        A long table of shares by day (:func:`geo.pace.history.series_history`: date as
        :class:`datetime.date`, iso_3166_2, name, occupied_pct).

    Returns
    -------
    DataFrame with :data:`COMPARISON_COLUMNS`, one row per published figure in the order of
    ``published``: area (ISO 3166-2, "UA" = Ukraine), name, published_pct (0-100),
    published_as_of, source, computed_pct (0-100, EPSG:3035; NaN if the day has no such
    area), day (the held day whose share is set beside it), and difference_pts (computed
    minus published, percentage points).

    Raises
    ------
    ValueError
        If a figure's as_of is not an ISO date, or ``history`` holds no day.
    """
    days = sorted(set(history["date"]))
    by_day = {day: rows.set_index("iso_3166_2") for day, rows in history.groupby("date")}
    rows = []
    for _, figure in published.iterrows():
        try:
            as_of = dt.date.fromisoformat(figure["as_of"])
        except ValueError:
            message = (f"published figure for {figure['area']} ({figure['source']}): as_of "
                       f"{figure['as_of']!r} is not an ISO date")
            raise ValueError(message) from None
        day = nearest_day(as_of, days)
        shares = by_day[day]
        known = figure["area"] in shares.index
        computed = float(shares.at[figure["area"], "occupied_pct"]) if known else float("nan")
        rows.append({
            "area": figure["area"],
            "name": shares.at[figure["area"], "name"] if known else "",
            "published_pct": float(figure["percent"]),
            "published_as_of": figure["as_of"],
            "source": figure["source"],
            "computed_pct": computed,
            "day": day,
            "difference_pts": computed - float(figure["percent"]),
        })
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)
