"""Writing an animated GIF frame by frame, as matplotlib's animation writers do, with Pillow
alone (no ffmpeg or other binary) and two frames in memory at a time: :class:`StreamingGifWriter`,
which the timelapse's GIF (:mod:`geo.maps.timelapse_gif`) is written with.

Sizes are in pixels, times in seconds (a GIF keeps them to 0.01 s), colours as hex or 0-255
RGB levels.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING

import numpy as np
from matplotlib.animation import PillowWriter
from PIL import GifImagePlugin, Image

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: How long each frame shows (s), and the last one before the GIF starts again (s).
FRAME_S, HOLD_LAST_S = 0.25, 2.0
#: Colours of the shared palette (a GIF holds at most 256).
PALETTE_COLOURS = 256
#: Colours of the median cut this near a kept colour (levels of 0-255, any channel) are dropped.
NEAR_LEVELS = 8
#: The colour of the palette's entry for a pixel unchanged since the previous frame.
UNCHANGED_RGB = (255, 0, 255)


def _palette_of(image: Image.Image, exact: Sequence[str] = ()) -> tuple[Image.Image, int]:
    """A palette image for every frame, and the index left free for "unchanged" (the
    transparent colour of the frames after the first): the colours of ``image`` (the first
    frame, which holds every colour the map uses) by median cut, plus white, black and
    ``exact`` colours (hex) kept as they are (a thin line's colour would otherwise be merged
    into a neighbour's)."""
    from matplotlib.colors import to_rgb

    keep = list(dict.fromkeys(tuple(round(255 * c) for c in to_rgb(colour))
                              for colour in ("#ffffff", "#000000", *exact)))
    room = PALETTE_COLOURS - 1 - len(keep)
    cut = image.quantize(colors=room, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    # Pillow maps a colour to the palette through a cache of 4-level cells, so a colour very
    # near a kept one could take its pixels (white came out 252, 252, 252): drop those.
    cut_colours = np.asarray(cut.getpalette("RGB")).reshape(-1, 3)
    kept = np.asarray(keep)
    near = (np.abs(cut_colours[:, None, :] - kept[None, :, :]).max(axis=2)
            <= NEAR_LEVELS).any(axis=1)
    colours = [*keep, *map(tuple, cut_colours[~near].tolist())][:PALETTE_COLOURS - 1]
    # Magenta, far from every colour drawn: no pixel is mapped to it.
    colours.append(UNCHANGED_RGB)
    palette = Image.new("P", (1, 1))
    palette.putpalette([value for colour in colours for value in colour])
    return palette, len(colours) - 1


class StreamingGifWriter(PillowWriter):
    """matplotlib's PillowWriter, writing each frame to the file as it is added.

    PillowWriter keeps every frame in memory as RGB until the end (6.2 MB a frame at
    1920 x 1080: 850 MB for the 137 weekly frames of the whole series). Here every frame is
    mapped to one palette, made from the first frame (the map's colours are few, and one
    palette keeps them from flickering between frames), and written as the rectangle that
    changed since the previous frame with its unchanged pixels transparent (they compress
    to almost nothing), so two frames are held at a time. The last frame shows for
    ``hold_last_s`` before the GIF starts again. Frames come from :meth:`grab_frame` (the
    figure drawn in full) or :meth:`add_frame` (an image drawn by the caller).

    Parameters
    ----------
    frame_s
        How long each frame shows, s (GIF: to 0.01 s).
    hold_last_s
        How long the last frame shows, s.
    exact_colours
        Colours (hex) the palette keeps exactly, e.g. those of thin lines.
    """

    def __init__(self, frame_s: float = FRAME_S, *, hold_last_s: float = HOLD_LAST_S,
                 exact_colours: Sequence[str] = ()) -> None:
        super().__init__(fps=1 / frame_s)
        self._exact = tuple(exact_colours)
        self._frame_ms = round(frame_s * 1000)
        self._last_ms = round(max(hold_last_s, frame_s) * 1000)

    def setup(self, fig: Figure, outfile: str | os.PathLike | IO[bytes], dpi=None) -> None:
        """Open ``outfile`` (a path, or a binary file open for writing) for ``fig``'s frames."""
        if isinstance(outfile, (str, os.PathLike)):
            super().setup(fig, outfile, dpi)
            self._file: IO[bytes] = open(outfile, "wb")
            self._owned = True
        else:
            self.outfile, self.fig, self.dpi = outfile, fig, dpi or fig.dpi
            self._file, self._owned = outfile, False
        self._palette: Image.Image | None = None
        self._unchanged = 0
        self._previous: np.ndarray | None = None
        self._pending: tuple[Image.Image, tuple[int, int], dict] | None = None
        self.frames_written = 0

    def grab_frame(self, **savefig_kwargs) -> None:
        """Draw the figure as it is now and add it as the next frame."""
        buffer = io.BytesIO()
        self.fig.savefig(buffer, **{**savefig_kwargs, "format": "rgba", "dpi": self.dpi})
        self.add_frame(Image.frombuffer("RGBA", self.frame_size, buffer.getbuffer(), "raw",
                                        "RGBA", 0, 1))

    def add_frame(self, image: Image.Image) -> None:
        """Add ``image`` (RGB or RGBA, all frames the same size) as the next frame: written
        when the next one comes, or at the end (when its time to show is known)."""
        rgb = image.convert("RGB")
        if self._palette is None:
            self._palette, self._unchanged = _palette_of(rgb, self._exact)
        frame = rgb.quantize(palette=self._palette, dither=Image.Dither.NONE)
        indices = np.asarray(frame)
        if self._previous is None:
            # The logical screen (the first frame's size), the shared palette, loop forever.
            header, _ = GifImagePlugin.getheader(frame.copy(), info={"loop": 0,
                                                                     "optimize": False})
            self._file.write(b"".join(header))
            queued = (frame, (0, 0), {})
        else:
            queued = self._delta(frame, indices != self._previous)
        self._previous = indices
        self._write_pending(self._frame_ms)
        self._pending = queued

    def _delta(self, frame: Image.Image,
               changed: np.ndarray) -> tuple[Image.Image, tuple[int, int], dict]:
        """The rectangle of ``frame`` that changed, its other pixels transparent."""
        rows, cols = np.flatnonzero(changed.any(axis=1)), np.flatnonzero(changed.any(axis=0))
        if not rows.size:  # an unchanged frame still shows for its time: one pixel
            rows, cols = np.array([0]), np.array([0])
        box = (int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1)
        part = frame.crop(box)
        same = ~changed[box[1]:box[3], box[0]:box[2]]
        part.paste(self._unchanged, mask=Image.fromarray(same.astype(np.uint8) * 255, "L"))
        return part, box[:2], {"transparency": self._unchanged}

    def _write_pending(self, duration_ms: int) -> None:
        if self._pending is None:
            return
        image, offset, options = self._pending
        # Disposal 1: the frame stays, the next one is drawn over it.
        self._file.write(b"".join(GifImagePlugin.getdata(image, offset, duration=duration_ms,
                                                         disposal=1, **options)))
        self.frames_written += 1
        self._pending = None

    def finish(self) -> None:
        """Write the last frame and the GIF's trailer."""
        try:
            self._write_pending(self._last_ms)
            self._file.write(b";")
        finally:
            if self._owned:
                self._file.close()
