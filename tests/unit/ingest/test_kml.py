"""KML and KMZ control areas (geo.ingest.kml): dates and descriptions from placemarks, XML
hardened by defusedxml (no DOCTYPE, so no entity expansion or external entities) and kept
within our limits on depth, element and placemark counts while it is parsed."""

from __future__ import annotations

import xml.sax.saxutils

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from geo.ingest import InputError, limits
from geo.ingest.control import read_control_file
from tests.unit.ingest.ingest_files import (DONETSK_BOX, LAT, LON, ONERROR, SCRIPT, kml,
                                            kml_placemark, kmz, read_or_refuse, same_area)

#: What defusedxml's refusal of a DOCTYPE must say.
DECLARATIONS_REFUSED = "declares a DOCTYPE or ENTITY, which is refused: such declarations"


# --- Dates and properties ------------------------------------------------------------------


def test_the_date_comes_from_a_kml_timestamp():
    data = kml(kml_placemark(extra="<TimeStamp><when>2026-01-06T12:00:00Z</when></TimeStamp>"))
    assert read_control_file("a.kml", data).date.isoformat() == "2026-01-06"


def test_html_in_a_kml_description_comes_back_unchanged_as_a_plain_string():
    description = f"<description><![CDATA[{SCRIPT}{ONERROR}]]></description>"
    control = read_control_file("a.kml", kml(kml_placemark(extra=description)))
    assert ("description", SCRIPT + ONERROR) in control.properties[0]


# --- Entities and DOCTYPEs -----------------------------------------------------------------

LAUGHS = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))


def test_a_kml_with_an_internal_entity_declaration_billion_laughs_is_refused():
    data = ('<?xml version="1.0"?>\n'
            f'<!DOCTYPE kml [<!ENTITY lol0 "lol">{LAUGHS}]>\n'
            '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>&lol9;</name>'
            f"<Folder>{kml_placemark()}</Folder></Document></kml>").encode()
    with pytest.raises(InputError, match=DECLARATIONS_REFUSED):
        read_control_file("laughs.kml", data)


def test_a_kml_with_an_external_entity_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read", encoding="utf-8")
    data = ('<?xml version="1.0"?>\n'
            f'<!DOCTYPE kml [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
            '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>&xxe;</name>'
            f"<Folder>{kml_placemark()}</Folder></Document></kml>").encode()
    with pytest.raises(InputError, match=DECLARATIONS_REFUSED):
        read_control_file("xxe.kml", data)


def test_a_kml_naming_an_external_dtd_is_refused():
    data = ('<!DOCTYPE kml SYSTEM "http://example.com/kml.dtd">\n'
            f'<kml xmlns="http://www.opengis.net/kml/2.2">{kml_placemark()}</kml>').encode()
    with pytest.raises(InputError, match=DECLARATIONS_REFUSED):
        read_control_file("dtd.kml", data)


def test_a_doctype_quoted_in_a_comment_or_cdata_is_text_not_a_declaration():
    comment = "<!-- <!DOCTYPE kml [<!ENTITY x 'y'>]> -->"
    description = "<description><![CDATA[<!ENTITY x 'y'>]]></description>"
    control = read_control_file("a.kml", kml(comment + kml_placemark(extra=description)))
    assert same_area(control.geometry, DONETSK_BOX)
    assert ("description", "<!ENTITY x 'y'>") in control.properties[0]


# --- Limits (large files made at test time) ------------------------------------------------


def test_deeply_nested_xml_is_refused():
    data = b"<kml>" + b"<Folder>" * 100 + b"</Folder>" * 100 + b"</kml>"
    with pytest.raises(InputError, match="nested more than 64 elements deep"):
        read_control_file("deep.kml", data)


def test_too_deep_xml_is_refused_as_it_is_parsed_before_its_end_is_read():
    # The document is broken at its end, 1 MB on: only a parser that checks depth as it
    # goes gets to say "too deep" rather than "not well-formed".
    data = b"<kml>" + b"<Folder>" * 100 + b" " * 1_000_000 + b"<broken"
    with pytest.raises(InputError, match="nested more than 64 elements deep"):
        read_control_file("deep.kml", data)


def test_xml_with_too_many_elements_is_refused():
    data = b"<kml><Document>" + b"<a/>" * (limits.MAX_XML_ELEMENTS + 1) + b"</Document></kml>"
    with pytest.raises(InputError, match="more than 500,000 elements"):
        read_control_file("wide.kml", data)


def test_too_many_placemarks_are_refused():
    data = kml("<Placemark/>" * (limits.MAX_FEATURES + 1))
    with pytest.raises(InputError, match="10,001 placemarks"):
        read_control_file("many.kml", data)


# --- Nothing but InputError, whatever the content ------------------------------------------


def kml_ring_text(coordinates: str, boundary: str) -> str:
    return (f"<{boundary}><LinearRing><coordinates>{coordinates}</coordinates></LinearRing>"
            f"</{boundary}>")


def kml_polygon_text(outer: str, inner: list[str]) -> str:
    holes = "".join(kml_ring_text(ring, "innerBoundaryIs") for ring in inner)
    return f"<Polygon>{kml_ring_text(outer, 'outerBoundaryIs')}{holes}</Polygon>"


def kml_placemark_text(name: str, geometry: str) -> str:
    return f"<Placemark><name>{xml.sax.saxutils.escape(name)}</name>{geometry}</Placemark>"


def kml_document_text(placemarks: list[str], depth: int) -> str:
    return "<kml>" + "<Folder>" * depth + "".join(placemarks) + "</Folder>" * depth + "</kml>"


LON_LAT_TEXT = st.tuples(LON, LAT).map(lambda t: f"{t[0]},{t[1]}")
COORDINATE_TEXT = st.one_of(LON_LAT_TEXT, st.text(alphabet="0123456789.,-+eE nainf", max_size=14))
RING_TEXT = st.one_of(st.lists(LON_LAT_TEXT, min_size=3, max_size=8),
                      st.lists(LON_LAT_TEXT, min_size=3, max_size=8),
                      st.lists(COORDINATE_TEXT, max_size=8)).map(" ".join)
KML_POLYGONS = st.builds(kml_polygon_text, RING_TEXT, st.lists(RING_TEXT, max_size=2))
KML_MULTI = st.lists(KML_POLYGONS, max_size=3).map(
    lambda polygons: f"<MultiGeometry>{''.join(polygons)}</MultiGeometry>")
KML_GEOMETRIES = st.one_of(KML_POLYGONS, KML_MULTI,
                           st.just("<Point><coordinates>37,48</coordinates></Point>"))
XML_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), max_size=8)
KML_PLACEMARKS = st.builds(kml_placemark_text, XML_TEXT, KML_GEOMETRIES)
FOLDER_DEPTHS = st.one_of(st.integers(0, 3), st.integers(0, 70))
KML_DOCUMENTS = st.builds(kml_document_text, st.lists(KML_PLACEMARKS, max_size=4), FOLDER_DEPTHS)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(KML_DOCUMENTS, st.booleans())
def test_random_kml_and_kmz_documents_raise_nothing_but_input_error(document, as_kmz):
    data = document.encode("utf-8")
    read_or_refuse(kmz(data) if as_kmz else data)
