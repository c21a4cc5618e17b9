"""A Streamlit session driven over its websocket protocol, without a browser.

What the browser's frontend does, reduced to what a load test needs: open
``/_stcore/stream`` (a new session per page visit, as a navigation opens one), ask for a
script run of a page with a query string, read the ForwardMsgs (deltas, script finished),
learn the widgets' ids from the deltas, and send new widget values as the frontend does
when a slider moves. Messages the server marks cacheable are remembered and listed back,
as the frontend does, so repeated large messages come as references.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

#: Cacheable message hashes a session lists back (the frontend keeps a bounded cache too).
HASHES_KEPT = 256


class ProtocolError(RuntimeError):
    """The server closed the session, or a run did not finish in time."""


@dataclass
class Run:
    """One script run as the client saw it: times (s, from the request) and what it held."""

    map_s: float | None = None
    finished_s: float | None = None
    exceptions: list[str] = field(default_factory=list)
    bytes: int = 0
    metrics: dict[str, str] = field(default_factory=dict)


@dataclass
class Slider:
    """A slider as the session knows it: its widget id, range and current value."""

    id: str
    low: float
    high: float
    step: float
    value: float | None


@dataclass
class Session:
    """An open websocket session of one visitor."""

    socket: websockets.ClientConnection
    page: str
    query: str
    sliders: dict[str, Slider] = field(default_factory=dict)
    hashes: list[str] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)
    page_hash: str = ""

    @classmethod
    async def open(cls, base_url: str, page: str, query: str, timeout_s: float = 60
                   ) -> tuple[Session, Run]:
        """Connect and run ``page`` (its URL path, "" for the default) with ``query``."""
        ws_url = base_url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
        socket = await websockets.connect(ws_url, subprotocols=["streamlit"],
                                          origin=base_url.rstrip("/"), max_size=None,
                                          open_timeout=timeout_s)
        session = cls(socket, page, query)
        return session, await session._run({}, timeout_s)

    def slider(self, label_start: str) -> Slider:
        """The slider whose label starts with ``label_start``."""
        return next(s for label, s in self.sliders.items() if label.startswith(label_start))

    async def move(self, label_start: str, value: float, timeout_s: float = 60) -> Run:
        """Set the slider whose label starts with ``label_start`` and wait for the rerun."""
        slider = self.slider(label_start)
        slider.value = value
        return await self._run({slider.id: value}, timeout_s)

    async def step(self, label_start: str, timeout_s: float = 60) -> Run:
        """One step of a slider as an arrow key does: up, or down at the top of its range."""
        slider = self.slider(label_start)
        value = slider.low if slider.value is None else slider.value
        up = value + slider.step <= slider.high
        return await self.move(label_start, value + (slider.step if up else -slider.step),
                               timeout_s)

    async def close(self) -> None:
        await self.socket.close()

    async def _run(self, values: dict[str, float], timeout_s: float) -> Run:
        message = BackMsg()
        state = message.rerun_script
        # As the frontend: the page by its URL path until the server names its hash, and
        # the query string the page last wrote.
        state.query_string = self.query
        if self.page_hash:
            state.page_script_hash = self.page_hash
        else:
            state.page_name = self.page
        state.cached_message_hashes.extend(self.hashes)
        for widget, value in values.items():
            widget_state = state.widget_states.widgets.add()
            widget_state.id = widget
            widget_state.double_array_value.data.append(value)
        started = time.monotonic()
        await self.socket.send(message.SerializeToString())
        run = Run()
        deadline = started + timeout_s
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ProtocolError(f"no finished run within {timeout_s:g} s")
            try:
                data = await asyncio.wait_for(self.socket.recv(), left)
            except websockets.ConnectionClosed as closed:
                raise ProtocolError(f"the server closed the session: {closed}") from None
            run.bytes += len(data)
            forward = ForwardMsg()
            forward.ParseFromString(data)
            if forward.metadata.cacheable and forward.hash:
                self.hashes = (self.hashes + [forward.hash])[-HASHES_KEPT:]
                if forward.WhichOneof("type") == "delta":
                    self.kinds[forward.hash] = forward.delta.new_element.WhichOneof("type") or ""
            kind = forward.WhichOneof("type")
            if kind == "ref_hash":
                # A message sent before, by reference: the map's, if its layers are unchanged.
                if self.kinds.get(forward.ref_hash) == "component_instance" and run.map_s is None:
                    run.map_s = time.monotonic() - started
            elif kind == "delta":
                self._read_delta(forward, run, time.monotonic() - started)
            elif kind == "new_session":
                self.page_hash = forward.new_session.page_script_hash
            elif kind == "navigation":
                self.page_hash = forward.navigation.page_script_hash or self.page_hash
            elif kind == "page_info_changed":
                self.query = forward.page_info_changed.query_string
            elif kind == "script_finished":
                status = forward.script_finished
                if status == ForwardMsg.FINISHED_SUCCESSFULLY:
                    run.finished_s = time.monotonic() - started
                    return run
                if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    run.exceptions.append("compile error")
                    run.finished_s = time.monotonic() - started
                    return run
                # FINISHED_EARLY_FOR_RERUN: the page asked for a rerun; keep reading.

    def _read_delta(self, forward: ForwardMsg, run: Run, at_s: float) -> None:
        delta = forward.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "slider":
            widget = element.slider
            known = self.sliders.get(widget.label)
            value = (widget.value[0] if widget.set_value and widget.value
                     else known.value if known else widget.default[0] if widget.default else None)
            self.sliders[widget.label] = Slider(widget.id, widget.min, widget.max,
                                                widget.step or 1.0, value)
        elif kind == "component_instance" and run.map_s is None:
            run.map_s = at_s
        elif kind == "exception":
            run.exceptions.append(element.exception.message[:200])
        elif kind == "metric":
            run.metrics[element.metric.label] = element.metric.body
