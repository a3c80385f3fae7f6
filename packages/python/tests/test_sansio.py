"""rosterkit.sansio: request building, response parsing, and core flows
driven by hand and by the urllib example against the emulator."""

from __future__ import annotations

import importlib.util
import json
import socket
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import rosterkit
from rosterkit import sansio
from rosterkit.testing import Emulator

BASE = "https://api.example.com"
TOKEN = "sansio-token-7c1e"


def _example() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "examples" / "urllib_transport.py"
    spec = importlib.util.spec_from_file_location("urllib_transport", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


urllib_transport = _example()


def test_build_request_and_parse_response() -> None:
    req = sansio.build_request("b2core.get_group", {"group_id": "a/b"}, BASE, TOKEN)
    assert req.method == "GET"
    assert req.url == f"{BASE}/api/v2/groups/a%2Fb"
    assert req.header("authorization") == f"Bearer {TOKEN}"
    assert req.body is None
    body = json.dumps({"id": 7, "name": "Ops", "permissions": ["a"]}).encode()
    response = sansio.Response(200, [("Content-Type", "application/json")], body)
    out = sansio.parse_response("b2core.get_group", {"group_id": "7"}, response)
    assert out == {"id": 7, "name": "Ops", "permissions": ["a"]}
    assert list(out) == ["id", "name", "permissions"], "keys in wire order"
    with pytest.raises(rosterkit.NotFound) as info:
        sansio.parse_response("b2core.get_group", {"group_id": "7"}, sansio.Response(404))
    assert info.value.status == 404


def test_request_body_is_bytes() -> None:
    req = sansio.build_request("b2core.create_group", {"name": "Ops"}, BASE, TOKEN)
    assert req.method == "POST"
    assert isinstance(req.body, bytes)
    assert json.loads(req.body)["name"] == "Ops"


def test_request_repr_hides_the_token() -> None:
    req = sansio.build_request("polaris.list_groups", None, BASE, TOKEN)
    assert req.header("Authorization") == f"Basic {TOKEN}"
    assert TOKEN not in repr(req)
    assert "Basic ***" in repr(req)


def test_bad_input_names_the_field() -> None:
    with pytest.raises(rosterkit.InvalidInput) as info:
        sansio.build_request("b2core.list_groups", {"limit": 0}, BASE, TOKEN)
    assert info.value.field == "limit"
    assert isinstance(info.value, ValueError)
    with pytest.raises(rosterkit.InvalidInput) as unknown:
        sansio.build_request("okta.list_users", {}, BASE, TOKEN)
    assert unknown.value.field == "endpoint"
    with pytest.raises(rosterkit.InvalidInput) as not_json:
        sansio.build_request("b2core.get_group", {"group_id": object()}, BASE, TOKEN)
    assert not_json.value.field == "group_id"


def test_flow_retries_a_429_after_retry_after() -> None:
    flow = sansio.call_flow("b2core.get_group", {"group_id": "1"}, BASE, TOKEN, seed=1)
    step = flow.start()
    assert isinstance(step, sansio.Send)
    assert step.request.url == f"{BASE}/api/v2/groups/1"
    step = flow.on_response(sansio.Response(429, [("Retry-After", "2")]), 10)
    assert isinstance(step, sansio.Sleep)
    assert step.millis == 2000
    assert step.seconds == 2.0
    step = flow.on_woken(2010)
    assert isinstance(step, sansio.Send)
    step = flow.on_response(
        sansio.Response(200, [], b'{"id": 1, "name": "Administrators", "permissions": []}'),
        2020,
    )
    assert isinstance(step, sansio.Done)
    assert step.ok and step.error is None
    assert step.value["name"] == "Administrators"
    # A finished flow refuses more input instead of restarting.
    again = flow.on_woken(3000)
    assert isinstance(again, sansio.Done)
    with pytest.raises(rosterkit.InvalidInput) as info:
        _ = again.value
    assert info.value.field == "flow"


def test_done_raises_the_typed_exception() -> None:
    flow = sansio.call_flow(
        "b2core.get_group", {"group_id": "1"}, BASE, TOKEN, retry={"max_attempts": 1}
    )
    assert isinstance(flow.start(), sansio.Send)
    step = flow.on_response(sansio.Response(429, [("Retry-After", "5")]), 1)
    assert isinstance(step, sansio.Done)
    assert not step.ok
    assert isinstance(step.error, rosterkit.RateLimited)
    with pytest.raises(rosterkit.RateLimited) as info:
        _ = step.value
    assert info.value.retry_after == 5.0


def test_transport_error_before_sending_is_retried() -> None:
    flow = sansio.call_flow(
        "b2core.create_group", {"name": "x"}, BASE, TOKEN, retry={"max_attempts": 2}
    )
    assert isinstance(flow.start(), sansio.Send)
    step = flow.on_transport_error(False, "connection refused", 1)
    assert isinstance(step, sansio.Sleep)
    assert isinstance(flow.on_woken(step.millis + 1), sansio.Send)
    done = flow.on_transport_error(False, "connection refused", 500)
    assert isinstance(done, sansio.Done)
    assert isinstance(done.error, rosterkit.TransportError)


def test_unified_flow_checks_support_before_any_request() -> None:
    with pytest.raises(rosterkit.Unsupported) as info:
        sansio.unified_flow("b2core", {"op": "list_members", "group_id": "1"}, BASE, TOKEN)
    assert info.value.provider == "b2core"
    assert info.value.operation == "list_members"
    with pytest.raises(rosterkit.InvalidInput) as bad:
        sansio.unified_flow("b2core", {"op": "nope"}, BASE, TOKEN)
    assert bad.value.field == "op"
    with pytest.raises(rosterkit.InvalidInput) as provider:
        sansio.unified_flow("okta", {"op": "list_groups"}, BASE, TOKEN)  # type: ignore[arg-type]
    assert provider.value.field == "provider"


def test_a_plan_is_a_flow_too() -> None:
    # The dry run of a sync reads the members; the plan comes back typed.
    flow = sansio.unified_flow(
        "spotnana",
        {
            "op": "plan_sync",
            "group_id": "g1",
            "desired": ["b", "c", "d"],
            "options": {"mode": "authoritative"},
        },
        BASE,
        TOKEN,
        tenant_id="co",
    )
    step = flow.start()
    assert isinstance(step, sansio.Send)
    members = {
        "members": [{"userId": u} for u in ("a", "b", "c")],
        "pagination": {"offset": 0, "limit": 100, "totalNumResults": 3},
    }
    done = flow.on_response(sansio.Response(200, [], json.dumps(members).encode()))
    assert isinstance(done, sansio.Done)
    plan = done.value
    assert (plan["to_add"], plan["to_remove"], plan["unchanged"]) == (["d"], ["a"], ["b", "c"])
    assert plan["steps"][0]["endpoint_ids"] == ["spotnana.update_user_group_members"]


def test_capabilities_table() -> None:
    caps = sansio.capabilities("ssw")
    assert caps.provider == "ssw"
    assert caps.create_group.supported is False
    assert caps.create_group.note
    ids = sansio.endpoint_ids()
    assert len(set(ids)) == len(ids) >= 43
    assert "ssw.list_members" in ids and "alteryx.delete_user_group" in ids


# The urllib example, over real HTTP against the emulator.


def test_urllib_example_runs_unified_and_endpoint_flows(emu: Emulator) -> None:
    base, token = emu.base_url("b2core"), emu.token("b2core")
    groups = urllib_transport.run(sansio.unified_flow("b2core", {"op": "list_groups"}, base, token))
    assert any(g["name"] == "Administrators" for g in groups)
    group = urllib_transport.run(
        sansio.call_flow("b2core.get_group", {"group_id": "1"}, base, token)
    )
    assert group["name"] == "Administrators"
    with pytest.raises(rosterkit.NotFound):
        urllib_transport.run(sansio.call_flow("b2core.get_group", {"group_id": "999"}, base, token))


def test_urllib_example_walks_every_page(emu: Emulator) -> None:
    base, token = emu.base_url("ssw"), emu.token("ssw")
    everyone = emu.client("ssw").list_members("grp_002")
    emu.clear_request_log()
    flow = sansio.pages_flow(
        "ssw.list_group_members", {"group_id": "grp_002", "page_size": 50}, base, token
    )
    items: list[dict[str, Any]] = urllib_transport.run(flow)
    assert len(items) == len(everyone) > 50
    pages = [r for r in emu.request_log() if r["path"] == "/iam/v1/group/members"]
    assert len(pages) == -(-len(everyone) // 50)


def test_urllib_example_honours_retry_after(emu: Emulator) -> None:
    emu.add_fault(status=429, retry_after=1, provider="b2core", times=1)
    base, token = emu.base_url("b2core"), emu.token("b2core")
    group = urllib_transport.run(
        sansio.call_flow("b2core.get_group", {"group_id": "1"}, base, token)
    )
    assert group["id"] == 1
    assert [r["status"] for r in emu.request_log()] == [429, 200]


def test_urllib_transport_carries_the_whole_client(emu: Emulator) -> None:
    # The same driver, over urllib: a plan applied with a report per user.
    group_id = "61d58ac83c15317e1a482069"
    client = rosterkit.Client(
        "alteryx", emu.base_url("alteryx"), emu.token("alteryx"), transport=urllib_transport.send
    )
    members = [m.user_id for m in client.list_members(group_id)]
    report = client.sync(group_id, members[1:], mode="authoritative")
    assert report.ok and report.removed == 1
    assert sorted(m.user_id for m in client.list_members(group_id)) == sorted(members[1:])


def test_urllib_example_reports_connection_refused() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # Nothing listens on the port now.
    flow = sansio.call_flow(
        "b2core.get_group",
        {"group_id": "1"},
        f"http://127.0.0.1:{port}",
        TOKEN,
        retry={"max_attempts": 1},
    )
    with pytest.raises(rosterkit.TransportError):
        urllib_transport.run(flow)
