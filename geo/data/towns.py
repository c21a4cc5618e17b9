"""Towns of 1,000 or more (data/towns.csv), their names and their populations' sources in each
language, and on which side of a line each one lies."""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from geo.crs import DISPLAY_CRS, METRIC_CRS
from geo.language import DEFAULT, N_, checked, gettext, pgettext
from geo.paths import DATA_DIR
from geo.projection import _transformer

TOWNS_FILE = "towns.csv"
RUSSIAN, UKRAINIAN, ZONE = "Russian-held", "Ukrainian-held", "demilitarised zone"
#: The sources of data/towns.csv's populations (its ``population_source``: GeoNames', and
#: data/towns_prewar.csv's ``source``), marked for the catalogue; the file stays in English.
POPULATION_SOURCES = (
    N_("GeoNames (year not stated)"),
    N_("State Statistics Service of Ukraine, estimate of present population on 1 January 2022 "
       "(as cited on the page in url)"),
    N_("Russian 2021 census (Rosstat), as cited on the page in url; Ukraine has published no "
       "estimate for Crimea since 2014"),
    N_("Russian 2021 census (Rosstat), as cited on the page in url; Ukraine has published no "
       "estimate for Crimea since 2014 (whole city territory incl. rural areas; urban 479,394)"),
)


def load_towns(ukraine: BaseGeometry | None = None, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Towns with name, name_uk ("" where none is known; see :func:`town_names`),
    name_former (the name a renamed town had, "" for the others), iso_3166_2, lon, lat
    (EPSG:4326), population, population_year, population_source (in English; see
    :func:`population_source_name`), plus x_m, y_m: the point in the metric CRS (EPSG:32636).

    With ``ukraine`` (EPSG:32636) given, points that lie outside it (GeoNames puts some
    coastal towns, Kherson among them, just offshore) are moved to its nearest edge, so that
    every town falls on some side of a line.
    """
    towns = pd.read_csv(data_dir / TOWNS_FILE, dtype={"iso_3166_2": str})
    towns["population_year"] = towns["population_year"].astype("Int64")
    for column in ("name_uk", "name_former"):
        if column in towns:
            towns[column] = towns[column].fillna("")
    x, y = _transformer(DISPLAY_CRS, METRIC_CRS).transform(towns["lon"].values, towns["lat"].values)
    if ukraine is not None:
        points = shapely.points(x, y)
        outside = ~shapely.intersects(ukraine, points)
        nearest = shapely.shortest_line(points[outside], ukraine)
        ends = shapely.get_coordinates(shapely.get_point(nearest, 1))
        x[outside], y[outside] = ends[:, 0], ends[:, 1]
    towns["x_m"], towns["y_m"] = x, y
    return towns


def town_name(name: str, name_uk: str | None, lang: str = DEFAULT) -> str:
    """A town's name in ``lang``: ``name`` (the official romanisation) in English; in
    Ukrainian ``name_uk`` ("Слов’янськ"), or ``name`` when it is empty or missing, since a
    transliteration back into Cyrillic would be a guess.

    Raises
    ------
    ValueError
        If ``lang`` is not one of :data:`geo.language.LANGUAGES`.
    """
    if checked(lang) == "uk" and isinstance(name_uk, str) and name_uk:
        return name_uk
    return name


def town_names(towns: pd.DataFrame, lang: str = DEFAULT) -> pd.Series:
    """:func:`town_name` of every row of ``towns`` (the index kept); a frame without a
    name_uk column gets its ``name`` in every language."""
    if checked(lang) != "uk" or "name_uk" not in towns:
        return towns["name"].copy()
    ukrainian = towns["name_uk"].fillna("").astype(str)
    return ukrainian.where(ukrainian != "", towns["name"]).rename("name")


@functools.cache
def _side_names(lang: str) -> dict[str, str]:
    # Made once per language: a map's tooltips ask for hundreds.
    return {RUSSIAN: pgettext("a town's side", "Russian-held", lang),
            UKRAINIAN: pgettext("a town's side", "Ukrainian-held", lang),
            ZONE: pgettext("a town's side", "demilitarised zone", lang)}


def side_name(side: str, lang: str = DEFAULT) -> str:
    """A town's side (:data:`RUSSIAN`, :data:`UKRAINIAN` or :data:`ZONE`) in ``lang``."""
    return _side_names(checked(lang))[side]


def population_source_name(source: object, lang: str = DEFAULT) -> object:
    """A town's ``population_source`` in ``lang``: one of :data:`POPULATION_SOURCES` as the
    catalogue translates it; any other value (a visitor's own data) as it is given.

    Raises
    ------
    ValueError
        If ``lang`` is not one of :data:`geo.language.LANGUAGES`.
    """
    if checked(lang) == DEFAULT or source not in POPULATION_SOURCES:
        return source
    return gettext(source, lang)


def sides(towns: pd.DataFrame, russian: BaseGeometry, dmz: BaseGeometry | None = None) -> np.ndarray:
    """The side each town lies on (:data:`RUSSIAN`, :data:`UKRAINIAN` or :data:`ZONE`), given
    the Russian-held area and the zone in EPSG:32636 (a point on an edge counts as inside)."""
    x, y = towns["x_m"].values, towns["y_m"].values
    result = np.full(len(towns), UKRAINIAN, dtype=object)
    shapely.prepare(russian)
    result[shapely.intersects_xy(russian, x, y)] = RUSSIAN
    if dmz is not None and not dmz.is_empty:
        shapely.prepare(dmz)
        result[shapely.intersects_xy(dmz, x, y) & (result != RUSSIAN)] = ZONE
    return result
