"""Exports of a scenario's outcome: its zones and lines as GeoJSON, its per-oblast table as
CSV, both with the time to take what it hands over (:mod:`geo.scenario.proposal_time`).

In another language than English the CSV's headers and the GeoJSON's line labels and credits
are translated; the data, the GeoJSON's keys and the time to take it carries (the command
line's) stay as they are, so that a script reads every file alike.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geo.crs import METRIC_CRS
from geo.data.occupied import polygonal
from geo.data.snapshots import ATTRIBUTION
from geo.language import DEFAULT, N_, gettext
from geo.measure import area_km2, length_km
from geo.projection import to_display
from geo.scenario.evaluate import Evaluation
from geo.scenario.impact import BY_OBLAST_COLUMNS, Impact
from geo.scenario.links import to_query
from geo.scenario.partition import LINE_LABELS, Line
from geo.scenario.proposal_time import ProposalTime, as_payload, csv_columns, evaluation_time

#: Everything a scenario's outcome is built from; the DeepStateMap licence asks for its credit.
SOURCES: tuple[str, ...] = (ATTRIBUTION, N_("Boundaries: Natural Earth"),
                            N_("Towns: GeoNames (geonames.org)"))
GENERATED_BY = "Ceasefire Atlas"
#: Decimal places of exported longitudes and latitudes: 1e-5 degrees is about 1 m here.
COORDINATE_DECIMALS = 5
#: Decimal places of the CSV's shares (percent) and areas (km2).
PCT_DECIMALS = 3
KM2_DECIMALS = 1
PCT_COLUMNS = ("pct_before", "pct_after")
KM2_COLUMNS = ("to_russia_km2", "to_ukraine_km2", "dmz_km2", "from_ukraine_km2")
#: The CSV's headers outside English (English keeps the column names, as scripts read them).
HEADERS = {"iso_3166_2": N_("ISO 3166-2 code"), "name": N_("Name in English"),
           "pct_before": N_("Share held by Russia before (%)"),
           "pct_after": N_("Share held by Russia after (%)"),
           "to_russia_km2": N_("Goes to Russia (km²)"),
           "to_ukraine_km2": N_("Returns to Ukraine (km²)"),
           "dmz_km2": N_("In the demilitarised zone (km²)"),
           "from_ukraine_km2": N_("Ukraine gives up (km²)")}
#: The headers of the time-to-take columns, by the window's length in months.
WINDOW_HEADERS = {"pace_{}m_window": N_("Pace measured over, {months}-month window"),
                  "pace_{}m_km2_per_month": N_("Pace, {months}-month window (km² per month)"),
                  "months_to_take_{}m": N_("Months to take, {months}-month pace"),
                  "taken_by_{}m": N_("Taken by, {months}-month pace")}


def _lonlat(geometry: BaseGeometry) -> dict[str, Any]:
    """A metric (EPSG:32636) geometry as a valid GeoJSON geometry in EPSG:4326, rounded.

    Rounded vertex by vertex: ``shapely.set_precision`` re-nodes the whole geometry and
    raised TopologyExceptions on most of the Ukrainian-held zones tried. Reprojection and
    rounding can make a ring touch or cross itself where two edges run within a metre, so
    an invalid result is repaired; the few vertices the repair adds keep full precision
    (re-rounding them broke validity again). Areas change by under 0.001 %.
    """
    rounded = shapely.transform(to_display(geometry),
                                lambda xy: np.round(xy, COORDINATE_DECIMALS))
    if rounded.geom_type in ("Polygon", "MultiPolygon") and not rounded.is_valid:
        rounded = polygonal(shapely.make_valid(rounded))
    return shapely.geometry.mapping(rounded)


def _feature(geometry: BaseGeometry, properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "properties": properties, "geometry": _lonlat(geometry)}


def _zone_features(evaluation: Evaluation) -> list[dict[str, Any]]:
    zones = evaluation.zones
    kinds = (("russian-held", zones.russian), ("ukrainian-held", zones.ukrainian),
             ("demilitarised", zones.dmz))
    # A scenario without a zone leaves an empty DMZ: a feature without ground says nothing.
    return [_feature(geometry, {"kind": kind,
                                "area_km2": round(area_km2(geometry, METRIC_CRS), 1)})
            for kind, geometry in kinds if not geometry.is_empty]


def _line_feature(line: Line, lang: str) -> dict[str, Any]:
    return _feature(line.geometry, {"kind": line.kind,
                                    "label": gettext(LINE_LABELS[line.kind], lang),
                                    "length_km": round(length_km(line.geometry, METRIC_CRS), 1)})


def scenario_geojson(evaluation: Evaluation, *, time: ProposalTime | None = None,
                     lang: str = "en") -> dict[str, Any]:
    """A scenario's zones and lines as a GeoJSON FeatureCollection (EPSG:4326, RFC 7946).

    Parameters
    ----------
    evaluation
        From :func:`geo.scenario.evaluate.evaluate`; its geometries are in EPSG:32636.
    time
        Its time to take (:func:`geo.scenario.proposal_time.proposal_time`); default: computed on
        the shipped daily series (:func:`geo.scenario.proposal_time.evaluation_time`).

    Returns
    -------
    dict
        A FeatureCollection, ready for :func:`json.dumps`, of valid geometries with
        coordinates in degrees rounded to :data:`COORDINATE_DECIMALS` places (but for the
        few vertices added where a ring is repaired). One feature per non-empty zone,
        properties ``kind`` ("russian-held", "ukrainian-held", "demilitarised") and
        ``area_km2`` (km2, measured in EPSG:3035, to 0.1); then one per line, properties
        ``kind`` (see :class:`geo.scenario.presets.Line`), ``label`` and ``length_km`` (km,
        measured in EPSG:32636, to 0.1). Top-level members: ``preset``, ``params`` (as in
        the app's links, see :func:`geo.scenario.links.to_query`), ``snapshot_date`` (YYYY-MM-DD),
        ``attribution`` (a list of sources, to be shown with any map made from it),
        ``generated_by`` and ``time_to_take``: what ``python -m geo scenario --format json``
        gives under that name (:func:`geo.scenario.proposal_time.as_payload`: ``meaning``,
        ``caveat`` and one entry per window of 3, 6 and 12 months, with months, the day
        implied and each oblast's km2 and km2 per month).
    lang
        The language of the lines' ``label`` and of ``attribution``; keys, kinds and
        ``time_to_take`` (the command line's) stay English.
    """
    if time is None:
        time = evaluation_time(evaluation)
    query = to_query(evaluation.scenario, None)
    return {
        "type": "FeatureCollection",
        "preset": evaluation.scenario.preset,
        "params": {key: value for key, value in query.items() if key != "preset"},
        "snapshot_date": evaluation.ground.date.isoformat(),
        "attribution": [gettext(source, lang) for source in SOURCES],
        "generated_by": GENERATED_BY,
        "time_to_take": as_payload(time),
        "features": [*_zone_features(evaluation),
                     *(_line_feature(line, lang) for line in evaluation.zones.lines)],
    }


def headers(columns: list[str], lang: str) -> dict[str, str]:
    """Each of ``columns`` (of :func:`impact_csv`) by its header in ``lang`` (nothing to rename
    in English): e.g. "pace_6m_window" is "Період вимірювання темпу, вікно 6 міс."."""
    if lang == DEFAULT:
        return {}
    named = {}
    for column in columns:
        if column in HEADERS:
            named[column] = gettext(HEADERS[column], lang)
        for pattern, header in WINDOW_HEADERS.items():
            if match := re.fullmatch(pattern.replace("{}", r"(\d+)"), column):
                named[column] = gettext(header, lang).format(months=match[1])
    return named


def impact_csv(impact: Impact, *, time: ProposalTime | None = None, lang: str = "en") -> str:
    """The per-oblast table of a scenario's impact as CSV text.

    The first line is the header ``iso_3166_2,name,pct_before,pct_after,to_russia_km2,
    to_ukraine_km2,dmz_km2,from_ukraine_km2`` (then the time-to-take columns below, when
    ``time`` is given), then one row per unit (27, by ISO 3166-2 code); no comment lines, so
    any CSV reader takes it as is. Shares are percent of the unit's area (0-100) held by
    Russia before and after, to :data:`PCT_DECIMALS` places; areas are km2 (EPSG:3035) of
    the unit that go to Russia, return to Ukraine, fall in the demilitarised zone, or that
    Ukraine gives up (to Russia or to the zone), to :data:`KM2_DECIMALS` place. Line
    endings are ``\\n``.

    With ``time``, for each window of N = 3, 6 and 12 months (:func:`geo.scenario.proposal_time.
    csv_columns`): ``pace_Nm_window`` (first/last held day, an ISO 8601 interval),
    ``pace_Nm_km2_per_month`` (Russia's net pace in the unit), ``months_to_take_Nm`` (empty
    when not at this pace) and ``taken_by_Nm`` (YYYY-MM-DD, or "not at this pace"), filled
    on the rows of the units where the scenario hands Russia ground and empty on the others.
    The whole handover is taken when its slowest unit is: the latest ``taken_by_Nm``
    (the units "not at this pace" apart), as ``python -m geo scenario`` says.

    ``lang``: the language of the header (:func:`headers`); the rows stay the same.
    """
    table = impact.by_oblast[BY_OBLAST_COLUMNS].round(
        {**dict.fromkeys(PCT_COLUMNS, PCT_DECIMALS), **dict.fromkeys(KM2_COLUMNS, KM2_DECIMALS)})
    if time is not None:
        table = table.join(csv_columns(time), on="iso_3166_2")
    table = table.rename(columns=headers(list(table.columns), lang))
    return table.to_csv(index=False, lineterminator="\n")


def scenario_csv(evaluation: Evaluation, *, time: ProposalTime | None = None,
                 lang: str = "en") -> str:
    """:func:`impact_csv` of ``evaluation`` with its time to take (default: computed on the
    shipped daily series, :func:`geo.scenario.proposal_time.evaluation_time`)."""
    return impact_csv(evaluation.impact,
                      time=evaluation_time(evaluation) if time is None else time, lang=lang)
