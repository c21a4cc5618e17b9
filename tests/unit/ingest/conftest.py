"""Every refusal a test of geo.ingest provokes reads whole in Ukrainian: each InputError and
LiveDataError raised while a test runs carries a :class:`geo.language.Message` whose
templates the Ukrainian catalogue translates, whose Ukrainian text holds no English word
(tests/visible_text.py) and whose ``str()`` is its English sentence, exactly."""

from __future__ import annotations

import pytest

from geo.ingest import InputError
from geo.ingest.live import LiveDataError
from geo.ingest.messages import Counted, Listed, Number
from geo.language import Message, gettext, ngettext
from tests.visible_text import english_words


def untranslated(message: Message) -> list[str]:
    """The templates of ``message`` and of the messages in it that the Ukrainian catalogue
    does not translate (numbers and enumerations have none of their own)."""
    gaps: list[str] = []
    if isinstance(message, Counted):
        if (ngettext(message.template, message.plural, 1, "uk") == message.template
                or ngettext(message.template, message.plural, 5, "uk") == message.plural):
            gaps.append(message.template)
    elif not isinstance(message, (Number, Listed)) and \
            gettext(message.template, "uk") == message.template:
        gaps.append(message.template)
    inner = list(message.values.values()) + list(getattr(message, "items", ()))
    for value in inner:
        if isinstance(value, Message):
            gaps += untranslated(value)
    return gaps


def problems_of(error: Exception) -> list[str]:
    """What is wrong with a refusal's message, if anything."""
    message = getattr(error, "message", None)
    if not isinstance(message, Message):
        return [f"{error!r} carries no Message"]
    found = [f"{template!r} has no Ukrainian" for template in untranslated(message)]
    if str(error) != message.text("en") or error.args != (str(error),):
        found.append(f"{error!r}: str() is not the English sentence")
    if words := english_words([message.text("uk")]):
        found.append(f"{message.text('uk')!r} holds English: {sorted(words)}")
    return found


@pytest.fixture(autouse=True)
def refusals_read_in_ukrainian(monkeypatch):
    """Records every refusal made during the test, then checks each distinct one."""
    made: dict[tuple[type, str], Exception] = {}
    for kind in (InputError, LiveDataError):
        def recording(self, message, *, _init=kind.__init__):
            _init(self, message)
            made.setdefault((type(self), str(self)), self)
        monkeypatch.setattr(kind, "__init__", recording)
    yield
    problems = [problem for error in made.values() for problem in problems_of(error)]
    assert problems == []
