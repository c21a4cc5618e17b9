"""``shares``, ``series`` and ``pace``: the figures of held days, from the daily series."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

import pandas as pd

from geo.cli.arguments import fail, iso_date, month_window, unit_codes
from geo.data.boundaries import load_units, unit_areas_km2
from geo.data.names import UKRAINE
from geo.data.series import held_days, load_series, missing_days, series_of
from geo.data.shares import control_shares
from geo.data.snapshots import ATTRIBUTION, load_occupied, snapshot_for
from geo.pace.history import change_between, day_shares, series_history
from geo.pace.rate import MONTH_DAYS, date_after, months_before, months_to_take, pace
from geo.pace.time_to_take import CAVEAT


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``shares``, ``series`` and ``pace`` to ``commands``."""
    shares = commands.add_parser(
        "shares", help="Russian-held share of each unit and of Ukraine",
        description="Area, occupied area (km2, EPSG:3035) and occupied share (percent) per "
                    "unit on --date when the archive holds it, else on the newest held day "
                    "before it (said so).")
    shares.add_argument("--date", type=iso_date, default=None,
                        help="YYYY-MM-DD (default: the newest day held)")
    shares.add_argument("--format", choices=("table", "csv", "json"), default="table")
    shares.set_defaults(run=run_shares)

    series = commands.add_parser(
        "series", help="occupied km2 and share of units on every day held",
        description="One row per day held and unit (date, iso_3166_2, occupied_km2 in "
                    "EPSG:3035, occupied_pct 0-100) from the daily series; days the archive "
                    "lacks have no row (they are listed as gaps, never filled).")
    series.add_argument("--unit", required=True, type=unit_codes,
                        help="a unit code such as UA-14, UA for Ukraine, or several "
                             "comma-separated: UA-14,UA-09")
    series.add_argument("--from", dest="start", type=iso_date, default=None,
                        help="YYYY-MM-DD, first day included (default: the first held)")
    series.add_argument("--to", dest="end", type=iso_date, default=None,
                        help="YYYY-MM-DD, last day included (default: the newest held)")
    series.add_argument("--format", choices=("csv", "json", "table"), default="csv")
    series.set_defaults(run=run_series)

    pace = commands.add_parser(
        "pace", help="the pace of the advance in units, and the time to take the rest",
        description="Net change of the occupied area within a unit between held days, in "
                    "km2 per month (30.44 days, EPSG:3035), with the ground gained and "
                    "regained between the shipped maps nearest the window's ends, the area "
                    "held, the area still to take and how long that would take at this pace "
                    "(a straight-line extrapolation, not a forecast).")
    pace.add_argument("--unit", required=True, type=unit_codes,
                      help="a unit code such as UA-14, UA for Ukraine, or several "
                           "comma-separated")
    pace.add_argument("--window", type=month_window, default=None,
                      help="the window before --date, in months: 6m (default 6m)")
    pace.add_argument("--from", dest="start", type=iso_date, default=None,
                      help="YYYY-MM-DD: the window's first day (with --to)")
    pace.add_argument("--to", dest="end", type=iso_date, default=None,
                      help="YYYY-MM-DD: the window's last day (with --from)")
    pace.add_argument("--date", type=iso_date, default=None,
                      help="YYYY-MM-DD: the day a --window ends on (default: the newest held)")
    pace.add_argument("--format", choices=("table", "json", "csv"), default="table")
    pace.set_defaults(run=run_pace)


def _format_table(table: pd.DataFrame) -> str:
    shown = table.copy()
    shown["area_km2"] = shown["area_km2"].map("{:,.0f}".format)
    shown["occupied_km2"] = shown["occupied_km2"].map("{:,.0f}".format)
    shown["occupied_pct"] = shown["occupied_pct"].map("{:.2f}".format)
    return shown.to_string(index=False)


def run_shares(args: argparse.Namespace) -> int:
    """``shares``: the share of each unit on a held day."""
    held = held_days()
    if not held:
        return fail("the daily series is missing (data/daily_control.csv): run "
                    "scripts/build_data.py")
    wanted = held[-1] if args.date is None else args.date
    earlier = [day for day in held if day <= wanted]
    if not earlier:
        return fail(f"no day is held on or before {wanted.isoformat()}: the first is "
                    f"{held[0].isoformat()}, the newest {held[-1].isoformat()}")
    day = earlier[-1]
    table = day_shares(series_history(load_series(), load_units()), day)
    if args.date is None:
        which = "the newest day held"
    elif day == args.date:
        which = "held"
    else:
        which = (f"{args.date.isoformat()} is not held: the newest held day before it"
                 if args.date < held[-1]
                 else f"the newest day held, before {args.date.isoformat()}")
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
    """``series``: one row per held day and unit."""
    if args.start and args.end and args.start > args.end:
        return fail(f"--from {args.start.isoformat()} is after --to {args.end.isoformat()}")
    try:
        table = series_of(load_series(), args.unit, start=args.start, end=args.end)
    except (FileNotFoundError, ValueError) as error:
        return fail(error)
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
    """``pace``: the pace of the advance in units, and the time to take the rest."""
    try:
        rows, about = _pace_rows(args)
    except (FileNotFoundError, ValueError) as error:
        return fail(error)
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


__all__ = ["add_parsers", "run_pace", "run_series", "run_shares"]
