"""Test helpers: the embedded emulator of all five vendor APIs.

::

    from rosterkit.testing import Emulator

    with Emulator() as emu:
        client = emu.client("b2core")
        assert client.get_group("1").name == "Administrators"

The emulator runs in-process on its own thread, on a free 127.0.0.1 port,
seeded with the same sample data every time; leaving the ``with`` block
stops it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType
from typing import Any

from rosterkit._native import EmulatorServer
from rosterkit.client import AsyncClient, Client, Provider

__all__ = ["Emulator"]


class Emulator:
    """The embedded emulator as a context manager (or ``start()``/``stop()``)."""

    def __init__(self, port: int = 0) -> None:
        """``port`` 0 picks a free port when the emulator starts."""
        self._port = port
        self._server: EmulatorServer | None = None

    def start(self) -> Emulator:
        """Starts serving; returns ``self``."""
        if self._server is None:
            self._server = EmulatorServer(self._port)
        return self

    def stop(self) -> None:
        """Stops serving and joins the server thread; safe to call twice."""
        if self._server is not None:
            self._server.stop()
            self._server = None

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def _running(self) -> EmulatorServer:
        if self._server is None:
            raise RuntimeError("the emulator is not running; use `with Emulator() as emu:`")
        return self._server

    @property
    def root_url(self) -> str:
        """``http://127.0.0.1:PORT``; the admin routes live under ``/_emulator``."""
        return self._running.root_url

    def base_url(self, provider: str) -> str:
        """The base URL for ``provider`` (root URL plus the vendor's prefix)."""
        return self._running.base_url(provider)

    @staticmethod
    def token(provider: str) -> str:
        """The one credential the emulator accepts for ``provider``."""
        return EmulatorServer.token(provider)

    @staticmethod
    def tenant_id(provider: str) -> str | None:
        """The SSW organization id or Spotnana company id of the sample data."""
        return EmulatorServer.tenant_id(provider)

    def client(self, provider: Provider, *, token: str | None = None, **options: Any) -> Client:
        """A ready :class:`Client` for ``provider``, tenant id included.

        ``token`` overrides the accepted credential (to test auth failures);
        ``options`` go to :class:`Client` (``max_attempts``, ``timeout``, ...).
        """
        return Client(
            provider,
            self.base_url(provider),
            token if token is not None else self.token(provider),
            tenant_id=self.tenant_id(provider),
            **options,
        )

    def async_client(
        self, provider: Provider, *, token: str | None = None, **options: Any
    ) -> AsyncClient:
        """A ready :class:`AsyncClient` for ``provider``, tenant id included."""
        return AsyncClient(
            provider,
            self.base_url(provider),
            token if token is not None else self.token(provider),
            tenant_id=self.tenant_id(provider),
            **options,
        )

    def add_fault(
        self,
        fault: Mapping[str, Any] | None = None,
        *,
        status: int | None = None,
        retry_after: str | int | None = None,
        latency_ms: int | None = None,
        drop: bool = False,
        provider: str | None = None,
        method: str | None = None,
        path_prefix: str | None = None,
        times: int | None = None,
        after_handler: bool = False,
    ) -> None:
        """Makes matching requests fail or slow down.

        Either pass the emulator's fault dict as is, or describe it with
        keywords: ``status`` (with an optional ``retry_after``),
        ``latency_ms`` or ``drop``, narrowed by ``provider``, ``method`` and
        ``path_prefix`` (after the vendor prefix), for ``times`` requests
        (forever when None). ``after_handler`` lets the request take effect
        before the fault replaces or drops its response.
        """
        if fault is None:
            kind: dict[str, Any]
            if status is not None:
                kind = {"type": "status", "status": status}
                if retry_after is not None:
                    kind["retry_after"] = str(retry_after)
            elif latency_ms is not None:
                kind = {"type": "latency", "millis": latency_ms}
            elif drop:
                kind = {"type": "drop"}
            else:
                raise ValueError("give a fault dict, or one of status, latency_ms, drop")
            fault = {
                "provider": provider,
                "method": method,
                "path_prefix": path_prefix,
                "kind": kind,
                "times": times,
                "after": after_handler,
            }
        self._running.add_fault(fault)

    def clear_faults(self) -> None:
        """Removes every fault."""
        self._running.clear_faults()

    def request_log(self) -> list[dict[str, Any]]:
        """Every vendor request so far: provider, method, path, query, status."""
        return self._running.request_log()

    def clear_request_log(self) -> None:
        """Forgets the request log."""
        self._running.clear_request_log()

    def reset(self) -> None:
        """Restores the sample data and clears faults and the log."""
        self._running.reset()

    def add_extra_members(self, provider: str, group_id: str, n: int) -> None:
        """Adds ``n`` synthetic users to a group, for paging tests."""
        self._running.add_extra_members(provider, group_id, n)

    def __repr__(self) -> str:
        where = self._server.root_url if self._server is not None else "stopped"
        return f"Emulator({where})"
