"""Live data from DeepStateMap's API, tested offline against a local HTTP server."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from geo.crs import METRIC_CRS
from geo.ingest.live import LiveDataError, fetch_live
from geo.measure import area_km2
from geo.projection import to_metric


def api_answer(deepstate_dir) -> bytes:
    """A snapshot in the API's shape: features named in several languages."""
    raw = json.loads((deepstate_dir / "deepstatemap_data_20260822.geojson").read_text())
    for feature in raw["features"]:
        feature["properties"] = {"name": "Окуповано///Occupied///Оккупировано"}
    return json.dumps(raw).encode()


@pytest.fixture
def server():
    """A local server whose answer each test sets: (status, body, delay in s)."""
    answer = {"status": 200, "body": b"{}", "delay": 0.0}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server API
            time.sleep(answer["delay"])
            self.send_response(answer["status"])
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(answer["body"])

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield answer, f"http://127.0.0.1:{httpd.server_address[1]}/api/history/last"
    httpd.shutdown()


def test_the_newest_occupied_area_is_fetched_and_clipped_to_ukraine(server, deepstate_dir):
    answer, url = server
    answer["body"] = api_answer(deepstate_dir)
    live = fetch_live(url)
    assert area_km2(to_metric(live.occupied), METRIC_CRS) == pytest.approx(116_000, rel=0.02)
    assert live.url == url


def test_a_slow_server_times_out_with_a_clear_message(server):
    answer, url = server
    answer["delay"] = 2.0
    with pytest.raises(LiveDataError, match="did not answer within 0.5 s"):
        fetch_live(url, timeout_s=0.5)


def test_an_http_error_is_reported(server):
    answer, url = server
    answer["status"] = 503
    with pytest.raises(LiveDataError, match="HTTP 503"):
        fetch_live(url)


def test_an_answer_that_is_not_an_occupied_area_is_refused(server):
    answer, url = server
    answer["body"] = b"<html>maintenance</html>"
    with pytest.raises(LiveDataError, match="not a usable occupied area"):
        fetch_live(url)


def test_why_an_answer_is_not_usable_is_said_whole_in_ukrainian(server):
    answer, url = server
    answer["body"] = b"<html>maintenance</html>"
    with pytest.raises(LiveDataError) as raised:
        fetch_live(url)
    assert str(raised.value) == ("DeepStateMap's answer is not a usable occupied area: the file "
                                 "is an HTML page, not KML")
    assert raised.value.message.text("uk") == ("відповідь DeepStateMap не придатна як окупована "
                                               "територія: файл — сторінка HTML, а не KML")


def test_an_oversized_answer_is_refused(server):
    answer, url = server
    answer["body"] = b" " * 2_000
    with pytest.raises(LiveDataError, match="larger than 1,000 bytes"):
        fetch_live(url, max_bytes=1_000)


def test_no_server_at_all_is_reported():
    with pytest.raises(LiveDataError, match="could not be reached"):
        fetch_live("http://127.0.0.1:9/api", timeout_s=1)


def test_a_refused_connection_keeps_the_systems_words_in_english_and_is_described_in_ukrainian():
    with pytest.raises(LiveDataError) as raised:
        fetch_live("http://127.0.0.1:9/api", timeout_s=1)
    assert str(raised.value).endswith("Connection refused)")
    assert raised.value.message.text("uk") == ("не вдалося з’єднатися з DeepStateMap "
                                               "(з’єднання відхилено)")
