"""What a visitor reads on a page run under streamlit.testing, and the English left in it.

:func:`visible_texts` collects every text an element shows (bodies, labels, help texts,
options, placeholders); :func:`english_words` finds in them the words of the English catalogue
(every source text the code marks for translation, and English's commonest short words, which
an untranslated sentence is sure to hold). Words a Ukrainian translation itself keeps in Latin
script (DeepStateMap, EPSG, GeoJSON...) and the names of sources are not English words here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from babel.messages.pofile import read_po

from geo.language import DOMAIN, LOCALE_DIR
from geo.scenario.proposals import PROPOSALS

#: The proto fields an element shows to the visitor.
VISIBLE_FIELDS = frozenset({"body", "label", "help", "placeholder", "options", "caption",
                            "text", "default_value"})
#: Elements whose body is not read (styles and scripts the pages add).
HIDDEN_ELEMENTS = frozenset({"Html"})
#: Words of English so common that an untranslated sentence holds one, whether or not the
#: catalogue has them.
COMMON_WORDS = frozenset(["a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "from", "with", "without", "is", "are", "was", "were", "be", "not", "no", "this", "that", "these", "those", "it", "its", "as", "per", "than", "then", "when", "where", "which", "who", "what", "how", "day", "days", "map", "line", "area", "areas", "show", "shows", "shown", "here", "there", "one", "two", "more", "less"])
#: Names of sources and formats shown as they are in either language, and English's own name
#: (the language switch names each language in itself).
NAMES = frozenset(["deepstatemap", "deepstatemap.live", "natural", "earth", "openstreetmap", "epsg", "iso", "geojson", "csv", "png", "gif", "html", "kml", "kmz", "shapefile", "zip", "bbc", "news", "isw", "ukraine", "english"])
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]")


def visible_texts(at) -> list[str]:
    """Every text the elements of ``at`` (an AppTest after a run) show, in page order."""
    texts: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ListFields") and \
                type(node).__name__ not in HIDDEN_ELEMENTS:
            for field, value in proto.ListFields():
                if field.name not in VISIBLE_FIELDS:
                    continue
                values = [value] if isinstance(value, str) else list(value)
                texts.extend(text for text in values
                             if isinstance(text, str) and not text.startswith("<style>"))
        children = getattr(node, "children", None) or {}
        for child in (children.values() if isinstance(children, dict) else children):
            walk(child)

    walk(at._tree)
    return texts


def _words(text: str) -> set[str]:
    return {word.lower().strip(".-'’") for word in _LATIN_WORD.findall(text)}


@functools.cache
def catalogue_words() -> frozenset[str]:
    """The English words of the catalogue and :data:`COMMON_WORDS`, less the Latin words its
    Ukrainian translations keep and :data:`NAMES`."""
    with (LOCALE_DIR / "uk" / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as file:
        catalog = read_po(file, locale="uk", domain=DOMAIN)
    # The proposals' codes are link parameters' values, shown as such (Sources and method).
    english, kept = set(COMMON_WORDS), set(NAMES) | set(PROPOSALS)
    for message in catalog:
        if not message.id:
            continue
        for text in (message.id if isinstance(message.id, tuple) else (message.id,)):
            # Placeholders are not words of the text.
            english |= _words(re.sub(r"\{[^}]*\}", " ", text))
        for text in (message.string if isinstance(message.string, tuple)
                     else (message.string,)):
            kept |= _words(re.sub(r"\{[^}]*\}", " ", text or ""))
    return frozenset(english - kept)


def english_words(texts: Iterable[str]) -> dict[str, str]:
    """Each English word of the catalogue found in ``texts``, with the first text holding it
    (markdown links' targets and inline code are not read: they are not words on the page)."""
    found: dict[str, str] = {}
    words = catalogue_words()
    for text in texts:
        # Nor are identifiers: paths, file names, link parameters, codes (data/towns.csv,
        # preset=plan28, UA-14).
        readable = re.sub(r"\]\([^)]*\)|`[^`]*`|https?://\S+|:material/[a-z_]+:|"
                          r"[^\s,;()]*[/_=\d][^\s,;()]*", " ", text)
        for word in _words(readable) & words:
            found.setdefault(word, text)
    return found
