"""Command line: ``python -m geo shares [--date YYYY-MM-DD] [--format table|csv|json]``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence

import pandas as pd

from geo.boundaries import load_units
from geo.shares import control_shares
from geo.snapshots import ATTRIBUTION, SnapshotDateError, load_occupied, snapshot_for

EXIT_USAGE = 2


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
    return parser


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


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "shares":
        return run_shares(args)
    return EXIT_USAGE  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":
    raise SystemExit(main())
