"""The floor of the cold start: a bare Streamlit page that shows one given map page in a
frame of the app's height, and nothing else (no navigation, sidebar, data or figures).

Run by benchmarks/browser.py from a folder where ``static/`` links to the project's, with
ATLAS_FLOOR_PAGE naming the stored map page the app itself serves first: the browser then
draws the same map, so what the app takes beyond this is the app's own start-up.
"""

import os
from pathlib import Path

import streamlit as st

st.set_page_config(page_title="Floor", layout="wide")
st.iframe(Path(os.environ["ATLAS_FLOOR_PAGE"]).read_text(encoding="utf-8"),
          height=int(os.environ.get("ATLAS_FLOOR_HEIGHT", "600")))
