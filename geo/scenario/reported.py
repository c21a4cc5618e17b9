"""Reported costs of proposals (data/reported_costs.csv), set beside the computed ones."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo.language import N_, gettext
from geo.paths import DATA_DIR
from geo.scenario.impact import Impact

REPORTED_FILE = "reported_costs.csv"
#: Each measure's label (English, marked for the catalogue).
MEASURES = {
    "to_russia_km2": N_("Area handed to Russia (km²)"),
    "to_russia_pct_of_unit": N_("Area handed to Russia (% of the oblast)"),
    "to_ukraine_km2": N_("Area returned to Ukraine (km²)"),
    "people": N_("People in the area handed over"),
}


#: The columns written in each language: English's, and beside each its Ukrainian
#: (``as_of_uk``...), this project's own wording like the English (data/SOURCES.md).
TEXT_COLUMNS = ("as_of", "source", "why_differs")


def load_reported(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Reported figures: preset, area (ISO code), measure (a key of :data:`MEASURES`), value,
    as_of, source, url, why_differs (one sentence), and the text columns' Ukrainian
    (:data:`TEXT_COLUMNS` with ``_uk``)."""
    return pd.read_csv(data_dir / REPORTED_FILE, keep_default_na=False,
                       dtype={"as_of": str, "area": str})


def _computed(impact: Impact, area: str, measure: str) -> float:
    row = impact.by_oblast.set_index("iso_3166_2").loc[area]
    if measure == "to_russia_km2":
        return float(row["to_russia_km2"])
    if measure == "to_ukraine_km2":
        return float(row["to_ukraine_km2"])
    if measure == "to_russia_pct_of_unit":
        return float(row["pct_after"] - row["pct_before"])
    if measure == "people":
        return float(impact.towns.loc[impact.towns["iso_3166_2"] == area, "population"].sum())
    raise ValueError(f"unknown measure {measure!r}")


def compare(reported: pd.DataFrame, preset: str, impact: Impact, *,
            lang: str = "en") -> pd.DataFrame:
    """The reported figures for ``preset`` beside the computed ones: figure (the measure's
    label), area, reported, reported_as_of, reported_source, computed, why_differs, their
    text in ``lang``."""
    rows = reported[reported["preset"] == preset]
    text = {column: column if lang == "en" else f"{column}_{lang}" for column in TEXT_COLUMNS}
    if rows.empty:
        return pd.DataFrame(columns=["figure", "area", "reported", "reported_as_of",
                                     "reported_source", "computed", "why_differs"])
    return pd.DataFrame({
        "figure": rows["measure"].map(lambda measure: gettext(MEASURES[measure], lang)),
        "area": rows["area"],
        "reported": rows["value"].astype(float),
        "reported_as_of": rows[text["as_of"]],
        "reported_source": rows[text["source"]],
        "computed": [_computed(impact, a, m) for a, m in zip(rows["area"], rows["measure"])],
        "why_differs": rows[text["why_differs"]],
    }).reset_index(drop=True)
