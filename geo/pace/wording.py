"""How the pace's figures are written in each language: a unit's name, a signed km2, a month
and a list of names; beside :mod:`geo.language`'s numbers and dates.

English writes exactly what the app has always written ("+1,234", "2026-09", "Donetsk
Oblast"); Ukrainian writes Babel's numbers with a true minus sign ("−1 234"), months in words
("вересень 2026 р.") and the Ukrainian names of :mod:`geo.data.names`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from geo.data.names import UKRAINE, UKRAINE_NAMES, UNIT_NAMES
from geo.language import DEFAULT, checked, gettext, km2, number

#: The no-break narrow space Babel puts before "р." (рік) in a Ukrainian date.
YEAR_GAP = "\u202f"


def unit_name(code: str, lang: str = DEFAULT) -> str:
    """The name of a unit ("UA" for Ukraine) in ``lang``: "Donetsk Oblast", "Донецька
    область"."""
    names = UKRAINE_NAMES if code == UKRAINE else UNIT_NAMES[code]
    return names[0] if checked(lang) == DEFAULT else names[1]


def signed(value: float, lang: str = DEFAULT, *, decimals: int = 0) -> str:
    """``value`` rounded to ``decimals`` places, always signed: "+1,234" and "-12.5" in
    English (as Python writes them), "+1 234" and "−12,5" in Ukrainian (a minus sign, not a
    hyphen; zero is "+0")."""
    if checked(lang) == DEFAULT:
        return f"{value:+,.{decimals}f}"
    rounded = round(value, decimals)
    return ("−" if rounded < 0 else "+") + number(abs(rounded), lang, decimals=decimals)


def signed_km2(value: float, lang: str = DEFAULT) -> str:
    """A change of area in whole km², signed: "+1,234 km²" in English, "−1 234 км²" in
    Ukrainian."""
    if checked(lang) == DEFAULT:
        return f"{value:+,.0f} km²"
    return signed(value, lang)[0] + km2(abs(round(value)), lang)


def month_text(month: str | dt.date, lang: str = DEFAULT) -> str:
    """A month ("YYYY-MM", or a day of it) in running text: "2026-09" in English, as the app
    writes a month; "вересень 2026 р." in Ukrainian."""
    day = dt.date.fromisoformat(f"{month}-01") if isinstance(month, str) else month
    if checked(lang) == DEFAULT:
        return f"{day:%Y-%m}"
    from babel.dates import format_date

    return f"{format_date(day, 'LLLL y', locale=lang)}{YEAR_GAP}р."


def listed(items: Sequence[str], lang: str = DEFAULT) -> str:
    """Items as a list in words: "a", "a and b", "a, b and c" ("a, b і c" in Ukrainian)."""
    if len(items) < 2:
        return "".join(items)
    return gettext("{first} and {second}", lang).format(first=", ".join(items[:-1]),
                                                        second=items[-1])


__all__ = ["YEAR_GAP", "listed", "month_text", "signed", "signed_km2", "unit_name"]
