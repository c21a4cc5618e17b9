"""The load test's websocket client (benchmarks/protocol.py) against the running app: it
must see what a browser sees, or the load figures measure nothing."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from benchmarks.protocol import Session

pytestmark = pytest.mark.browser


def run(coroutine):
    # In a thread of its own: Playwright's sync API keeps an event loop running in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_a_protocol_session_opens_a_link_and_moves_a_slider(app_url):
    async def visit():
        session, opened = await Session.open(app_url, "scenarios",
                                             "preset=mutual&ua_km=15&ru_km=15")
        try:
            moved = await session.step("Ukraine pulls back")
            again = await session.step("Ukraine pulls back")
        finally:
            await session.close()
        return session, opened, moved, again

    session, opened, moved, again = run(visit())
    assert opened.map_s is not None and not opened.exceptions
    assert session.slider("Ukraine pulls back").value == 17.0
    zone = [run.metrics["Demilitarised zone"] for run in (opened, moved, again)]
    assert zone[0] != zone[1] != zone[2]


def test_a_protocol_session_reports_a_page_that_does_not_exist_without_hanging(app_url):
    async def visit():
        session, run = await Session.open(app_url, "no-such-page", "", timeout_s=60)
        await session.close()
        return run

    finished = run(visit())
    assert finished.finished_s is not None
