"""Driving RosterKit's sans-IO flows with nothing but the standard library.

`send` is the whole transport: it turns a core request into an HTTP exchange
with urllib.request and hands back a `sansio.Response` for any status.
`rosterkit.sansio.run_flow` does the rest (retries, Retry-After, paging), and
`rosterkit.Client(..., transport=send)` runs the whole client over it.

Run against the embedded emulator::

    python examples/urllib_transport.py
"""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import Any

from rosterkit import sansio


def send(request: sansio.Request) -> sansio.Response:
    """One HTTP exchange with urllib; HTTP errors are answers, not exceptions."""
    headers = {h.name: h.value for h in request.headers}
    req = urllib.request.Request(
        request.url, data=request.body, method=request.method, headers=headers
    )
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return sansio.Response(resp.status, list(resp.headers.items()), resp.read())
    except urllib.error.HTTPError as e:
        with e:
            return sansio.Response(e.code, list(e.headers.items()), e.read())
    except urllib.error.URLError as e:
        # urllib wraps socket errors; unwrap so run_flow can tell "never sent".
        if isinstance(e.reason, OSError):
            raise e.reason from e
        raise OSError(str(e.reason)) from e


def run(flow: sansio.Flow) -> Any:
    """Drives a flow to its result over urllib."""
    return sansio.run_flow(flow, send)


def main() -> None:
    from rosterkit.testing import Emulator

    with Emulator() as emu:
        base, token = emu.base_url("b2core"), emu.token("b2core")
        groups = run(sansio.unified_flow("b2core", {"op": "list_groups"}, base, token))
        print(f"{len(groups)} B2Core groups, first: {groups[0]['name']}")
        group = run(sansio.call_flow("b2core.get_group", {"group_id": "1"}, base, token))
        print(f"group 1 has permissions {group['permissions']}")


if __name__ == "__main__":
    main()
