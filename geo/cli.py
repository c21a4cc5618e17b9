"""Command line (``python -m geo --help``).

- ``shares [--date YYYY-MM-DD] [--format table|csv|json]``: Russian-held share per unit.
- ``scenario --preset NAME [--date D] [--ua-km N] [--ru-km N] [--shift-km N]
  [--oblasts UA-14,UA-09] [--target UA-14=85] [--line FILE.geojson] --format json|table``:
  what a ceasefire or withdrawal scenario changes.
- ``figure --preset NAME [scenario options] [--title TEXT] --out FILE.png|svg|pdf``: a
  slide-ready static map of a scenario.
- ``export --preset NAME [scenario options] --out FILE.geojson|csv``: a scenario's zones and
  lines as GeoJSON (EPSG:4326), or its per-oblast table as CSV.
- ``check FILE``: whether a control-area file (GeoJSON, KML, KMZ, zipped shapefile) can be
  used, and what it holds: date, features, occupied km2 and share of Ukraine, repairs made.

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

from geo.boundaries import load_units
from geo.evaluate import Evaluation, evaluate
from geo.export import SOURCES, impact_csv, scenario_geojson
from geo.ingest import InputError, read_line
from geo.ingest_control import check_size, describe, read_control_file
from geo.limits import MAX_FILE_BYTES
from geo.params import to_query
from geo.scenarios import PRESETS, Scenario, ScenarioError
from geo.shares import control_shares
from geo.snapshots import ATTRIBUTION, SnapshotDateError, load_occupied, snapshot_for

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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo", description="Ceasefire Atlas figures")
    commands = parser.add_subparsers(dest="command", required=True)
    shares = commands.add_parser(
        "shares", help="Russian-held share of each unit and of Ukraine",
        description="Area, occupied area (km2, EPSG:3035) and occupied share (percent) per "
                    "unit, from the newest snapshot on or before --date.")
    shares.add_argument("--date", type=_iso_date, default=None,
                        help="YYYY-MM-DD; the newest snapshot on or before it (default: newest)")
    shares.add_argument("--format", choices=("table", "csv", "json"), default="table")

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
    return parser


def _add_scenario_options(parser: argparse.ArgumentParser) -> None:
    """The options that make a scenario (read back by :func:`_scenario_from`)."""
    parser.add_argument("--preset", choices=list(PRESETS), required=True)
    parser.add_argument("--date", type=_iso_date, default=None,
                        help="YYYY-MM-DD; the newest snapshot on or before it (default: newest)")
    parser.add_argument("--ua-km", type=float, default=15.0, help="mutual: Ukraine's pull-back")
    parser.add_argument("--ru-km", type=float, default=15.0, help="mutual: Russia's pull-back")
    parser.add_argument("--shift-km", type=float, default=10.0,
                        help="shift: km, positive = into Ukrainian-held ground")
    parser.add_argument("--oblasts", default="", help="shift: e.g. UA-14,UA-09 (default: all)")
    parser.add_argument("--target", default="UA-14=85", help="target: CODE=PERCENT")
    parser.add_argument("--line", default=None, help="custom: a GeoJSON file with a line")


def _format_table(table: pd.DataFrame) -> str:
    shown = table.copy()
    shown["area_km2"] = shown["area_km2"].map("{:,.0f}".format)
    shown["occupied_km2"] = shown["occupied_km2"].map("{:,.0f}".format)
    shown["occupied_pct"] = shown["occupied_pct"].map("{:.2f}".format)
    return shown.to_string(index=False)


def run_shares(args: argparse.Namespace) -> int:
    try:
        snapshot = snapshot_for(args.date)
    except SnapshotDateError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    table = control_shares(load_units(), load_occupied(snapshot))
    wanted = "newest" if args.date is None else f"newest on or before {args.date.isoformat()}"
    about = f"snapshot {snapshot.isoformat()} ({wanted}); {ATTRIBUTION}; boundaries: Natural Earth"
    if args.format == "json":
        payload = {"snapshot_date": snapshot.isoformat(),
                   "requested_date": args.date.isoformat() if args.date else None,
                   "source": ATTRIBUTION, "units": table.round(4).to_dict(orient="records")}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        print(about, file=sys.stderr)
        print(table.round(4).to_csv(index=False), end="")
    else:
        print(about)
        print(_format_table(table))
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
        "params": params,
        **impact.summary(),
        "by_oblast": by_oblast.to_dict(orient="records"),
        "towns": [{k: (None if pd.isna(v) else v) for k, v in row.items()}
                  for row in towns.astype(object).to_dict(orient="records")],
        "sources": list(SOURCES),
    }


def _print_scenario_table(payload: dict) -> None:
    print(f"{payload['preset']}: {PRESETS[payload['preset']]}")
    print(f"snapshot {payload['snapshot_date']}; params {payload['params'] or '-'}; "
          f"{'; '.join(payload['sources'])}")
    for key in ("russian_held_km2", "ukrainian_held_km2", "dmz_km2", "to_russia_km2",
                "to_ukraine_km2", "line_km", "line_km_before", "people_changing_side"):
        print(f"  {key:<22}{payload[key]:>14,}")
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
        file.write(impact_csv(evaluation.impact))


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
    from geo.figure import figure_format, save_figure, scenario_figure

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


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    commands = {"shares": run_shares, "scenario": run_scenario, "figure": run_figure,
                "export": run_export, "check": run_check}
    return commands[args.command](args)


if __name__ == "__main__":
    raise SystemExit(main())
