"""The visitor's language, for every page: read from the link's ``lang=`` when the session
starts, then kept in the session (and in the link, so that a copied link opens in it).

Pages translate with :func:`_` and :func:`ngettext` (English source text with named
placeholders, filled after translation) and write numbers and dates with geo/language.py's
helpers, given :func:`language`. Light on purpose (standard library, Streamlit and
geo/language.py, which imports Babel only for a Ukrainian number or date): the control map
calls it before it draws its first map.
"""

from __future__ import annotations

import streamlit as st

from geo import language as catalogue
from geo.language import DEFAULT, LANGUAGES

#: The link's parameter.
QUERY_KEY = "lang"
#: Where the session keeps the language, and a warning about the link's, until shown.
STATE_KEY = "atlas_lang"
WARNING_KEY = "atlas_lang_warning"


def language() -> str:
    """The session's language ("en" or "uk"): on its first run, the link's ``lang=``
    (English when there is none, or with a warning, :func:`link_warning`, when it is not a
    language the atlas offers); the session's choice from then on."""
    if STATE_KEY not in st.session_state:
        asked = st.query_params.get(QUERY_KEY)
        st.session_state[STATE_KEY] = asked if asked in LANGUAGES else DEFAULT
        if asked is not None and asked not in LANGUAGES:
            st.session_state[WARNING_KEY] = (
                f"lang: {asked!r} is not a language of the atlas ({', '.join(LANGUAGES)}); "
                "showing English")
    return st.session_state[STATE_KEY]


def link_warning() -> str | None:
    """What was wrong with the link's ``lang=``, once (then forgotten), else None."""
    language()
    return st.session_state.pop(WARNING_KEY, None)


def link_params() -> dict[str, str]:
    """The language's part of a page's link: ``{"lang": "uk"}``, nothing for English (an
    English link stays exactly as it always was)."""
    lang = language()
    return {} if lang == DEFAULT else {QUERY_KEY: lang}


def keep_in_link() -> None:
    """Put the language back in the address bar (a page switch clears it; pages that rewrite
    their whole link add :func:`link_params` instead)."""
    for key, value in link_params().items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value


def _(message: str, **values: object) -> str:
    """``message`` in the session's language, its ``{placeholders}`` filled from ``values``."""
    text = catalogue.gettext(message, language())
    return text.format(**values) if values else text


def ngettext(singular: str, plural: str, n: int, /, **values: object) -> str:
    """The form of ``singular``/``plural`` for ``n`` in the session's language, its
    ``{placeholders}`` filled from ``values`` (``{count}`` is ``n`` unless given, e.g.
    written by :func:`geo.language.number`)."""
    text = catalogue.ngettext(singular, plural, n, language())
    return text.format(**{"count": n, **values})


__all__ = ["QUERY_KEY", "keep_in_link", "language", "link_params", "link_warning", "ngettext",
           "_"]
