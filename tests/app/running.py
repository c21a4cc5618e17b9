"""Opening a page of the app under streamlit.testing, as a link would."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def open_page(page: str, *, check: bool = True, **query: str) -> AppTest:
    """Run ``page`` (e.g. "pages/scenarios.py") with the URL query parameters ``query``;
    with ``check``, fail on an exception shown by the page."""
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=180)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(page).run()
    if check:
        assert not at.exception, at.exception
    return at
