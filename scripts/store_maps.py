"""Store the newest snapshot's control map page (geo.maps.stored_pages), so that a new app
process shows its first map without loading folium, pandas and geopandas first. Quick when
the page is stored already; run by scripts/setup.sh.

Usage: python scripts/store_maps.py [--all] [--lang LANG ...]
  --all: every snapshot date (~0.5 s each); --lang: the pages in these languages instead of
  English (e.g. --lang uk, or --lang en uk for both; a language's pages are otherwise made
  and stored when a visitor first asks for them)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.data.snapshots import available_dates  # noqa: E402
from geo.language import DEFAULT, LANGUAGES  # noqa: E402
from geo.maps.stored_pages import store_page  # noqa: E402


def languages(argv: list[str]) -> list[str]:
    """The languages named after ``--lang`` (up to the next option), else English alone.

    Raises
    ------
    SystemExit
        If ``--lang`` names none, or one the atlas does not offer.
    """
    if "--lang" not in argv:
        return [DEFAULT]
    named = []
    for word in argv[argv.index("--lang") + 1:]:
        if word.startswith("--"):
            break
        named.append(word)
    unknown = [lang for lang in named if lang not in LANGUAGES]
    if not named or unknown:
        raise SystemExit(f"store_maps.py: --lang takes languages of the atlas "
                         f"({', '.join(LANGUAGES)}), got {' '.join(named) or 'none'}")
    return named


def main(argv: list[str]) -> int:
    dates = available_dates()
    for lang in languages(argv):
        for date in dates if "--all" in argv else dates[-1:]:
            store_page(date, lang=lang)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
