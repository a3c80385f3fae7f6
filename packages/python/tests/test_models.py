"""Models: attributes, to_dict, repr, equality, and notebook HTML that
escapes every value."""

from __future__ import annotations

import copy
import pickle

import pytest

from rosterkit import Group, GroupList, MemberList, Permission, UserList
from rosterkit.testing import Emulator

EVIL = '<script>alert("x")</script> & co'


def test_models_to_dict_and_repr(emu: Emulator) -> None:
    client = emu.client("polaris")
    group = next(g for g in client.list_groups() if g.permissions)
    d = group.to_dict()
    assert set(d) == {
        "id",
        "name",
        "description",
        "permissions",
        "role",
        "member_count",
        "read_only",
    }
    assert d["permissions"][0] == group.permissions[0].to_dict()
    assert repr(group).startswith(f"Group(id='{group.id}'")
    member = client.list_members(group.id)[0]
    assert set(member.to_dict()) == {"user_id", "email", "name", "added_at"}
    assert repr(member).startswith("Member(user_id=")
    user = client.list_users()[0]
    assert set(user.to_dict()) == {"id", "email", "username", "name", "status"}
    assert repr(user).startswith("User(id=")


def test_models_are_immutable_values() -> None:
    p = Permission("ReadDataSources", ["projects/a"])
    assert p == Permission("ReadDataSources", ["projects/a"])
    assert p != Permission("ReadDataSources")
    assert repr(p) == "Permission(name='ReadDataSources', resources=['projects/a'])"
    with pytest.raises(AttributeError):
        p.name = "other"  # type: ignore[misc]
    assert hash(p) == hash(Permission("ReadDataSources", ["projects/a"]))
    assert pickle.loads(pickle.dumps(p)) == p
    assert copy.deepcopy(p) == p


def test_group_list_html_escapes(emu: Emulator) -> None:
    client = emu.client("b2core")
    client.create_group(EVIL, ["kyc.read"])
    groups = client.list_groups()
    assert isinstance(groups, GroupList) and isinstance(groups, list)
    assert all(isinstance(g, Group) for g in groups)
    html = groups._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in html
    assert "Administrators" in html
    assert f"{len(groups)} groups" in html


def test_member_and_user_lists_render(emu: Emulator) -> None:
    client = emu.client("ssw")
    members = client.list_members("grp_001")
    assert isinstance(members, MemberList)
    assert "user@example.com" in members._repr_html_()
    users = client.list_users()
    assert isinstance(users, UserList)
    html = users._repr_html_()
    assert "more</td>" in html  # long lists are cut to 200 rows


def test_plan_and_report_html_escape(emu: Emulator) -> None:
    client = emu.client("alteryx")
    group = "61d58ac83c15317e1a482069"
    plan = client.plan(group, ["<i>new</i>"], mode="additive")
    html = plan._repr_html_()  # type: ignore[attr-defined]
    assert "<i>" not in html and "&lt;i&gt;new&lt;/i&gt;" in html
    report = client.apply(plan)
    html = report._repr_html_()  # type: ignore[attr-defined]
    assert "&lt;i&gt;new&lt;/i&gt;" in html and "failed" in html
    assert repr(report).startswith("ApplyReport(provider='alteryx'")
