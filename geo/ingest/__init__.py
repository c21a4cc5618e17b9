"""Files from outside (a visitor's upload, DeepStateMap's live API) read into geometry with
every limit and check of untrusted input; a file that cannot be used raises
:class:`InputError`, whose message says why in one sentence, in any language the atlas
offers (:mod:`geo.ingest.messages`)."""

from geo.language import Message


class InputError(ValueError):
    """A user's file that cannot be used: ``message`` says why in one sentence, written in a
    visitor's language by ``message.text(lang)``; ``str()`` is the English sentence."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message
