"""Every page in Ukrainian, in a real browser: no English word of the catalogue anywhere a
visitor reads (the page, its sidebar, the map's frame) or a screen reader announces (labels),
and the document's language is Ukrainian."""

from __future__ import annotations

import pytest

from tests.browser.test_accessibility import PAGES_UK, settled
from tests.visible_text import english_words

pytestmark = pytest.mark.browser

#: The text a visitor sees under each root (text nodes whose element is rendered; icon
#: ligatures such as "upload" are not words on the page) and what a screen reader announces
#: (aria-label, title, placeholder), in the document or a frame (the maps), the charts' marks,
#: axes and legends included (Vega's own descriptions of them are English); not what is
#: hidden from screen readers (aria-hidden), which none announces.
READ = """(selector) => {
    const texts = [];
    for (const root of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const element = node.parentElement;
            if (!element || element.closest('[data-testid=stIconMaterial], script, style')
                || !element.checkVisibility()) continue;
            texts.push(node.textContent);
        }
        for (const element of root.querySelectorAll('[aria-label], [title], [placeholder]')) {
            if (element.closest('[aria-hidden=true]')) continue;
            for (const name of ['aria-label', 'title', 'placeholder']) {
                if (element.hasAttribute(name)) texts.push(element.getAttribute(name));
            }
        }
    }
    return texts;
}"""
#: The app's own content: Streamlit's chrome around it (its menu, the sidebar's collapse
#: button) is Streamlit's English, not the atlas's.
APP_CONTENT = ("[data-testid=stMain], [data-testid=stSidebarUserContent], "
               "[data-testid=stSidebarNav]")


def texts_of(page) -> list[str]:
    texts = page.main_frame.evaluate(READ, APP_CONTENT)
    for frame in page.frames:
        if frame is not page.main_frame:
            texts += frame.evaluate(READ, "body")
    return texts


def opened(offline_page, app_url: str, path: str):
    """The page at ``path``, drawn and its script finished."""
    page = offline_page.page
    page.goto(f"{app_url}{path}")
    settled(page, path)
    return page


@pytest.mark.parametrize("path", PAGES_UK)
def test_a_ukrainian_page_has_no_english_word_of_the_catalogue(offline_page, app_url, path):
    page = opened(offline_page, app_url, path)
    # Streamlit's own words are the page script's, which runs once the sidebar is drawn.
    page.wait_for_function("window.atlasChrome && document.documentElement.lang === 'uk'")
    assert english_words(texts_of(page)) == {}


@pytest.mark.parametrize("path", PAGES_UK)
def test_a_ukrainian_page_is_announced_in_ukrainian(offline_page, app_url, path):
    page = opened(offline_page, app_url, path)
    page.wait_for_function("document.documentElement.lang === 'uk'")


UPLOADER = "[data-testid=stFileUploader]"


def test_streamlit_s_own_words_follow_the_switch(offline_page, app_url):
    page = offline_page.page
    page.goto(f"{app_url}/?lang=uk")
    uploader = page.locator(UPLOADER)
    uploader.get_by_text("Вибрати файл").wait_for()
    assert "МБ на файл" in uploader.inner_text()
    assert uploader.locator("input[type=file]").get_attribute("aria-label") == "вибір файлу"
    page.locator("[data-testid=stRadio] label").filter(has_text="English").click()
    uploader.get_by_text("Upload", exact=True).wait_for()
    assert "5MB per file" in uploader.inner_text()
    assert uploader.locator("input[type=file]").get_attribute("aria-label") == "file upload"
    page.wait_for_function("document.documentElement.lang === 'en'")


NBSP, NNBSP = "\u00a0", "\u202f"
#: What a screen reader reads of the History page's first chart in each language: the first
#: day's mark (its role and its figures, as its tooltip gives them) and the two axes.
CHART_READ = {
    "uk": ("день", (f"Дата: 2024-07-08; Окуповано (км²): 108{NBSP}578; Частка території "
                    "України (%): 18,12"),
           [f"Вісь X: Дата, 8 липня 2024{NNBSP}р. – 10 жовтня 2026{NNBSP}р.",
            f"Вісь Y: Окуповано (км²), 108{NBSP}578 – 116{NBSP}154"]),
    "en": ("day", "Day: 2024-07-08; Held by Russia (km²): 108,578; Share of Ukraine (%): 18.12",
           ["X axis: Day, from 2024-07-08 to 2026-10-10",
            "Y axis: Held by Russia (km²), from 108,578 to 116,154"]),
}


@pytest.mark.parametrize("lang", list(CHART_READ))
def test_a_chart_s_marks_and_axes_are_read_in_the_page_s_language(offline_page, app_url, lang):
    role, first_day, axes = CHART_READ[lang]
    page = opened(offline_page, app_url, "/history" + ("?lang=uk" if lang == "uk" else ""))
    chart = page.locator(".vega-embed").first
    day = chart.locator(f"svg [aria-roledescription='{role}']").first
    day.wait_for(state="attached")
    assert day.get_attribute("aria-label") == first_day
    assert [axis.get_attribute("aria-label")
            for axis in chart.locator("svg .role-axis[aria-label]").all()] == axes
