"""Fitting a line of a slide before its right edge: shrunk in place (:func:`fit_width`), or
broken onto two lines first (:func:`wrap_to_fit`), measured as the PNG draws it."""

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from geo.maps.figure_base import fit_width, wrap_to_fit

NOTE = "Frame 2 of 4 (map of 2026-09-15), 14 days after the previous"
CLAUSE, REST = "Frame 2 of 4 (map of 2026-09-15),", "14 days after the previous"


def line(text: str = NOTE, size: float = 10.0):
    """``text`` at the left edge of a 4-inch-wide figure, hanging from its top."""
    fig = Figure(figsize=(4.0, 1.0), dpi=100)
    return fig.text(0.0, 0.9, text, fontsize=size, va="top")


def end(text) -> float:
    """Where ``text`` ends, as a fraction of its figure's width (its widest line)."""
    fig = text.get_figure()
    return text.get_window_extent(FigureCanvasAgg(fig).get_renderer()).x1 / fig.bbox.width


def end_of(words: str, size: float = 10.0) -> float:
    return end(line(words, size))


def test_a_line_that_fits_is_left_as_it_is():
    note = line()
    wrap_to_fit(note, right=end(note) + 0.01)
    assert (note.get_text(), note.get_fontsize()) == (NOTE, 10.0)


def test_a_line_too_long_breaks_after_its_clause_at_its_size():
    note = line()
    wrap_to_fit(note, right=end_of(CLAUSE) + 0.01)
    assert (note.get_text(), note.get_fontsize()) == (f"{CLAUSE}\n{REST}", 10.0)


def test_a_clause_s_end_is_a_better_break_than_an_even_one():
    note = line("From 1 to 9 September, the archive holds no map of the front")
    wrap_to_fit(note, right=end_of("the archive holds no map of the front") + 0.005)
    assert note.get_text() == "From 1 to 9 September,\nthe archive holds no map of the front"


def test_without_a_clause_it_breaks_where_the_lines_are_most_even():
    note = line("one two three four five six")
    wrap_to_fit(note, right=end_of("one two three four") + 0.005)
    assert (note.get_text(), note.get_fontsize()) == ("one two three\nfour five six", 10.0)


def test_it_shrinks_only_when_no_two_lines_fit():
    note = line()
    right = end_of(CLAUSE, size=8.0) + 0.005
    wrap_to_fit(note, right=right)
    assert note.get_text() == f"{CLAUSE}\n{REST}"
    assert 8.0 <= note.get_fontsize() < 10.0 and end(note) <= right


def test_it_never_breaks_at_a_no_break_space():
    day = "10\u00a0жовтня\u00a02026\u202fр."
    note = line(f"Карта {day}")
    wrap_to_fit(note, right=end_of("10\u00a0жовтня\u00a02026"))
    assert note.get_text() == f"Карта\n{day}" and note.get_fontsize() < 10.0


def test_fit_width_keeps_one_line_and_shrinks_it():
    note = line()
    right = end_of(NOTE, size=8.0) + 0.005
    fit_width(note, right=right)
    assert note.get_text() == NOTE and 8.0 <= note.get_fontsize() < 10.0
    assert end(note) <= right
