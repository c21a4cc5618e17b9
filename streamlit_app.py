"""Ceasefire Atlas: page config, the visitor's language and navigation; the pages live in
pages/."""

import streamlit as st

from pages._checked_files import ensure_map_assets, ensure_whole_data
from pages._dates import data_age
from pages._language import _, keep_in_link, link_warning, switch

st.set_page_config(page_title=_("Ceasefire Atlas"), layout="wide")
ensure_map_assets()
navigation = st.navigation([
    st.Page("pages/control_map.py", title=_("Control map"), default=True),
    st.Page("pages/scenarios.py", title=_("Ceasefire lines"), url_path="scenarios"),
    st.Page("pages/compare.py", title=_("Compare"), url_path="compare"),
    st.Page("pages/history.py", title=_("History"), url_path="history"),
    st.Page("pages/context.py", title=_("Context"), url_path="context"),
    st.Page("pages/method.py", title=_("Sources and method"), url_path="method"),
])
# Read on the session's first run, whichever page it opens; a page switch clears the link,
# so it is put back (pages that rewrite their whole link add it themselves).
if problem := link_warning():
    st.warning(_("Link parameter ignored: {problem}", problem=problem))
keep_in_link()
switch()
ensure_whole_data()  # what `geo update` wrote, checked before any page reads it
data_age()  # how old the data is, in every page's sidebar
navigation.run()
