"""A view (scenario and day) to and from URL query parameters, so a link reopens it.

Parsing never raises: a malformed value gives a warning and that parameter's default.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from geo.names import UNIT_NAMES
from geo.scenarios import PRESETS, PULLBACK_RANGE_KM, SHIFT_RANGE_KM, Scenario

#: Values a parameter takes when the URL does not give a valid one.
DEFAULT_PRESET = "freeze"
DEFAULT_PULLBACK_KM = 15.0
DEFAULT_SHIFT_KM = 10.0
DEFAULT_TARGET = ("UA-14", 85.0)
#: The parameters each preset uses (the others are left out of its links).
PRESET_PARAMS: dict[str, tuple[str, ...]] = {
    "mutual": ("ua_km", "ru_km"),
    "shift": ("shift_km", "oblasts"),
    "target": ("target",),
}
QUERY_KEYS = ("preset", "date", "ua_km", "ru_km", "shift_km", "oblasts", "target")


@dataclass(frozen=True)
class View:
    """What a link shows: a scenario (without a custom line), the day asked for (None = the
    newest day held; any day, held or not: the page resolves it against the held and the
    shipped days, see :func:`geo.series.choose_day`), and the warnings met while reading it."""

    scenario: Scenario
    date: dt.date | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)


def _number(raw: str, name: str, low: float, high: float, default: float,
            warnings: list[str]) -> float:
    try:
        value = float(raw)
    except (TypeError, ValueError):
        warnings.append(f"{name}={raw!r} is not a number; using {default:g}")
        return default
    if not math.isfinite(value) or not low <= value <= high:
        warnings.append(f"{name}={raw!r} is outside {low:g} to {high:g}; using {default:g}")
        return default
    return value


def _oblasts(raw: str, warnings: list[str]) -> tuple[str, ...]:
    codes = [c.strip().upper() for c in str(raw).split(",") if c.strip()]
    unknown = [c for c in codes if c not in UNIT_NAMES]
    if unknown:
        warnings.append(f"oblasts: unknown codes {', '.join(unknown)[:80]!r}; using everywhere")
        return ()
    return tuple(dict.fromkeys(codes))


def _target(raw: str, warnings: list[str]) -> tuple[str, float]:
    code, _, pct = str(raw).partition("=")
    code = code.strip().upper()
    if code not in UNIT_NAMES:
        warnings.append(f"target={str(raw)[:40]!r} should look like UA-14=85; using "
                        f"{DEFAULT_TARGET[0]}={DEFAULT_TARGET[1]:g}")
        return DEFAULT_TARGET
    return code, _number(pct, "target share", 0.0, 100.0, DEFAULT_TARGET[1], warnings)


def _date(raw: str, warnings: list[str]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        warnings.append(f"date={str(raw)[:40]!r} is not a YYYY-MM-DD date; using the newest")
        return None


def parse_view(query: Mapping[str, str]) -> View:
    """Read a :class:`View` from query parameters (preset, date, ua_km, ru_km, shift_km,
    oblasts, target); unknown keys are ignored."""
    warnings: list[str] = []
    preset = str(query.get("preset", DEFAULT_PRESET))
    if preset == "custom":
        warnings.append("a drawn or uploaded line is not kept in links: showing "
                        f"{DEFAULT_PRESET}; draw or upload the line again")
        preset = DEFAULT_PRESET
    elif preset not in PRESETS:
        warnings.append(f"preset={preset[:40]!r} is not a scenario; using {DEFAULT_PRESET}")
        preset = DEFAULT_PRESET
    date = _date(query["date"], warnings) if "date" in query else None
    used = PRESET_PARAMS.get(preset, ())
    values: dict = {}
    if "ua_km" in used:
        values["ua_km"] = _number(query.get("ua_km", DEFAULT_PULLBACK_KM), "ua_km",
                                  *PULLBACK_RANGE_KM, DEFAULT_PULLBACK_KM, warnings)
        values["ru_km"] = _number(query.get("ru_km", DEFAULT_PULLBACK_KM), "ru_km",
                                  *PULLBACK_RANGE_KM, DEFAULT_PULLBACK_KM, warnings)
    if "shift_km" in used:
        values["shift_km"] = _number(query.get("shift_km", DEFAULT_SHIFT_KM), "shift_km",
                                     *SHIFT_RANGE_KM, DEFAULT_SHIFT_KM, warnings)
        values["oblasts"] = _oblasts(query.get("oblasts", ""), warnings)
    if "target" in used:
        values["target"] = (_target(query["target"], warnings) if "target" in query
                            else DEFAULT_TARGET)
    return View(Scenario(preset, **values), date, tuple(warnings))


def to_query(scenario: Scenario, date: dt.date | None) -> dict[str, str]:
    """Query parameters that :func:`parse_view` reads back into the same view."""
    query = {"preset": scenario.preset}
    if date is not None:
        query["date"] = date.isoformat()
    used = PRESET_PARAMS.get(scenario.preset, ())
    if "ua_km" in used:
        query["ua_km"], query["ru_km"] = f"{scenario.ua_km:g}", f"{scenario.ru_km:g}"
    if "shift_km" in used:
        query["shift_km"] = f"{scenario.shift_km:g}"
        if scenario.oblasts:
            query["oblasts"] = ",".join(scenario.oblasts)
    if "target" in used and scenario.target is not None:
        query["target"] = f"{scenario.target[0]}={scenario.target[1]:g}"
    return query
