"""The palette the maps and the static figures share."""

import subprocess
import sys
from pathlib import Path

from geo.maps.palette import SHARE_CLASSES, share_color

ROOT = Path(__file__).resolve().parents[3]


def test_a_share_on_a_class_bound_takes_that_class_and_above_it_the_next():
    assert share_color(0.0) == SHARE_CLASSES[0][1]
    assert share_color(5.0) == SHARE_CLASSES[1][1]
    assert share_color(5.01) == SHARE_CLASSES[2][1]
    assert share_color(100.0) == SHARE_CLASSES[-1][1]


def test_the_palette_imports_neither_folium_nor_matplotlib():
    check = ("import sys, geo.maps.palette; "
             "sys.exit(bool({'folium', 'matplotlib'} & set(sys.modules)))")
    assert subprocess.run([sys.executable, "-c", check], cwd=ROOT).returncode == 0
