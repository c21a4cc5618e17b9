"""The official romanisation of Ukrainian: Resolution No. 55 of the Cabinet of Ministers of
Ukraine, 27 January 2010 ("Про впорядкування транслітерації українського алфавіту
латиницею").

Pure Python, no dependencies, so that scripts/build_towns.py and the tests can both import it.
"""

from __future__ import annotations

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
