"""The day a page shows: every page's date control (a date picker with steps to the held
days either side), what a link's date resolves to, and how old the data is.

Only light modules are imported (no pandas, geopandas or folium): the control map resolves
its day before it draws its first map. Every sentence is in the visitor's language
(pages/_language.py); days in running text are written by :func:`geo.language.long_date`
(ISO in English).
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import streamlit as st

from geo.data.freshness import STALE_AFTER_DAYS, age_days, freshness_label, today
from geo.data.series import DayChoice, HeldDayError, choose_day, held_days
from geo.data.snapshots import CONTROL_DIR, available_dates
from geo.language import long_date
from geo.paths import DATA_DIR
from pages._language import _, language

#: Where the data comes from, as the age line names it.
SOURCE_NAME = "DeepStateMap"
#: The date field's format in each language (Streamlit offers a few; a link's date=
#: stays ISO in every language).
FIELD_FORMATS = {"en": "YYYY-MM-DD", "uk": "DD.MM.YYYY"}


def day_text(day: dt.date) -> str:
    """``day`` in running text in the visitor's language: "2026-10-10", "10 жовтня 2026 р."."""
    return long_date(day, language())


def held() -> list[dt.date]:
    """Every day the daily series holds, oldest first (re-read when the file changes)."""
    return held_days()


@functools.lru_cache(maxsize=4)
def _shipped(folder: str, modified_ns: int) -> tuple[dt.date, ...]:
    return tuple(available_dates(Path(folder).parent))


def shipped() -> list[dt.date]:
    """The days whose geometry ships (data/control/), oldest first (the folder is listed
    again only when it changes: ``geo update`` adds a day)."""
    folder = DATA_DIR / CONTROL_DIR
    try:
        modified_ns = folder.stat().st_mtime_ns
    except FileNotFoundError:
        return []
    return list(_shipped(str(folder), modified_ns))


def newest() -> dt.date:
    """The newest day held: every page's default."""
    return held()[-1]


def choice(day: dt.date) -> DayChoice:
    """What a page shows for ``day`` (see :func:`geo.data.series.choose_day`)."""
    return choose_day(day, held(), shipped())


def day_from_link(text: str | None) -> tuple[dt.date, str | None]:
    """The day a link's ``date=`` asks for, and a warning when it cannot be used.

    Any day from the first held to the newest opens as asked (one the archive lacks is
    then explained by :func:`date_control`); a day after the newest opens the newest; a
    malformed date or one before the first held day opens the newest, with a warning.
    """
    if not text:
        return newest(), None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return newest(), _("date: {text} is not a date of the form YYYY-MM-DD; showing the "
                           "newest day", text=repr(text))
    first, last = held()[0], newest()
    if day < first:
        return newest(), _("date: nothing is held before {first} (asked for {asked}); showing "
                           "the newest day, {newest}", first=day_text(first),
                           asked=day_text(day), newest=day_text(last))
    if day > last:
        return last, _("date: the newest day held is {newest} (asked for {asked}); showing it",
                       newest=day_text(last), asked=day_text(day))
    return day, None


def link_day(key: str, text: str | None, warnings: list[str]) -> None:
    """Set the date control ``key`` to the day a link's ``date=`` text asks for
    (:func:`day_from_link`; None: the newest), adding its warning, if any, to ``warnings``."""
    st.session_state[key], problem = day_from_link(text)
    if problem:
        warnings.append(problem)


def _go(key: str, day: dt.date) -> None:
    st.session_state[key] = day


# Streamlit 1.67's date field takes a typed day only when its calendar closes (Escape) or the
# field loses focus to a click; Enter, what a reader presses after typing 2025-06-15, does
# nothing. Here Enter in a date field's segments closes it as Escape would, so the day typed
# is taken. Installed once per browser page (the flag), whichever page installs it first.
_ENTER_TAKES_THE_DAY = """<script>
if (!document.atlasDateEnter) {
  document.atlasDateEnter = true;
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.key !== "Enter" || !event.isTrusted || !target.closest) return;
    if (!target.closest('[data-testid="stDateInputField"]')) return;
    if (target.getAttribute("role") !== "spinbutton") return;
    event.preventDefault();
    event.stopPropagation();
    for (const type of ["keydown", "keyup"]) {
      target.dispatchEvent(new KeyboardEvent(type, {key: "Escape", code: "Escape", keyCode: 27,
                                                    bubbles: true, cancelable: true}));
    }
  }, true);
}
</script>"""


def date_control(label: str, key: str, *, help: str | None = None) -> DayChoice:
    """A date picker over every held day, with buttons to the held day before and after,
    bound to ``st.session_state[key]`` (a :class:`datetime.date`, set it before the first
    run); a day the archive lacks says so and offers the nearest held days. Returns what
    the page shows for the chosen day. Call it in the sidebar. Enter takes a day typed into
    the field (Streamlit's own field takes it only on Escape or a click elsewhere)."""
    days = held()
    first, last = days[0], days[-1]
    current = st.session_state.get(key)
    requested = min(max(current or last, first), last)
    if requested != current:  # set only when needed: the widget then keeps its own state
        st.session_state[key] = requested
    st.date_input(label, min_value=first, max_value=last, key=key,
                  format=FIELD_FORMATS[language()],
                  help=help or _("Any day from {first} to {last}: type it (YYYY-MM-DD) or pick "
                                 "it; the buttons step to the day held before or after",
                                 first=day_text(first), last=day_text(last)))
    shown = choice(st.session_state[key])
    at = days.index(shown.held)
    earlier = days[at - 1] if shown.is_held and at > 0 else shown.before
    later = (days[at + 1] if at + 1 < len(days) else None) if shown.is_held else shown.after
    back, forward = st.columns(2)
    back.button(_("◀ Day before"), key=f"{key}_back", disabled=earlier is None,
                on_click=_go, args=(key, earlier), use_container_width=True,
                help=_("The held day before: {day}", day=day_text(earlier)) if earlier else None)
    forward.button(_("Day after ▶"), key=f"{key}_forward", disabled=later is None,
                   on_click=_go, args=(key, later), use_container_width=True,
                   help=_("The held day after: {day}", day=day_text(later)) if later else None)
    st.html(_ENTER_TAKES_THE_DAY, unsafe_allow_javascript=True)
    if not shown.is_held:
        nearest = [day_text(d) for d in (shown.before, shown.after) if d]
        st.info(_("The archive holds no map for {day}. Nearest held days: {nearest}. Showing "
                  "{shown}.", day=day_text(shown.requested),
                  nearest=_("{first} and {second}", first=nearest[0], second=nearest[1])
                  if len(nearest) == 2 else nearest[0],
                  shown=day_text(shown.held)))
    return shown


def drawn_note(shown: DayChoice, *, figures: str | None = None) -> str | None:
    """A sentence for when the map is drawn from another day than the figures, else None.

    ``figures`` ends the sentence (default: "the figures are of <held day>")."""
    if shown.is_drawn:
        return None
    figures = figures or _("the figures are of {day}", day=day_text(shown.held))
    return _("Map of {day}, the nearest earlier day whose map ships (one a week and the first "
             "of each month: see Sources and method); {figures}.",
             day=day_text(shown.drawn), figures=figures)


def age_text(day: dt.date | None = None) -> str:
    """E.g. "DeepStateMap, 2026-10-10, 52 days ago": the source, ``day`` (default the newest
    held) and its age, for a line that must carry it where the sidebar is hidden (a slide);
    without the age when the clock is misset (the sidebar says why)."""
    day = day or newest()
    try:
        now = today()
    except ValueError:
        return _("{source}, {day}", source=SOURCE_NAME, day=day_text(day))
    return freshness_label(SOURCE_NAME, day, now, language())


def data_age() -> None:
    """How old the newest data is, in the sidebar of every page, with a note when it is
    more than two weeks old."""
    try:
        now = today()
    except ValueError as error:
        st.sidebar.error(str(error))
        return
    if not held():
        st.sidebar.error(_("The daily series (data/daily_control.csv) is missing: run "
                           "scripts/build_data.py"))
        return
    age = freshness_label(SOURCE_NAME, newest(), now, language())
    # One short element either way: the page's own controls must stay above the fold.
    if age_days(newest(), now) > STALE_AFTER_DAYS:
        st.sidebar.warning(_("Data: {age}: newer days are not loaded here, and the line of "
                             "contact has probably moved since.", age=age))
    else:
        st.sidebar.caption(_("Data: {age}", age=age))


__all__ = ["DayChoice", "HeldDayError", "age_text", "choice", "data_age", "date_control",
           "day_from_link", "day_text", "drawn_note", "held",
           "link_day", "newest", "shipped"]
