"""AsyncClient specifics: real awaitables on the running loop, concurrency,
plans, approvals and errors."""

from __future__ import annotations

import asyncio

import pytest

import rosterkit
from rosterkit.testing import Emulator

from .samples import SSW_APPROVAL_GROUP, sample

pytestmark = pytest.mark.asyncio


async def test_the_loop_keeps_running_during_a_call(emu: Emulator) -> None:
    emu.add_fault(latency_ms=1500, provider="b2core", times=1)
    client = emu.async_client("b2core")
    task = asyncio.ensure_future(client.get_group("1"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    # The emulator holds the answer back: a call that blocked the loop
    # would already be finished here.
    assert not task.done()
    group = await task
    assert group.name == "Administrators"


async def test_concurrent_calls(emu: Emulator) -> None:
    client = emu.async_client("b2core")
    groups = await asyncio.gather(*(client.get_group(str(i)) for i in range(1, 11)))
    assert [g.id for g in groups] == [str(i) for i in range(1, 11)]


async def test_plan_and_apply(emu: Emulator) -> None:
    sync = emu.client("polaris")
    s = sample(sync)
    client = emu.async_client("polaris")
    current = {m.user_id for m in await client.list_members(s.group_id)}
    desired = (current - {s.member_id}) | {s.outsider_id}
    plan = await client.plan(s.group_id, desired)
    assert (plan.to_add, plan.to_remove) == ([s.outsider_id], [s.member_id])
    report = await client.apply(plan)
    report.raise_for_errors()
    assert {m.user_id for m in await client.list_members(s.group_id)} == desired


async def test_approval_flow(emu: Emulator) -> None:
    client = emu.async_client("ssw")
    members = {m.user_id for m in await client.list_members(SSW_APPROVAL_GROUP)}
    user = next(u.id for u in await client.list_users() if u.id not in members)
    await client.add_members(SSW_APPROVAL_GROUP, [user])
    await client.approve_member(SSW_APPROVAL_GROUP, user)
    assert user in {m.user_id for m in await client.list_members(SSW_APPROVAL_GROUP)}
    removed = await client.remove_members(SSW_APPROVAL_GROUP, [user])
    assert removed.ok


async def test_errors_are_typed(emu: Emulator) -> None:
    with pytest.raises(rosterkit.NotFound):
        await emu.async_client("alteryx").get_group("000000000000000000000000")
    emu.add_fault(status=429, retry_after=1, provider="polaris")
    with pytest.raises(rosterkit.RateLimited) as info:
        await emu.async_client("polaris", max_attempts=1).list_groups()
    assert info.value.retry_after == 1.0
    with pytest.raises(rosterkit.InvalidInput) as bad:
        await emu.async_client("ssw").add_members("grp_001", "user_123")
    assert bad.value.field == "user_ids"


async def test_raw_calls_and_unified_ops(emu: Emulator) -> None:
    client = emu.async_client("b2core")
    group = await client.call("b2core.get_group", group_id="1")
    assert group["name"] == "Administrators"
    out = await client.unified({"op": "get_group", "group_id": "1"})
    assert out["name"] == "Administrators"
    created = await client.create_group("Async", ["kyc.read"])
    updated = await client.update_group(created.id, name="Async 2")
    assert updated is not None and updated.name == "Async 2"
    await client.delete_group(created.id)
    with pytest.raises(rosterkit.NotFound):
        await client.get_group(created.id)
