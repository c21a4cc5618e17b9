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
from pages._streamlit_chrome import script as chrome_script

#: Each language by its own name, as language switches write them.
NAMES = {"en": "English", "uk": "Українська"}
#: The link's parameter.
QUERY_KEY = "lang"
#: Where the session keeps the language, and a warning about the link's, until shown.
STATE_KEY = "atlas_lang"
WARNING_KEY = "atlas_lang_warning"
#: The sidebar switch's own state (the session's language stays in :data:`STATE_KEY`).
CHOICE_KEY = "atlas_lang_choice"


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
    their whole link add :func:`link_params` instead), or take it out for English."""
    wanted = link_params().get(QUERY_KEY)
    if wanted is None:
        if QUERY_KEY in st.query_params:
            del st.query_params[QUERY_KEY]
    elif st.query_params.get(QUERY_KEY) != wanted:
        st.query_params[QUERY_KEY] = wanted


def _switched() -> None:
    """The switch's callback: the session takes the chosen language before the page runs."""
    st.session_state[STATE_KEY] = st.session_state[CHOICE_KEY]


def switch() -> None:
    """The sidebar's language switch, each language named in itself, and the page script
    that sets the document's ``<html lang>`` (screen readers read the page in it) and writes
    Streamlit's own words in the language (pages/_streamlit_chrome.py)."""
    lang = language()
    # Set before the widget on every run: the switch shows the session's language whatever
    # set it (the link on arrival, this switch, another page).
    st.session_state[CHOICE_KEY] = lang
    # Radio buttons: their labels keep the text's colour (a segmented control writes the
    # chosen one in the theme's red on pink, below the contrast the audit asks for).
    st.sidebar.radio(_("Language"), LANGUAGES, format_func=NAMES.__getitem__, key=CHOICE_KEY,
                     horizontal=True, on_change=_switched, label_visibility="collapsed")
    st.sidebar.html(chrome_script(lang), unsafe_allow_javascript=True)


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


__all__ = [
    "NAMES",
    "QUERY_KEY",
    "_",
    "keep_in_link",
    "language",
    "link_params",
    "link_warning",
    "ngettext",
    "switch",
]
