"""``scenario``, ``figure`` and ``export``: what a scenario changes, as figures, a slide-ready
map or files (the scenario's options are :mod:`geo.cli.scenario_options`')."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from geo.cli.arguments import fail
from geo.cli.scenario_options import add_scenario_options, scenario_from
from geo.data.snapshots import SnapshotDateError
from geo.ingest import InputError
from geo.scenario.evaluate import Evaluation, evaluate
from geo.scenario.export import SOURCES, scenario_csv, scenario_geojson
from geo.scenario.links import to_query
from geo.scenario.presets import ScenarioError
from geo.scenario.proposal_time import as_payload, evaluation_time
from geo.scenario.proposals import PROPOSALS

#: What a user can get wrong in a scenario's options or its files (reported, not raised).
USER_ERRORS = (ScenarioError, SnapshotDateError, InputError, OSError)


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``scenario``, ``figure`` and ``export`` to ``commands``."""
    scenario = commands.add_parser(
        "scenario", help="what a ceasefire or withdrawal scenario changes",
        description="Zones, areas (km2, EPSG:3035), line lengths (km, EPSG:32636), shares per "
                    "unit and towns that change side, against the snapshot of --date.")
    add_scenario_options(scenario)
    scenario.add_argument("--format", choices=("json", "table"), default="table")
    scenario.set_defaults(run=run_scenario)

    figure = commands.add_parser(
        "figure", help="a slide-ready static map of a scenario",
        description="A 16:9 map of the scenario's zones and lines with legend, scale bar, "
                    "headline figures and sources: PNG (1920 x 1080 px), SVG or PDF.")
    add_scenario_options(figure)
    figure.add_argument("--title", default=None,
                        help="heading (default: the scenario's name and the snapshot's date)")
    figure.add_argument("--out", required=True, help="FILE.png, FILE.svg or FILE.pdf")
    figure.set_defaults(run=run_figure)

    export = commands.add_parser(
        "export", help="a scenario's zones and lines (GeoJSON) or per-oblast table (CSV)",
        description="FILE.geojson: the zones (area_km2, EPSG:3035) and lines (length_km) as "
                    "a FeatureCollection in EPSG:4326 with the sources. FILE.csv: per unit, "
                    "the Russian-held share before and after (percent) and the km2 changing "
                    "hands or falling in the zone.")
    add_scenario_options(export)
    export.add_argument("--out", required=True, help="FILE.geojson or FILE.csv")
    export.set_defaults(run=run_export)


def _scenario_payload(args: argparse.Namespace) -> dict:
    scenario = scenario_from(args)
    result = evaluate(scenario, args.date)
    impact = result.impact
    params = {k: v for k, v in to_query(scenario, None).items() if k != "preset"}
    if PROPOSALS[scenario.preset].drawn:
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
    """``scenario``: the scenario's figures as JSON or a table."""
    try:
        payload = _scenario_payload(args)
    except USER_ERRORS as error:
        return fail(error)
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
    """``export``: the scenario's zones and lines, or its per-oblast table, to ``--out``."""
    out = Path(args.out)
    writer = _EXPORTERS.get(out.suffix.lower())
    if writer is None:
        given = repr(out.suffix) if out.suffix else "a file without a suffix"
        return fail(f"cannot export to {given}: use {' or '.join(_EXPORTERS)} "
                    "(e.g. zones.geojson)")
    try:
        writer(evaluate(scenario_from(args), args.date), out)
    except USER_ERRORS as error:
        return fail(error)
    print(out)
    return 0


def run_figure(args: argparse.Namespace) -> int:
    """``figure``: the scenario's map to ``--out``."""
    # Imported here: matplotlib takes about half a second to load, which the other
    # commands need not pay.
    from geo.maps.figure import figure_format, save_figure, scenario_figure

    out = Path(args.out)
    try:
        # Checked before the scenario is evaluated, so a typo fails at once.
        figure_format(out)
    except ValueError as error:
        return fail(error)
    try:
        save_figure(scenario_figure(evaluate(scenario_from(args), args.date),
                                    title=args.title), out)
    except USER_ERRORS as error:
        return fail(error)
    print(out)
    return 0


__all__ = ["USER_ERRORS", "add_parsers", "run_export", "run_figure", "run_scenario"]
