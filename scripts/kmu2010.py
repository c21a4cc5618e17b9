"""The official romanisation of Ukrainian: Resolution No. 55 of the Cabinet of Ministers of
Ukraine, 27 January 2010 ("Про впорядкування транслітерації українського алфавіту
латиницею").

Also whether two Latin spellings write one name or two (:func:`same_name`), which tells a
renamed town from an older spelling of its name.

Pure Python, no dependencies, so that scripts/build_towns.py and the tests can both import it.
"""

from __future__ import annotations

import re

#: Every Ukrainian letter other than г, є, ї, й, ю, я (whose rendering depends on where they
#: stand) as the resolution's table gives it. ь and the apostrophe are not rendered.
LETTERS: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "ґ": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ь": "",
}
#: The letters the table renders one way at the start of a word and another elsewhere
#: (Єнакієве -> Yenakiieve, Їжакевич -> Yizhakevych, Йосипівка -> Yosypivka, Юрій -> Yurii,
#: Яготин -> Yahotyn): (word-initial, elsewhere).
POSITIONAL: dict[str, tuple[str, str]] = {
    "є": ("ye", "ie"), "ї": ("yi", "i"), "й": ("y", "i"), "ю": ("yu", "iu"), "я": ("ya", "ia"),
}
#: Every form of the apostrophe a Ukrainian name is written with; none is rendered.
APOSTROPHES = "'\u2019\u02bc`\u2018\u00b4"


def romanise(text: str) -> str:
    """``text`` in the official (2010) Latin script: Знам’янка -> Znamianka, Згорани -> Zghorany.

    A letter starts a word unless a letter or an apostrophe stands before it, so that the
    я of Знам’янка is inside its word and each part of Івано-Франківськ is a word of its
    own. г is h, and gh after з (the resolution's rule that keeps зг apart from ж). A
    capital comes out capitalised (Щорс -> Shchors), or in capitals inside a word written
    in capitals (ЩОРС -> SHCHORS). Anything that is not a Ukrainian letter or an apostrophe
    (spaces, hyphens, digits, Latin letters) is kept as it is.
    """
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch in APOSTROPHES:
            continue
        low = ch.lower()
        prev = text[i - 1].lower() if i else ""
        if low == "г":
            latin = "gh" if prev == "з" else "h"
        elif low in POSITIONAL:
            initial = not (prev.isalpha() or (prev != "" and prev in APOSTROPHES))
            latin = POSITIONAL[low][0 if initial else 1]
        elif low in LETTERS:
            latin = LETTERS[low]
        else:
            out.append(ch)
            continue
        if ch != low and latin:
            nxt = text[i + 1] if i + 1 < len(text) else ""
            latin = latin.upper() if nxt.isupper() else latin.capitalize()
        out.append(latin)
    return "".join(out)


#: Latin letter groups read as one sound when two spellings are compared (:func:`consonants`),
#: longest first: zgh is how the official rule writes зг, which older spellings write zh.
_ONE_SOUND = (("shch", "\u0449"), ("zgh", "\u0436"), ("gh", "h"), ("zh", "\u0436"),
              ("kh", "\u0445"), ("ch", "\u0447"), ("sh", "\u0448"), ("ts", "\u0446"), ("g", "h"))
#: Edits between two spellings' consonants beyond which they are two names, not one.
MAX_SPELLING_EDITS = 2


def consonants(latin: str) -> str:
    """The consonants of a Latin spelling, which romanisations of one name share: lower case,
    letters only, each of shch zh kh ch sh ts one letter, g and gh as h (Russian г, older
    spellings), zgh as zh, the vowels and y, i, j left out (ya/ia, yi/i, e/i, y/i: old or
    Russian forms) and a doubled letter written once (Zaporizhzhya and Zaporizhzhia -> "zprж")."""
    text = re.sub(r"[^a-z]", "", latin.casefold())
    for group, letter in _ONE_SOUND:
        text = text.replace(group, letter)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyj]", "", text))


def _edits(first: str, second: str) -> int:
    """The Levenshtein distance: letters inserted, deleted or replaced."""
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i]
        for j, b in enumerate(second, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]


def same_name(first: str, second: str) -> bool:
    """Whether two Latin spellings write one name (an older or Russian form and the official
    one: Nizhnegorskiy and Nyzhnohirskyi, Prybuzske and Prybuzke) rather than two (a town
    renamed: Volodymyr-Volynskyi and Volodymyr): their :func:`consonants` are at most
    :data:`MAX_SPELLING_EDITS` edits apart."""
    return _edits(consonants(first), consonants(second)) <= MAX_SPELLING_EDITS
