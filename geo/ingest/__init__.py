"""Files from outside (a visitor's upload, DeepStateMap's live API) read into geometry with
every limit and check of untrusted input; a file that cannot be used raises
:class:`InputError`, whose message says why in one sentence."""


class InputError(ValueError):
    """A user's file that cannot be used; the message says why in one sentence."""
