"""Store the newest snapshot's control map page (geo.maps.stored_pages), so that a new app
process shows its first map without loading folium, pandas and geopandas first. Quick when
the page is stored already; run by scripts/setup.sh.

Usage: python scripts/store_maps.py [--all]   (--all: every snapshot date, ~0.5 s each)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.data.snapshots import available_dates  # noqa: E402
from geo.maps.stored_pages import store_page  # noqa: E402


def main(argv: list[str]) -> int:
    dates = available_dates()
    for date in dates if "--all" in argv else dates[-1:]:
        store_page(date)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
