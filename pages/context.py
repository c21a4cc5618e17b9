"""Context: the negotiation timeline and the positions on the table, each with its source.

Its text is in the visitor's language (pages/_language.py): the page's own through the
catalogue, the timeline's and the positions' from their files' columns in that language
(geo/scenario/context.py), their dates written out by :func:`geo.scenario.context.date_text`."""

from __future__ import annotations

import itertools

import pandas as pd
import streamlit as st

from geo.scenario.context import date_text, load_positions, load_timeline, parties
from geo.scenario.proposals import PROPOSALS
from pages._language import _, language, link_params
from pages._page_setup import arrived, fit_top_padding, leave_pages_directory_mode

SCENARIOS_PAGE = "pages/scenarios.py"


@st.cache_resource(show_spinner=False)
def timeline(lang: str) -> pd.DataFrame:
    return load_timeline(lang=lang)


@st.cache_resource(show_spinner=False)
def positions(lang: str) -> pd.DataFrame:
    return load_positions(lang=lang)


def show_timeline(table: pd.DataFrame) -> None:
    lang = language()
    st.subheader(_("Timeline"))
    # st.table, not st.dataframe: whole sentences wrap instead of being cut at the cell edge.
    # Streamlit caps a cell's text at 400 px, so a stretched table would only add blank space.
    shown = table.assign(date=table["date"].map(lambda d: date_text(d, lang)),
                         source_date=table["source_date"].map(lambda d: date_text(d, lang)))
    st.table(shown[["date", "event", "source", "source_date"]].rename(columns={
        "date": _("Date"), "event": _("What happened"), "source": _("Source"),
        "source_date": _("Source date")}), hide_index=True, width="content")
    st.caption(_("Dates are as precise as the source: a year or a month where no day is "
                 "given."))


def citation(source: str, date: str) -> str:
    """A source and its date as students would cite them, e.g. "BBC News report from Kyiv,
    2026-01-06" ("Репортаж BBC News з Києва, 6 січня 2026 р." in Ukrainian)."""
    return _("{source}, {date}", source=source, date=date_text(date, language()))


def show_position(row: pd.Series) -> None:
    st.markdown(row["position"])
    st.caption(_("Source: {citation}", citation=citation(row["source"], row["as_of"])))
    if row["preset"]:
        st.page_link(SCENARIOS_PAGE,
                     label=_("Open on the map: {proposal}",
                             proposal=_(PROPOSALS[row["preset"]].title)),
                     icon=":material/map:",
                     query_params={"preset": row["preset"], **link_params()})


def balanced(groups: list[str], heights: dict[str, float], columns: int) -> list[list[str]]:
    """Deal groups into columns so the tallest column is as short as possible, keeping their
    order within each column and the first group first. Tries every deal: fine for the handful
    of parties there are (columns ** (groups - 1) deals)."""
    best: tuple[float, tuple[int, ...]] | None = None
    for rest in itertools.product(range(columns), repeat=max(len(groups) - 1, 0)):
        deal = (0, *rest)[:len(groups)]
        tallest = max(sum(heights[g] for g, c in zip(groups, deal) if c == column)
                      for column in range(columns))
        if best is None or tallest < best[0]:
            best = (tallest, deal)
    deal = best[1] if best else ()
    return [[g for g, c in zip(groups, deal) if c == column] for column in range(columns)]


def card_height(rows: pd.DataFrame) -> float:
    """Rough height of a party's card (px in a half-width column at 1280 px): text, plus a
    citation line per position, a link line per proposal and the card's heading."""
    return (0.55 * rows["position"].str.len().sum() + 45 * len(rows)
            + 40 * (rows["preset"] != "").sum() + 70)


def show_positions(table: pd.DataFrame) -> None:
    st.subheader(_("Positions on the table"))
    heights = {party: card_height(rows) for party, rows in table.groupby("party")}
    for column, group in zip(st.columns(2, gap="medium"),
                             balanced(parties(table), heights, 2)):
        with column:
            for party in group:
                with st.container(border=True):
                    st.markdown(f"**{party}**")
                    for _index, row in table[table["party"] == party].iterrows():
                        show_position(row)


leave_pages_directory_mode()
arrived("context")
fit_top_padding()
st.markdown("### " + _("Context: the negotiations behind the map"))
st.caption(_("Restated in our own words from the reporting, each item with its source and "
             "date. Where a proposal can be drawn, its link opens it on the Ceasefire lines "
             "page."))
show_timeline(timeline(language()))
show_positions(positions(language()))
