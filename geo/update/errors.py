"""The one error of ``python -m geo update`` (:mod:`geo.update.pipeline`), raised by its
fetching (:mod:`geo.update.fetch`), its writing (:mod:`geo.update.staging`) and its checks alike.
"""

from __future__ import annotations


class UpdateError(RuntimeError):
    """The update could not be made; the message says why in one sentence, and the data
    folder is as it was (unless the message says otherwise).

    Attributes
    ----------
    offline
        True when the source could not be connected to at all.
    """

    def __init__(self, message: str, *, offline: bool = False) -> None:
        super().__init__(message)
        self.offline = offline
