"""What Python users expect from an SDK: per-call options, a real
TimeoutError, the standard logging module, lists that slice and become
DataFrames, and the pytest fixture."""

from __future__ import annotations

import builtins
import logging

import pytest

import rosterkit
from rosterkit import sansio
from rosterkit.testing import Emulator


def test_the_plugin_fixture_is_the_emulator(rosterkit_emulator: Emulator) -> None:
    client = rosterkit_emulator.client("b2core")
    assert client.get_group("1").name == "Administrators"


def test_a_slow_exchange_is_a_timeout_error(emu: Emulator) -> None:
    emu.add_fault(latency_ms=1500, provider="b2core")
    client = emu.client("b2core", max_attempts=1)
    with pytest.raises(rosterkit.TimeoutError) as info:
        client.with_options(timeout=0.2).list_groups()
    assert isinstance(info.value, builtins.TimeoutError)
    assert isinstance(info.value, rosterkit.TransportError)
    assert "timed out" in str(info.value)


def test_with_options_changes_retries_for_those_calls_only(emu: Emulator) -> None:
    client = emu.client("b2core", retry={"max_attempts": 3, "base_delay_ms": 1, "max_delay_ms": 2})
    emu.add_fault(status=503, provider="b2core", method="GET", times=1)
    with pytest.raises(rosterkit.ApiError):
        client.with_options(max_retries=0).get_group("1")
    emu.add_fault(status=503, provider="b2core", method="GET", times=1)
    assert client.get_group("1").name == "Administrators", "the client itself still retries"


def test_extra_headers_are_sent_and_authorization_is_refused() -> None:
    seen: list[sansio.Request] = []

    def send(request: sansio.Request) -> sansio.Response:
        seen.append(request)
        return sansio.Response(200, [("Content-Type", "application/json")], b"[]")

    client = rosterkit.Client("b2core", "https://b2.example", "tok-secret", transport=send)
    client.with_options(extra_headers={"X-Trace-Id": "t-42"}).list_groups()
    assert seen[-1].header("X-Trace-Id") == "t-42"
    client.list_groups()
    assert seen[-1].header("X-Trace-Id") is None, "only the derived client sends it"
    with pytest.raises(rosterkit.InvalidInput) as bad:
        client.with_options(extra_headers={"authorization": "Bearer other"})
    assert bad.value.field == "headers"


def test_one_debug_line_per_request_and_never_the_token(
    emu: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    client = emu.client("b2core")
    with caplog.at_level(logging.DEBUG, logger="rosterkit"):
        client.get_group("1")
    lines = [r.getMessage() for r in caplog.records if r.name == "rosterkit"]
    assert len(lines) == 1, lines
    assert lines[0].startswith("GET http://127.0.0.1:")
    assert "/api/v2/groups/1 -> 200 in " in lines[0]
    assert emu.token("b2core") not in caplog.text
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="rosterkit"):
        client.get_group("1")
    assert not [r for r in caplog.records if r.name == "rosterkit"], "quiet above DEBUG"


def test_lists_stay_lists_of_their_kind_when_sliced(emu: Emulator) -> None:
    groups = emu.client("ssw").list_groups()
    assert isinstance(groups[:3], rosterkit.GroupList)
    assert "<table" in groups[:3]._repr_html_()
    assert isinstance(groups[0], rosterkit.Group)


def test_lists_become_dataframes(emu: Emulator) -> None:
    pandas = pytest.importorskip("pandas")
    frame = emu.client("b2core").list_groups().to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns)[:2] == ["id", "name"]
    assert len(frame) == 26


def test_endpoint_ids_are_typed_and_complete() -> None:
    """``EndpointId`` (a ``Literal`` for mypy) lists exactly the core's ids."""
    from typing import get_args

    assert list(get_args(rosterkit.EndpointId)) == sansio.endpoint_ids()
