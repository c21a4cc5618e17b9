"""A page with only the timelapse section (pages/_timelapse.py), for the app and browser
tests: the period and presenter mode come from the link, ``?from=D&to=D&present=1``."""

import datetime as dt

import streamlit as st

from pages._timelapse import timelapse_section

st.set_page_config(page_title="Timelapse", layout="wide")
start = dt.date.fromisoformat(st.query_params.get("from", "2026-01-01"))
end = dt.date.fromisoformat(st.query_params.get("to", "2026-03-01"))
timelapse_section(start, end, presenting=st.query_params.get("present") == "1")
