"""A ceasefire line from a visitor's GeoJSON (geo.ingest.line): its LineStrings merged into one
line in lon/lat, and every unusable file refused with one sentence, English as str() and
Ukrainian where the page shows it."""

from __future__ import annotations

import json

import pytest

from geo.ingest import InputError
from geo.ingest.line import read_line


def line(*coordinates) -> bytes:
    return json.dumps({"type": "LineString", "coordinates": list(coordinates)}).encode()


def test_two_linestrings_that_meet_are_merged_into_one_line():
    document = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {},
         "geometry": {"type": "LineString", "coordinates": [[36.0, 47.0], [37.0, 48.0]]}},
        {"type": "Feature", "properties": {},
         "geometry": {"type": "LineString", "coordinates": [[37.0, 48.0], [38.0, 48.5]]}}]}
    merged = read_line(json.dumps(document))
    assert merged.geom_type == "LineString"
    assert list(merged.coords) == [(36.0, 47.0), (37.0, 48.0), (38.0, 48.5)]


@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")
@pytest.mark.parametrize(("data", "english", "ukrainian"), [
    (b"{", "the file is not valid JSON (GeoJSON expected)",
     "файл — недійсний JSON (очікується GeoJSON)"),
    (b"[]", "the file is not a GeoJSON object", "файл не є об’єктом GeoJSON"),
    (b'{"type": "LineString", "coordinates": [[36, 47], "x"]}',
     "a line in the file has malformed coordinates",
     "координати лінії у файлі мають неправильний формат"),
    (b'{"type": "Point", "coordinates": [36, 47]}',
     "the file holds no LineString: a ceasefire line must be a GeoJSON line",
     "у файлі немає LineString: лінія припинення вогню має бути лінією GeoJSON"),
    (b'{"type": "LineString", "coordinates": [[36, NaN], [37, 48]]}',
     "the line's coordinates must be finite numbers, at least two points",
     "координати лінії мають бути скінченними числами, щонайменше дві точки"),
    (line([2.2, 48.8], [2.5, 48.9]),
     ("the line's coordinates are not longitude/latitude near Ukraine (expected about 22-40 "
      "E, 44-52 N, in EPSG:4326)"),
     ("координати лінії не є довготою й широтою поблизу України (очікується приблизно 22–40° "
      "сх. д., 44–52° пн. ш., в EPSG:4326)")),
], ids=["not JSON", "not an object", "malformed", "no line", "not finite", "off Ukraine"])
def test_an_unusable_line_is_refused_in_one_sentence_in_either_language(data, english,
                                                                        ukrainian):
    with pytest.raises(InputError) as raised:
        read_line(data)
    assert (str(raised.value), raised.value.message.text("uk")) == (english, ukrainian)
