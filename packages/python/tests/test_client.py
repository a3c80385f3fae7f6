"""The blocking client against the emulator: what each call changes on the
vendor side, plans and their application, raw endpoint calls."""

from __future__ import annotations

import pytest

import rosterkit
from rosterkit import Permission, Provider
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
    assert report.ok and report.steps[0].step.endpoint_ids == ["polaris.add_group_members"]
    assert [(o.user_id, o.status) for o in report.outcomes] == [(s.outsider_id, "added")]
    assert s.outsider_id in member_ids(client, s.group_id)
    removed = client.remove_members(s.group_id, [s.member_id])
    assert removed.ok and removed.removed == 1
    # No removal endpoint: read the user, write it back without the group, read again.
    assert removed.steps[0].step.endpoint_ids == [
        "polaris.get_user",
        "polaris.update_user",
        "polaris.get_user",
    ]
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
    report = client.add_members(SSW_APPROVAL_GROUP, [alice, bob])
    assert report.ok and report.pending == 2
    assert {o.status for o in report.outcomes} == {"pending_approval"}
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
    plan = client.plan(s.group_id, desired, mode="authoritative")
    assert plan.to_add == [s.outsider_id] and plan.to_remove == [s.member_id]
    assert plan.call_count == 1 and plan.steps[0].action == "add_and_remove"
    emu.clear_request_log()
    report = client.apply(plan)
    report.raise_for_errors()
    assert [r["method"] for r in emu.request_log()] == ["PATCH"]
    assert member_ids(client, s.group_id) == desired
    assert client.plan(s.group_id, desired, mode="authoritative").call_count == 0


@pytest.mark.parametrize("provider", ["ssw", "polaris", "alteryx"])
def test_plan_then_apply_reaches_the_desired_members(emu: Emulator, provider: Provider) -> None:
    client = emu.client(provider)
    s = sample(client)
    current = member_ids(client, s.group_id)
    desired = sorted((current - {s.member_id}) | {s.outsider_id})
    plan = client.plan(s.group_id, desired, mode="authoritative", allow_mass_removal=True)
    assert len(plan.unchanged) == len(current) - 1
    report = client.apply(plan)
    assert report.ok, report.to_dict()
    assert (report.added, report.removed) == (1, 1)
    assert member_ids(client, s.group_id) == set(desired)
    again = client.plan(s.group_id, desired, mode="authoritative")
    assert again.call_count == 0


def test_apply_reports_each_failure(emu: Emulator) -> None:
    client = emu.client("alteryx")
    plan = client.plan(
        ALTERYX_GROUP,
        [ALTERYX_MEMBER, "no-such-user-1"],
        mode="authoritative",
        allow_mass_removal=True,
    )
    client.delete_group(ALTERYX_GROUP, force=True)
    report = client.apply(plan)
    assert not report.ok
    failed = report.failures()[0]
    assert failed.status == "failed" and failed.user_id == "no-such-user-1"
    assert isinstance(failed.error, rosterkit.NotFound)
    # Removals wait for the additions; one failed, so none ran.
    assert {o.status for o in report.failures()} == {"failed", "not_run"}
    assert report.to_dict()["outcomes"][0]["error"]["kind"] == "not_found"
    with pytest.raises(rosterkit.NotFound):
        report.raise_for_errors()


def test_an_unknown_alteryx_user_is_a_failure_inside_a_200(emu: Emulator) -> None:
    client = emu.client("alteryx")
    report = client.add_members(ALTERYX_GROUP, ["070d4c5fd629597a463904ee", "nobody"])
    assert not report.ok and (report.added, report.failed) == (1, 1)
    [bad] = report.failures()
    assert bad.user_id == "nobody" and "not found" in str(bad.error)
    retry = client.replan(report)
    assert retry is not None and retry.to_add == ["nobody"]


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


def test_sync_guards_refuse_before_any_change(emu: Emulator) -> None:
    client = emu.client("ssw")
    emu.clear_request_log()
    with pytest.raises(rosterkit.Refused) as empty:
        client.sync("grp_001", [], mode="authoritative")
    assert empty.value.guard == "empty_desired" and "allow_empty" in str(empty.value)
    with pytest.raises(rosterkit.Refused) as stranger:
        client.sync("grp_001", ["user_1001"], mode="authoritative")
    assert stranger.value.guard == "no_overlap"
    with pytest.raises(rosterkit.Refused) as unknown:
        client.sync("grp_001", ["nobody@nowhere.invalid"], mode="additive")
    assert unknown.value.guard == "unresolved"
    assert {r["method"] for r in emu.request_log()} == {"GET"}


def test_a_sync_by_the_members_own_emails_changes_nothing(emu: Emulator) -> None:
    cases: list[tuple[Provider, str | None]] = [("ssw", "grp_001"), ("polaris", None)]
    for provider, group in cases:
        client = emu.client(provider)
        gid = group or sample(client).group_id
        emails = [m.email for m in client.list_members(gid) if m.email]
        emu.clear_request_log()
        report = client.sync(gid, emails, mode="authoritative")
        assert report.ok and report.added == report.removed == 0
        assert report.unchanged == len(emails)
        assert {r["method"] for r in emu.request_log()} == {"GET"}


def test_capabilities_from_a_client(emu: Emulator) -> None:
    caps = emu.client("spotnana").capabilities()
    assert caps.provider == "spotnana"
    assert caps.list_users.supported is False
    assert caps.email_lookup.supported is False


def test_blocking_calls_from_threads(emu: Emulator) -> None:
    from concurrent.futures import ThreadPoolExecutor

    client = emu.client("b2core")
    with ThreadPoolExecutor(4) as pool:
        results = list(
            pool.map(lambda gid: client.get_group(gid).id, [str(i) for i in range(1, 9)])
        )
    assert results == [str(i) for i in range(1, 9)]
