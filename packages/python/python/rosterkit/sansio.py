"""The sans-IO layer: RosterKit's core without its HTTP client.

Use it with requests, httpx, urllib or anything else. Build one request and
parse one response::

    req = sansio.build_request("b2core.get_group", {"group_id": "1"}, base_url, token)
    # ... send req.method, req.url, dict(req.headers), req.body with your client ...
    response = sansio.Response(status, headers, body)
    group = sansio.parse_response("b2core.get_group", {"group_id": "1"}, response)

or let a :class:`Flow` drive retries, paging and multi-step operations. The
loop is the same for every flow::

    step = flow.start()
    while not isinstance(step, sansio.Done):
        if isinstance(step, sansio.Send):
            response = my_transport(step.request)   # a sansio.Response
            step = flow.on_response(response, elapsed_ms)
        else:  # sansio.Sleep
            time.sleep(step.seconds)
            step = flow.on_woken(elapsed_ms)
    result = step.value  # raises the typed exception if the flow failed

:func:`run_flow` is that loop, given a ``send`` function. To keep the
client's concurrency and reports with your own HTTP, pass ``transport=`` to
:class:`rosterkit.Client` instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from rosterkit._native import (
    Done,
    Flow,
    Header,
    Request,
    Response,
    Send,
    Sleep,
    build_request,
    call_flow,
    capabilities,
    endpoint_ids,
    pages_flow,
    parse_response,
    unified_flow,
)

__all__ = [
    "Done",
    "Flow",
    "Header",
    "Request",
    "Response",
    "Send",
    "Sleep",
    "build_request",
    "call_flow",
    "capabilities",
    "endpoint_ids",
    "pages_flow",
    "parse_response",
    "run_flow",
    "unified_flow",
]


def run_flow(
    flow: Flow,
    send: Callable[[Request], Response],
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> Any:
    """Drives ``flow`` to its end with ``send`` as the transport.

    ``send`` returns a :class:`Response` for any HTTP status. It raises
    :class:`ConnectionRefusedError` when the request never left (then even a
    create is retried) and any other :class:`OSError` when the outcome is
    unknown. Returns the flow's result or raises its typed exception.
    """
    started = time.monotonic()

    def elapsed() -> int:
        return int((time.monotonic() - started) * 1000)

    step = flow.start()
    while True:
        if isinstance(step, Done):
            return step.value
        if isinstance(step, Send):
            try:
                response = send(step.request)
            except ConnectionRefusedError as e:
                step = flow.on_transport_error(False, str(e), elapsed())
            except OSError as e:
                step = flow.on_transport_error(True, str(e), elapsed())
            else:
                step = flow.on_response(response, elapsed())
        else:
            sleep(step.seconds)
            step = flow.on_woken(elapsed())
