"""Error mapping: each core error kind raises its Python class with its
attributes set, from real HTTP exchanges with the emulator."""

from __future__ import annotations

import socket

import pytest

import rosterkit
from rosterkit import (
    ApiError,
    AuthError,
    Conflict,
    DecodeError,
    InvalidInput,
    NotFound,
    RateLimited,
    RosterKitError,
    TransportError,
    Unsupported,
)
from rosterkit.testing import Emulator

from .samples import ALTERYX_GROUP


def test_hierarchy() -> None:
    for cls in (InvalidInput, Unsupported, ApiError, DecodeError, TransportError):
        assert issubclass(cls, RosterKitError)
    for cls in (AuthError, NotFound, Conflict, RateLimited):
        assert issubclass(cls, ApiError)
    assert issubclass(InvalidInput, ValueError)
    assert issubclass(RosterKitError, Exception)
    assert rosterkit.errors.NotFound is NotFound
    assert NotFound.__module__ == "rosterkit"


def test_401_is_an_auth_error(emu: Emulator) -> None:
    with pytest.raises(AuthError) as info:
        emu.client("polaris", token="wrong-key").list_groups()
    e = info.value
    assert e.status == 401 and e.kind == "auth"
    assert e.details["kind"] == "auth"
    assert e.message


def test_404_is_not_found(emu: Emulator) -> None:
    with pytest.raises(NotFound) as info:
        emu.client("b2core").get_group("424242")
    assert info.value.status == 404
    assert info.value.kind == "not_found"


def test_alteryx_refuses_to_delete_a_non_empty_group(emu: Emulator) -> None:
    client = emu.client("alteryx")
    with pytest.raises(ApiError) as info:
        client.delete_group(ALTERYX_GROUP)
    e = info.value
    assert type(e) is ApiError
    assert e.status == 400
    assert e.message
    # Nothing was deleted.
    assert client.get_group(ALTERYX_GROUP).id == ALTERYX_GROUP


def test_429_after_retries_is_rate_limited(emu: Emulator) -> None:
    emu.add_fault(status=429, retry_after=1, provider="b2core")
    client = emu.client("b2core", max_attempts=2)
    with pytest.raises(RateLimited) as info:
        client.list_groups()
    e = info.value
    assert e.retry_after == 1.0
    assert e.status == 429
    assert e.details["retry_after"] == {"type": "delay", "millis": 1000}
    # Two attempts, both refused: the client waited for Retry-After between them.
    assert [r["status"] for r in emu.request_log()] == [429, 429]


def test_429_then_success_is_retried(emu: Emulator) -> None:
    emu.add_fault(status=429, retry_after=1, provider="b2core", times=1)
    assert emu.client("b2core").get_group("1").name == "Administrators"
    assert [r["status"] for r in emu.request_log()] == [429, 200]


def test_invalid_input_names_the_field(emu: Emulator) -> None:
    client = emu.client("b2core")
    with pytest.raises(InvalidInput) as info:
        client.call("b2core.list_groups", limit=0)
    assert info.value.field == "limit" and info.value.reason
    with pytest.raises(InvalidInput) as ids:
        emu.client("ssw").add_members("grp_001", "user_123")
    assert ids.value.field == "user_ids"
    with pytest.raises(InvalidInput) as element:
        emu.client("ssw").add_members("grp_001", ["user_123", 7])  # type: ignore[list-item]
    assert element.value.field == "user_ids[1]"
    with pytest.raises(InvalidInput) as role:
        emu.client("alteryx").create_group("x", role="Overlord")
    assert role.value.field == "role"
    with pytest.raises(InvalidInput) as path:
        client.get_group("..")
    assert path.value.field == "group_id"
    with pytest.raises(ValueError):
        client.update_group("1")


def test_bad_client_options_name_the_field() -> None:
    with pytest.raises(InvalidInput) as provider:
        rosterkit.Client("okta", "https://x.example", "t")  # type: ignore[arg-type]
    assert provider.value.field == "provider"
    with pytest.raises(InvalidInput) as base:
        rosterkit.Client("b2core", "ftp://x.example", "t")
    assert base.value.field == "base_url"
    with pytest.raises(InvalidInput) as token:
        rosterkit.Client("b2core", "https://x.example", "  ")
    assert token.value.field == "token"
    with pytest.raises(InvalidInput) as timeout:
        rosterkit.Client("b2core", "https://x.example", "t", timeout=-1)
    assert timeout.value.field == "timeout"
    with pytest.raises(InvalidInput) as attempts:
        rosterkit.Client("b2core", "https://x.example", "t", max_attempts=0)
    assert attempts.value.field == "max_attempts"
    with pytest.raises(TypeError):
        rosterkit.Client("b2core", "https://x.example", 42)  # type: ignore[arg-type]


def test_missing_tenant_is_invalid_input(emu: Emulator) -> None:
    client = rosterkit.Client("spotnana", emu.base_url("spotnana"), emu.token("spotnana"))
    with pytest.raises(InvalidInput) as info:
        client.list_groups()
    assert info.value.field == "tenant_id"


def test_connection_refused_is_a_transport_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = rosterkit.Client("b2core", f"http://127.0.0.1:{port}", "t", max_attempts=1)
    with pytest.raises(TransportError) as info:
        client.list_groups()
    assert info.value.kind == "transport" and info.value.message


def test_dropped_connection_is_a_transport_error(emu: Emulator) -> None:
    emu.add_fault(drop=True, provider="b2core", method="POST")
    with pytest.raises(TransportError):
        emu.client("b2core", max_attempts=1).create_group("x")


def test_decode_error_keeps_a_scrubbed_excerpt() -> None:
    with pytest.raises(DecodeError) as info:
        rosterkit.sansio.parse_response(
            "b2core.get_group", {"group_id": "1"}, rosterkit.sansio.Response(200, [], b"<html>")
        )
    assert info.value.excerpt == "<html>"
    assert info.value.kind == "decode"


def test_errors_pickle_their_message() -> None:
    import pickle

    try:
        rosterkit.sansio.build_request("b2core.list_groups", {"limit": 0}, "https://x", "t")
    except InvalidInput as e:
        again = pickle.loads(pickle.dumps(e))
        assert type(again) is InvalidInput
        assert str(again) == str(e)
