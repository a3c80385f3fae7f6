"""No token in any repr, str, error message or traceback."""

from __future__ import annotations

import traceback

import pytest

import rosterkit
from rosterkit import Provider, sansio
from rosterkit.testing import Emulator

TOKEN = "tok-DISTINCTIVE-9f2a7c41e0"


def assert_clean(*texts: str) -> None:
    for text in texts:
        assert TOKEN not in text
        assert "DISTINCTIVE" not in text


@pytest.mark.parametrize("provider", rosterkit.PROVIDERS)
def test_clients_never_show_the_token(emu: Emulator, provider: Provider) -> None:
    client = emu.client(provider, token=TOKEN)
    aclient = emu.async_client(provider, token=TOKEN)
    assert_clean(repr(client), str(client), repr(aclient), str(aclient))
    assert_clean(repr(client._native), repr(vars(client)))


@pytest.mark.parametrize("provider", rosterkit.PROVIDERS)
def test_auth_errors_never_show_the_token(emu: Emulator, provider: Provider) -> None:
    client = emu.client(provider, token=TOKEN)
    with pytest.raises(rosterkit.AuthError) as info:
        client.list_groups()
    e = info.value
    tb = "".join(traceback.format_exception(type(e), e, e.__traceback__))
    assert_clean(str(e), repr(e), tb, repr(e.details), repr(vars(e)))
    assert e.status == 401


@pytest.mark.asyncio
async def test_async_auth_errors_never_show_the_token(emu: Emulator) -> None:
    with pytest.raises(rosterkit.AuthError) as info:
        await emu.async_client("ssw", token=TOKEN).list_groups()
    e = info.value
    assert_clean(str(e), repr(e), "".join(traceback.format_exception(type(e), e, e.__traceback__)))


def test_invalid_tokens_are_refused_without_echo() -> None:
    bad = TOKEN + "\r\nX-Injected: 1"
    with pytest.raises(rosterkit.InvalidInput) as info:
        rosterkit.Client("b2core", "https://x.example", bad)
    assert info.value.field == "token"
    assert_clean(str(info.value), repr(info.value))
    with pytest.raises(rosterkit.InvalidInput) as built:
        sansio.build_request("b2core.list_groups", None, "https://x.example", bad)
    assert_clean(str(built.value), repr(built.value))


def test_sansio_objects_never_show_the_token() -> None:
    req = sansio.build_request("alteryx.list_user_groups", None, "https://x.example/webapi", TOKEN)
    assert req.header("Authorization") == f"Bearer {TOKEN}"
    flow = sansio.call_flow("alteryx.list_user_groups", None, "https://x.example/webapi", TOKEN)
    step = flow.start()
    assert isinstance(step, sansio.Send)
    assert_clean(repr(req), repr(step), repr(flow))
    done = flow.on_response(sansio.Response(401, [], b'{"message": "bad token"}'), 1)
    assert isinstance(done, sansio.Done)
    assert_clean(repr(done), str(done.error), repr(done.error))


def _echo(body: bytes, status: int = 401) -> rosterkit.Transport:
    def send(request: sansio.Request) -> sansio.Response:
        return sansio.Response(status, [("Content-Type", "text/html")], body)

    return send


@pytest.mark.parametrize(
    "body",
    [
        f"invalid token {TOKEN}".encode(),
        b'{"message": "key \'' + TOKEN.encode() + b"' is not valid\"}",
        f"<html><body><p>Bad credential: {TOKEN}</p></body></html>".encode(),
        b"Basic " + __import__("base64").b64encode(f"{TOKEN}:".encode()) + b" was rejected",
        f"token ...{TOKEN[4:]} expired".encode(),
    ],
)
def test_a_server_echoing_the_token_never_gets_it_printed(body: bytes) -> None:
    import base64

    providers: tuple[rosterkit.Provider, ...] = ("polaris", "ssw")
    for provider in providers:
        client = rosterkit.Client(
            provider,
            "https://echo.example",
            TOKEN,
            tenant_id="org",
            max_attempts=1,
            transport=_echo(body),
        )
        with pytest.raises(rosterkit.RosterKitError) as info:
            client.list_groups()
        e = info.value
        tb = "".join(traceback.format_exception(type(e), e, e.__traceback__))
        b64 = base64.b64encode(f"{TOKEN}:".encode()).decode()
        for text in (str(e), repr(e), tb, repr(e.details), e.message):
            assert_clean(text)
            assert b64.rstrip("=") not in text
        # Through a report too.
        report_client = rosterkit.Client(
            "alteryx", "https://echo.example", TOKEN, max_attempts=1, transport=_echo(body)
        )
        report = report_client.add_members("g", ["u1"])
        assert_clean(repr(report), repr(report.to_dict()), str(report.failures()[0].error))
