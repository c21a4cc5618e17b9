"""Two scenarios side by side: how their figures, shares and towns differ."""

from __future__ import annotations

import pandas as pd

from geo.data.towns import sides
from geo.language import N_, gettext
from geo.scenario.impact import Impact
from geo.scenario.partition import Zones

#: (label, how to read it off an Impact); areas km2 (EPSG:3035), lengths km (EPSG:32636).
#: Labels are English, marked for the catalogue.
FIGURES = (
    (N_("Russian-held (km²)"), lambda i: i.russian_held_km2),
    (N_("Russian-held (% of Ukraine)"), lambda i: i.pct_of_ukraine(i.russian_held_km2)),
    (N_("Goes to Russia (km²)"), lambda i: i.to_russia_km2),
    (N_("Returns to Ukraine (km²)"), lambda i: i.to_ukraine_km2),
    (N_("Demilitarised zone (km²)"), lambda i: i.dmz_km2),
    (N_("Line(s) to monitor (km)"), lambda i: i.line_km),
    (N_("People in towns changing side"), lambda i: float(i.people_changing_side)),
)


def figures_table(a: Impact, b: Impact, *, lang: str = "en") -> pd.DataFrame:
    """figure (its label in ``lang``), a, b, difference (b - a) for the headline figures of
    two scenarios."""
    rows = [{"figure": gettext(label, lang), "a": read(a), "b": read(b)}
            for label, read in FIGURES]
    table = pd.DataFrame(rows)
    table["difference"] = table["b"] - table["a"]
    return table


def shares_table(a: Impact, b: Impact, *, min_points: float = 0.005) -> pd.DataFrame:
    """iso_3166_2, name, pct_a, pct_b, difference (percentage points) for the units whose
    Russian-held share differs by at least ``min_points``."""
    left = a.by_oblast.set_index("iso_3166_2")
    right = b.by_oblast.set_index("iso_3166_2")
    table = pd.DataFrame({"name": left["name"], "pct_a": left["pct_after"],
                          "pct_b": right["pct_after"]})
    table["difference"] = table["pct_b"] - table["pct_a"]
    return table[table["difference"].abs() >= min_points].reset_index()


def towns_table(towns: pd.DataFrame, a: Zones, b: Zones) -> pd.DataFrame:
    """name, iso_3166_2, population, population_year, side_a, side_b: the towns that lie on
    different sides under the two scenarios, most populous first (``towns`` as from
    :func:`geo.data.towns.load_towns`)."""
    side_a, side_b = sides(towns, a.russian, a.dmz), sides(towns, b.russian, b.dmz)
    differ = towns.assign(side_a=side_a, side_b=side_b)[side_a != side_b]
    columns = ["name", *(["name_uk"] if "name_uk" in towns else []), "iso_3166_2",
               "population", "population_year", "side_a", "side_b"]
    return differ[columns].sort_values("population", ascending=False, ignore_index=True)
