"""``check``, ``update`` and ``timelapse``: the data folder and the files in and out of it (a
control-area file before it is used, the days after the newest held one, the shipped maps
animated for slides)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from geo.cli.arguments import fail, iso_date, seconds
from geo.data.boundaries import load_units
from geo.ingest import InputError
from geo.ingest.control import check_size, describe, read_control_file
from geo.ingest.limits import MAX_FILE_BYTES
from geo.paths import DATA_DIR
from geo.update.errors import UpdateError
from geo.update.fetch import BASE_URLS, SOURCES as UPDATE_SOURCES, TIMEOUT_S
from geo.update.pipeline import MAX_DAYS_PER_RUN, update


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``check``, ``update`` and ``timelapse`` to ``commands``."""
    check = commands.add_parser(
        "check", help="check a control-area file and summarise it",
        description="Reads FILE (GeoJSON, KML, KMZ or a zipped shapefile) as an occupied "
                    "area, repairs what it can, clips it to Ukraine and prints its date, "
                    "features, occupied area (km2, EPSG:3035), share of Ukraine (percent) "
                    "and the repairs made; if the file cannot be used, exits with status 2 "
                    "and says why in one sentence.")
    check.add_argument("file", metavar="FILE", help="the file to check")
    check.set_defaults(run=run_check)

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
    fresh.add_argument("--timeout", metavar="S", type=seconds, default=TIMEOUT_S,
                       help=f"seconds each request may take (default {TIMEOUT_S:g})")
    fresh.set_defaults(run=run_update)

    timelapse = commands.add_parser(
        "timelapse", help="an animated GIF of the shipped maps of a period, for slides",
        description="One frame per shipped day from --from to --to (the first held day of "
                    "each ISO week and of each month: weekly frames, none drawn between "
                    "them), 1920 x 1080 px, with the date, Ukraine's km2 held by Russia "
                    "(daily series, EPSG:3035) and the sources on each frame.")
    timelapse.add_argument("--from", dest="start", type=iso_date, default=None,
                           help="YYYY-MM-DD, first day included (default: the first shipped)")
    timelapse.add_argument("--to", dest="end", type=iso_date, default=None,
                           help="YYYY-MM-DD, last day included (default: the newest shipped)")
    timelapse.add_argument("--out", required=True, help="FILE.gif")
    timelapse.add_argument("--fps", type=float, default=4.0,
                           help="frames a second (default 4; the last frame shows 2 s)")
    timelapse.set_defaults(run=run_timelapse)


def run_check(args: argparse.Namespace) -> int:
    """``check``: whether a control-area file can be used, and what it holds."""
    path = Path(args.file)
    try:
        # Sized before reading, so a huge file is refused without loading it.
        check_size(path.stat().st_size)
        with path.open("rb") as file:
            # Bounded again: /dev/zero and growing files report a size of 0.
            data = file.read(MAX_FILE_BYTES + 1)
        control = read_control_file(path.name, data)
    except (InputError, OSError) as error:
        return fail(error)
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
    """``update``: the days after the newest held day into the data folder, all or nothing."""
    try:
        result = update(args.data_dir, source=args.source, base_url=args.url,
                        timeout_s=args.timeout)
    except UpdateError as error:
        return fail(error)
    for line in result.lines():
        print(line)
    print(result.summary())
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def run_timelapse(args: argparse.Namespace) -> int:
    """``timelapse``: an animated GIF of the shipped maps of a period to ``--out``."""
    # Imported here: matplotlib takes about half a second to load.
    from geo.data.snapshots import available_dates
    from geo.maps.timelapse import TimelapseError, frame_days
    from geo.maps.timelapse_gif import frame_seconds, timelapse_gif

    out = Path(args.out)
    if out.suffix.lower() != ".gif":
        given = repr(out.suffix) if out.suffix else "a file without a suffix"
        return fail(f"a timelapse is written as a GIF, not as {given}: name it e.g. "
                    "timelapse.gif")
    if not out.parent.is_dir():
        return fail(f"there is no folder {out.parent} to write {out.name} in")
    shipped = available_dates()
    try:
        frame_s = frame_seconds(args.fps)
        # Checked before any frame is drawn, so a typo fails at once.
        days = frame_days(args.start or min(shipped, default=dt.date.min),
                          args.end or max(shipped, default=dt.date.max), shipped)
        timelapse_gif(days[0], days[-1], out, frame_s=frame_s)
    except (TimelapseError, ValueError, OSError) as error:
        return fail(error)
    print(out)
    return 0


__all__ = ["add_parsers", "run_check", "run_timelapse", "run_update"]
