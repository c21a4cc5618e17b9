"""Command line (``python -m geo --help``).

- ``shares [--date YYYY-MM-DD] [--format table|csv|json]``: Russian-held share per unit on
  a held day (the newest by default; a day not held gives the newest held before it).
- ``series --unit UA-14[,UA-09|UA] [--from D] [--to D] [--format csv|json|table]``: one row
  per day held and unit from the daily series; days not held are listed as gaps.
- ``scenario --preset NAME [--date D] [--ua-km N] [--ru-km N] [--shift-km N]
  [--oblasts UA-14,UA-09] [--target UA-14=85] [--line FILE.geojson] --format json|table``:
  what a ceasefire or withdrawal scenario changes.
- ``figure --preset NAME [scenario options] [--title TEXT] --out FILE.png|svg|pdf``: a
  slide-ready static map of a scenario.
- ``export --preset NAME [scenario options] --out FILE.geojson|csv``: a scenario's zones and
  lines as GeoJSON (EPSG:4326), or its per-oblast table as CSV.
- ``check FILE``: whether a control-area file (GeoJSON, KML, KMZ, zipped shapefile) can be
  used, and what it holds: date, features, occupied km2 and share of Ukraine, repairs made.
- ``update [--source archive|api] [--url BASE] [--data-dir DIR] [--timeout S]``: fetch the
  days after the newest held day up to today into the daily series and the shipped
  geometry, all or nothing (:mod:`geo.update.pipeline`); one line per day, then a summary.
- ``timelapse [--from D] [--to D] --out FILE.gif [--fps N]``: an animated GIF for slides
  (1920 x 1080 px), one frame per shipped day of the period (:mod:`geo.maps.timelapse_gif`).

Commands that write a file print its path; user errors go to stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from geo.data.boundaries import load_units, unit_areas_km2
from geo.data.names import UKRAINE, UNIT_NAMES
from geo.data.series import held_days, load_series, missing_days, series_of
from geo.data.shares import control_shares
from geo.data.snapshots import ATTRIBUTION, SnapshotDateError, load_occupied, snapshot_for
from geo.ingest import InputError
from geo.ingest.control import check_size, describe, read_control_file
from geo.ingest.limits import MAX_FILE_BYTES
from geo.ingest.line import read_line
from geo.pace.history import change_between, day_shares, series_history
from geo.pace.rate import MONTH_DAYS, date_after, months_before, months_to_take, pace
from geo.pace.time_to_take import CAVEAT
from geo.paths import DATA_DIR
from geo.scenario.evaluate import Evaluation, evaluate
from geo.scenario.export import SOURCES, scenario_csv, scenario_geojson
from geo.scenario.links import to_query
from geo.scenario.presets import Scenario, ScenarioError
from geo.scenario.proposal_time import as_payload, evaluation_time
from geo.scenario.proposals import PROPOSALS, RU_KM, SHIFT_KM, TARGET_PCT, TARGET_UNIT, UA_KM
from geo.update.pipeline import (BASE_URLS, MAX_DAYS_PER_RUN, SOURCES as UPDATE_SOURCES, TIMEOUT_S,
                                 UpdateError, update)

EXIT_USAGE = 2
#: What a user can get wrong in a scenario's options or its files (reported, not raised).
_USER_ERRORS = (ScenarioError, SnapshotDateError, InputError, OSError)


def _fail(message: object) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date of the form YYYY-MM-DD: {text!r}") from None


def _unit_codes(text: str) -> list[str]:
    codes = [code.strip().upper() for code in text.split(",") if code.strip()]
    unknown = [code for code in codes if code != UKRAINE and code not in UNIT_NAMES]
    if not codes or unknown:
        raise argparse.ArgumentTypeError(
            f"not a unit code: {', '.join(unknown) or repr(text)} (UA-14 for Donetsk oblast, "
            "UA for Ukraine; several comma-separated)")
    return list(dict.fromkeys(codes))


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = float("nan")
    if not seconds > 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"not a number of seconds above 0: {text!r}")
    return seconds


def _months(text: str) -> int:
    value = text.strip().lower().removesuffix("m")
    if not value.isdigit() or not 1 <= int(value) <= 120:
        raise argparse.ArgumentTypeError(f"a window is a number of months such as 6m, not "
                                         f"{text!r}")
    return int(value)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo", description="Ceasefire Atlas figures")
    commands = parser.add_subparsers(dest="command", required=True)
    shares = commands.add_parser(
        "shares", help="Russian-held share of each unit and of Ukraine",
        description="Area, occupied area (km2, EPSG:3035) and occupied share (percent) per "
                    "unit on --date when the archive holds it, else on the newest held day "
                    "before it (said so).")
    shares.add_argument("--date", type=_iso_date, default=None,
                        help="YYYY-MM-DD (default: the newest day held)")
    shares.add_argument("--format", choices=("table", "csv", "json"), default="table")

    series = commands.add_parser(
        "series", help="occupied km2 and share of units on every day held",
        description="One row per day held and unit (date, iso_3166_2, occupied_km2 in "
                    "EPSG:3035, occupied_pct 0-100) from the daily series; days the archive "
                    "lacks have no row (they are listed as gaps, never filled).")
    series.add_argument("--unit", required=True, type=_unit_codes,
                        help="a unit code such as UA-14, UA for Ukraine, or several "
                             "comma-separated: UA-14,UA-09")
    series.add_argument("--from", dest="start", type=_iso_date, default=None,
                        help="YYYY-MM-DD, first day included (default: the first held)")
    series.add_argument("--to", dest="end", type=_iso_date, default=None,
                        help="YYYY-MM-DD, last day included (default: the newest held)")
    series.add_argument("--format", choices=("csv", "json", "table"), default="csv")

    pace = commands.add_parser(
        "pace", help="the pace of the advance in units, and the time to take the rest",
        description="Net change of the occupied area within a unit between held days, in "
                    "km2 per month (30.44 days, EPSG:3035), with the ground gained and "
                    "regained between the shipped maps nearest the window's ends, the area "
                    "held, the area still to take and how long that would take at this pace "
                    "(a straight-line extrapolation, not a forecast).")
    pace.add_argument("--unit", required=True, type=_unit_codes,
                      help="a unit code such as UA-14, UA for Ukraine, or several "
                           "comma-separated")
    pace.add_argument("--window", type=_months, default=None,
                      help="the window before --date, in months: 6m (default 6m)")
    pace.add_argument("--from", dest="start", type=_iso_date, default=None,
                      help="YYYY-MM-DD: the window's first day (with --to)")
    pace.add_argument("--to", dest="end", type=_iso_date, default=None,
                      help="YYYY-MM-DD: the window's last day (with --from)")
    pace.add_argument("--date", type=_iso_date, default=None,
                      help="YYYY-MM-DD: the day a --window ends on (default: the newest held)")
    pace.add_argument("--format", choices=("table", "json", "csv"), default="table")

    scenario = commands.add_parser(
        "scenario", help="what a ceasefire or withdrawal scenario changes",
        description="Zones, areas (km2, EPSG:3035), line lengths (km, EPSG:32636), shares per "
                    "unit and towns that change side, against the snapshot of --date.")
    _add_scenario_options(scenario)
    scenario.add_argument("--format", choices=("json", "table"), default="table")

    figure = commands.add_parser(
        "figure", help="a slide-ready static map of a scenario",
        description="A 16:9 map of the scenario's zones and lines with legend, scale bar, "
                    "headline figures and sources: PNG (1920 x 1080 px), SVG or PDF.")
    _add_scenario_options(figure)
    figure.add_argument("--title", default=None,
                        help="heading (default: the scenario's name and the snapshot's date)")
    figure.add_argument("--out", required=True, help="FILE.png, FILE.svg or FILE.pdf")

    export = commands.add_parser(
        "export", help="a scenario's zones and lines (GeoJSON) or per-oblast table (CSV)",
        description="FILE.geojson: the zones (area_km2, EPSG:3035) and lines (length_km) as "
                    "a FeatureCollection in EPSG:4326 with the sources. FILE.csv: per unit, "
                    "the Russian-held share before and after (percent) and the km2 changing "
                    "hands or falling in the zone.")
    _add_scenario_options(export)
    export.add_argument("--out", required=True, help="FILE.geojson or FILE.csv")

    check = commands.add_parser(
        "check", help="check a control-area file and summarise it",
        description="Reads FILE (GeoJSON, KML, KMZ or a zipped shapefile) as an occupied "
                    "area, repairs what it can, clips it to Ukraine and prints its date, "
                    "features, occupied area (km2, EPSG:3035), share of Ukraine (percent) "
                    "and the repairs made; if the file cannot be used, exits with status 2 "
                    "and says why in one sentence.")
    check.add_argument("file", metavar="FILE", help="the file to check")

    fresh = commands.add_parser(
        "update", help="fetch the days after the newest held day into the data",
        description="Fetches each day after the newest day of the daily series up to today "
                    "(ATLAS_TODAY sets today), validates it as an uploaded file is, adds its "
                    "rows (km2, EPSG:3035; percent) to the series and ships its geometry when "
                    "the cadence asks for it (removing the geometry of a day that no longer "
                    f"qualifies). At most {MAX_DAYS_PER_RUN} days are added per run. All or "
                    "nothing: on any failure (network, timeout, HTTP error, a file that cannot "
                    "be used, a full disk) the data folder is left as it was and the exit "
                    "status is 2. A day the source lacks is reported as a gap, never filled.")
    fresh.add_argument("--source", choices=UPDATE_SOURCES, default="archive",
                       help="archive: cyterat/deepstate-map-data's daily files (default); "
                            "api: DeepStateMap's history of dated maps")
    fresh.add_argument("--url", metavar="BASE", default=None,
                       help=f"the source's base URL (archive: {BASE_URLS['archive']}; api: "
                            f"{BASE_URLS['api']})")
    fresh.add_argument("--data-dir", metavar="DIR", type=Path, default=DATA_DIR,
                       help="the data folder to update, e.g. a copy of data/ (default: the "
                            "app's data/)")
    fresh.add_argument("--timeout", metavar="S", type=_seconds, default=TIMEOUT_S,
                       help=f"seconds each request may take (default {TIMEOUT_S:g})")

    timelapse = commands.add_parser(
        "timelapse", help="an animated GIF of the shipped maps of a period, for slides",
        description="One frame per shipped day from --from to --to (the first held day of "
                    "each ISO week and of each month: weekly frames, none drawn between "
                    "them), 1920 x 1080 px, with the date, Ukraine's km2 held by Russia "
                    "(daily series, EPSG:3035) and the sources on each frame.")
    timelapse.add_argument("--from", dest="start", type=_iso_date, default=None,
                           help="YYYY-MM-DD, first day included (default: the first shipped)")
    timelapse.add_argument("--to", dest="end", type=_iso_date, default=None,
                           help="YYYY-MM-DD, last day included (default: the newest shipped)")
    timelapse.add_argument("--out", required=True, help="FILE.gif")
    timelapse.add_argument("--fps", type=float, default=4.0,
                           help="frames a second (default 4; the last frame shows 2 s)")
    return parser


def _add_scenario_options(parser: argparse.ArgumentParser) -> None:
    """The options that make a scenario (read back by :func:`_scenario_from`)."""
    parser.add_argument("--preset", choices=list(PROPOSALS), required=True)
    parser.add_argument("--date", type=_iso_date, default=None,
                        help="YYYY-MM-DD; the newest snapshot on or before it (default: newest)")
    parser.add_argument("--ua-km", type=float, default=UA_KM.default,
                        help="mutual: Ukraine's pull-back")
    parser.add_argument("--ru-km", type=float, default=RU_KM.default,
                        help="mutual: Russia's pull-back")
    parser.add_argument("--shift-km", type=float, default=SHIFT_KM.default,
                        help="shift: km, positive = into Ukrainian-held ground")
    parser.add_argument("--oblasts", default="", help="shift: e.g. UA-14,UA-09 (default: all)")
    parser.add_argument("--target", default=f"{TARGET_UNIT.default}={TARGET_PCT.default:g}",
                        help="target: CODE=PERCENT")
    parser.add_argument("--line", default=None, help="custom: a GeoJSON file with a line")


def _format_table(table: pd.DataFrame) -> str:
    shown = table.copy()
    shown["area_km2"] = shown["area_km2"].map("{:,.0f}".format)
    shown["occupied_km2"] = shown["occupied_km2"].map("{:,.0f}".format)
    shown["occupied_pct"] = shown["occupied_pct"].map("{:.2f}".format)
    return shown.to_string(index=False)


def run_shares(args: argparse.Namespace) -> int:
    held = held_days()
    if not held:
        return _fail("the daily series is missing (data/daily_control.csv): run "
                     "scripts/build_data.py")
    wanted = held[-1] if args.date is None else args.date
    earlier = [day for day in held if day <= wanted]
    if not earlier:
        return _fail(f"no day is held on or before {wanted.isoformat()}: the first is "
                     f"{held[0].isoformat()}, the newest {held[-1].isoformat()}")
    day = earlier[-1]
    table = day_shares(series_history(load_series(), load_units()), day)
    if args.date is None:
        which = "the newest day held"
    elif day == args.date:
        which = "held"
    else:
        which = (f"{args.date.isoformat()} is not held: the newest held day before it"
                 if args.date < held[-1] else f"the newest day held, before {args.date.isoformat()}")
    about = f"day {day.isoformat()} ({which}); {ATTRIBUTION}; boundaries: Natural Earth"
    if args.format == "json":
        payload = {"snapshot_date": day.isoformat(),
                   "requested_date": args.date.isoformat() if args.date else None,
                   "held": args.date is None or day == args.date, "note": about,
                   "source": ATTRIBUTION, "units": table.round(4).to_dict(orient="records")}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        print(about, file=sys.stderr)
        print(table.round(4).to_csv(index=False), end="")
    else:
        print(about)
        print(_format_table(table))
    return 0


def run_series(args: argparse.Namespace) -> int:
    if args.start and args.end and args.start > args.end:
        return _fail(f"--from {args.start.isoformat()} is after --to {args.end.isoformat()}")
    try:
        table = series_of(load_series(), args.unit, start=args.start, end=args.end)
    except (FileNotFoundError, ValueError) as error:
        return _fail(error)
    held = held_days()
    first, last = args.start or held[0], args.end or held[-1]
    gaps = [(max(a, first), min(b, last)) for a, b in missing_days(held)
            if b >= first and a <= last]
    about = (f"{table['date'].nunique():,} days held from {first.isoformat()} to "
             f"{last.isoformat()}, {sum((b - a).days + 1 for a, b in gaps):,} not held "
             f"(gaps, not filled); {ATTRIBUTION}; areas in EPSG:3035")
    rows = table.assign(date=[d.isoformat() for d in table["date"]])
    if args.format == "json":
        payload = {"units": args.unit, "from": first.isoformat(), "to": last.isoformat(),
                   "source": ATTRIBUTION, "note": about,
                   "missing": [[a.isoformat(), b.isoformat()] for a, b in gaps],
                   "rows": rows.to_dict(orient="records")}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        print(about, file=sys.stderr)
        print(rows.to_csv(index=False), end="")
    else:
        print(about)
        shown = rows.assign(occupied_km2=rows["occupied_km2"].map("{:,.2f}".format),
                            occupied_pct=rows["occupied_pct"].map("{:.4f}".format))
        print(shown.to_string(index=False))
    return 0


def _pace_rows(args: argparse.Namespace) -> tuple[list[dict], str]:
    """The rows of ``geo pace`` and a line saying what they are of."""
    series = load_series()
    held = held_days()
    if args.window is not None and (args.start or args.end):
        raise ValueError("give either --window or --from and --to, not both")
    if (args.start is None) != (args.end is None):
        raise ValueError("--from and --to go together")
    if args.start is not None:
        start, end = args.start, args.end
    else:
        end = args.date or held[-1]
        if end < held[0]:
            raise ValueError(f"no day is held on or before {end.isoformat()}: the first is "
                             f"{held[0].isoformat()}")
        end = min(end, held[-1])
        start = months_before(end, args.window or 6)
    units = load_units()
    areas = dict(zip(units["iso_3166_2"], unit_areas_km2(units)))
    areas[UKRAINE] = sum(areas.values())
    rows, notes = [], []
    gross = None
    for code in args.unit:
        measured = pace(series, code, start, end)
        if gross is None:
            gross = _gross(units, measured.start, measured.end)
        gained, regained, maps = gross
        rate = measured.km2_per_month
        per_month = (lambda km2: None if not measured.days else
                     round(km2[code] / measured.days * MONTH_DAYS, 1))
        to_take = max(0.0, areas[code] - measured.held_km2_end)
        months = months_to_take(to_take, rate)
        taken_by = None if months is None else date_after(measured.end, months)
        rows.append({
            "iso_3166_2": code, "from": measured.start.isoformat(),
            "to": measured.end.isoformat(), "days": measured.days,
            "km2_per_month_gained": per_month(gained),
            "km2_per_month_regained": per_month(regained),
            "km2_per_month_net": None if rate is None else round(rate, 1),
            "held_km2": round(measured.held_km2_end, 1), "to_take_km2": round(to_take, 1),
            "months_to_take": None if months is None else round(months, 1),
            "taken_by": None if taken_by is None else taken_by.isoformat()})
        notes += [n for n in measured.notes if n not in notes]
    about = (f"pace from {rows[0]['from']} to {rows[0]['to']} (net: daily series; gained and "
             f"regained: between the maps of {maps}); " + "".join(f"{n}; " for n in notes)
             + f"a straight-line extrapolation, not a forecast; {ATTRIBUTION}")
    return rows, about


def _gross(units, start: dt.date, end: dt.date) -> tuple[dict, dict, str]:
    """km2 gained and regained within each unit (and "UA") between the shipped maps on or
    before ``start`` and ``end``, and those maps' days."""
    first, last = snapshot_for(start), snapshot_for(end)
    gained, regained = change_between(load_occupied(first), load_occupied(last))
    by = [dict(zip(t["iso_3166_2"], t["occupied_km2"]))
          for t in (control_shares(units, gained), control_shares(units, regained))]
    return by[0], by[1], f"{first.isoformat()} and {last.isoformat()}"


def run_pace(args: argparse.Namespace) -> int:
    try:
        rows, about = _pace_rows(args)
    except (FileNotFoundError, ValueError) as error:
        return _fail(error)
    if args.format == "json":
        print(json.dumps({"note": about, "source": ATTRIBUTION, "caveat": CAVEAT,
                          "units": rows}, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        print(about, file=sys.stderr)
        print(pd.DataFrame(rows).to_csv(index=False), end="")
    else:
        print(about)
        print(pd.DataFrame(rows).to_string(index=False))
    return 0


def _scenario_from(args: argparse.Namespace) -> Scenario:
    values: dict = {}
    if args.preset == "mutual":
        values.update(ua_km=args.ua_km, ru_km=args.ru_km)
    elif args.preset == "shift":
        codes = [c.strip().upper() for c in args.oblasts.split(",") if c.strip()]
        values.update(shift_km=args.shift_km, oblasts=tuple(codes))
    elif args.preset == "target":
        code, _, pct = args.target.partition("=")
        try:
            values["target"] = (code.strip().upper(), float(pct))
        except ValueError:
            raise ScenarioError(f"--target must look like UA-14=85, not {args.target!r}") from None
    elif args.preset == "custom":
        if not args.line:
            raise ScenarioError("--preset custom needs --line FILE.geojson")
        with open(args.line, "rb") as file:
            values["line"] = read_line(file.read())
    return Scenario(args.preset, **values)


def _scenario_payload(args: argparse.Namespace) -> dict:
    scenario = _scenario_from(args)
    result = evaluate(scenario, args.date)
    impact = result.impact
    params = {k: v for k, v in to_query(scenario, None).items() if k != "preset"}
    if scenario.preset == "custom":
        params["line"] = args.line
    by_oblast = impact.by_oblast[["iso_3166_2", "name", "pct_before", "pct_after",
                                  "to_russia_km2", "to_ukraine_km2", "dmz_km2"]].round(3)
    towns = impact.towns[["name", "iso_3166_2", "population", "population_year",
                          "side_before", "side_after"]]
    return {
        "preset": scenario.preset,
        "snapshot_date": result.ground.date.isoformat(),
        "requested_date": args.date.isoformat() if args.date else None,
        "params": params,
        **impact.summary(),
        "by_oblast": by_oblast.to_dict(orient="records"),
        "towns": [{k: (None if pd.isna(v) else v) for k, v in row.items()}
                  for row in towns.astype(object).to_dict(orient="records")],
        "time_to_take": as_payload(evaluation_time(result)),
        "sources": list(SOURCES),
    }


def _print_scenario_table(payload: dict) -> None:
    print(f"{payload['preset']}: {PROPOSALS[payload['preset']].description}")
    print(f"snapshot {payload['snapshot_date']}; params {payload['params'] or '-'}; "
          f"{'; '.join(payload['sources'])}")
    for key in ("russian_held_km2", "ukrainian_held_km2", "dmz_km2", "to_russia_km2",
                "to_ukraine_km2", "line_km", "line_km_before", "people_changing_side"):
        print(f"  {key:<22}{payload[key]:>14,}")
    print("\ntime to take (" + payload["time_to_take"]["caveat"] + "):")
    for window in payload["time_to_take"]["windows"]:
        print(f"  {window['text']}")
    changed = pd.DataFrame(payload["by_oblast"])
    changed = changed[(changed["pct_before"] - changed["pct_after"]).abs() > 0.005]
    if len(changed):
        print("\nunits whose Russian-held share changes:")
        print(changed.to_string(index=False))
    towns = pd.DataFrame(payload["towns"])
    if len(towns):
        print(f"\ntowns that change side ({len(towns)}; pre-war or GeoNames populations):")
        print(towns.head(30).to_string(index=False))


def run_scenario(args: argparse.Namespace) -> int:
    try:
        payload = _scenario_payload(args)
    except _USER_ERRORS as error:
        return _fail(error)
    if args.format == "json":
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        _print_scenario_table(payload)
    return 0


def _write_geojson(evaluation: Evaluation, path: Path) -> None:
    path.write_text(json.dumps(scenario_geojson(evaluation), ensure_ascii=False),
                    encoding="utf-8")


def _write_csv(evaluation: Evaluation, path: Path) -> None:
    # newline="" keeps the CSV's own "\n" line endings on every platform.
    with path.open("w", encoding="utf-8", newline="") as file:
        file.write(scenario_csv(evaluation))


#: Export file suffix -> writer.
_EXPORTERS: dict[str, Callable[[Evaluation, Path], None]] = {
    ".geojson": _write_geojson, ".csv": _write_csv}


def run_export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    writer = _EXPORTERS.get(out.suffix.lower())
    if writer is None:
        given = repr(out.suffix) if out.suffix else "a file without a suffix"
        return _fail(f"cannot export to {given}: use {' or '.join(_EXPORTERS)} "
                     "(e.g. zones.geojson)")
    try:
        writer(evaluate(_scenario_from(args), args.date), out)
    except _USER_ERRORS as error:
        return _fail(error)
    print(out)
    return 0


def run_figure(args: argparse.Namespace) -> int:
    # Imported here: matplotlib takes about half a second to load, which the other
    # commands need not pay.
    from geo.maps.figure import figure_format, save_figure, scenario_figure

    out = Path(args.out)
    try:
        # Checked before the scenario is evaluated, so a typo fails at once.
        figure_format(out)
    except ValueError as error:
        return _fail(error)
    try:
        save_figure(scenario_figure(evaluate(_scenario_from(args), args.date),
                                    title=args.title), out)
    except _USER_ERRORS as error:
        return _fail(error)
    print(out)
    return 0


def run_check(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        # Sized before reading, so a huge file is refused without loading it.
        check_size(path.stat().st_size)
        with path.open("rb") as file:
            # Bounded again: /dev/zero and growing files report a size of 0.
            data = file.read(MAX_FILE_BYTES + 1)
        control = read_control_file(path.name, data)
    except (InputError, OSError) as error:
        return _fail(error)
    summary = describe(control, load_units())
    print(f"{summary['name']} ({summary['format']})")
    print(f"date: {summary['date'] or 'no date found'}")
    print(f"features: {summary['features']:,}")
    print(f"occupied: {summary['occupied_km2']:,.0f} km2 (EPSG:3035), "
          f"{summary['ukraine_pct']:.2f} % of Ukraine")
    for note in summary["notes"]:
        print(f"note: {note}")
    if summary["attribution"]:
        print(f"source: {summary['attribution']}")
    return 0


def run_update(args: argparse.Namespace) -> int:
    try:
        result = update(args.data_dir, source=args.source, base_url=args.url,
                        timeout_s=args.timeout)
    except UpdateError as error:
        return _fail(error)
    for line in result.lines():
        print(line)
    print(result.summary())
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def run_timelapse(args: argparse.Namespace) -> int:
    # Imported here: matplotlib takes about half a second to load.
    from geo.data.snapshots import available_dates
    from geo.maps.timelapse import TimelapseError, frame_days
    from geo.maps.timelapse_gif import frame_seconds, timelapse_gif

    out = Path(args.out)
    if out.suffix.lower() != ".gif":
        given = repr(out.suffix) if out.suffix else "a file without a suffix"
        return _fail(f"a timelapse is written as a GIF, not as {given}: name it e.g. "
                     "timelapse.gif")
    if not out.parent.is_dir():
        return _fail(f"there is no folder {out.parent} to write {out.name} in")
    shipped = available_dates()
    try:
        frame_s = frame_seconds(args.fps)
        # Checked before any frame is drawn, so a typo fails at once.
        days = frame_days(args.start or min(shipped, default=dt.date.min),
                          args.end or max(shipped, default=dt.date.max), shipped)
        timelapse_gif(days[0], days[-1], out, frame_s=frame_s)
    except (TimelapseError, ValueError, OSError) as error:
        return _fail(error)
    print(out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    commands = {"shares": run_shares, "series": run_series, "pace": run_pace,
                "scenario": run_scenario,
                "figure": run_figure,
                "export": run_export, "check": run_check, "update": run_update,
                "timelapse": run_timelapse}
    return commands[args.command](args)


if __name__ == "__main__":
    raise SystemExit(main())
