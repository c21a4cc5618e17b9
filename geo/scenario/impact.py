"""What a scenario costs, against today's snapshot: areas, shares, line length, towns, people."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from shapely.geometry.base import BaseGeometry

from geo.data.towns import sides
from geo.scenario.ground import Ground
from geo.scenario.partition import Zones, line_length_km
from geo.scenario.pieces import Change

BY_OBLAST_COLUMNS = ["iso_3166_2", "name", "pct_before", "pct_after", "to_russia_km2",
                     "to_ukraine_km2", "dmz_km2", "from_ukraine_km2"]
TOWN_COLUMNS = ["name", "iso_3166_2", "population", "population_year", "population_source",
                "side_before", "side_after"]


@dataclass(frozen=True)
class Impact:
    """A scenario's figures. Areas in km2 (EPSG:3035), lengths in km (EPSG:32636), shares in
    percent (0-100). ``people_changing_side`` is the sum of the pre-war (or GeoNames)
    populations of the towns of 1,000 or more that change side or fall in the zone: a proxy
    for the people affected, not a count of current residents."""

    ukraine_km2: float
    russian_held_km2: float
    ukrainian_held_km2: float
    dmz_km2: float
    to_russia_km2: float
    to_ukraine_km2: float
    line_km: float
    line_km_before: float
    people_changing_side: int
    by_oblast: pd.DataFrame
    towns: pd.DataFrame

    def pct_of_ukraine(self, km2: float) -> float:
        """``km2`` as a percentage of Ukraine's area."""
        return 100.0 * km2 / self.ukraine_km2

    def summary(self) -> dict[str, float | int]:
        """The headline figures, rounded (km2 to 0.1, km to 0.1)."""
        return {
            "russian_held_km2": round(self.russian_held_km2, 1),
            "ukrainian_held_km2": round(self.ukrainian_held_km2, 1),
            "dmz_km2": round(self.dmz_km2, 1),
            "to_russia_km2": round(self.to_russia_km2, 1),
            "to_ukraine_km2": round(self.to_ukraine_km2, 1),
            "line_km": round(self.line_km, 1),
            "line_km_before": round(self.line_km_before, 1),
            "people_changing_side": self.people_changing_side,
        }


def _by_oblast(ground: Ground, change: Change) -> pd.DataFrame:
    rows = []
    for code in ground.unit_codes:
        area, before = ground.unit_km2[code], ground.russian_km2[code]
        after = before + change.gained.km2_in(code) - change.lost.km2_in(code)
        rows.append({"iso_3166_2": code, "name": ground.names[code],
                     "pct_before": 100.0 * before / area,
                     "pct_after": min(100.0, max(0.0, 100.0 * after / area)),
                     "to_russia_km2": change.gained.km2_in(code),
                     "to_ukraine_km2": change.to_ukraine.km2_in(code),
                     "dmz_km2": change.dmz.km2_in(code),
                     # Ukrainian-held today, not after: to Russia, or into the zone (the
                     # zone less what of it was Russian-held, which Russia loses).
                     "from_ukraine_km2": max(0.0, change.gained.km2_in(code)
                                             + change.dmz.km2_in(code)
                                             - change.lost.km2_in(code)
                                             + change.to_ukraine.km2_in(code))})
    return pd.DataFrame(rows, columns=BY_OBLAST_COLUMNS)


def _towns(towns: pd.DataFrame, ground: Ground, zones: Zones) -> pd.DataFrame:
    before = sides(towns, ground.russian)
    after = sides(towns, zones.russian, zones.dmz)
    moved = towns.assign(side_before=before, side_after=after)[before != after]
    # Their Ukrainian names ride along for the pages (not a column of the figures).
    named = ["name_uk"] if "name_uk" in moved else []
    return moved[TOWN_COLUMNS + named + ["lon", "lat"]].sort_values(
        "population", ascending=False, ignore_index=True)


def changed_ground(ground: Ground, zones: Zones) -> tuple[BaseGeometry, BaseGeometry]:
    """(goes to Russia, returns to Ukraine): the ground changing hands, EPSG:32636 polygons."""
    return zones.change.gained.geometry, zones.change.to_ukraine.geometry


def assess(ground: Ground, zones: Zones, towns: pd.DataFrame) -> Impact:
    """The figures of ``zones`` (from :func:`geo.scenario.presets.apply_scenario`) against
    ``ground``'s snapshot; ``towns`` as from :func:`geo.data.towns.load_towns`. Areas are sums of
    the zones' :class:`~geo.scenario.pieces.Change`, measured per unit when the zones were made."""
    change = zones.change
    moved = _towns(towns, ground, zones)
    ukraine_km2 = sum(ground.unit_km2.values())
    russian_km2 = sum(ground.russian_km2.values()) + change.gained.km2 - change.lost.km2
    return Impact(
        ukraine_km2=ukraine_km2,
        russian_held_km2=russian_km2,
        ukrainian_held_km2=ukraine_km2 - russian_km2 - change.dmz.km2,
        dmz_km2=change.dmz.km2,
        to_russia_km2=change.gained.km2,
        to_ukraine_km2=change.to_ukraine.km2,
        line_km=line_length_km(zones),
        line_km_before=ground.line_km,
        people_changing_side=int(moved["population"].sum()),
        by_oblast=_by_oblast(ground, change),
        towns=moved,
    )
