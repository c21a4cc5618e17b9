"""What a refusal or a note about a visitor's file says, in whichever language it is shown in.

A reader does not know the visitor's language, so it says what is wrong as a
:class:`geo.language.Message` (English template with named placeholders, and their values),
which the page writes in the visitor's language. Besides plain values and other messages, the
messages here hold the kinds of value that are written differently in each language:
a :class:`Number` ("5,242,880" in English, "5 242 880" in Ukrainian), a :class:`Counted`
sentence, whose words follow a count (Ukrainian has three plural forms), a :class:`Listed`
enumeration ("1 line and 1 point", "1 лінія і 1 точка") and another program's English words,
:class:`Described` in other languages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from geo import language
from geo.language import DEFAULT, N_, Message

#: How the last two items of an enumeration are joined (the others by commas).
AND = N_("{items} and {last}")


def _written(value: object, lang: str) -> object:
    return value.text(lang) if isinstance(value, Message) else value


def filled(values: Mapping[str, object], lang: str) -> dict[str, object]:
    """``values`` with each message among them written in ``lang``."""
    return {name: _written(value, lang) for name, value in values.items()}


@dataclass(frozen=True, init=False)
class Number(Message):
    """A number in a message, written as ``lang`` writes numbers (:func:`geo.language.number`).

    ``decimals`` None writes as few decimals as the value needs (English exactly as
    ``f"{value:g}"``: "0.5", "5"); ``grouped`` False leaves English thousands ungrouped, as
    a message wrote a small count before it had a language (Ukrainian always groups)."""

    value: float
    decimals: int | None
    grouped: bool

    def __init__(self, value: float, decimals: int | None = 0, grouped: bool = True) -> None:
        for name, given in (("template", "{value}"), ("values", {}), ("value", value),
                            ("decimals", decimals), ("grouped", grouped)):
            object.__setattr__(self, name, given)

    def text(self, lang: str) -> str:
        decimals = self.decimals
        if decimals is None:
            shortest = f"{self.value:g}"
            if language.checked(lang) == DEFAULT or "e" in shortest:
                return shortest
            decimals = len(shortest.partition(".")[2])
        if not self.grouped and language.checked(lang) == DEFAULT:
            return f"{self.value:.{decimals}f}"
        return language.number(self.value, lang, decimals=decimals)


@dataclass(frozen=True)
class Counted(Message):
    """A sentence whose words follow a count: ``template`` is the singular, ``plural`` the
    plural, chosen in each language by :func:`geo.language.ngettext`. Made with
    :meth:`ngettext`, which the catalogue's extraction recognises by its name."""

    plural: str = ""
    count: int = 0

    @classmethod
    def ngettext(cls, singular: str, plural: str, count: int,
                 values: Mapping[str, object] | None = None) -> Counted:
        """The sentence for ``count``; ``{count}`` is the count as a :class:`Number` unless
        ``values`` gives it."""
        return cls(singular, {"count": Number(count), **(values or {})}, plural, count)

    def text(self, lang: str) -> str:
        template = language.ngettext(self.template, self.plural, self.count, lang)
        return template.format(**filled(self.values, lang))


@dataclass(frozen=True)
class Described(Message):
    """Another program's words (e.g. the operating system's reason for a failed connection,
    English whatever the language): ``original`` as it is in English, ``template`` (marked
    with ``N_`` where it is written) in other languages."""

    original: str = ""

    def text(self, lang: str) -> str:
        if language.checked(lang) == DEFAULT:
            return self.original
        return language.gettext(self.template, lang).format(**filled(self.values, lang))


@dataclass(frozen=True, init=False)
class Listed(Message):
    """Items (plain values or messages) in a row: "a, b and c" (joined by :data:`AND` in each
    language), or "a, b, c" when ``conjunction`` is False."""

    items: tuple[object, ...]
    conjunction: bool

    def __init__(self, items: Sequence[object], conjunction: bool = True) -> None:
        for name, given in (("template", "{items}"), ("values", {}), ("items", tuple(items)),
                            ("conjunction", conjunction)):
            object.__setattr__(self, name, given)

    def text(self, lang: str) -> str:
        parts = [str(_written(item, lang)) for item in self.items]
        if not self.conjunction or len(parts) < 2:
            return ", ".join(parts)
        return language.gettext(AND, lang).format(items=", ".join(parts[:-1]), last=parts[-1])


__all__ = ["AND", "Counted", "Described", "Listed", "Number", "filled"]
