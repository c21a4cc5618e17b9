"""Presenter mode: any view as a slide (no Streamlit chrome, the map filling the screen,
large text, title, date and sources always in view) and keyboard control of a deck, whose
buttons are found by their labels in the visitor's language."""

from __future__ import annotations

import html
import json

import streamlit as st

from pages._language import _

#: Height of the slide's title bar (px), and what each full-width line under it adds
#: (:func:`slide_line`: its text and the gap above it); the map takes the rest of the screen.
TITLE_BAR_PX, LINE_PX = 96, 36


def _css(lines: int) -> str:
    """The style that hides the app's chrome and sizes the map under the title bar and
    ``lines`` lines of :func:`slide_line`."""
    bar_px = TITLE_BAR_PX + LINE_PX * lines
    return f"""<style>
[data-testid=stSidebar], [data-testid=stSidebarCollapsedControl], [data-testid=stHeader],
[data-testid=stToolbar], [data-testid=stDecoration], [data-testid=stStatusWidget],
[data-testid=stSidebarNav] {{display: none !important;}}
.block-container {{padding: 0.3rem 0.8rem 0 0.8rem !important; max-width: 100% !important;}}
[data-testid=stMainBlockContainer] > div > div {{gap: 0.3rem;}}
html, body, [data-testid=stAppViewContainer] {{font-size: 20px;}}
.atlas-slide h1 {{font-size: 32px; margin: 0; padding: 0; line-height: 1.2;}}
.atlas-slide p {{font-size: 20px; margin: 0; color: #111; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis;}}
iframe[title="streamlit_folium.st_folium"], .st-key-atlas-map iframe {{
  height: calc(100vh - {bar_px}px) !important;}}
div[data-testid=stButton] button p {{font-size: 20px;}}
</style>"""


def button_labels() -> dict[str, str]:
    """The slide's buttons (:func:`keyboard_control` presses them by these labels)."""
    return {"next": _("Next"), "previous": _("Previous"), "exit": _("Exit (Esc)")}


# Arrow keys, Page Up/Down (presentation clickers) and Escape press the slide's buttons. The
# labels are the page's: a page switched to another language replaces them.
_KEYS = """<script>
const doc = window.parent.document;
doc.atlasLabels = __LABELS__;
if (!doc.atlasKeys) {
  doc.atlasKeys = true;
  doc.addEventListener("keydown", (event) => {
    if (event.target.closest("input, textarea, select, [contenteditable=true]")) return;
    const names = {ArrowRight: "next", PageDown: "next", ArrowLeft: "previous",
                   PageUp: "previous", Escape: "exit"};
    const label = doc.atlasLabels[names[event.key]];
    if (!label) return;
    const button = [...doc.querySelectorAll("button")]
      .find((b) => b.innerText.trim().startsWith(label) && !b.disabled);
    if (button) { button.click(); event.preventDefault(); }
  });
}
</script>"""


def slide_title(title: str, subtitle: str, *, lines_below: int = 0) -> None:
    """The slide's title and a line with the date, the figures and the sources, with the
    style that hides the app's chrome (one element, so no gap is added above the map);
    ``lines_below``: how many :func:`slide_line` follow, which the map leaves room for."""
    st.markdown(f'{_css(lines_below)}<div class="atlas-slide"><h1>{html.escape(title)}</h1>'
                f"<p>{html.escape(subtitle)}</p></div>", unsafe_allow_html=True)


def slide_line(text: str) -> None:
    """One more line of the slide across its whole width, under the title bar (e.g. the
    time to take); announce it to :func:`slide_title` with ``lines_below``."""
    st.markdown(f'<div class="atlas-slide atlas-slide-line"><p>{html.escape(text)}</p></div>',
                unsafe_allow_html=True)


def keyboard_control() -> None:
    """Arrow keys, Page Up/Down and Escape drive the slide's buttons, labelled as
    :func:`button_labels` (place it last: the component's empty frame would otherwise push
    the map down)."""
    st.iframe(_KEYS.replace("__LABELS__", json.dumps(button_labels())), height=1)
