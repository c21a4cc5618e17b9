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

Each command is defined, with its options, in the module of its kind:
:mod:`geo.cli.series_commands` (shares, series, pace), :mod:`geo.cli.scenario_commands`
(scenario, figure, export; their scenario options :mod:`geo.cli.scenario_options`') and
:mod:`geo.cli.data_commands` (check, update, timelapse).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from geo.cli import data_commands, scenario_commands, series_commands
from geo.cli.arguments import EXIT_USAGE


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command; a command's arguments hold its function as ``run``."""
    built = argparse.ArgumentParser(prog="python -m geo", description="Ceasefire Atlas figures")
    commands = built.add_subparsers(dest="command", required=True)
    # In the order of --help.
    for module in (series_commands, scenario_commands, data_commands):
        module.add_parsers(commands)
    return built


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command ``argv`` asks for (default: the process's arguments) and return its
    exit status: 0, or :data:`EXIT_USAGE` for a user error."""
    args = build_parser().parse_args(argv)
    return args.run(args)


__all__ = ["EXIT_USAGE", "build_parser", "main"]


if __name__ == "__main__":
    raise SystemExit(main())
