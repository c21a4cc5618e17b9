"""Published figures on the pace of the advance, shown beside the computed ones with their
source and date: monthly gains (data/published_gains.csv) and estimates of how long taking
the rest would take (data/published_estimates.csv). See data/SOURCES.md."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo.language import N_, gettext
from geo.paths import DATA_DIR

GAINS_FILE = "published_gains.csv"
#: ``period`` is a month (YYYY-MM) or a year (YYYY); ``km2`` what the source gives for it;
#: ``measure`` "gained by Russia" or "claimed by Russia"; ``as_of`` the report's date.
GAINS_COLUMNS = ["period", "km2", "measure", "source", "as_of", "note"]
ESTIMATES_FILE = "published_estimates.csv"
#: ``ground``: unit codes joined by "+" (the ground the estimate is of); ``taken_by``: the
#: month (YYYY-MM) the estimate implies, for setting it beside ours.
ESTIMATES_COLUMNS = ["who", "as_of", "ground", "estimate", "taken_by", "source", "note"]


def load_published_gains(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The published monthly and yearly gains (columns :data:`GAINS_COLUMNS`), oldest first."""
    table = pd.read_csv(data_dir / GAINS_FILE, dtype=str, keep_default_na=False)
    table["km2"] = table["km2"].astype(float)
    return table[GAINS_COLUMNS].sort_values("period", kind="stable", ignore_index=True)


def load_published_estimates(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The published estimates of a time to take (columns :data:`ESTIMATES_COLUMNS`)."""
    table = pd.read_csv(data_dir / ESTIMATES_FILE, dtype=str, keep_default_na=False)
    return table[ESTIMATES_COLUMNS]


#: The words of data/published_gains.csv and data/published_estimates.csv a page shows (who
#: published, where, and the estimates' own words), marked for the catalogue: the files stay
#: in English, as published or reported.
PUBLISHED_TEXTS = (
    N_("ISW data as computed by AFP (Moscow Times)"),
    N_("DeepState monthly summary (Interfax-Ukraine and others)"),
    N_("ISW data as computed by AFP"),
    N_("DeepState via Interfax-Ukraine"),
    N_("Russia's chief of general staff"),
    N_("DeepState via for-ua.com"),
    N_("ISW analysts"),
    N_("President Zelensky"),
    N_("the rest of Donetsk oblast around August 2027"),
    N_("UNN, reporting ISW"),
    N_("not before 2027-28"),
    N_("RBC-Ukraine, quoting ISW analysts"),
    N_("about four years to take all of Donbas"),
    N_("remarks reported in August 2025"),
)


def published_text(text: str, lang: str = "en") -> str:
    """A text of the published files (a source, who made an estimate, its words) in
    ``lang``: as in the file when the catalogue does not translate it (a row added since)."""
    return gettext(text, lang) if text else text
