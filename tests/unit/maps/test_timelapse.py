"""The timelapse: its frames are the shipped days of a period, its map page holds one frame
per day with the series' km2 of that day, its GIF is a 1920 px slide with a frame per day,
and ``python -m geo timelapse`` says what is wrong in one sentence."""

import datetime as dt
import io
import json
import re
from contextlib import redirect_stderr, redirect_stdout

import numpy as np
import pytest
import shapely
from PIL import Image
from shapely.geometry import box

from geo.cli.main import main
from geo.data.boundaries import load_units
from geo.data.cadence import shipped_days
from geo.data.frontline import length_km
from geo.data.series import held_days, load_series
from geo.data.snapshots import available_dates
from geo.maps.gif_writer import StreamingGifWriter
from geo.maps.timelapse import (TimelapseError, frame_days, load_frames, long_steps, make_frame,
                                steps_note, timelapse_document, ukraine_figures)
from geo.maps.timelapse_gif import (MIN_WIDTH_PX, frame_seconds, frame_texts, gif_from_frames,
                                    timelapse_gif, title_text)
from geo.maps.timelapse_payload import Frame, encode_polyline, frame_payload
from geo.maps.timelapse_player import SPEEDS_FPS, TimelapsePlayer, player_labels
from geo.projection import to_metric
from tests.synthetic import KM, X0, lonlat, square_km

D = dt.date
#: 12 shipped days, among them the first of January, the kept 2026-01-06, and two days a
#: day apart at the turn of the month (2026-02-01, 2026-02-02).
WINTER = (D(2026, 1, 1), D(2026, 3, 1))
#: Four shipped days: the archive lacks most of September 2026.
AUTUMN = (D(2026, 9, 1), D(2026, 10, 10))


@pytest.fixture(scope="module")
def units():
    return load_units()


@pytest.fixture(scope="module")
def series():
    return load_series()


@pytest.fixture(scope="module")
def autumn(units, series):
    return load_frames(*AUTUMN, units=units, series=series)


def ukraine_km2(series, day: dt.date) -> float:
    rows = series[(series["date"] == day) & (series["iso_3166_2"] == "UA")]
    return float(rows["occupied_km2"].iloc[0])


# --- which days are frames -------------------------------------------------------------

def test_the_frames_of_a_period_are_its_shipped_days_ends_included():
    shipped = [D(2026, 1, 5), D(2026, 1, 12), D(2026, 1, 19), D(2026, 1, 26)]
    assert frame_days(D(2026, 1, 12), D(2026, 1, 19), shipped) == shipped[1:3]
    assert frame_days(D(2026, 1, 6), D(2026, 1, 25), shipped) == shipped[1:3]
    assert frame_days(D(2026, 1, 1), D(2026, 2, 1), shipped) == shipped


def test_on_the_real_data_the_frames_are_the_weekly_and_monthly_shipped_days():
    days = frame_days(*WINTER, available_dates())
    expected = [d for d in shipped_days(held_days()) if WINTER[0] <= d <= WINTER[1]]
    assert days == expected
    assert len(days) == 12
    assert {D(2026, 1, 6), D(2026, 2, 1), D(2026, 2, 2)} <= set(days)


def test_a_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(TimelapseError, match="starts on 2026-03-01, after its end 2026-01-01"):
        frame_days(D(2026, 3, 1), D(2026, 1, 1), [D(2026, 2, 1)])


def test_a_period_without_a_shipped_map_is_refused_naming_the_maps_range():
    with pytest.raises(TimelapseError, match="no map ships from 2020-01-01 to 2020-12-31: the "
                                             "maps run from 2026-01-05 to 2026-01-12"):
        frame_days(D(2020, 1, 1), D(2020, 12, 31), [D(2026, 1, 12), D(2026, 1, 5)])


def test_a_week_the_archive_lacks_is_a_jump_the_timelapse_points_out():
    days = [D(2026, 9, 1), D(2026, 9, 15), D(2026, 10, 1), D(2026, 10, 10)]
    assert long_steps(days) == [(D(2026, 9, 1), D(2026, 9, 15)),
                                (D(2026, 9, 15), D(2026, 10, 1)),
                                (D(2026, 10, 1), D(2026, 10, 10))]
    assert "the longest: 2026-09-15 to 2026-10-01, 16 days" in steps_note(days)
    assert steps_note([D(2026, 1, 5), D(2026, 1, 12)]) == ""


def test_the_figures_of_a_frame_are_the_series_of_that_day(series):
    figures = ukraine_figures(series, [D(2026, 1, 6)])
    assert figures[D(2026, 1, 6)][0] == ukraine_km2(series, D(2026, 1, 6))
    with pytest.raises(TimelapseError, match="lacks the shipped day"):
        ukraine_figures(series, [D(2025, 11, 26)])  # a gap in the archive


# --- a frame ---------------------------------------------------------------------------

def test_a_frame_finds_the_line_of_contact_on_the_day_s_area():
    ukraine = lonlat(square_km(0, 0, 100, 100))
    occupied = lonlat(square_km(60, 0, 100, 100))
    frame = make_frame(D(2026, 1, 6), occupied, ukraine, 1234.5, 0.2)
    assert (frame.occupied_km2, frame.occupied_pct) == (1234.5, 0.2)
    # The side facing the rest of "Ukraine", 100 km long, not the area's outline.
    xs = shapely.get_coordinates(to_metric(frame.line))[:, 0]
    assert np.allclose(xs, X0 + 60 * KM, atol=5.0)
    assert length_km(frame.line) == pytest.approx(100, abs=0.5)
    assert shapely.symmetric_difference(frame.occupied, occupied).area < 1e-3 * occupied.area


def test_the_polyline_encoding_is_google_s():
    # The example of Google's documentation (latitude, longitude), at 5 decimals.
    points = np.array([[-120.2, 38.5], [-120.95, 40.7], [-126.453, 43.252]])
    assert encode_polyline(points, precision=5) == "_p~iF~ps|U_ulLnnqC_mqNvxq`@"


def decode(text: str, precision: int = 4) -> np.ndarray:
    """Longitude/latitude pairs back from a polyline (as the page's script does)."""
    values, value, shift = [], 0, 0
    for char in text:
        byte = ord(char) - 63
        value |= (byte & 0x1F) << shift
        shift += 5
        if byte < 0x20:
            values.append(~(value >> 1) if value & 1 else value >> 1)
            value, shift = 0, 0
    lat_lon = np.cumsum(np.array(values).reshape(-1, 2), axis=0) / 10 ** precision
    return lat_lon[:, ::-1]


def test_encoded_coordinates_come_back_within_a_hundredth_of_a_millidegree():
    coords = np.array([[37.80123, 48.01577], [37.90456, 47.99001], [36.5, 46.25]])
    assert np.abs(decode(encode_polyline(coords)) - coords).max() <= 0.5e-4


# --- the map page ----------------------------------------------------------------------

def page_frames(page: str) -> list[dict]:
    """The frames a timelapse page holds: their date and their figures as shown."""
    pattern = r'\{"date": "(\d{4}-\d\d-\d\d)", "km2": "([\d,]+) km²", "pct": "([\d.]+) %'
    return [{"date": D.fromisoformat(day), "km2": float(km2.replace(",", "")),
             "pct": float(pct)} for day, km2, pct in re.findall(pattern, page)]


def test_the_page_holds_one_frame_per_shipped_day_with_the_series_km2(units, series):
    frames = load_frames(*WINTER, units=units, series=series)
    page = timelapse_document(frames, units)
    held = page_frames(page)
    assert [f["date"] for f in held] == frame_days(*WINTER, available_dates())
    for frame in held:
        assert frame["km2"] == round(ukraine_km2(series, frame["date"]))
    assert '<html lang="en">' in page


def test_each_frame_of_the_page_draws_that_day_s_own_area(units, autumn):
    page = timelapse_document(autumn, units)
    start = page.index('[{"date": ')
    payload, _ = json.JSONDecoder().raw_decode(page[start:])
    assert len(payload) == len(autumn)
    for sent, frame in zip(payload, autumn):
        outer = [shapely.Polygon(decode(rings[0])) for rings in sent["area"]]
        area = shapely.union_all([shapely.make_valid(p) for p in outer])
        # Holes aside, the decoded area is the frame's own to within its rounding.
        drawn = shapely.union_all([shapely.Polygon(p.exterior) for p in
                                   shapely.get_parts(frame.occupied)])
        assert shapely.symmetric_difference(area, drawn).area < 1e-3 * drawn.area
    assert [p["step"] for p in payload] == ["", "14 days after the previous frame",
                                            "16 days after the previous frame",
                                            "9 days after the previous frame"]


def test_the_page_of_every_shipped_day_stays_under_two_megabytes(units, series):
    frames = load_frames(D(2024, 1, 1), D(2026, 12, 31), units=units, series=series)
    assert len(frames) == len(available_dates())
    size = len(timelapse_document(frames, units).encode())
    assert size < 2_000_000, f"{size:,} bytes"


def test_the_page_loads_nothing_from_the_internet(units, autumn):
    page = timelapse_document(autumn, units, presenter=True)
    assert "/app/static/vendor/leaflet/dist/leaflet.js" in page
    assert not re.search(r'(src|href)="https?://', page)


def test_a_speed_not_offered_is_refused(units, autumn):
    assert 4 in SPEEDS_FPS
    with pytest.raises(ValueError, match="3 frames a second is not offered"):
        TimelapsePlayer(autumn, units, fps=3)


# --- the GIF ---------------------------------------------------------------------------

def read_gif(data: bytes) -> tuple[tuple[int, int], list[int], list[np.ndarray]]:
    """Size, each frame's duration (ms) and each frame as RGB pixels."""
    with Image.open(io.BytesIO(data)) as gif:
        durations, pixels = [], []
        for at in range(gif.n_frames):
            gif.seek(at)
            durations.append(gif.info["duration"])
            pixels.append(np.asarray(gif.convert("RGB")))
        return gif.size, durations, pixels


def test_the_gif_is_a_1920_px_slide_with_a_frame_per_shipped_day(units, autumn):
    buffer = io.BytesIO()
    written = gif_from_frames(autumn, units, buffer)
    size, durations, pixels = read_gif(buffer.getvalue())
    assert size == (1920, 1080)
    assert written == len(durations) == len(autumn) == 4
    # Each frame shows 0.25 s, the last 2 s before the GIF starts again.
    assert durations == [250, 250, 250, 2000]
    # Every frame is drawn whole (the date differs), and the background is pure white.
    assert all(not np.array_equal(a, b) for a, b in zip(pixels, pixels[1:]))
    assert (pixels[0][5, 5] == 255).all()


def test_the_frame_duration_can_be_chosen(units, autumn):
    buffer = io.BytesIO()
    gif_from_frames(autumn[:2], units, buffer, width_px=MIN_WIDTH_PX, frame_s=0.5,
                    hold_last_s=0)
    size, durations, _ = read_gif(buffer.getvalue())
    assert size == (MIN_WIDTH_PX, MIN_WIDTH_PX * 9 // 16)
    assert durations == [500, 500]


def test_a_gif_too_narrow_or_too_fast_is_refused_before_any_frame_is_drawn(units, autumn,
                                                                           tmp_path):
    with pytest.raises(ValueError, match="narrower than 640 px"):
        gif_from_frames(autumn, units, tmp_path / "a.gif", width_px=320)
    with pytest.raises(ValueError, match="0.02 to 10 s"):
        gif_from_frames(autumn, units, tmp_path / "a.gif", frame_s=0.001)
    with pytest.raises(ValueError, match="frames a second, not 0"):
        frame_seconds(0)
    assert list(tmp_path.iterdir()) == []


def test_a_gif_that_fails_half_way_leaves_no_file(units, autumn, tmp_path, monkeypatch):
    calls = []

    def fail_on_the_second(self, image):
        calls.append(image)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        original(self, image)

    original = StreamingGifWriter.add_frame
    monkeypatch.setattr(StreamingGifWriter, "add_frame", fail_on_the_second)
    with pytest.raises(RuntimeError):
        gif_from_frames(autumn, units, tmp_path / "a.gif")
    assert list(tmp_path.iterdir()) == []


def test_timelapse_gif_writes_the_period_to_the_path(tmp_path):
    path = timelapse_gif(*AUTUMN, tmp_path / "autumn.gif", width_px=MIN_WIDTH_PX)
    assert path == tmp_path / "autumn.gif"
    size, durations, _ = read_gif(path.read_bytes())
    assert size[0] == MIN_WIDTH_PX and len(durations) == 4


# --- python -m geo timelapse -----------------------------------------------------------

def run(*args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(["timelapse", *args])
    return status, out.getvalue(), err.getvalue()


def one_sentence(text: str) -> bool:
    return text.startswith("error: ") and text.count("\n") == 1


@pytest.mark.parametrize(("args", "says"), [
    (["--from", "2026-03-01", "--to", "2026-01-01"], "after its end 2026-01-01"),
    (["--from", "2020-01-01", "--to", "2020-02-01"], "no map ships from 2020-01-01"),
    (["--fps", "0"], "frames a second, not 0"),
    (["--fps", "200"], "frames a second, not 200"),
])
def test_the_cli_refuses_a_bad_period_or_speed_in_one_sentence(tmp_path, args, says):
    status, out, err = run(*args, "--out", str(tmp_path / "t.gif"))
    assert (status, out) == (2, "")
    assert says in err and one_sentence(err)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["t.png", "t", "t.gif.txt"])
def test_the_cli_refuses_a_file_that_is_not_a_gif(tmp_path, name):
    status, _, err = run("--out", str(tmp_path / name))
    assert status == 2
    assert "written as a GIF" in err and one_sentence(err)


def test_the_cli_refuses_a_folder_that_does_not_exist(tmp_path):
    status, _, err = run("--out", str(tmp_path / "missing" / "t.gif"))
    assert status == 2
    assert "there is no folder" in err and one_sentence(err)


def test_the_cli_writes_the_gif_and_prints_its_path(tmp_path):
    out = tmp_path / "autumn.gif"
    status, printed, _ = run("--from", "2026-09-01", "--to", "2026-10-10", "--out", str(out),
                             "--fps", "2")
    assert (status, printed) == (0, f"{out}\n")
    size, durations, _ = read_gif(out.read_bytes())
    assert size == (1920, 1080)
    assert durations == [500, 500, 500, 2000]


# --- in Ukrainian ----------------------------------------------------------------------

NBSP, NNBSP = "\u00a0", "\u202f"


def tiny_frames(*days_km2: tuple[dt.date, float]) -> list[Frame]:
    square, line = box(30, 48, 31, 49), shapely.LineString([(30, 48), (31, 49)])
    return [Frame(day, square, line, km2, 19.25) for day, km2 in days_km2]


def test_each_frame_s_figures_and_day_are_written_in_ukrainian():
    frames = tiny_frames((D(2026, 1, 1), 116_000.0), (D(2026, 1, 22), 116_234.6),
                         (D(2026, 2, 13), 115_000.0))
    sent = [{k: v for k, v in f.items() if k not in ("area", "line")}
            for f in frame_payload(frames, lang="uk")]
    assert sent[1] == {"date": "2026-01-22", "km2": f"116{NBSP}235{NBSP}км²",
                       "pct": f"19,25{NBSP}% території України",
                       "change": f"+235{NBSP}км² від 1 січня 2026{NNBSP}р.",
                       "step": "21 день після попереднього кадру",
                       "day": f"22 січня 2026{NNBSP}р."}
    assert sent[2]["step"] == "22 дні після попереднього кадру"
    assert sent[2]["change"].startswith(f"−1{NBSP}000{NBSP}км²")
    assert frame_payload(frames)[2]["day"] == "2026-02-13"


def test_the_player_s_labels_are_in_the_page_in_ukrainian(units, autumn):
    page = timelapse_document(autumn, units, lang="uk")
    assert '<html lang="uk">' in page
    start = page.index('"labels": ')
    labels, _ = json.JSONDecoder().raw_decode(page[start + len('"labels": '):])
    assert (labels["play"], labels["pause"], labels["back_label"], labels["frame_of"]) == (
        "▶ Відтворити", "❚❚ Пауза", "На кадр назад", "Кадр {index} з {count}")
    assert 'aria-label="Керування анімацією"' in page and ">Далі ▶</button>" in page
    assert f"<title>{labels['title']}</title>" in page


def test_the_player_s_labels_stay_english_by_default():
    labels = player_labels(D(2026, 9, 1), D(2026, 10, 10))
    assert (labels["title"], labels["play"], labels["slider_value"]) == (
        "Timelapse of territorial control in Ukraine, 2026-09-01 to 2026-10-10", "▶ Play",
        "{date}, frame {index} of {count}")


def test_a_gif_frame_s_texts_are_in_ukrainian():
    frames = tiny_frames((D(2026, 9, 1), 116_000.0), (D(2026, 9, 23), 116_234.6))
    assert title_text(D(2026, 9, 1), D(2026, 10, 10), lang="uk") == (
        f"Контроль над територією України: 1 вересня 2026{NNBSP}р. – 10 жовтня 2026{NNBSP}р.")
    texts = frame_texts(frames, 1, lang="uk")
    assert texts["frame"] == (f"Кадр 2 з 2 (карта станом на 23 вересня 2026{NNBSP}р.), 22 дні "
                              "після попереднього")
    assert texts["date"] == f"23 вересня 2026{NNBSP}р."
    assert frame_texts(frames, 1)["date"] == "23 September 2026"


def test_a_jump_in_the_frames_and_a_period_without_maps_are_said_in_ukrainian():
    assert steps_note([D(2026, 9, 1), D(2026, 9, 23)], lang="uk") == (
        "в архіві бракує кількох тижнів, тож один крок довший за тиждень (найдовший: "
        f"1 вересня 2026{NNBSP}р. – 23 вересня 2026{NNBSP}р., 22 дні)")
    with pytest.raises(TimelapseError) as refused:
        frame_days(D(2020, 1, 1), D(2020, 12, 31), [D(2026, 1, 12), D(2026, 1, 5)])
    assert refused.value.text("uk") == (
        f"немає жодної карти за період 1 січня 2020{NNBSP}р. – 31 грудня 2020{NNBSP}р. (карти "
        f"є за період 5 січня 2026{NNBSP}р. – 12 січня 2026{NNBSP}р.)")


def test_a_frame_is_a_small_immutable_value():
    frame = Frame(D(2026, 1, 6), box(0, 0, 1, 1), shapely.LineString([(0, 0), (1, 1)]), 1.0, 2.0)
    with pytest.raises(AttributeError):
        frame.date = D(2026, 1, 7)


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_every_line_of_a_gif_frame_ends_inside_the_slide(units, autumn, lang):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from geo.maps.timelapse_gif import _Slide

    slide = _Slide(autumn, units, 1920, lang=lang)
    slide.show(len(autumn) - 1)
    renderer = FigureCanvasAgg(slide.fig).get_renderer()
    ends = [t.get_window_extent(renderer).x1 / slide.fig.bbox.width
            for t in slide.fig.texts if t.get_text()]
    assert max(ends) <= 0.99


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_a_long_frame_note_takes_two_lines_at_its_size_above_the_legend(units, autumn, lang):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from geo.maps.figure_base import LABEL_PT
    from geo.maps.timelapse_gif import _Slide

    slide = _Slide(autumn, units, 1920, lang=lang)
    slide.show(1)  # 14 days after the previous: the longest note
    note = slide.frame_note
    renderer = FigureCanvasAgg(slide.fig).get_renderer()
    block, legend = (artist.get_window_extent(renderer)
                     for artist in (note, slide.fig.legends[0]))
    assert note.get_text() == {
        "en": "Frame 2 of 4 (map of 2026-09-15),\n14 days after the previous",
        "uk": f"Кадр 2 з 4 (карта станом на 15 вересня 2026{NNBSP}р.),\n14 днів після "
              "попереднього"}[lang]
    assert note.get_fontsize() == LABEL_PT
    assert block.x1 <= 0.99 * slide.fig.bbox.width and block.y0 > legend.y1


def test_a_frame_note_that_fits_stays_one_line_at_its_size(units, autumn):
    from geo.maps.figure_base import LABEL_PT
    from geo.maps.timelapse_gif import _Slide

    slide = _Slide(autumn, units, 1920, lang="uk")
    slide.show(0)
    assert (slide.frame_note.get_text(), slide.frame_note.get_fontsize()) == (
        f"Кадр 1 з 4 (карта станом на 1 вересня 2026{NNBSP}р.)", LABEL_PT)
