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
    plan = await client.plan(s.group_id, desired, mode="authoritative")
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


async def test_raw_calls(emu: Emulator) -> None:
    client = emu.async_client("b2core")
    group = await client.call("b2core.get_group", group_id="1")
    assert group["name"] == "Administrators"
    created = await client.create_group("Async", ["kyc.read"])
    updated = await client.update_group(created.id, name="Async 2")
    assert updated is not None and updated.name == "Async 2"
    await client.delete_group(created.id)
    with pytest.raises(rosterkit.NotFound):
        await client.get_group(created.id)


async def test_a_cancelled_apply_reports_what_it_did(emu: Emulator) -> None:
    client = emu.async_client("ssw", concurrency=1)
    members = sorted(m.user_id for m in await client.list_members("grp_001"))[:5]
    emu.add_fault(latency_ms=300, provider="ssw", method="DELETE")
    plan = await client.plan("grp_001", members, mode="authoritative", allow_mass_removal=True)
    plan = await client.plan(
        "grp_001",
        [m.user_id for m in await client.list_members("grp_001") if m.user_id not in members],
        mode="authoritative",
        allow_mass_removal=True,
    )
    assert len(plan.to_remove) == 5
    emu.clear_request_log()
    task = asyncio.ensure_future(client.apply(plan))
    await asyncio.sleep(0.75)
    task.cancel()
    with pytest.raises(asyncio.CancelledError) as cancelled:
        await task
    report = cancelled.value.report  # type: ignore[attr-defined]
    assert report is not None and report.cancelled and not report.ok
    await asyncio.sleep(0.5)
    deleted = {r["path"].rsplit("/", 1)[1] for r in emu.request_log() if r["method"] == "DELETE"}
    by_status = {o.user_id: o.status for o in report.outcomes}
    # Every change the emulator saw is reported removed or unknown, never "not run".
    for user in deleted:
        assert by_status[user] in ("removed", "unknown"), (user, by_status)
    assert any(s == "not_run" for s in by_status.values())
    assert all(by_status[u] != "removed" for u in members if u not in deleted)
