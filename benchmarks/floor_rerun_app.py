"""The floor of a rerun: a bare Streamlit page at /scenarios with the sliders the benchmarks
move in its sidebar (same labels, ranges and link parameters as the Ceasefire lines page),
two metrics, and the map component of the app's size, and nothing else: no data, geometry,
figures, tables or navigation.

The map is the app's own for the mutual pull-back at the slider's value (Russia 15 km), from
the file ATLAS_FLOOR_MAPS names (benchmarks/floor_maps.py, made before any timing): the same
base map and the same prebuilt layer scripts handed to streamlit-folium as the app hands
them, so what the app takes beyond this page is its own work. The other sliders pick one of
those maps by their value, so that each value draws a different map, as in the app.

Served by benchmarks/browser.py and benchmarks/load.py from a folder where ``static/``
links to the project's, and run under AppTest by benchmarks/rerun.py.
"""

import json
import os
import sys
from pathlib import Path

import streamlit as st

# The script is run from a scratch folder (beside its link to static/) with the project as
# the working directory: the base map and the prebuilt groups are the project's.
if os.getcwd() not in sys.path:
    sys.path.insert(0, os.getcwd())

from streamlit_folium import st_folium

from geo.maps.base import base_map
from geo.maps.scenario_layers import SCENARIO_LEGEND
from pages._prebuilt_layers import Prebuilt, groups

#: preset -> its sliders: (key, label, low, high, default, format), as
#: geo/scenario/proposals.py has them (the load test finds a slider by its label's start).
SLIDERS = {
    "mutual": [("ua_km", "Ukraine pulls back", 0.0, 50.0, 15.0, "%g km"),
               ("ru_km", "Russia pulls back", 0.0, 50.0, 15.0, "%g km")],
    "shift": [("shift_km", "Move the line", -30.0, 30.0, 10.0, "%g km")],
    "target": [("target_pct", "Share held by Russia", 0.0, 100.0, 85.0, "%g %%")],
}
PRESETS = ("freeze", "donbas", "claims", "plan28", "swap", "mutual", "shift", "target")


@st.cache_resource(show_spinner=False)
def maps(path: str) -> dict[int, tuple[Prebuilt, ...]]:
    """The prebuilt groups by Ukraine's km, read once per process."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {int(value): tuple(Prebuilt(g["index"], g["script"], tuple(map(tuple, g["js"])),
                                       tuple(map(tuple, g["css"]))) for g in made)
            for value, made in data["values"].items()}


def initial(key: str, default: float) -> float:
    """A slider's value from the link, as the app reads it (``target=UA-14=85``)."""
    if key == "target_pct" and "target" in st.query_params:
        return float(st.query_params["target"].rsplit("=", 1)[-1])
    return float(st.query_params.get(key, default))


def view() -> None:
    preset = st.query_params.get("preset", "mutual")
    values = []
    # In the sidebar, as the app has them: the map is then as wide as the app's.
    with st.sidebar:
        for key, label, low, high, default, number in SLIDERS.get(preset, []):
            if key not in st.session_state:
                st.session_state[key] = initial(key, default)
            values.append(st.slider(label, low, high, step=1.0, key=key, format=number))
    table = maps(os.environ["ATLAS_FLOOR_MAPS"])
    chosen = int(values[0]) if values else PRESETS.index(preset) if preset in PRESETS else 0
    ordered = [table[value] for value in sorted(table)]
    shown = table.get(chosen) if preset == "mutual" else None
    prebuilt = shown or ordered[chosen % len(ordered)]
    left, right = st.columns(2)
    left.metric("Value", f"{chosen}")
    right.metric("Preset", preset)
    st_folium(base_map(tiles=False, legend_spec=SCENARIO_LEGEND), key="floor_map",
              feature_group_to_add=groups(prebuilt), use_container_width=True, height=580,
              returned_objects=[])


def home() -> None:
    view()


def scenarios() -> None:
    view()


st.set_page_config(page_title="Floor", layout="wide")
# The same view at / (what AppTest runs) and at /scenarios (what the browser and the load
# test open); hidden, as the page has nothing else.
st.navigation([st.Page(home, title="Floor", default=True),
               st.Page(scenarios, title="Scenarios", url_path="scenarios")],
              position="hidden").run()
