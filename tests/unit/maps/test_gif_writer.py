"""The GIF writer: every frame written as it comes, shown for its time and the last one held,
its colours kept exactly, to a path or to an open binary file."""

import io

import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from geo.maps.gif_writer import StreamingGifWriter
from tests.unit.maps.test_timelapse import read_gif

#: The frames' size (px): a figure of 0.8 x 0.6 inches at 100 dpi.
SIZE = (80, 60)
WHITE, RED, NAVY = (255, 255, 255), (178, 24, 43), (33, 49, 77)


def frame(x: int) -> Image.Image:
    """A white frame with a navy band along the top and a red square ``x`` px from the left."""
    pixels = np.full((SIZE[1], SIZE[0], 3), WHITE, dtype=np.uint8)
    pixels[:5] = NAVY
    pixels[20:40, x:x + 20] = RED
    return Image.fromarray(pixels, "RGB")


def written(images: list[Image.Image], out=None, **options) -> tuple[StreamingGifWriter, bytes]:
    """``images`` written by a writer made with ``options``: the writer and the GIF's bytes."""
    writer = StreamingGifWriter(**options)
    buffer = io.BytesIO() if out is None else out
    figure = Figure(figsize=(SIZE[0] / 100, SIZE[1] / 100), dpi=100)
    with writer.saving(figure, buffer, 100):
        for image in images:
            writer.add_frame(image)
    return writer, buffer.getvalue() if out is None else b""


def read(data: bytes) -> tuple[list[int], list[np.ndarray]]:
    """Each frame's duration (ms) and each frame as RGB pixels."""
    return read_gif(data)[1:]


def test_each_frame_shows_for_its_time_and_the_last_is_held():
    writer, data = written([frame(0), frame(20), frame(40)], frame_s=0.1, hold_last_s=1.5)
    durations, _ = read(data)
    assert writer.frames_written == 3
    assert durations == [100, 100, 1500]


def test_the_last_frame_shows_at_least_as_long_as_the_others():
    _, data = written([frame(0), frame(20)], frame_s=0.5, hold_last_s=0)
    assert read(data)[0] == [500, 500]


def test_every_frame_comes_back_pixel_for_pixel():
    images = [frame(0), frame(20), frame(20), frame(40)]  # the third unchanged
    _, data = written(images, exact_colours=["#b2182b"])
    durations, pixels = read(data)
    assert len(durations) == len(images)
    for image, shown in zip(images, pixels):
        assert np.array_equal(shown, np.asarray(image))


def test_the_frames_after_the_first_hold_only_what_changed():
    one = written([frame(0)])[1]
    still = written([frame(0)] * 5)[1]
    moving = written([frame(0), *map(frame, (5, 10, 15, 20))])[1]
    # An unchanged frame is one transparent pixel: under 30 bytes.
    assert len(still) - len(one) < 4 * 30 < len(moving) - len(one)


def test_a_path_is_written_whole(tmp_path):
    path = tmp_path / "a.gif"
    writer = StreamingGifWriter()
    figure = Figure(figsize=(SIZE[0] / 100, SIZE[1] / 100), dpi=100)
    with writer.saving(figure, path, 100):
        writer.add_frame(frame(0))
    assert path.read_bytes().endswith(b";")  # the trailer: the file is complete
    durations, pixels = read(path.read_bytes())
    assert durations == [2000]  # the defaults: 0.25 s a frame, the last held 2 s
    assert np.array_equal(pixels[0], np.asarray(frame(0)))


def test_an_open_file_is_left_open_for_its_owner():
    buffer = io.BytesIO()
    written([frame(0)], out=buffer)
    assert not buffer.closed
    assert buffer.getvalue().startswith(b"GIF89a") and buffer.getvalue().endswith(b";")


def test_grab_frame_adds_the_figure_as_drawn():
    figure = Figure(figsize=(SIZE[0] / 100, SIZE[1] / 100), dpi=100, facecolor="#21314d")
    buffer, writer = io.BytesIO(), StreamingGifWriter()
    with writer.saving(figure, buffer, 100):
        writer.grab_frame()
    (shown,) = read(buffer.getvalue())[1]
    assert shown.shape == (SIZE[1], SIZE[0], 3)
    assert (shown == NAVY).all()


@pytest.mark.parametrize("frame_s", [0.02, 0.25, 1.0])
def test_the_frame_time_is_kept_to_the_millisecond(frame_s):
    _, data = written([frame(0), frame(20)], frame_s=frame_s, hold_last_s=0)
    assert read(data)[0] == [round(frame_s * 1000)] * 2
