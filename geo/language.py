"""The atlas's languages: its text in each, and its numbers and dates written as each writes them.

English is the source language: the text in the code is the English text, shown as it is
(gettext's :class:`~gettext.NullTranslations`), and numbers and dates stay exactly as the app
has always written them ("116,017 km²", "2026-10-10"). Ukrainian comes from the gettext
catalogue ``locale/uk/LC_MESSAGES/atlas.mo`` (compiled from ``atlas.po`` by scripts/setup.sh;
scripts/update_catalogue.py extracts the text from the code), and Babel writes its numbers,
dates and plurals ("116 017 км²", "22 серпня 2026 р.", three plural forms).

Text is whole sentences with named placeholders (``"Data: {source}, {day}"``), filled after
translation, so that a translation can put them in its own word order. Every function takes the
language as a parameter: nothing here holds a current language. Babel is imported only when a
Ukrainian number or date is written (about 25 ms), so an English page never loads it.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext as _gettext
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

#: The languages offered, the default (the source language) first.
LANGUAGES = ("en", "uk")
#: The language of the text in the code, and of a visitor who asks for none.
DEFAULT = "en"
#: Where the catalogues are: ``<LOCALE_DIR>/<lang>/LC_MESSAGES/<DOMAIN>.mo``.
LOCALE_DIR = Path(__file__).with_name("locale")
#: The catalogue's name (gettext's domain).
DOMAIN = "atlas"


class MissingCatalogueError(FileNotFoundError):
    """A language's compiled catalogue is not there (set-up compiles it)."""


def checked(lang: str) -> str:
    """``lang`` itself when the atlas offers it.

    Raises
    ------
    ValueError
        If ``lang`` is not one of :data:`LANGUAGES`.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"{lang!r} is not a language of the atlas ({', '.join(LANGUAGES)})")
    return lang


@functools.cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The catalogue of ``lang``, read once per process (English: the source text itself).

    Raises
    ------
    ValueError
        If ``lang`` is not one of :data:`LANGUAGES`.
    MissingCatalogueError
        If the compiled catalogue is missing: run scripts/setup.sh (it compiles the .po).
    """
    if checked(lang) == DEFAULT:
        return _gettext.NullTranslations()
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as file:
            return _gettext.GNUTranslations(file)
    except FileNotFoundError:
        raise MissingCatalogueError(f"{path} is missing: scripts/setup.sh compiles it from "
                                    f"{path.with_suffix('.po').name}") from None


def gettext(message: str, lang: str) -> str:
    """``message`` (English source text) in ``lang``; the source text when untranslated."""
    return translations(lang).gettext(message)


def ngettext(singular: str, plural: str, count: int, lang: str) -> str:
    """The form of ``singular``/``plural`` for ``count`` in ``lang`` (Ukrainian has three:
    1, 21 день; 3, 22 дні; 5, 11 днів), chosen by the catalogue's Plural-Forms."""
    return translations(lang).ngettext(singular, plural, count)


def pgettext(context: str, message: str, lang: str) -> str:
    """``message`` in ``lang`` where the same English means different things (``context``)."""
    return translations(lang).pgettext(context, message)


def number(value: float, lang: str, *, decimals: int = 0) -> str:
    """``value`` rounded to ``decimals`` places with grouped thousands: "116,017" and
    "12.3" in English, "116 017" (a no-break space: Babel's Ukrainian group separator) and
    "12,3" in Ukrainian."""
    if checked(lang) == DEFAULT:
        return f"{value:,.{decimals}f}"
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    # Rounded here as the English f-string rounds the float itself, before Babel reads its
    # decimal text, so that both languages show the same digits.
    return format_decimal(round(value, decimals), pattern, locale=lang)


def km2(value: float, lang: str) -> str:
    """An area in whole km²: "116,017 km²" in English, "116 017 км²" in Ukrainian (a
    no-break space before the unit too, so that a line never breaks inside a figure)."""
    if checked(lang) == DEFAULT:
        return f"{value:,.0f} km²"
    return f"{number(value, lang)}\u00a0км²"


def km(value: float, lang: str) -> str:
    """A length in whole km: "1,234 km" in English, "1 234 км" in Ukrainian."""
    if checked(lang) == DEFAULT:
        return f"{value:,.0f} km"
    return f"{number(value, lang)}\u00a0км"


def percent(value: float, lang: str, *, decimals: int = 1) -> str:
    """A percentage given in percent (12.34 is 12.34 %): "12.3 %" in English as the app
    writes it, "12,3 %" in Ukrainian."""
    if checked(lang) == DEFAULT:
        return f"{value:.{decimals}f} %"
    return f"{number(value, lang, decimals=decimals)}\u00a0%"


def long_date(day: dt.date, lang: str) -> str:
    """A day in running text: ISO in English, as the app writes every day ("2026-08-22");
    Babel's long form in Ukrainian ("22 серпня 2026 р.")."""
    if checked(lang) == DEFAULT:
        return day.isoformat()
    from babel.dates import format_date

    return format_date(day, "long", locale=lang)


def N_(message: str) -> str:
    """``message`` itself, marked for the catalogue where it is defined (a table of labels, a
    constant) and translated with :func:`gettext` where it is shown."""
    return message


@dataclass(frozen=True)
class Message:
    """A sentence made where its language is not known (an error raised deep in the library),
    written out where it is shown: English source text with named placeholders, and their
    values. A value that is itself a :class:`Message` is written in the same language.

    ``str()`` is the English sentence, so that logs, tracebacks and tests read as before.
    """

    template: str
    values: Mapping[str, object] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        """The sentence in ``lang``, its placeholders filled."""
        values = {name: value.text(lang) if isinstance(value, Message) else value
                  for name, value in self.values.items()}
        return gettext(self.template, lang).format(**values)

    def __str__(self) -> str:
        return self.text(DEFAULT)


__all__ = [
    "DEFAULT",
    "DOMAIN",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "Message",
    "MissingCatalogueError",
    "checked",
    "gettext",
    "km",
    "km2",
    "long_date",
    "ngettext",
    "number",
    "percent",
    "pgettext",
    "translations",
]
