"""Bring the translation catalogues up to date with the code, for whoever changes its text.

Extracts every translatable text (``_("...")``, ``N_``, ``ngettext``, ``pgettext``...: Babel's
default keywords, and ``Message``) from geo/, pages/ and streamlit_app.py into
geo/locale/atlas.pot, then updates each language's atlas.po from it: translations kept, new texts added untranslated,
texts no longer in the code dropped (an edited text keeps its old translation marked fuzzy,
to be checked). Translate what is new or fuzzy in the .po, then run scripts/setup.sh (or
``--compile``) to compile the .mo files the app reads.

Usage: .venv/bin/python scripts/update_catalogue.py [--compile]
tests/unit/test_language.py checks that the .po is complete and current.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from geo.language import DEFAULT, DOMAIN, LANGUAGES, LOCALE_DIR  # noqa: E402 (after sys.path)

#: Where the texts are: folders searched for *.py, and single files.
SOURCES = ("geo", "pages", "streamlit_app.py")
#: The functions whose first argument is a text to translate: Babel's (``_``, ``N_``,
#: ``ngettext``, ``pgettext``...) and geo.language's :class:`~geo.language.Message`.
KEYWORDS = {**DEFAULT_KEYWORDS, "Message": (1,)}
#: The template's path.
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"


def po_path(lang: str) -> Path:
    """The translations of ``lang``, as translators edit them."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def extracted(root: Path = ROOT) -> Catalog:
    """Every translatable text in the code under ``root``, with where it is used."""
    catalog = Catalog(project="Ceasefire Atlas", domain=DOMAIN, charset="utf-8",
                      fuzzy=False)
    for source in SOURCES:
        path = root / source
        # A single file is extracted from its folder, keeping only that file.
        folder, keep = (path, None) if path.is_dir() else (path.parent, path.name)
        for filename, line, message, comments, context in extract_from_dir(
                folder, [("**.py", "python")], keywords=KEYWORDS,
                comment_tags=("Translators:",)):
            if keep is not None and filename != keep:
                continue
            where = (Path(folder.relative_to(root)) / filename).as_posix()
            catalog.add(message, None, [(where, line)], auto_comments=comments,
                        context=context)
    return catalog


def updated(lang: str, template: Catalog) -> Catalog:
    """``lang``'s catalogue with ``template``'s texts, its translations kept."""
    path = po_path(lang)
    if path.exists():
        with path.open("rb") as file:
            catalog = read_po(file, locale=lang, domain=DOMAIN)
    else:
        catalog = Catalog(locale=lang, domain=DOMAIN, project="Ceasefire Atlas")
    catalog.update(template, update_header_comment=False)
    catalog.obsolete.clear()  # texts gone from the code: nothing to keep them for
    return catalog


def compile_catalogue(lang: str) -> Path:
    """Compile ``lang``'s .po into the .mo the app reads (fuzzy entries left out)."""
    with po_path(lang).open("rb") as file:
        catalog = read_po(file, locale=lang, domain=DOMAIN)
    target = po_path(lang).with_suffix(".mo")
    with target.open("wb") as file:
        write_mo(file, catalog)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compile", action="store_true", help="also compile the .mo files")
    options = parser.parse_args(argv)
    template = extracted()
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    with TEMPLATE.open("wb") as file:
        write_po(file, template, width=100, sort_output=False, omit_header=False)
    print(f"{TEMPLATE.relative_to(ROOT)}: {len(template)} texts")
    for lang in LANGUAGES:
        if lang == DEFAULT:
            continue
        catalog = updated(lang, template)
        po_path(lang).parent.mkdir(parents=True, exist_ok=True)
        with po_path(lang).open("wb") as file:
            write_po(file, catalog, width=100, include_previous=True)
        missing = sum(1 for message in catalog if message.id and
                      (not message.string or message.fuzzy))
        print(f"{po_path(lang).relative_to(ROOT)}: {missing} to translate or check")
        if options.compile:
            print(f"{compile_catalogue(lang).relative_to(ROOT)} compiled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
