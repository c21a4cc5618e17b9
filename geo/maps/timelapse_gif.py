"""The timelapse as an animated GIF for slides: one frame per shipped day of a period, 16:9
(1920 x 1080 px by default), with the date, Ukraine's occupied km2 and the sources burned in.

Drawn with matplotlib (no pyplot, as :mod:`geo.maps.figure`, with which it shares sizes, paths and
the scale bar, :mod:`geo.maps.figure_base`, and colours, :mod:`geo.maps.palette`) in EPSG:32636, so
the scale bar is true, and written frame by frame with Pillow alone (no ffmpeg or other binary)
by :class:`geo.maps.gif_writer.StreamingGifWriter`. Each frame is a day's own map
(:mod:`geo.maps.timelapse`); none is drawn between them.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from PIL import Image

from geo import language
from geo.data.boundaries import ukraine_outline
from geo.data.snapshots import ATTRIBUTION
from geo.language import gettext, km2, ngettext, percent
from geo.maps.base import BOUNDARIES_ATTRIBUTION
from geo.maps.figure_base import (FIGSIZE_IN, FOOTER_PT, FOOTER_Y, LABEL_PT, LEGEND_PT, NUMBER_PT,
                                  SUBTITLE_PT, TITLE_PT, dashes, fit_width, frame_map, long_date,
                                  polygon_path, segments, wrap_to_fit)
from geo.maps.gif_writer import FRAME_S, HOLD_LAST_S, StreamingGifWriter
from geo.maps.palette import (OUTLINE_COLOR, OUTLINE_PT, RUSSIAN_ALPHA, RUSSIAN_FILL,
                              START_LINE_COLOR, START_LINE_DASH, TODAY_COLOR, TODAY_PT,
                              UKRAINE_EDGE, UKRAINIAN_PALE)
from geo.maps.timelapse import load_frames, steps_note
from geo.maps.timelapse_payload import WEEK_DAYS, Frame
from geo.pace.wording import signed_km2
from geo.paths import DATA_DIR
from geo.projection import to_metric

if TYPE_CHECKING:
    import geopandas as gpd

#: A slide's width (px); the height follows at 16:9.
WIDTH_PX = 1920
#: Narrowest GIF made (px): below it the burned-in text no longer fits.
MIN_WIDTH_PX = 640
#: A GIF counts time in hundredths of a second, and browsers slow anything under 0.02 s.
MIN_FRAME_S, MAX_FRAME_S = 0.02, 10.0
#: Where the parts sit, in figure fractions (0-1, origin bottom left).
MAP_RECT = (0.012, 0.09, 0.655, 0.79)
#: The panel's left edge (figure fraction) and the size of its date (pt).
PANEL_X = 0.665
#: The top of the frame's note ("Frame 2 of 4 (map of ...)", figure fraction) and of the
#: legend under it, which leaves room for the note's second line (:func:`wrap_to_fit`).
NOTE_Y, LEGEND_Y = 0.365, 0.31
DATE_PT = 32
LINE_PT = 2.4


def frame_seconds(fps: float) -> float:
    """How long a frame shows (s) at ``fps`` frames a second.

    Raises
    ------
    ValueError
        Unless the result lies within :data:`MIN_FRAME_S` to :data:`MAX_FRAME_S`.
    """
    if not fps > 0 or not MIN_FRAME_S <= 1 / fps <= MAX_FRAME_S:
        message = (f"a GIF plays {1 / MAX_FRAME_S:g} to {1 / MIN_FRAME_S:g} frames a second, "
                   f"not {fps:g}")
        raise ValueError(message)
    return 1 / fps


class _Slide:
    """The GIF's figure: what every frame shares drawn once, what changes updated per frame.

    Text takes most of matplotlib's time (0.18 of 0.24 s a frame at 1920 px): the title,
    legend, footer and scale bar are drawn once, and each frame is drawn over a copy of
    them with only what changes (matplotlib's blitting).
    """

    def __init__(self, frames: Sequence[Frame], units: gpd.GeoDataFrame, width_px: int,
                 lang: str = "en") -> None:
        self.frames, self.lang = frames, lang
        self._dynamic: list = []
        self.fig = Figure(figsize=FIGSIZE_IN, dpi=width_px / FIGSIZE_IN[0], facecolor="white")
        self.canvas = FigureCanvasAgg(self.fig)
        first, last = frames[0], frames[-1]
        self.fig.text(0.012, 0.965, title_text(first.date, last.date, lang=lang),
                      fontsize=TITLE_PT, fontweight="bold", va="top")
        self.fig.text(0.012, 0.905, ngettext(
            "{count} frame, about one a week: each is that day's own map (the first held day of "
            "each week, and of each month); nothing is drawn between them.",
            "{count} frames, about one a week: each is that day's own map (the first held day "
            "of each week, and of each month); nothing is drawn between them.", len(frames),
            lang).format(count=len(frames)), fontsize=SUBTITLE_PT, va="top", color="#333333")
        # One line, shrunk if need be: the map's top is right under it.
        fit_width(self.fig.texts[-1])
        self.ax = self._map(units, first)
        self._panel()
        self._footer()
        self._freeze()

    def _map(self, units: gpd.GeoDataFrame, first: Frame):
        ax = self.fig.add_axes(MAP_RECT)
        ukraine = to_metric(ukraine_outline(units))
        ax.add_patch(PathPatch(polygon_path(ukraine), facecolor=UKRAINIAN_PALE,
                               edgecolor="none", zorder=1))
        self.area = PathPatch(polygon_path(shapely.MultiPolygon()), facecolor=RUSSIAN_FILL,
                              alpha=RUSSIAN_ALPHA, edgecolor="none", zorder=2)
        ax.add_patch(self.area)
        # Drawn over the area, so drawn with it for every frame.
        borders = [s for unit in units.geometry for s in segments(to_metric(unit))]
        over = [LineCollection(borders, colors=OUTLINE_COLOR, linewidths=OUTLINE_PT, zorder=3),
                LineCollection(segments(ukraine), colors=UKRAINE_EDGE, linewidths=1.2, zorder=3),
                LineCollection(segments(to_metric(first.line)), colors=START_LINE_COLOR,
                               linewidths=TODAY_PT,
                               linestyles=[dashes(START_LINE_DASH, TODAY_PT)], zorder=4)]
        for collection in over:
            ax.add_collection(collection)
        self.line = LineCollection([], colors=TODAY_COLOR, linewidths=LINE_PT, zorder=5)
        ax.add_collection(self.line)
        self._dynamic += [self.area, *over, self.line]
        frame_map(ax, ukraine, lang=self.lang)
        return ax

    def _panel(self) -> None:
        fig, x = self.fig, PANEL_X
        self.date = fig.text(x, 0.80, "", fontsize=DATE_PT, fontweight="bold", va="top")
        fig.text(x, 0.665, gettext("Held by Russia", self.lang), fontsize=LABEL_PT,
                 color="#444444", va="bottom")
        self.km2 = fig.text(x, 0.66, "", fontsize=NUMBER_PT + 8, fontweight="bold", va="top")
        self.pct = fig.text(x, 0.575, "", fontsize=SUBTITLE_PT, va="top")
        self.change = fig.text(x, 0.535, "", fontsize=SUBTITLE_PT, va="top", color="#333333")
        # Where the frame falls in the period: a bar from the first day to the last.
        track = fig.add_axes((x, 0.445, 0.28, 0.03))
        first, last = (f.date.toordinal() for f in (self.frames[0], self.frames[-1]))
        track.set_xlim(first, max(last, first + 1))
        track.set_ylim(0, 1)
        track.axhline(0.5, color="#bbbbbb", linewidth=4, solid_capstyle="butt")
        self.progress = track.plot([first, first], [0.5, 0.5], color=RUSSIAN_FILL,
                                   linewidth=4, solid_capstyle="butt")[0]
        self.marker = track.plot([first], [0.5], "o", color=RUSSIAN_FILL, markersize=11,
                                 markeredgecolor="white", clip_on=False)[0]
        track.set_axis_off()
        for at, day, align in ((0.0, self.frames[0].date, "left"),
                               (1.0, self.frames[-1].date, "right")):
            track.text(at, -0.4, language.long_date(day, self.lang), transform=track.transAxes,
                       ha=align,
                       va="top", fontsize=LABEL_PT - 1, color="#333333")
        self.frame_note = fig.text(x, NOTE_Y, "", fontsize=LABEL_PT, color="#333333", va="top")
        self._dynamic += [self.date, self.km2, self.pct, self.change, self.progress, self.marker,
                          self.frame_note]
        lang = self.lang
        handles = [
            Patch(facecolor=RUSSIAN_FILL, alpha=RUSSIAN_ALPHA,
                  label=gettext("Held by Russia", lang)),
            Patch(facecolor=UKRAINIAN_PALE, edgecolor=UKRAINE_EDGE, linewidth=0.8,
                  label=gettext("Held by Ukraine", lang)),
            Line2D([], [], color=TODAY_COLOR, linewidth=LINE_PT,
                   label=gettext("Line of contact", lang)),
            Line2D([], [], color=START_LINE_COLOR, linewidth=TODAY_PT,
                   linestyle=dashes(START_LINE_DASH, TODAY_PT),
                   label=gettext("Line of contact, {day}", lang).format(
                       day=language.long_date(self.frames[0].date, lang))),
            Line2D([], [], color=OUTLINE_COLOR, linewidth=OUTLINE_PT,
                   label=gettext("Oblast border", lang))]
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(x - 0.008, LEGEND_Y),
                   fontsize=LEGEND_PT, frameon=False, alignment="left", handlelength=3.0)

    def _footer(self) -> None:
        jumps = steps_note([frame.date for frame in self.frames], lang=self.lang)
        if jumps:
            self.fig.text(0.012, FOOTER_Y[0], jumps[0].upper() + jumps[1:] + ".",
                          fontsize=FOOTER_PT, color="#333333", va="bottom")
        self.fig.text(0.012, FOOTER_Y[1], gettext(
            "Km² held by Russia: DeepStateMap's daily series on each frame's day, in an "
            "equal-area projection (EPSG:3035). Made with Ceasefire Atlas.", self.lang),
            fontsize=FOOTER_PT, color="#333333", va="bottom")
        self.source = self.fig.text(0.012, FOOTER_Y[2], "", fontsize=FOOTER_PT,
                                    color="#333333", va="bottom")
        self._dynamic.append(self.source)

    def _freeze(self) -> None:
        """Draw everything but what changes once, and keep it to draw each frame over."""
        for artist in self._dynamic:
            artist.set_animated(True)
        self.canvas.draw()
        self._background = self.canvas.copy_from_bbox(self.fig.bbox)
        # In the order they overlap: the area under the borders and lines.
        self._dynamic.sort(key=lambda artist: artist.get_zorder())

    @staticmethod
    def colours() -> list[str]:
        """The colours drawn, and the area's as it shows over Ukraine's (hex)."""
        from matplotlib.colors import to_hex, to_rgb

        over = [RUSSIAN_ALPHA * a + (1 - RUSSIAN_ALPHA) * b
                for a, b in zip(to_rgb(RUSSIAN_FILL), to_rgb(UKRAINIAN_PALE))]
        return [to_hex(over), RUSSIAN_FILL, UKRAINIAN_PALE, TODAY_COLOR, START_LINE_COLOR,
                OUTLINE_COLOR, "#333333", "#444444", "#bbbbbb"]

    def render(self, i: int) -> Image.Image:
        """Frame ``i`` as an RGBA image."""
        self.show(i)
        self.canvas.restore_region(self._background)
        for artist in self._dynamic:
            self.fig.draw_artist(artist)
        width, height = self.canvas.get_width_height()
        return Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba(), "raw",
                                "RGBA", 0, 1)

    def show(self, i: int) -> None:
        """Set the figure to frame ``i``."""
        frame, first = self.frames[i], self.frames[0]
        self.area.set_path(polygon_path(to_metric(frame.occupied)))
        self.line.set_segments(segments(to_metric(frame.line)))
        texts = frame_texts(self.frames, i, lang=self.lang)
        self.date.set_text(texts["date"])
        self.km2.set_text(texts["km2"])
        self.pct.set_text(texts["pct"])
        self.change.set_text(texts["change"])
        day = frame.date.toordinal()
        self.progress.set_xdata([first.date.toordinal(), day])
        self.marker.set_xdata([day])
        self.frame_note.set_text(texts["frame"])
        self.frame_note.set_fontsize(LABEL_PT)
        # Two lines rather than small type: a Ukrainian note runs some 40 % over the panel.
        wrap_to_fit(self.frame_note)
        self.source.set_text(texts["source"])


def title_text(first: dt.date, last: dt.date, *, lang: str = "en") -> str:
    """The GIF's title, e.g. "Territorial control in Ukraine, 1 September 2026 to 10 October
    2026"."""
    return gettext("Territorial control in Ukraine, {first} to {last}", lang).format(
        first=long_date(first, lang=lang), last=long_date(last, lang=lang))


def frame_texts(frames: Sequence[Frame], i: int, *, lang: str = "en") -> dict[str, str]:
    """What frame ``i`` of ``frames`` writes, in ``lang``: its date, Ukraine's km² held by
    Russia (daily series, EPSG:3035), the share, the change since the first frame, where it
    falls ("frame") and the sources."""
    frame, first = frames[i], frames[0]
    gap = (frame.date - frames[i - 1].date).days if i else 0
    values = {"index": i + 1, "count": len(frames), "day": language.long_date(frame.date, lang)}
    if gap > WEEK_DAYS:
        note = ngettext("Frame {index} of {count} (map of {day}), {gap} day after the previous",
                        "Frame {index} of {count} (map of {day}), {gap} days after the previous",
                        gap, lang).format(**values, gap=gap)
    else:
        note = gettext("Frame {index} of {count} (map of {day})", lang).format(**values)
    return {
        "date": long_date(frame.date, lang=lang), "km2": km2(frame.occupied_km2, lang),
        "pct": gettext("{percent} of Ukraine", lang).format(
            percent=percent(frame.occupied_pct, lang, decimals=2)),
        "change": gettext("{change} since {day}", lang).format(
            change=signed_km2(frame.occupied_km2 - first.occupied_km2, lang),
            day=long_date(first.date, lang=lang)),
        "frame": note,
        "source": gettext("Sources: {source}, map of {day}; {boundaries}.", lang).format(
            source=gettext(ATTRIBUTION, lang), day=values["day"],
            boundaries=gettext(BOUNDARIES_ATTRIBUTION, lang))}


def check_gif_options(width_px: int, frame_s: float) -> None:
    """Raise ValueError unless a GIF can be made ``width_px`` wide with frames of ``frame_s``
    seconds (checked before any frame is made)."""
    if width_px < MIN_WIDTH_PX:
        raise ValueError(f"a GIF narrower than {MIN_WIDTH_PX} px cannot hold its text, not "
                         f"{width_px} px")
    if not MIN_FRAME_S <= frame_s <= MAX_FRAME_S:
        raise ValueError(f"a frame shows for {MIN_FRAME_S:g} to {MAX_FRAME_S:g} s, not "
                         f"{frame_s:g} s")


def _write_gif(frames: Sequence[Frame], units: gpd.GeoDataFrame, out: IO[bytes], *,
               width_px: int, frame_s: float, hold_last_s: float, lang: str) -> int:
    slide = _Slide(frames, units, width_px, lang)
    writer = StreamingGifWriter(frame_s, hold_last_s=hold_last_s,
                                exact_colours=slide.colours())
    with writer.saving(slide.fig, out, slide.fig.dpi):
        for i in range(len(frames)):
            writer.add_frame(slide.render(i))
    return writer.frames_written


def gif_from_frames(frames: Sequence[Frame], units: gpd.GeoDataFrame,
                    out: str | os.PathLike | IO[bytes], *, width_px: int = WIDTH_PX,
                    frame_s: float = FRAME_S, hold_last_s: float = HOLD_LAST_S,
                    lang: str = "en") -> int:
    """Write the animated GIF of ``frames`` (oldest first, see
    :func:`geo.maps.timelapse.load_frames`) to ``out``, a path (written whole or not at all) or a
    binary file; returns the number of frames written.

    Parameters
    ----------
    units
        The 27 units, EPSG:4326, drawn under the frames.
    width_px
        The GIF's width (px); its height is 9/16 of it.
    frame_s, hold_last_s
        How long each frame shows, and the last one, s.
    lang
        The language of every text burned in (:func:`title_text`, :func:`frame_texts`).

    Raises
    ------
    ValueError
        If there is no frame, or as :func:`check_gif_options`.
    """
    if not frames:
        raise ValueError("a timelapse needs at least one frame")
    check_gif_options(width_px, frame_s)
    options = {"width_px": width_px, "frame_s": frame_s, "hold_last_s": hold_last_s,
               "lang": lang}
    if not isinstance(out, (str, os.PathLike)):
        return _write_gif(frames, units, out, **options)
    path = Path(out)
    # Beside the target, then renamed over it: a failure leaves no half-written GIF.
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, suffix=".part",
                                     delete=False) as scratch:
        try:
            count = _write_gif(frames, units, scratch, **options)
        except BaseException:
            scratch.close()
            os.unlink(scratch.name)
            raise
    os.chmod(scratch.name, 0o644)
    os.replace(scratch.name, path)
    return count


def timelapse_gif(start: dt.date, end: dt.date, path: str | os.PathLike, *,
                  width_px: int = WIDTH_PX, frame_s: float = FRAME_S,
                  hold_last_s: float = HOLD_LAST_S, data_dir: Path = DATA_DIR,
                  lang: str = "en") -> Path:
    """Write the timelapse of ``start`` to ``end`` (both included) as an animated GIF to
    ``path``: a frame per shipped day of the period, ``width_px`` wide at 16:9, with the
    date, Ukraine's km2 held by Russia (daily series, EPSG:3035) and the sources on each
    frame, in ``lang``; returns the path written.

    Raises
    ------
    geo.maps.timelapse.TimelapseError
        If the period has no shipped day (or its start is after its end).
    ValueError
        As :func:`gif_from_frames`.
    """
    from geo.data.boundaries import load_units

    check_gif_options(width_px, frame_s)
    units = load_units(data_dir)
    gif_from_frames(load_frames(start, end, units=units, data_dir=data_dir), units, path,
                    width_px=width_px, frame_s=frame_s, hold_last_s=hold_last_s, lang=lang)
    return Path(path)


__all__ = [
    "DATE_PT", "LINE_PT", "MAP_RECT", "MAX_FRAME_S", "MIN_FRAME_S", "MIN_WIDTH_PX", "PANEL_X",
    "WIDTH_PX", "check_gif_options", "frame_seconds", "frame_texts", "gif_from_frames",
    "timelapse_gif", "title_text",
]
