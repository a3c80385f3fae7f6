"""The blocking client against the emulator: what each call changes on the
vendor side, plans and their application, raw endpoint calls."""

from __future__ import annotations

import pytest

import rosterkit
from rosterkit import Permission
from rosterkit.testing import Emulator

from .samples import ALTERYX_GROUP, ALTERYX_MEMBER, SSW_APPROVAL_GROUP, sample


def member_ids(client: rosterkit.Client, group_id: str) -> set[str]:
    return {m.user_id for m in client.list_members(group_id)}


def test_b2core_group_round_trip(emu: Emulator) -> None:
    client = emu.client("b2core")
    group = client.create_group("Night Desk", ["deposits.read", "kyc.read"])
    assert [p.name for p in group.permissions] == ["deposits.read", "kyc.read"]
    fetched = client.get_group(group.id)
    assert fetched == group
    updated = client.update_group(group.id, permissions=["audit.read"])
    assert updated is not None
    assert updated.name == "Night Desk"
    assert [p.name for p in updated.permissions] == ["audit.read"]
    client.delete_group(group.id)
    with pytest.raises(rosterkit.NotFound):
        client.get_group(group.id)


def test_polaris_update_keeps_what_is_not_given(emu: Emulator) -> None:
    client = emu.client("polaris")
    group = client.create_group(
        "Analysts", [Permission("ManageDashboards", ["projects/*"]), "AdministerApiKeys"]
    )
    assert group.permissions[0] == Permission("ManageDashboards", ["projects/*"])
    # PUT replaces the group: the core reads it first, so permissions survive.
    renamed = client.update_group(group.id, name="Senior Analysts")
    assert renamed is not None and renamed.name == "Senior Analysts"
    assert client.get_group(group.id).permissions == group.permissions


def test_polaris_members_add_and_remove(emu: Emulator) -> None:
    client = emu.client("polaris")
    s = sample(client)
    report = client.add_members(s.group_id, [s.outsider_id])
    assert report.ok and report.steps[0].step.endpoints == ["polaris.add_group_members"]
    assert s.outsider_id in member_ids(client, s.group_id)
    removed = client.remove_members(s.group_id, [s.member_id])
    assert removed.ok
    assert removed.steps[0].step.endpoints == ["polaris.get_user", "polaris.update_user"]
    assert s.member_id not in member_ids(client, s.group_id)


def test_alteryx_role_update_keeps_the_name(emu: Emulator) -> None:
    client = emu.client("alteryx")
    group = client.create_group("Reviewers", role="Viewer")
    assert group.role == "Viewer"
    client.update_group(group.id, role="Artisan")
    after = client.get_group(group.id)
    assert (after.name, after.role) == ("Reviewers", "Artisan")
    client.delete_group(group.id)
    assert group.id not in {g.id for g in client.list_groups()}


def test_alteryx_force_delete_of_a_non_empty_group(emu: Emulator) -> None:
    client = emu.client("alteryx")
    assert ALTERYX_MEMBER in member_ids(client, ALTERYX_GROUP)
    client.delete_group(ALTERYX_GROUP, force=True)
    with pytest.raises(rosterkit.NotFound):
        client.get_group(ALTERYX_GROUP)


def test_ssw_rename(emu: Emulator) -> None:
    client = emu.client("ssw")
    assert client.update_group("grp_001", name="IT Administrators") is None
    names = {g.id: g.name for g in client.list_groups()}
    assert names["grp_001"] == "IT Administrators"


def test_ssw_approval_flow(emu: Emulator) -> None:
    client = emu.client("ssw")
    members = member_ids(client, SSW_APPROVAL_GROUP)
    alice, bob = [u.id for u in client.list_users() if u.id not in members][:2]
    # Joining a group that needs approval leaves the request pending.
    assert client.add_members(SSW_APPROVAL_GROUP, [alice, bob]).ok
    assert not {alice, bob} & member_ids(client, SSW_APPROVAL_GROUP)
    client.approve_member(SSW_APPROVAL_GROUP, alice)
    client.reject_member(SSW_APPROVAL_GROUP, bob)
    after = member_ids(client, SSW_APPROVAL_GROUP)
    assert alice in after and bob not in after
    # Nothing is pending for bob any more.
    with pytest.raises(rosterkit.ApiError):
        client.approve_member(SSW_APPROVAL_GROUP, bob)


def test_spotnana_adds_and_removes_in_one_call(emu: Emulator) -> None:
    client = emu.client("spotnana")
    s = sample(client)
    current = member_ids(client, s.group_id)
    desired = (current - {s.member_id}) | {s.outsider_id}
    plan = client.plan(s.group_id, desired)
    assert plan.to_add == [s.outsider_id] and plan.to_remove == [s.member_id]
    assert plan.call_count == 1 and plan.steps[0].action == "add_and_remove"
    emu.clear_request_log()
    report = client.apply(plan)
    report.raise_for_errors()
    assert [r["method"] for r in emu.request_log()] == ["PATCH"]
    assert member_ids(client, s.group_id) == desired
    assert client.plan(s.group_id, desired).is_empty()


@pytest.mark.parametrize("provider", ["ssw", "polaris", "alteryx"])
def test_plan_then_apply_reaches_the_desired_members(emu: Emulator, provider: str) -> None:
    client = emu.client(provider)
    s = sample(client)
    current = member_ids(client, s.group_id)
    desired = sorted((current - {s.member_id}) | {s.outsider_id})
    plan = client.plan(s.group_id, desired)
    assert plan.unchanged == len(current) - 1
    report = client.apply(plan)
    assert report.ok, report.to_dict()
    assert report.succeeded == len(plan.steps)
    assert member_ids(client, s.group_id) == set(desired)
    assert client.plan(s.group_id, desired).call_count == 0


def test_apply_reports_each_failure(emu: Emulator) -> None:
    client = emu.client("alteryx")
    plan = client.plan(ALTERYX_GROUP, [ALTERYX_MEMBER, "no-such-user-1"])
    client.delete_group(ALTERYX_GROUP, force=True)
    report = client.apply(plan)
    assert report.failed == len(plan.steps) and not report.ok
    failed = report.steps[0]
    assert not failed.ok and failed.value is None
    assert isinstance(failed.error, rosterkit.ApiError)
    assert report.to_dict()["steps"][0]["error"]["kind"] == failed.error.kind
    with pytest.raises(rosterkit.ApiError):
        report.raise_for_errors()


def test_raw_endpoint_calls(emu: Emulator) -> None:
    client = emu.client("b2core")
    group = client.call("b2core.get_group", {"group_id": "1"})
    assert group["name"] == "Administrators"
    assert client.call("b2core.get_group", group_id="1") == group
    page = client.call("b2core.list_groups", {"limit": 5}, offset=5)
    assert [g["id"] for g in page] == [6, 7, 8, 9, 10]
    with pytest.raises(rosterkit.InvalidInput) as info:
        client.call("polaris.list_groups")
    assert info.value.field == "endpoint"


def test_unified_operation_dicts(emu: Emulator) -> None:
    client = emu.client("alteryx")
    out = client.unified(
        {
            "op": "sync_members",
            "group_id": ALTERYX_GROUP,
            "desired": [ALTERYX_MEMBER],
            "dry_run": True,
        }
    )
    assert out["results"] == []
    assert out["plan"]["to_remove"]
    assert ALTERYX_MEMBER in member_ids(client, ALTERYX_GROUP)


def test_capabilities_from_a_client(emu: Emulator) -> None:
    caps = emu.client("spotnana").capabilities()
    assert caps["provider"] == "spotnana"
    assert caps["list_users"]["supported"] is False


def test_blocking_calls_from_threads(emu: Emulator) -> None:
    from concurrent.futures import ThreadPoolExecutor

    client = emu.client("b2core")
    with ThreadPoolExecutor(4) as pool:
        results = list(
            pool.map(lambda gid: client.get_group(gid).id, [str(i) for i in range(1, 9)])
        )
    assert results == [str(i) for i in range(1, 9)]
