"""The sidebar's language switch, on every page: each language named in itself, the page in
the chosen one at once, the link and the document's language following it."""

import pytest

from tests.app.running import open_page

PAGES = ["pages/control_map.py", "pages/scenarios.py", "pages/compare.py", "pages/history.py",
         "pages/context.py", "pages/method.py"]


def switch(at):
    return at.radio(key="atlas_lang_choice")


def document_language(at) -> str:
    """The language the sidebar's script gives the document's <html lang>."""
    scripts = [h.proto.body for h in at.sidebar.get("html") if "documentElement.lang" in
               h.proto.body]
    assert len(scripts) == 1
    return scripts[0].split("documentElement.lang = ")[1].split(";")[0].strip("'\"")


@pytest.fixture(scope="module")
def english():
    return open_page("pages/control_map.py")


def test_the_switch_names_each_language_in_itself_english_first(english):
    assert switch(english).options == ["English", "Українська"]
    assert switch(english).value == "en"


def test_an_english_visit_has_an_english_document_and_no_language_in_the_link(english):
    assert document_language(english) == "en"
    assert "lang" not in english.query_params


def test_choosing_ukrainian_translates_the_page_and_puts_it_in_the_link():
    at = open_page("pages/control_map.py")
    switch(at).set_value("uk").run()
    assert at.metric[0].label == "Окупована частина України"
    assert at.query_params["lang"] == "uk"
    assert document_language(at) == "uk"


def test_choosing_english_again_takes_the_language_out_of_the_link():
    at = open_page("pages/control_map.py", lang="uk")
    switch(at).set_value("en").run()
    assert at.metric[0].label == "Ukraine held by Russia"
    assert "lang" not in at.query_params
    assert document_language(at) == "en"


@pytest.mark.parametrize("page", PAGES)
def test_a_ukrainian_link_shows_the_switch_on_ukrainian_on_every_page(page):
    at = open_page(page, lang="uk")
    assert switch(at).value == "uk"
    assert document_language(at) == "uk"
