"""Serving the dashboard with uvicorn, with the time limits uvicorn leaves open.

uvicorn closes a kept-alive connection that stays idle (``timeout_keep_alive``), but not a
connection that sends its request headers slowly. :class:`TimedH11Protocol` closes a
connection whose request headers are not complete ``HEADER_TIMEOUT`` seconds after it
opened or after its last response (``EVLENS_HEADER_TIMEOUT`` overrides the 10 s). The body's own time limit is :class:`~.security.Guard`'s.
"""

from __future__ import annotations

import os

from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT = float(os.environ.get("EVLENS_HEADER_TIMEOUT", "10"))
IDLE_TIMEOUT = 5
MAX_HEADER_BYTES = 16 * 1024


class TimedH11Protocol(H11Protocol):
    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._arm_header_timer()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_header_timer()

    def connection_lost(self, exc) -> None:
        timer = getattr(self, "_header_timer", None)
        if timer is not None:
            timer.cancel()
        super().connection_lost(exc)

    def _arm_header_timer(self) -> None:
        timer = getattr(self, "_header_timer", None)
        if timer is not None:
            timer.cancel()
        self._header_timer = self.loop.call_later(HEADER_TIMEOUT, self._headers_late)

    def _headers_late(self) -> None:
        waiting = self.cycle is None or self.cycle.response_complete
        if waiting and not self.transport.is_closing():
            self.transport.close()


def run(app, host: str, port: int) -> None:
    """Serve ``app`` until SIGINT or SIGTERM; the app's shutdown checkpoints the database."""
    import uvicorn

    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        http=TimedH11Protocol,
        timeout_keep_alive=IDLE_TIMEOUT,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
        timeout_graceful_shutdown=10,
    )
