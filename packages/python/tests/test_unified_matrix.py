"""Every unified operation on every provider, blocking and async, over real
HTTP against the emulator: supported operations succeed, the others raise
Unsupported naming the provider and the operation before any request."""

from __future__ import annotations

from typing import Any

import pytest

import rosterkit
from rosterkit import (
    ApplyReport,
    AsyncClient,
    Client,
    Group,
    GroupList,
    MemberList,
    Provider,
    UserList,
)
from rosterkit.testing import Emulator

from .samples import OPERATIONS, PROVIDERS, SSW_APPROVAL_GROUP, Sample, sample

CASES = [(p, op) for p in PROVIDERS for op in OPERATIONS]
IDS = [f"{p}-{op}" for p, op in CASES]


def supported(provider: Provider, op: str) -> bool:
    row = getattr(rosterkit.capabilities(provider), OPERATIONS[op])
    return bool(row.supported)


def arguments(op: str, s: Sample, pending: str | None) -> tuple[Any, ...]:
    return {
        "list_users": (),
        "list_groups": (),
        "get_group": (s.group_id,),
        "create_group": ("RosterKit test group", list(s.permissions), s.role),
        "update_group": (s.group_id,),
        "delete_group": (s.group_id,),
        "list_members": (s.group_id,),
        "add_members": (s.group_id, [s.outsider_id]),
        "remove_members": (s.group_id, [s.member_id]),
        "approve_member": (SSW_APPROVAL_GROUP, pending or "nobody"),
        "reject_member": (SSW_APPROVAL_GROUP, pending or "nobody"),
    }[op]


def keywords(op: str) -> dict[str, Any]:
    table: dict[str, dict[str, Any]] = {
        "update_group": {"name": "Renamed by RosterKit"},
        "delete_group": {"force": True},
    }
    return table.get(op, {})


def check(op: str, provider: Provider, result: Any, s: Sample) -> None:
    if op == "list_users":
        assert isinstance(result, UserList) and result
        assert all(u.id for u in result)
    elif op == "list_groups":
        assert isinstance(result, GroupList) and result
        assert s.group_id in {g.id for g in result}
    elif op == "get_group":
        assert isinstance(result, Group) and result.id == s.group_id
    elif op == "create_group":
        assert isinstance(result, Group) and result.name == "RosterKit test group"
        assert result.id
    elif op == "update_group":
        assert result is None or result.name == "Renamed by RosterKit"
    elif op in ("delete_group", "approve_member", "reject_member"):
        assert result is None
    elif op == "list_members":
        assert isinstance(result, MemberList) and s.member_id in {m.user_id for m in result}
    else:
        assert isinstance(result, ApplyReport)
        assert result.ok and result.failed == 0 and len(result.outcomes) >= 1


def pending_join(emu: Emulator, provider: Provider, op: str) -> str | None:
    """For SSW approvals: asks to join the approval group, which leaves the
    request pending, and returns the user."""
    if provider != "ssw" or op not in ("approve_member", "reject_member"):
        return None
    client = emu.client("ssw")
    members = {m.user_id for m in client.list_members(SSW_APPROVAL_GROUP)}
    user = next(u.id for u in client.list_users() if u.id not in members)
    client.add_members(SSW_APPROVAL_GROUP, [user]).raise_for_errors()
    assert user not in {m.user_id for m in client.list_members(SSW_APPROVAL_GROUP)}
    return user


@pytest.mark.parametrize(("provider", "op"), CASES, ids=IDS)
def test_blocking(emu: Emulator, provider: Provider, op: str) -> None:
    client = emu.client(provider)
    s = sample(client)
    pending = pending_join(emu, provider, op)
    emu.clear_request_log()
    method = getattr(client, op)
    if supported(provider, op):
        check(op, provider, method(*arguments(op, s, pending), **keywords(op)), s)
    else:
        with pytest.raises(rosterkit.Unsupported) as info:
            method(*arguments(op, s, pending), **keywords(op))
        assert info.value.provider == provider
        assert info.value.operation == op
        assert info.value.reason
        assert emu.request_log() == [], "an unsupported operation sent a request"


@pytest.mark.asyncio
@pytest.mark.parametrize(("provider", "op"), CASES, ids=IDS)
async def test_async(emu: Emulator, provider: Provider, op: str) -> None:
    s = sample(emu.client(provider))
    pending = pending_join(emu, provider, op)
    client: AsyncClient = emu.async_client(provider)
    emu.clear_request_log()
    method = getattr(client, op)
    if supported(provider, op):
        check(op, provider, await method(*arguments(op, s, pending), **keywords(op)), s)
    else:
        with pytest.raises(rosterkit.Unsupported) as info:
            await method(*arguments(op, s, pending), **keywords(op))
        assert (info.value.provider, info.value.operation) == (provider, op)
        assert emu.request_log() == []


def test_every_provider_has_a_constructor(emu: Emulator) -> None:
    made = [
        Client.ssw(emu.base_url("ssw"), emu.token("ssw"), organization_id="org_demo"),
        Client.spotnana(
            emu.base_url("spotnana"),
            emu.token("spotnana"),
            company_id=emu.tenant_id("spotnana") or "",
        ),
        Client.b2core(emu.base_url("b2core"), emu.token("b2core")),
        Client.polaris(base_url=emu.base_url("polaris"), api_key=emu.token("polaris")),
        Client.alteryx(emu.base_url("alteryx"), emu.token("alteryx"), max_attempts=2, timeout=5),
    ]
    assert [c.provider for c in made] == list(PROVIDERS)
    for c in made:
        assert c.list_groups()
    asyncs = [
        AsyncClient.ssw(emu.base_url("ssw"), emu.token("ssw"), "org_demo"),
        AsyncClient.b2core(emu.base_url("b2core"), emu.token("b2core")),
        AsyncClient.polaris(emu.base_url("polaris"), emu.token("polaris")),
        AsyncClient.alteryx(emu.base_url("alteryx"), emu.token("alteryx")),
        AsyncClient.spotnana(emu.base_url("spotnana"), emu.token("spotnana"), "x"),
    ]
    assert {c.provider for c in asyncs} == set(PROVIDERS)
