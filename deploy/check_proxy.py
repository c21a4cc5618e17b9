"""Check the two-process deployment through nginx in Chromium: the map draws, a slider
moves, each visitor stays on one backend, and both backends get visitors.

Usage: .venv/bin/python deploy/check_proxy.py [--url http://127.0.0.1:8610]
           [--visitors 6] [--access-log /tmp/ceasefire-atlas-run/logs/access.log]

Each visitor is a fresh browser context (its own cookies). Its backend is read from the
X-Atlas-Backend header nginx adds to the page, and, for the websocket, from nginx's access
log (upstream=... on the /_stcore/stream line with the visitor's cookie key).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.browser import ZONE_SELECTOR, find_frame  # noqa: E402
from benchmarks.common import CHROMIUM, CHROMIUM_ARGS, is_local  # noqa: E402

PAGE = "/scenarios?preset=mutual&ua_km=15&ru_km=15"


@dataclass
class Visit:
    """What one visitor saw."""

    visitor: int
    page_backend: str
    cookie_key: str
    stream_backends: set[str]
    map_drawn: bool
    slider_moved: bool
    blocked: int


def _zone_outline(frame) -> str | None:
    return frame.locator(ZONE_SELECTOR).first.get_attribute("d")


def visit(browser, url: str, index: int) -> Visit:
    """Open the Ceasefire lines page as a new visitor, move a slider, report the backends."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    blocked: list[str] = []
    context.route("**/*", lambda r: r.continue_() if is_local(r.request.url)
                  else (blocked.append(r.request.url), r.abort()))
    try:
        page = context.new_page()
        page.set_default_timeout(120_000)
        response = page.goto(url + PAGE, wait_until="commit")
        backend = (response.headers.get("x-atlas-backend") if response else None) or "?"
        frame = find_frame(page, ZONE_SELECTOR)
        before = _zone_outline(frame)
        slider = page.locator("[data-testid=stSlider]").filter(
            has_text="Ukraine pulls back").locator("input[type=range]")
        slider.focus()
        slider.press("ArrowRight")
        moved = False
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not moved:
            page.wait_for_timeout(200)
            try:
                moved = _zone_outline(find_frame(page, ZONE_SELECTOR, timeout_s=5)) != before
            except Exception:  # the frame is being redrawn
                pass
        cookies = {c["name"]: c["value"] for c in context.cookies()}
        return Visit(index, backend, cookies.get("atlas_backend", ""), set(), True, moved,
                     len(blocked))
    finally:
        context.close()


def stream_backends(visits: list[Visit], access_log: Path) -> None:
    """Fill in each visit's websocket backends from nginx's access log (a websocket's line
    is written when it closes, so read this after the contexts are closed)."""
    time.sleep(1.0)
    log = access_log.read_text() if access_log.exists() else ""
    for v in visits:
        if v.cookie_key:
            v.stream_backends = set(re.findall(
                rf'"GET /_stcore/stream [^"]*".*upstream=(\S+) key={v.cookie_key}\b', log))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8610")
    # Six visitors: the chance that all land on one backend by luck is 1 in 32.
    parser.add_argument("--visitors", type=int, default=6)
    parser.add_argument("--access-log", type=Path,
                        default=Path("/tmp/ceasefire-atlas-run/logs/access.log"))
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        visits = [visit(browser, args.url.rstrip("/"), i + 1) for i in range(args.visitors)]
        browser.close()
    stream_backends(visits, args.access_log)
    for v in visits:
        print(f"visitor {v.visitor}: page from {v.page_backend}, websocket via "
              f"{', '.join(sorted(v.stream_backends)) or '?'} (cookie {v.cookie_key[:8]}...), "
              f"map drawn: {v.map_drawn}, slider moved the zone: {v.slider_moved}, "
              f"blocked requests: {v.blocked}")
    backends = {v.page_backend for v in visits}
    sticky = all(v.stream_backends == {v.page_backend} for v in visits)
    ok = all(v.map_drawn and v.slider_moved for v in visits) and sticky and len(backends) >= 2
    print(f"backends serving visitors: {', '.join(sorted(backends))}; "
          f"each visitor's websocket on its page's backend: {sticky}; "
          f"{'OK' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
