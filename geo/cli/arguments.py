"""What the commands of ``python -m geo`` share: the types of their arguments, which say what
a value should look like, and how a user error is reported (one line on stderr, exit status
:data:`EXIT_USAGE`)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from geo.data.names import UKRAINE, UNIT_NAMES

#: The exit status of a user error (argparse's own for a malformed command line).
EXIT_USAGE = 2


def fail(message: object) -> int:
    """Print ``error: message`` on stderr and return :data:`EXIT_USAGE`."""
    print(f"error: {message}", file=sys.stderr)
    return EXIT_USAGE


def iso_date(text: str) -> dt.date:
    """A day written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date of the form YYYY-MM-DD: {text!r}") from None


def unit_codes(text: str) -> list[str]:
    """Unit codes (UA-14, or UA for Ukraine), comma-separated, upper-cased, each once in the
    order given."""
    codes = [code.strip().upper() for code in text.split(",") if code.strip()]
    unknown = [code for code in codes if code != UKRAINE and code not in UNIT_NAMES]
    if not codes or unknown:
        raise argparse.ArgumentTypeError(
            f"not a unit code: {', '.join(unknown) or repr(text)} (UA-14 for Donetsk oblast, "
            "UA for Ukraine; several comma-separated)")
    return list(dict.fromkeys(codes))


def seconds(text: str) -> float:
    """A finite number of seconds above 0."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"not a number of seconds above 0: {text!r}")
    return value


def month_window(text: str) -> int:
    """A window in whole months, written 6m or 6 (1 to 120)."""
    value = text.strip().lower().removesuffix("m")
    if not value.isdigit() or not 1 <= int(value) <= 120:
        raise argparse.ArgumentTypeError(f"a window is a number of months such as 6m, not "
                                         f"{text!r}")
    return int(value)


__all__ = ["EXIT_USAGE", "fail", "iso_date", "month_window", "seconds", "unit_codes"]
