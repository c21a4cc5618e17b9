"""The ground a scenario works on: one snapshot's zones and line, in the metric CRS."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import geopandas as gpd
import shapely
from shapely.geometry.base import BaseGeometry

from geo.crs import M_PER_KM
from geo.data.boundaries import ukraine_outline
from geo.data.control import ControlSnapshot
from geo.projection import to_metric

#: The line of contact is simplified by this much (m) before buffering: a tenth of the
#: smallest slider step, and it makes buffers several times faster.
BUFFER_LINE_TOLERANCE_M = 50.0
#: Boundary within this distance (m) of Ukraine's outline is border or coast, not a line.
OUTLINE_TOLERANCE_M = 100.0


@dataclass(frozen=True, eq=False)
class Ground:
    """Today's situation, ready for scenarios. Every geometry is in EPSG:32636 (metres).

    Attributes
    ----------
    date
        The snapshot's date.
    ukraine
        Ukraine's territory.
    russian, ukrainian
        The occupied area and the rest of Ukraine (a partition of ``ukraine``).
    line
        The line of contact.
    units
        ISO 3166-2 code -> the unit's territory.
    unit_codes, unit_tree
        The units' codes, and an STRtree over their territories in the same order.
    names
        ISO 3166-2 code -> English name.
    outline_zone
        Ukraine's outline buffered by :data:`OUTLINE_TOLERANCE_M`.
    unit_km2, russian_km2
        ISO code -> the unit's area and its Russian-held area today (km2, EPSG:3035).
    line_km
        Length of today's line of contact (km).
    """

    date: dt.date
    ukraine: BaseGeometry
    russian: BaseGeometry
    ukrainian: BaseGeometry
    line: BaseGeometry
    units: dict[str, BaseGeometry]
    unit_codes: tuple[str, ...]
    unit_tree: shapely.STRtree
    names: dict[str, str]
    outline_zone: BaseGeometry
    unit_km2: dict[str, float]
    russian_km2: dict[str, float]
    line_km: float

    def line_buffer(self, km: float) -> BaseGeometry:
        """Everything within ``km`` km of the line of contact (prepared; computed on each call:
        :func:`geo.scenario.bands.band` keeps those of whole km)."""
        if km <= 0 or self.line.is_empty:
            return shapely.Polygon()
        buffered = self.line.simplify(BUFFER_LINE_TOLERANCE_M).buffer(float(km) * M_PER_KM)
        shapely.prepare(buffered)
        return buffered

    def unit(self, code: str) -> BaseGeometry:
        """One unit's territory; a clear error for an unknown code."""
        try:
            return self.units[code]
        except KeyError:
            raise ValueError(f"unknown unit {code!r}; expected codes such as UA-14") from None

    def union_of(self, codes: tuple[str, ...] | list[str]) -> BaseGeometry:
        """The union of those of ``codes`` that are units of this ground."""
        return shapely.union_all([self.units[c] for c in codes if c in self.units])


def prepare_ground(units: gpd.GeoDataFrame, snapshot: ControlSnapshot) -> Ground:
    """Project a snapshot and the units (EPSG:4326) into the metric CRS for scenarios."""
    ukraine = to_metric(ukraine_outline(units))
    russian = to_metric(snapshot.occupied)
    if not russian.is_valid:  # a visitor's area can come out of reprojection invalid
        russian = shapely.make_valid(russian, method="structure")
    geometries = {code: to_metric(g) for code, g in zip(units["iso_3166_2"], units.geometry)}
    for geometry in (ukraine, russian, *geometries.values()):
        shapely.prepare(geometry)
    shares = snapshot.shares.set_index("iso_3166_2")
    codes = list(units["iso_3166_2"])
    return Ground(
        date=snapshot.date,
        ukraine=ukraine,
        russian=russian,
        ukrainian=shapely.difference(ukraine, russian),
        line=to_metric(snapshot.line),
        units=geometries,
        unit_codes=tuple(geometries),
        unit_tree=shapely.STRtree(list(geometries.values())),
        names=dict(zip(units["iso_3166_2"], units["name"])),
        outline_zone=ukraine.boundary.buffer(OUTLINE_TOLERANCE_M),
        unit_km2={c: float(shares.loc[c, "area_km2"]) for c in codes},
        russian_km2={c: float(shares.loc[c, "occupied_km2"]) for c in codes},
        line_km=snapshot.line_km,
    )
