"""The timelapse section: the shipped maps of a period played in place in one map page, its
animated GIF for slides and the player as one offline file (each made on a download's click).

A page shows it with one line, e.g. ``timelapse_section(earlier, later)``; the map page of a
period is made once per process for every visitor (its frames once per day), the GIF once
per period and speed when first downloaded.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from geo.data.boundaries import ukraine_outline
from geo.data.snapshots import ATTRIBUTION, load_occupied
from geo.language import gettext, km2, number
from geo.maps.base import BOUNDARIES_ATTRIBUTION
from geo.maps.standalone import ENGLISH
from geo.maps.timelapse import (FRAME_TOLERANCE_DEG, TimelapseError, frame_days, make_frame,
                                steps_note, timelapse_document, ukraine_figures)
from geo.maps.timelapse_payload import Frame
from geo.maps.timelapse_player import DEFAULT_FPS, SPEEDS_FPS
from pages._cached_data import history, units
from pages._dates import day_text
from pages._language import _, language, ngettext
from pages._map_download import map_download
from pages._page_setup import MAP_HEIGHT_PX, dates
from pages._presenter import slide_title

#: A frame holds about 50 KB of simplified geometry: every shipped day fits (about 145).
FRAMES_KEPT = 256
#: A map page holds up to about 1 MB (the whole series), a GIF about as much.
DOCUMENTS_KEPT, GIFS_KEPT = 8, 4

#: The figures of a frame's day and the day: what a frame is made of (see :func:`_frame`).
FrameKey = tuple[dt.date, float, float]


@st.cache_resource(show_spinner=False)
def _ukraine():
    return ukraine_outline(units())


@st.cache_resource(show_spinner=False, max_entries=FRAMES_KEPT)
def _frame(day: dt.date, km2: float, pct: float) -> Frame:
    # Keyed by the day's figures too: ``geo update`` rewrites the series in place.
    return make_frame(day, load_occupied(day), _ukraine(), km2, pct)


def _frames(keys: tuple[FrameKey, ...]) -> list[Frame]:
    return [_frame(*key) for key in keys]


@st.cache_resource(show_spinner=False, max_entries=DOCUMENTS_KEPT)
def _document(keys: tuple[FrameKey, ...], presenter: bool, lang: str) -> str:
    # Keyed by the language: the page holds the player's words and each frame's.
    return timelapse_document(_frames(keys), units(), presenter=presenter, lang=lang)


@st.cache_resource(show_spinner=False, max_entries=GIFS_KEPT)
def _gif(keys: tuple[FrameKey, ...], fps: int, lang: str) -> bytes:
    # Imported here: matplotlib takes about half a second to load, which only a download
    # needs to pay.
    import io

    from geo.maps.timelapse_gif import gif_from_frames

    buffer = io.BytesIO()
    gif_from_frames(_frames(keys), units(), buffer, frame_s=1 / fps, lang=lang)
    return buffer.getvalue()


def _keys(start: dt.date, end: dt.date) -> tuple[FrameKey, ...]:
    """The frames of the period, each as its day and figures (raises TimelapseError)."""
    days = frame_days(start, end, dates())
    figures = ukraine_figures(history(), days)
    return tuple((day, *figures[day]) for day in days)


def _source() -> str:
    """The occupied areas' source, in the visitor's language."""
    return gettext(ATTRIBUTION, language())


def _caption(keys: tuple[FrameKey, ...], size_bytes: int) -> str:
    lang = language()
    jumps = steps_note([key[0] for key in keys], lang=lang)
    values = {"count": len(keys), "first": day_text(keys[0][0]), "last": day_text(keys[-1][0]),
              "source": _source(), "size": number(size_bytes / 1e6, lang, decimals=1),
              "km": number(FRAME_TOLERANCE_DEG * 111, lang, decimals=1)}
    if jumps:
        return ngettext(
            "{count} frame from {first} to {last}, about one a week: the maps shipped for the "
            "period (the first held day of each ISO week, and of each month), each that day's "
            "own map; nothing is drawn between two frames; {jumps}. Km² held by Russia: "
            "DeepStateMap's daily series on each frame's day (EPSG:3035). {source}; "
            "boundaries: Natural Earth. Space plays or pauses, ← and → step a frame (click the "
            "map first). The page holds every frame ({size} MB), drawn to about {km} km.",
            "{count} frames from {first} to {last}, about one a week: the maps shipped for the "
            "period (the first held day of each ISO week, and of each month), each that day's "
            "own map; nothing is drawn between two frames; {jumps}. Km² held by Russia: "
            "DeepStateMap's daily series on each frame's day (EPSG:3035). {source}; "
            "boundaries: Natural Earth. Space plays or pauses, ← and → step a frame (click the "
            "map first). The page holds every frame ({size} MB), drawn to about {km} km.",
            len(keys), **values, jumps=jumps)
    return ngettext(
        "{count} frame from {first} to {last}, about one a week: the maps shipped for the "
        "period (the first held day of each ISO week, and of each month), each that day's own "
        "map; nothing is drawn between two frames. Km² held by Russia: DeepStateMap's daily "
        "series on each frame's day (EPSG:3035). {source}; boundaries: Natural Earth. Space "
        "plays or pauses, ← and → step a frame (click the map first). The page holds every "
        "frame ({size} MB), drawn to about {km} km.",
        "{count} frames from {first} to {last}, about one a week: the maps shipped for the "
        "period (the first held day of each ISO week, and of each month), each that day's own "
        "map; nothing is drawn between two frames. Km² held by Russia: DeepStateMap's daily "
        "series on each frame's day (EPSG:3035). {source}; boundaries: Natural Earth. Space "
        "plays or pauses, ← and → step a frame (click the map first). The page holds every "
        "frame ({size} MB), drawn to about {km} km.", len(keys), **values)


def _gif_controls(keys: tuple[FrameKey, ...]) -> None:
    first, last = keys[0][0].isoformat(), keys[-1][0].isoformat()
    lang = language()
    row = st.container(horizontal=True, vertical_alignment="bottom")
    fps = row.selectbox(_("GIF speed (frames a second)"), SPEEDS_FPS,
                        index=SPEEDS_FPS.index(DEFAULT_FPS), key="tl_gif_fps", width=230,
                        format_func=lambda speed: number(speed, lang),
                        help=_("The last frame shows for 2 s before the GIF starts again."))
    # Made on the click, in a thread of its own (no session there): about 0.1 s a frame.
    row.download_button(
        ngettext("Timelapse for slides (GIF, 1920 × 1080, {count} frame)",
                 "Timelapse for slides (GIF, 1920 × 1080, {count} frames)", len(keys)),
        mime="image/gif", file_name=f"ceasefire-atlas_timelapse_{first}_{last}.gif",
        data=lambda: _gif(keys, fps, lang), icon=":material/movie:",
        help=_("Each frame with its date, Ukraine's km² held by Russia and the sources; made "
               "when clicked (about {seconds} s the first time).",
               seconds=max(2, round(len(keys) * 0.1))))


def timelapse_section(start: dt.date, end: dt.date, *, presenting: bool = False) -> None:
    """The timelapse of the shipped maps from ``start`` to ``end`` (both included): a map
    that plays them in place, its caption and a GIF download; on a slide (``presenting``),
    the slide's title bar and the map filling the screen in large type, keys anywhere.
    Every text in the visitor's language.

    A period without a shipped map gets a note instead (never an error)."""
    lang = language()
    try:
        keys = _keys(start, end)
    except TimelapseError as error:
        st.info(_("No timelapse to show: {problem}.", problem=error.text(lang)),
                icon=":material/movie:")
        return
    first, last = keys[0], keys[-1]
    with st.spinner(ngettext("Drawing the timelapse's {count} frame (once for everyone)",
                             "Drawing the timelapse's {count} frames (once for everyone)",
                             len(keys))):
        page = _document(keys, presenting, lang)
    title = _("Territorial control in Ukraine, {first} to {last}", first=day_text(first[0]),
              last=day_text(last[0]))
    if presenting:
        slide_title(title, ngettext(
            "{count} weekly map, none drawn between them · held by Russia {first} → {last} · "
            "Sources: {source}; daily series; Natural Earth · Space: play or pause, ← →: step",
            "{count} weekly maps, none drawn between them · held by Russia {first} → {last} · "
            "Sources: {source}; daily series; Natural Earth · Space: play or pause, ← →: step",
            len(keys), first=number(first[1], lang), last=km2(last[1], lang), source=_source()))
        # Keyed: the slide's style gives this frame the screen's height.
        with st.container(key="atlas-map"):
            st.iframe(page, height=MAP_HEIGHT_PX)
        return
    st.subheader(_("Timelapse, {first} to {last}", first=day_text(first[0]),
                   last=day_text(last[0])))
    with st.container(key="atlas-timelapse"):
        st.iframe(page, height=MAP_HEIGHT_PX)
    st.caption(_caption(keys, len(page.encode())))
    _gif_controls(keys)
    # The player as one file: its frames are the page's own, so it plays from disk too.
    map_download("timelapse", (first[0], last[0]), lambda: _document(keys, False, lang),
                 title=title, source=_("{source}; {boundaries}", source=_source(),
                                       boundaries=gettext(BOUNDARIES_ATTRIBUTION, lang)),
                 as_of=last[0], label=ENGLISH.timelapse_button)
