"""The History page's published monthly gains beside the computed ones (geo.pace.tables), with
why they differ: a table and its caption in the visitor's language, computed once per process,
version of the data files and language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import streamlit as st

from geo.language import gettext, number
from geo.pace.monthly import load_monthly, monthly_path
from geo.pace.published import GAINS_FILE, load_published_gains, published_text
from geo.pace.tables import TOLERANCE_PCT, WHY_THEY_DIFFER, published_beside_computed
from geo.pace.wording import month_text, signed
from geo.paths import DATA_DIR
from pages._dates import day_text
from pages._language import _, language


def version(path: Path) -> tuple[int, int]:
    """What identifies a data file's contents (``geo update`` rewrites them)."""
    status = path.stat()
    return status.st_mtime_ns, status.st_size


@st.cache_resource(show_spinner=False, max_entries=2)
def _monthly(version: tuple[int, int]) -> pd.DataFrame:
    return load_monthly()


def monthly() -> pd.DataFrame:
    """data/monthly_change.csv, once per process and version of the file."""
    return _monthly(version(monthly_path()))


@st.cache_resource(show_spinner=False, max_entries=4)
def _comparison(versions: tuple, lang: str) -> pd.DataFrame:
    # Keyed by the language too: the table's ``why`` is in words.
    return published_beside_computed(monthly(), load_published_gains(), lang=lang)


def comparison() -> pd.DataFrame:
    """The published gains beside the computed ones (geo.pace.tables), ``why`` in the
    visitor's language."""
    return _comparison((version(monthly_path()), version(DATA_DIR / GAINS_FILE)), language())


def _period(period: str) -> str:
    """A published period in running text: a month ("2026-02") or a year ("2025")."""
    return period if len(period) == 4 else month_text(period, language())


def _period_cell(period: str) -> str:
    """A published period as the table names it: "2026-02", "2025 (year)"."""
    return _("{year} (year)", year=period) if len(period) == 4 else _period(period)


def _as_of(text: str) -> str:
    """A published figure's date (a day, or a month only) in running text; as written in
    the file when it is neither."""
    try:
        if len(text.strip()) == 7:
            return month_text(text.strip(), language())
        return day_text(dt.date.fromisoformat(text.strip()))
    except ValueError:
        return text


def comparison_table(table: pd.DataFrame) -> pd.DataFrame:
    """The published gains beside the computed ones, as the page shows them (headers and
    words in the visitor's language, the figures the same)."""
    lang = language()

    def km2(value: float) -> str:
        return "—" if pd.isna(value) else number(value, lang)

    def published(row) -> str:
        figure = number(row.published_km2, lang)
        return _("{km2} (claimed)", km2=figure) if row.measure.startswith("claimed") else figure

    return pd.DataFrame({
        _("Period"): [_period_cell(p) for p in table["period"]],
        _("Ours: measured"): [_("{first} to {last}", first=day_text(r.start),
                                last=day_text(r.end)) if r.start else "—"
                              for r in table.itertuples()],
        _("Ours: gained (km²)"): table["computed_gained_km2"].map(km2),
        _("Ours: net (km²)"): table["computed_net_km2"].map(km2),
        _("Published (km²)"): [published(r) for r in table.itertuples()],
        _("Difference"): ["—" if pd.isna(d) else _("{difference} %",
                                                    difference=signed(d, lang))
                          for d in table["difference_pct"]],
        _("Source (as of)"): [_("{source} ({as_of})", source=published_text(r.source, lang),
                                as_of=_as_of(r.as_of)) for r in table.itertuples()],
    })


def beyond_tolerance_text(table: pd.DataFrame) -> str | None:
    """The figures more than the tolerance off ours, each with why, in words."""
    off = table[~table["agrees"] & table["difference_pct"].notna()]
    if off.empty:
        return None
    lang = language()
    items = [_("{period} ({source}, {difference} %): {why}", period=_period(r.period),
               source=published_text(r.source, lang), difference=signed(r.difference_pct, lang),
               why=r.why or _("not explained"))
             for r in off.itertuples()]
    return _("More than {tolerance} % off ours: {items}.", tolerance=number(TOLERANCE_PCT, lang),
             items="; ".join(items))


def published_section() -> None:
    """The table of published gains beside ours, and its caption."""
    if not (DATA_DIR / GAINS_FILE).exists():
        st.warning(_("The published figures (data/{file}) are missing: only ours are shown.",
                     file=GAINS_FILE))
        return
    table = comparison()
    st.markdown("#### " + _("Computed beside published: ground gained by Russia in Ukraine"))
    st.table(comparison_table(table), hide_index=True)
    deepstate = table[(table["period"].str.len() == 7)
                      & table["source"].str.startswith("DeepState")]
    off = beyond_tolerance_text(table)
    why = gettext(WHY_THEY_DIFFER, language())
    st.caption(_(
        "Ours: DeepStateMap's maps (deepstatemap.live), between the first held days of the "
        "month and of the next (a year: its 12 months); areas in EPSG:3035. Published: each "
        "figure with its source and the day it was reported (data/published_gains.csv). "
        "Difference: our gain minus the published one, in percent of it; {agree} of "
        "DeepState's {monthly} monthly figures are within {tolerance} % of ours. {off}Why they "
        "differ: {why}", agree=int(deepstate["agrees"].sum()), monthly=len(deepstate),
        tolerance=number(TOLERANCE_PCT, language()), off=off + " " if off else "",
        why=why[0].lower() + why[1:]))


__all__ = ["comparison", "comparison_table", "monthly", "published_section", "version"]
