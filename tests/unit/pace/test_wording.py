"""How the pace's figures are written in each language: English exactly as the app has always
written them, Ukrainian with Babel's separators, a minus sign and months in words."""

import datetime as dt

from geo.pace.wording import listed, month_text, signed, signed_km2, unit_name

NBSP, NNBSP = "\u00a0", "\u202f"


def test_a_unit_is_named_in_each_language():
    assert [unit_name("UA-14"), unit_name("UA", "en")] == ["Donetsk Oblast", "Ukraine"]
    assert [unit_name("UA-14", "uk"), unit_name("UA", "uk")] == ["Донецька область", "Україна"]


def test_a_signed_figure_keeps_its_sign_and_ukrainian_writes_a_minus_sign():
    assert [signed(1234.4), signed(-12.46, decimals=1)] == ["+1,234", "-12.5"]
    assert [signed(1234.4, "uk"), signed(-12.46, "uk", decimals=1), signed(-0.001, "uk")] == \
        [f"+1{NBSP}234", "−12,5", "+0"]


def test_a_signed_area_carries_its_unit():
    assert signed_km2(-1234.4) == "-1,234 km²"
    assert signed_km2(-1234.4, "uk") == f"−1{NBSP}234{NBSP}км²"


def test_a_month_is_iso_in_english_and_in_words_in_ukrainian():
    assert month_text("2026-09") == month_text(dt.date(2026, 9, 14)) == "2026-09"
    assert month_text("2026-09", "uk") == f"вересень 2026{NNBSP}р."


def test_a_list_ends_with_and():
    assert listed(["a"]) == "a"
    assert listed(["a", "b", "c"]) == "a, b and c"
    assert listed(["a", "b"], "uk") == "a і b"
