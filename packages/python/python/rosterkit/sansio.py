"""The sans-IO layer: RosterKit's core without its HTTP client.

Use it with requests, httpx, urllib or anything else. Build one request and
parse one response::

    req = sansio.build_request("b2core.get_group", {"group_id": "1"}, base_url, token)
    # ... send req.method, req.url, req.headers, req.body with your client ...
    group = sansio.parse_response("b2core.get_group", {"group_id": "1"}, status, headers, body)

or let a :class:`Flow` drive retries, paging and multi-step operations. The
loop is the same for every flow::

    step = flow.start()
    while not isinstance(step, sansio.Done):
        if isinstance(step, sansio.Send):
            status, headers, body = my_transport(step.request)
            step = flow.on_response(status, headers, body, elapsed_ms)
        else:  # sansio.Sleep
            time.sleep(step.seconds)
            step = flow.on_woken(elapsed_ms)
    result = step.value  # raises the typed exception if the flow failed

:func:`run_flow` is that loop, given a ``send`` function.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Union

from rosterkit._native import (
    Done,
    Flow,
    Request,
    Send,
    Sleep,
    build_request,
    call_flow,
    capabilities,
    endpoint_ids,
    pages_flow,
    parse_response,
    plan_sync,
    step_flow,
    unified_flow,
)

__all__ = [
    "Done",
    "Flow",
    "Headers",
    "Request",
    "Send",
    "Sleep",
    "build_request",
    "call_flow",
    "capabilities",
    "endpoint_ids",
    "pages_flow",
    "parse_response",
    "plan_sync",
    "run_flow",
    "step_flow",
    "unified_flow",
]

Headers = Union[Mapping[str, str], Iterable[tuple[str, str]]]
"""Response headers as a mapping or as ``(name, value)`` pairs."""


def run_flow(
    flow: Flow,
    send: Callable[[Request], tuple[int, Headers, bytes]],
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> Any:
    """Drives ``flow`` to its end with ``send`` as the transport.

    ``send`` returns ``(status, headers, body)`` for any HTTP status. It
    raises :class:`ConnectionRefusedError` when the request never left (then
    even a create is retried) and any other :class:`OSError` when the outcome
    is unknown. Returns the flow's result or raises its typed exception.
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
                status, headers, body = send(step.request)
            except ConnectionRefusedError as e:
                step = flow.on_transport_error(False, str(e), elapsed())
            except OSError as e:
                step = flow.on_transport_error(True, str(e), elapsed())
            else:
                step = flow.on_response(status, headers, body, elapsed())
        else:
            sleep(step.seconds)
            step = flow.on_woken(elapsed())
