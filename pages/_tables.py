"""Tables' numbers written as the visitor's language writes them.

Streamlit formats a number column with a printf pattern in the browser ("%,.1f": "121,511.2"),
English's way whatever the page's language, and a Ukrainian reader takes "121,511.2" for about
121. In English the columns stay numbers with that pattern, sortable as before; in any other
language they are written by :func:`geo.language.number` ("121 511,2") and shown as text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import streamlit as st

from geo.language import DEFAULT, number


@dataclass(frozen=True)
class Number:
    """A number column: its label, Streamlit's printf ``format`` for English ("%,.1f",
    "%+,.0f", "%d"), which also says how other languages write it (places, thousands
    grouped, a sign before every value), and its help."""

    label: str
    format: str
    help: str | None = None

    def write(self, value: object, lang: str) -> str:
        """One value in ``lang`` ("121 511,2", "+3,0"); a missing one as an empty cell, as
        Streamlit shows it."""
        if value is None or pd.isna(value):
            return ""
        places = re.search(r"\.(\d+)f", self.format)
        text = number(float(value), lang, decimals=int(places.group(1)) if places else 0)
        if "," not in self.format:
            text = text.replace("\u00a0", "")
        if "+" in self.format and float(value) > 0:
            text = "+" + text
        return text


def numbers_in_language(table: pd.DataFrame | pa.Table, columns: Mapping[str, Number], lang: str
                        ) -> tuple[pd.DataFrame | pa.Table, dict[str, object]]:
    """``table`` (a DataFrame, or an Arrow table made once for an outcome) and the column
    configuration that shows its ``columns`` in ``lang``: number columns with their printf
    format in English (the table as it is), text written by :meth:`Number.write` otherwise
    (a DataFrame then)."""
    if lang == DEFAULT:
        return table, {name: st.column_config.NumberColumn(spec.label, format=spec.format,
                                                           help=spec.help)
                       for name, spec in columns.items()}
    table = table.to_pandas() if isinstance(table, pa.Table) else table.copy()
    for name, spec in columns.items():
        table[name] = [spec.write(value, lang) for value in table[name]]
    return table, {name: st.column_config.TextColumn(spec.label, help=spec.help)
                   for name, spec in columns.items()}


__all__ = ["Number", "numbers_in_language"]
