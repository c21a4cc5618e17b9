"""What geo.ingest says, in either language (geo.ingest.messages): numbers as each language
writes them, sentences whose words follow a count, enumerations, another program's words, and
the refusals and notes of a visitor's file written in Ukrainian while their English (str(),
ControlFile.notes) stays exactly as before. Every refusal any test here provokes is also
checked whole in Ukrainian (conftest.py)."""

from __future__ import annotations

import pytest

from geo.ingest import InputError, limits
from geo.ingest.control import check_size, read_control_file
from geo.ingest.messages import Counted, Described, Listed, Number
from geo.language import Message
from tests.unit.ingest.ingest_files import RING, collection, feature, geojson, polygon

NBSP = "\u00a0"


def refusal(data: bytes, name: str = "upload.geojson") -> InputError:
    with pytest.raises(InputError) as raised:
        read_control_file(name, data)
    return raised.value


# --- The values of a message -----------------------------------------------------------------


def test_a_number_is_grouped_in_each_languages_way():
    assert Number(5_242_880).text("en") == "5,242,880"
    assert Number(5_242_880).text("uk") == f"5{NBSP}242{NBSP}880"


def test_a_number_with_decimals_none_has_as_few_as_it_needs():
    assert [Number(v, decimals=None).text("en") for v in (0.5, 5.0)] == ["0.5", "5"]
    assert [Number(v, decimals=None).text("uk") for v in (0.5, 5.0)] == ["0,5", "5"]


def test_an_ungrouped_number_stays_ungrouped_in_english_only():
    assert Number(1234, grouped=False).text("en") == "1234"
    assert Number(1234, grouped=False).text("uk") == f"1{NBSP}234"


@pytest.mark.parametrize(("count", "english", "ukrainian"), [
    (1, "1 point", "1 точка"), (3, "3 points", "3 точки"), (5, "5 points", "5 точок"),
    (21, "21 points", "21 точка"), (12, "12 points", "12 точок"),
])
def test_a_counted_sentence_takes_each_languages_plural(count, english, ukrainian):
    counted = Counted.ngettext("{count} point", "{count} points", count)
    assert (counted.text("en"), counted.text("uk")) == (english, ukrainian)


def test_an_enumeration_joins_its_last_two_items_with_the_languages_and():
    items = Listed([Counted.ngettext("{count} line", "{count} lines", 1),
                    Counted.ngettext("{count} point", "{count} points", 2), "x"])
    assert items.text("en") == "1 line, 2 points and x"
    assert items.text("uk") == "1 лінія, 2 точки і x"


def test_an_enumeration_without_conjunction_is_commas_only():
    assert Listed([".txt", Message("(no suffix)")], conjunction=False).text("uk") == \
        ".txt, (без розширення)"


def test_another_programs_words_stay_in_english_and_are_described_in_ukrainian():
    said = Described("the connection was refused", original="[Errno 111] Connection refused")
    assert (said.text("en"), said.text("uk")) == ("[Errno 111] Connection refused",
                                                  "з’єднання відхилено")


# --- Refusals --------------------------------------------------------------------------------


def test_a_refusal_is_its_english_sentence_and_reads_in_ukrainian():
    with pytest.raises(InputError) as raised:
        check_size(limits.MAX_FILE_BYTES + 1)
    assert str(raised.value) == ("the file is 5,242,881 bytes, more than the 5,242,880 bytes "
                                 "(5 MB) allowed")
    assert raised.value.message.text("uk") == (
        f"розмір файлу — 5{NBSP}242{NBSP}881{NBSP}Б, а дозволено щонайбільше "
        f"5{NBSP}242{NBSP}880{NBSP}Б (5{NBSP}МБ)")


def test_a_refusal_naming_what_the_file_is_reads_whole_in_ukrainian():
    error = refusal(b"\x89PNG\r\n\x1a\n", "map.png")
    assert str(error) == "the file is a PNG image, not GeoJSON, KML, KMZ or a zipped shapefile"
    assert error.message.text("uk") == ("файл — це зображення PNG, а не GeoJSON, KML, KMZ або "
                                        "шейп-файл у zip-архіві")


def test_a_refusal_counting_geometries_uses_the_ukrainian_plural():
    points = collection(*[feature({"type": "Point", "coordinates": [37.5, 48.0]})] * 5)
    error = refusal(geojson(points))
    assert str(error) == ("the file holds no polygons, only 5 points: a control area must be "
                          "drawn as polygons")
    assert error.message.text("uk") == ("у файлі немає полігонів, лише 5 точок: територію "
                                        "контролю треба накреслити полігонами")


def test_an_area_off_ukraine_gives_its_extent_in_ukrainian_decimals():
    error = refusal(geojson(polygon([[2.2, 48.8], [2.5, 48.8], [2.5, 48.95], [2.2, 48.8]])))
    assert error.message.text("uk") == (
        "територія не перетинається з Україною (вона охоплює довготу від 2,20 до 2,50, широту "
        "від 48,80 до 48,95; Україна лежить приблизно між 22° і 40° сх. д. та між 44° і 52° "
        "пн. ш.)")


# --- Notes -----------------------------------------------------------------------------------


def test_the_notes_are_written_in_ukrainian_and_stay_english_as_notes():
    document = collection(feature(polygon(RING[:-1])),
                          feature({"type": "Point", "coordinates": [37.8, 48.0]}))
    control = read_control_file("a.geojson", geojson(document))
    assert control.notes == ("1 point ignored: only polygons are areas",
                             "1 unclosed ring closed")
    assert control.notes_in("uk") == ("не враховано, бо площу мають лише полігони: 1 точка",
                                      "1 незамкнене кільце замкнено")
