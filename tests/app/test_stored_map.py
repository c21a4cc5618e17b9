"""The control map's page: drawn from the store when it is there, else made and stored."""

import datetime as dt
import re

import pytest

import geo.maps.stored_pages as map_documents
from geo.maps.stored_pages import document_path, read_document, store_page, write_document
from tests.app.running import open_page

DATE = dt.date(2026, 1, 6)


@pytest.fixture
def store(tmp_path, monkeypatch):
    from pages._control_map_details import bundled_document

    monkeypatch.setattr(map_documents, "STORE_DIR", tmp_path / "app")
    bundled_document.clear()  # as in a new process: nothing made yet
    yield tmp_path / "app"
    bundled_document.clear()


def shown_page(at) -> str:
    return at.get("iframe")[0].proto.srcdoc  # the map's (presenter mode adds a second)


def without_ids(page: str) -> str:
    """``page`` without folium's random element ids (each build draws new ones)."""
    return re.sub(r"_[0-9a-f]{32}", "_ID", page)


def test_a_stored_page_is_shown_as_it_is(store):
    write_document(document_path(DATE), "<html>stored</html>")
    assert shown_page(open_page("pages/control_map.py", date=DATE.isoformat())) == \
        "<html>stored</html>"


def test_without_a_stored_page_the_app_makes_and_stores_the_one_set_up_would(store, tmp_path):
    shown = shown_page(open_page("pages/control_map.py", date=DATE.isoformat()))
    set_up = read_document(store_page(DATE, store=tmp_path / "set-up"))
    assert without_ids(shown) == without_ids(set_up)
    assert read_document(document_path(DATE)) == shown


def test_presenter_mode_has_a_page_of_its_own(store):
    write_document(document_path(DATE), "<html>stored</html>")
    at = open_page("pages/control_map.py", date=DATE.isoformat(), present="1")
    assert "leaflet" in shown_page(at)
    assert document_path(DATE, presenter=True).exists()


def test_a_damaged_stored_page_is_not_shown_but_made_and_stored_again(store):
    write_document(document_path(DATE), "<html>stored</html>")
    with open(document_path(DATE), "r+b") as handle:
        handle.truncate(10)
    shown = shown_page(open_page("pages/control_map.py", date=DATE.isoformat()))
    assert "leaflet" in shown
    assert read_document(document_path(DATE)) == shown


def test_a_ukrainian_visitor_is_shown_the_stored_ukrainian_page_not_the_english_one(store):
    write_document(document_path(DATE), "<html>stored</html>")
    write_document(document_path(DATE, lang="uk"), "<html>збережена</html>")
    assert shown_page(open_page("pages/control_map.py", date=DATE.isoformat(), lang="uk")) == \
        "<html>збережена</html>"


def test_without_a_stored_ukrainian_page_the_app_makes_and_stores_one_in_ukrainian(store):
    write_document(document_path(DATE), "<html>stored</html>")
    shown = shown_page(open_page("pages/control_map.py", date=DATE.isoformat(), lang="uk"))
    assert "Частка під контролем Росії" in shown
    assert read_document(document_path(DATE, lang="uk")) == shown
    assert read_document(document_path(DATE)) == "<html>stored</html>"


def test_set_up_stores_the_ukrainian_page_the_app_would_make(store, tmp_path):
    shown = shown_page(open_page("pages/control_map.py", date=DATE.isoformat(), lang="uk"))
    set_up = read_document(store_page(DATE, store=tmp_path / "set-up", lang="uk"))
    assert without_ids(shown) == without_ids(set_up)
