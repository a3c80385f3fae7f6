"""Ids from the emulator's sample data that the client tests work on."""

from __future__ import annotations

from dataclasses import dataclass

from rosterkit import Client, Permission, PermissionLike, Provider

PROVIDERS: tuple[Provider, ...] = ("ssw", "spotnana", "b2core", "polaris", "alteryx")

# Operation name (as capability tables and Unsupported errors name it) ->
# the capability row that says whether the provider can do it.
OPERATIONS = {
    "list_users": "list_users",
    "list_groups": "list_groups",
    "get_group": "get_group",
    "create_group": "create_group",
    "update_group": "update_group",
    "delete_group": "delete_group",
    "list_members": "list_members",
    "add_members": "add_members",
    "remove_members": "remove_members",
    "approve_member": "approvals",
    "reject_member": "approvals",
}

SSW_APPROVAL_GROUP = "grp_003"  # "Contractors": joining needs an admin's approval
ALTERYX_GROUP = "61d58ac83c15317e1a482069"
ALTERYX_MEMBER = "61d564361d6d5da7ad461a32"


@dataclass(frozen=True)
class Sample:
    """A modifiable group, one of its members, and a user outside it."""

    group_id: str
    member_id: str
    outsider_id: str
    permissions: tuple[PermissionLike, ...] = ()
    role: str | None = None


def _outsider(client: Client, group_id: str, members: set[str]) -> str:
    for group in client.list_groups():
        if group.id == group_id:
            continue
        for m in client.list_members(group.id):
            if m.user_id not in members:
                return m.user_id
    raise AssertionError("no user outside the group")


_CACHE: dict[str, Sample] = {}


def sample(client: Client) -> Sample:
    """Looks the sample ids up through the client itself (once per provider:
    the seed data is the same after every reset)."""
    if client.provider not in _CACHE:
        _CACHE[client.provider] = _lookup(client)
    return _CACHE[client.provider]


def _lookup(client: Client) -> Sample:
    provider = client.provider
    if provider == "b2core":
        # B2Core groups have no members; the ids are never sent.
        return Sample("1", "none", "none", permissions=("accounts.read",))
    if provider == "ssw":
        group_id = "grp_001"
    elif provider == "alteryx":
        group_id = ALTERYX_GROUP
    else:
        # The smallest modifiable group that has members leaves room for outsiders.
        sizes = {
            g.id: len(client.list_members(g.id)) for g in client.list_groups() if not g.read_only
        }
        group_id = min((n, gid) for gid, n in sizes.items() if n > 0)[1]
    members = [m.user_id for m in client.list_members(group_id)]
    outsider = _outsider(client, group_id, set(members))
    if provider == "polaris":
        perms: tuple[PermissionLike, ...] = (
            Permission("ManageDashboards", ["projects/*"]),
            {"name": "AdministerApiKeys"},
        )
        return Sample(group_id, members[0], outsider, permissions=perms)
    if provider == "alteryx":
        return Sample(group_id, ALTERYX_MEMBER, outsider, role="Viewer")
    return Sample(group_id, members[0], outsider)
