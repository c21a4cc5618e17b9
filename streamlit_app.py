"""Ceasefire Atlas: page config and navigation; the pages live in pages/."""

import streamlit as st

from pages._checked_files import ensure_map_assets, ensure_whole_data
from pages._dates import data_age

st.set_page_config(page_title="Ceasefire Atlas", layout="wide")
ensure_map_assets()
navigation = st.navigation([
    st.Page("pages/control_map.py", title="Control map", default=True),
    st.Page("pages/scenarios.py", title="Ceasefire lines", url_path="scenarios"),
    st.Page("pages/compare.py", title="Compare", url_path="compare"),
    st.Page("pages/history.py", title="History", url_path="history"),
    st.Page("pages/context.py", title="Context", url_path="context"),
    st.Page("pages/method.py", title="Sources and method", url_path="method"),
])
ensure_whole_data()  # what `geo update` wrote, checked before any page reads it
data_age()  # how old the data is, in every page's sidebar
navigation.run()
