"""The static scenario map: its parts, the files it saves to, and ``python -m geo figure``;
on the real data, mutual 15/15 km pull-back on 2026-01-06."""

import io
import struct
from contextlib import redirect_stderr, redirect_stdout

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from geo.cli.main import main
from geo.maps.figure import save_figure, scenario_figure
from geo.maps.figure_base import FOOTER_Y

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def figure(evaluation):
    return scenario_figure(evaluation)


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) in px from the IHDR chunk, which follows the 8-byte signature."""
    assert data[:8] == PNG_MAGIC and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def texts(fig: Figure) -> list[str]:
    """Every text of the figure: its own, its axes' and its legends'."""
    return [t.get_text() for t in fig.findobj(lambda artist: hasattr(artist, "get_text"))]


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def test_the_png_is_a_slide_at_least_1920_px_wide(figure, tmp_path):
    path = save_figure(figure, tmp_path / "map.png")
    width, height = png_size(path.read_bytes())
    assert width >= 1920
    assert width / height == pytest.approx(16 / 9, rel=0.01)


@pytest.mark.parametrize("suffix, magic", [(".svg", b"<?xml"), (".pdf", b"%PDF")])
def test_vector_formats_are_written_by_suffix(figure, tmp_path, suffix, magic):
    path = save_figure(figure, tmp_path / f"map{suffix}")
    assert path.read_bytes().startswith(magic)


def test_the_suffix_is_read_in_any_case(figure, tmp_path):
    path = save_figure(figure, tmp_path / "MAP.PNG")
    assert path.read_bytes().startswith(PNG_MAGIC)


def test_an_unknown_suffix_is_a_clear_error_and_writes_nothing(figure, tmp_path):
    with pytest.raises(ValueError, match=r"'\.jpg'.*\.png, \.svg, \.pdf"):
        save_figure(figure, tmp_path / "map.jpg")
    assert not (tmp_path / "map.jpg").exists()


def test_the_default_title_names_the_preset_and_the_date(figure):
    assert "Mutual pull-back (Ukraine's offer), 6 January 2026" in texts(figure)


def test_the_title_is_large_enough_for_a_projector(figure):
    title = next(t for t in figure.texts if t.get_text().startswith("Mutual pull-back ("))
    assert title.get_fontsize() >= 20


def test_a_given_title_replaces_the_default(evaluation):
    assert "Option B" in texts(scenario_figure(evaluation, title="Option B"))


def test_the_parameters_are_spelled_out(figure):
    assert any("Ukraine pulls back 15 km and Russia 15 km" in t for t in texts(figure))


def test_the_sources_are_in_the_lower_margin(figure):
    footer = [t for t in figure.texts if t.get_text().startswith("Sources:")]
    assert footer and footer[0].get_position()[1] < 0.1
    assert "Natural Earth" in footer[0].get_text() and "GeoNames" in footer[0].get_text()


def test_the_legend_shows_every_zone_and_line(figure):
    labels = {t.get_text() for t in figure.legends[0].get_texts()}
    assert {"Russian-held", "Ukrainian-held", "Demilitarised zone", "Zone edge, Russian side",
            "Zone edge, Ukrainian side", "Today's line of contact"} <= labels


def test_the_scale_bar_is_labelled_in_round_km(figure):
    assert "200 km" in texts(figure)


def test_the_headline_numbers_are_shown(figure, evaluation):
    shown = texts(figure)
    assert f"{evaluation.impact.dmz_km2:,.0f} km²" in shown
    assert f"{evaluation.impact.line_km:,.0f} km" in shown


def time_text(fig: Figure) -> str:
    return next(t for t in texts(fig) if t.startswith("Time to take at the"))


def test_the_time_to_take_is_one_line_with_the_6_month_figure_and_the_range(figure,
                                                                           evaluation):
    from geo.scenario.proposal_time import compact, evaluation_time

    time = evaluation_time(evaluation)
    line = time_text(figure)
    # One statement, wrapped onto a second line only where it would leave the slide.
    assert line.replace("\n", " ") == compact(time) + "."
    assert line.count("\n") <= 1
    assert line.startswith("Time to take at the 6-month pace: about ")
    assert f"({time.headline.by:%B %Y})" in line
    assert "at the 3- to 12-month paces" in line.replace("\n", " ")


def test_the_time_to_take_is_below_the_map_and_its_source_and_caveat_in_the_footer(figure):
    line = next(t for t in figure.texts if t.get_text().startswith("Time to take at the"))
    assert line.get_position()[1] < 0.135
    assert line.get_fontsize() >= 14
    source = next(t.get_text() for t in figure.texts
                  if t.get_text().startswith("Time to take: "))
    assert "months to 2026-01-06" in source and "DeepStateMap" in source
    assert "not a forecast" in source


def test_a_proposal_handing_over_nothing_says_so_on_its_slide(evaluation):
    from geo.scenario.evaluate import evaluate
    from geo.scenario.presets import Scenario

    freeze = evaluate(Scenario("freeze"), evaluation.ground.date)
    assert time_text(scenario_figure(freeze)) == ("Time to take at the 6-month pace: nothing "
                                                  "handed to Russia.")


def test_a_given_time_to_take_is_drawn_as_given(evaluation):
    import dataclasses

    from geo.scenario.proposal_time import evaluation_time

    time = evaluation_time(evaluation)
    shown = dataclasses.replace(time, russia=time.russia[1:2])
    assert "paces" not in time_text(scenario_figure(evaluation, time=shown))


def test_the_cli_writes_a_png_and_prints_its_path(tmp_path):
    out = tmp_path / "plan28.png"
    status, printed, _ = run("figure", "--preset", "plan28", "--date", "2026-01-06",
                             "--out", str(out))
    assert status == 0
    assert printed.strip() == str(out)
    assert png_size(out.read_bytes())[0] >= 1920


def test_the_cli_refuses_an_unknown_suffix_with_exit_2(tmp_path):
    status, printed, err = run("figure", "--preset", "freeze", "--out", str(tmp_path / "m.gif"))
    assert status == 2
    assert printed == ""
    assert "'.gif'" in err and ".png" in err


def test_the_cli_reports_a_scenario_error_with_exit_2(tmp_path):
    status, _, err = run("figure", "--preset", "custom", "--out", str(tmp_path / "m.png"))
    assert status == 2
    assert "--line" in err


def test_figure_bytes_are_a_png_for_a_download(evaluation):
    from geo.maps.figure import figure_bytes, scenario_figure
    data = figure_bytes(scenario_figure(evaluation), "png")
    assert data[:8] == b"\x89PNG\r\n\x1a\n"


# The slide in Ukrainian: the text objects handed to matplotlib (catalogue compiled).

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.fixture(scope="module")
def ukrainian(evaluation):
    return scenario_figure(evaluation, lang="uk")


def test_the_ukrainian_title_gives_the_proposal_and_the_day_in_ukrainian(ukrainian, evaluation):
    from geo.language import gettext
    from geo.scenario.proposals import PROPOSALS

    title = gettext(PROPOSALS["mutual"].title, "uk")
    assert f"{title}, 6 січня 2026{NNBSP}р." in texts(ukrainian)


def test_the_ukrainian_parameters_are_spelled_out_in_ukrainian(ukrainian):
    assert any("Україна відводить війська на 15 км, а Росія — на 15 км від лінії зіткнення."
               in t.replace("\n", " ") for t in texts(ukrainian))


def test_the_ukrainian_legend_names_every_zone_and_line_in_ukrainian(ukrainian):
    legend = ukrainian.legends[0]
    assert legend.get_title().get_text() == "За цим сценарієм"
    assert {t.get_text() for t in legend.get_texts()} >= {
        "Під контролем Росії", "Під контролем України", "Демілітаризована зона",
        "Нинішня лінія зіткнення", "Межа області"}


def test_the_ukrainian_headline_numbers_are_written_in_ukrainian(ukrainian, evaluation):
    from geo.language import km, km2, percent

    impact = evaluation.impact
    shown = texts(ukrainian)
    assert (f"Демілітаризована зона ({percent(impact.pct_of_ukraine(impact.dmz_km2), 'uk')} "
            "території України)") in shown
    assert km2(impact.dmz_km2, "uk") in shown and km(impact.line_km, "uk") in shown


def test_the_ukrainian_footer_gives_the_day_and_the_sources_in_ukrainian(ukrainian):
    footer = [t for t in texts(ukrainian) if t.startswith(("Контроль станом на", "Джерела: "))]
    assert footer[0].startswith(f"Контроль станом на 6 січня 2026{NNBSP}р. (знімок 2026-01-06). "
                                "Площі в км² (EPSG:3035)")
    assert footer[1].startswith("Джерела: ") and "GeoNames" in footer[1]


def test_the_ukrainian_scale_bar_is_in_km_in_ukrainian(ukrainian):
    assert f"200{NBSP}км" in texts(ukrainian)


def test_the_english_slide_has_none_of_the_ukrainian_texts(figure):
    assert not any("України" in t or "км" in t for t in texts(figure))


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_every_footer_line_ends_inside_the_slide(evaluation, lang):
    fig = scenario_figure(evaluation, lang=lang)
    renderer = FigureCanvasAgg(fig).get_renderer()
    footer = [t for t in fig.texts if t.get_position()[1] in FOOTER_Y]
    assert len(footer) == 3
    assert all(t.get_window_extent(renderer).x1 <= 0.99 * fig.bbox.width for t in footer)
