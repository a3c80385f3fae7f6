"""Writes the unified behaviour vectors in tests/vectors/unified/ (see README.md).

Run from anywhere with Python 3.11 or later, standard library only:

    python3 tests/vectors/unified/generate.py

Every request and every expected value below is written by hand from the
vendor documents (/work/shared/vendor-docs: the five vendor files and
REFERENCES.md) and from the core's public types (the unified models, the plan
and the report, the error kinds); nothing here calls the Rust code. The
output is deterministic: the same script always writes the same bytes.

The URL and response helpers come from the golden endpoint vectors one level
up (tests/vectors/generate.py), loaded by path.
"""

from __future__ import annotations

import importlib.util
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent


def _golden():
    """tests/vectors/generate.py, loaded by path (this file has the same name)."""
    spec = importlib.util.spec_from_file_location(
        "golden_vectors", HERE.parent / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


golden = _golden()
enc = golden.enc
path_query = golden.path_query
response = golden.response

TOKEN = golden.TOKEN
BASE = {vendor: spec["base"] for vendor, spec in golden.VENDORS.items()}

# A retry policy that tries a call at most twice with tiny waits (the runner's
# sleeps return at once anyway). Cases without `retry` never retry.
RETRY_TWICE = {
    "max_attempts": 2,
    "base_delay_ms": 1,
    "max_delay_ms": 2,
    "max_retry_after_ms": 5000,
    "deadline_ms": 60000,
}

# ---------------------------------------------------------------------------
# The vector format.
# ---------------------------------------------------------------------------

NO_TENANT = object()


def case(name, provider, op, exchanges, expect, *, tenant=None, retry=None):
    """One case. `tenant` defaults to the provider's (SSW organization,
    Spotnana company, none for the others); NO_TENANT leaves it out."""
    if tenant is None:
        tenant = TENANT.get(provider)
    elif tenant is NO_TENANT:
        tenant = None
    c = {
        "name": name,
        "provider": provider,
        "target": {"base_url": BASE[provider], "token": TOKEN, "tenant_id": tenant},
    }
    if retry is not None:
        c["retry"] = retry
    c["op"] = op
    c["exchanges"] = exchanges
    c["expect"] = expect
    return c


def req(provider, method, path, query=(), body=None):
    """An expected request; `body` is None, ("json", value) or ("text", str)."""
    wire = None
    if body is not None:
        kind, value = body
        assert kind in ("json", "text"), kind
        wire = {kind: value}
    return {
        "method": method,
        "url": BASE[provider] + path_query(path, query),
        "body": wire,
    }


def ex(request, resp):
    return {"request": request, "response": resp}


def ok(value):
    return {"ok": value}


def fails(kind, **fields):
    """An expected error: the kind and the fields the case pins down."""
    return {"error": {"kind": kind, **fields}}


def empty(status=200):
    return response(status, empty=True)


def unsupported(provider, operation=None):
    fields = {"provider": provider}
    if operation is not None:
        fields["operation"] = operation
    return fails("unsupported", **fields)


def refused(guard):
    return fails("refused", guard=guard)


# The core's error objects as they appear inside a result (an apply report):
# every field, `debug_identifier` only when the vendor sent one.


def api_error(status, code, message):
    return {"kind": "api", "status": status, "vendor_code": code, "message": message}


# ---------------------------------------------------------------------------
# Unified results (crates/rosterkit-core/src/unified/model.rs).
# ---------------------------------------------------------------------------


def group(
    gid,
    name=None,
    *,
    description=None,
    permissions=(),
    role=None,
    member_count=None,
    read_only=False,
):
    return {
        "id": gid,
        "name": name,
        "description": description,
        "permissions": list(permissions),
        "role": role,
        "member_count": member_count,
        "read_only": read_only,
    }


def perm(name, *resources):
    """A unified permission: no resources means everywhere."""
    return {"name": name, "resources": list(resources)}


def user(uid, email=None, *, username=None, name=None, status=None):
    return {
        "id": uid,
        "email": email,
        "username": username,
        "name": name,
        "status": status,
    }


def member(uid, email=None, *, name=None, added_at=None):
    return {"user_id": uid, "email": email, "name": name, "added_at": added_at}


# ---------------------------------------------------------------------------
# Plans and reports (crates/rosterkit-core/src/membership/).
# ---------------------------------------------------------------------------


def call_step(action, endpoint, inp, add=(), remove=()):
    """A step that is one endpoint call, given as `{"endpoint", "input"}`."""
    return {
        "action": action,
        "add": list(add),
        "remove": list(remove),
        "kind": {"type": "call", "operation": {"endpoint": endpoint, "input": inp}},
        "endpoint_ids": [endpoint],
    }


def plan(
    provider,
    group_id,
    steps,
    *,
    to_add=(),
    to_remove=(),
    mode=None,
    entries=(),
    current_count=0,
    unchanged=(),
):
    return {
        "provider": provider,
        "group_id": group_id,
        "mode": mode,
        "entries": list(entries),
        "current_count": current_count,
        "to_add": list(to_add),
        "to_remove": list(to_remove),
        "unchanged": list(unchanged),
        "steps": list(steps),
        "call_count": sum(len(s["endpoint_ids"]) for s in steps),
    }


def entry(given, user_id, resolution):
    return {"entry": given, "user_id": user_id, "resolution": resolution}


def outcome(user_id, change, status, error=None, given=None):
    return {
        "user_id": user_id,
        "entry": given,
        "change": change,
        "status": status,
        "error": error,
    }


def added(uid, given=None):
    return outcome(uid, "add", "added", given=given)


def removed(uid):
    return outcome(uid, "remove", "removed")


def kept(uid, given=None):
    return outcome(uid, "keep", "already_member", given=given)


SUCCESS = {"added", "removed", "already_member", "not_member", "pending_approval"}


def step_status(users):
    """StepStatus as documented: succeeded when every user is as desired,
    unknown when any outcome is, not_run / failed when all are, else partial."""
    statuses = [u["status"] for u in users]
    if all(s in SUCCESS for s in statuses):
        return "succeeded"
    if "unknown" in statuses:
        return "unknown"
    if all(s == "not_run" for s in statuses):
        return "not_run"
    if all(s == "failed" for s in statuses):
        return "failed"
    return "partially_failed"


def report(provider, group_id, stepped, others=()):
    """An apply report: `stepped` lists (step, its users' outcomes) in plan
    order; `others` are the kept members and skipped entries that follow."""
    outcomes = []
    steps = []
    for step, users in stepped:
        first_error = next((u["error"] for u in users if u["error"] is not None), None)
        steps.append({"step": step, "status": step_status(users), "error": first_error})
        outcomes += users
    outcomes += others

    def count(*statuses):
        return sum(o["status"] in statuses for o in outcomes)

    return {
        "provider": provider,
        "group_id": group_id,
        "outcomes": outcomes,
        "steps": steps,
        "cancelled": False,
        "ok": count("failed", "unknown", "not_run") == 0,
        "added": count("added"),
        "removed": count("removed"),
        "unchanged": count("already_member", "not_member"),
        "pending": count("pending_approval"),
        "failed": count("failed"),
        "unknown": count("unknown"),
        "not_run": count("not_run"),
        "unresolved": count("unresolved"),
    }


def options(mode, **flags):
    return {"mode": mode, **flags}


# ---------------------------------------------------------------------------
# SSW (000_9864484e91baf0a8.txt): every answer is {"code", "data", "message"}.
# ---------------------------------------------------------------------------

SSW_ORG = "org_001"
GRP = "grp_001"  # "IT Admins", the document's Step B example
GRP2 = "grp_002"
SSW_EMAILS = {
    "user_101": "ana.lopez@example.com",
    "user_102": "ben.okafor@example.com",
    "user_103": "chen.wei@example.com",
    "user_104": "dara.singh@example.com",
    "user_105": "eli.novak@example.com",
}
SSW_SUCCESS = {"code": 0, "message": "success"}  # Steps D and F


def ssw_member(uid, status=None):
    m = {"user_id": uid, "email": SSW_EMAILS[uid]}
    if status is not None:
        m["status"] = status
    return m


def ssw_data(data):
    return response(200, {"code": 0, "data": data})


def ssw_group_members(group_id=GRP, page=1, page_size=100):
    """Step C: GET /iam/v1/group/members?group_id=..&page=..&page_size=.."""
    query = [("group_id", group_id), ("page", page), ("page_size", page_size)]
    return req("ssw", "GET", "/iam/v1/group/members", query)


def ssw_members_answer(uids, **paging):
    return ssw_data({"members": [ssw_member(u) for u in uids], **paging})


def ssw_org_members(page=1, page_size=100):
    """Step A: GET /iam/v1/organization/members?page=..&page_size=.."""
    query = [("page", page), ("page_size", page_size)]
    return req("ssw", "GET", "/iam/v1/organization/members", query)


# The organization directory: every SSW user above, one page.
SSW_DIRECTORY = ssw_data(
    {
        "members": [ssw_member(u, "active") for u in SSW_EMAILS],
        "page": 1,
        "page_size": 100,
        "total": len(SSW_EMAILS),
    }
)


def ssw_groups(page=1, page_size=100):
    """Step B: GET /iam/v1/organization/{organization_id}/groups."""
    path = f"/iam/v1/organization/{enc(SSW_ORG)}/groups"
    return req("ssw", "GET", path, [("page", page), ("page_size", page_size)])


def ssw_add(uid, group_id=GRP):
    """Step D: POST /iam/v1/group/{group_id}/members/{user_id}, no body."""
    return req("ssw", "POST", f"/iam/v1/group/{group_id}/members/{uid}")


def ssw_remove(uid, group_id=GRP):
    """Step F: DELETE /iam/v1/group/{group_id}/members/{user_id}."""
    return req("ssw", "DELETE", f"/iam/v1/group/{group_id}/members/{uid}")


def ssw_add_step(uid, group_id=GRP):
    inp = {"group_id": group_id, "user_id": uid}
    return call_step("add", "ssw.add_group_member", inp, add=[uid])


def ssw_remove_step(uid, group_id=GRP):
    inp = {"group_id": group_id, "user_id": uid}
    return call_step("remove", "ssw.remove_group_member", inp, remove=[uid])


def ssw_member_out(uid):
    return member(uid, SSW_EMAILS[uid])


# ---------------------------------------------------------------------------
# Spotnana (001_8ad0a0e9917e92fe.txt and REFERENCES.md).
# ---------------------------------------------------------------------------

SN_COMPANY = golden.SN_COMPANY
SN_G1 = golden.SN_GROUP  # "Travel Arrangers"
SN_G2 = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"  # platform-made: isUnmodifiable
SN_G3 = "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f"
SN_U1 = golden.SN_USER
SN_U2 = golden.SN_USER2
SN_U3 = "a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607"
SN_U4 = "d4e5f607-1829-4a3b-9c4d-5e6f708192a3"
SN_U5 = "f7081920-a3b4-4c5d-8e6f-7a8b9c0d1e2f"
SN_PAGE = {"offset": 0, "limit": 100}  # the reference's default limit
SN_DEBUG = "0f5c1b7e9a2d4c31"


def sn_group(gid, name, description, unmodifiable=False):
    return {
        "id": gid,
        "name": name,
        "description": description,
        "companyId": SN_COMPANY,
        "isUnmodifiable": unmodifiable,
    }


SN_TRAVEL = sn_group(SN_G1, "Travel Arrangers", "Books travel for the sales team")
SN_ADMINS = sn_group(SN_G2, "Company Admins", "Created by the platform", True)
SN_FINANCE = sn_group(SN_G3, "Finance Approvers", "Approves trips over budget")


def sn_group_out(g):
    return group(
        g["id"],
        g["name"],
        description=g["description"],
        read_only=g["isUnmodifiable"],
    )


def sn_path(suffix=""):
    return f"/v3/companies/{enc(SN_COMPANY)}/user-groups{suffix}"


def sn_list_groups(offset=0):
    body = {"pagination": {"offset": offset, "limit": 100}}
    return req("spotnana", "POST", sn_path("/list"), body=("json", body))


def sn_get(gid):
    return req("spotnana", "GET", sn_path(f"/{gid}"))


def sn_list_members(gid, offset=0):
    body = {"pagination": {"offset": offset, "limit": 100}}
    return req("spotnana", "POST", sn_path(f"/{gid}/members"), body=("json", body))


def sn_members_answer(uids, total):
    members = [{"userId": u, "addedAt": "2024-03-01T09:30:00Z"} for u in uids]
    return response(200, {"members": members, "pagination": {"totalNumResults": total}})


def sn_patch(gid, add=(), remove=()):
    """PATCH .../members: userIdsToAdd (the document), userIdsToRemove (the
    public reference); absent when empty."""
    body = {}
    if add:
        body["userIdsToAdd"] = list(add)
    if remove:
        body["userIdsToRemove"] = list(remove)
    return req("spotnana", "PATCH", sn_path(f"/{gid}/members"), body=("json", body))


def sn_patch_step(gid, add=(), remove=()):
    action = "add_and_remove" if add and remove else ("add" if add else "remove")
    inp = {"companyId": SN_COMPANY, "groupId": gid}
    if add:
        inp["userIdsToAdd"] = list(add)
    if remove:
        inp["userIdsToRemove"] = list(remove)
    return call_step(
        action, "spotnana.update_user_group_members", inp, add=add, remove=remove
    )


def sn_member_out(uid):
    return member(uid, added_at="2024-03-01T09:30:00Z")


# ---------------------------------------------------------------------------
# B2Core (002_1a2c9dc34cbc7b4f.txt).
# ---------------------------------------------------------------------------

B2_ADMINS = golden.B2_ADMINS
B2_SUPPORT = {"id": 2, "name": "Support", "permissions": ["accounts.read"]}


def b2_out(g):
    return group(
        str(g["id"]), g["name"], permissions=[perm(p) for p in g["permissions"]]
    )


# ---------------------------------------------------------------------------
# Polaris (003_dd1a18090924cbef.txt and REFERENCES.md).
# ---------------------------------------------------------------------------

P_AR = golden.P_AR  # "Alerts and reports"
P_VIEWER = golden.P_VIEWER
P_ADMINS = "0d3b5f7a-9c1e-4a2b-8d4f-6e8a0c2e4b6d"  # a custom "User admins" group
P_DANI = golden.P_DANI
P_ALEX = golden.P_ALEX
P_ALEXA = golden.P_ALEXA
P_SAM = "5f0c2a8e-3b7d-4e19-9c61-2d8f4a7b3e10"
P_PROJ1 = golden.P_PROJ1
P_PROJ2 = golden.P_PROJ2
P_GROUP_NAMES = {
    P_AR: "Alerts and reports",
    P_VIEWER: "Viewer",
    P_ADMINS: "User admins",
}
P_PEOPLE = {
    P_DANI: ("Dani", "Lee", "dani.lee@example.io"),
    P_ALEX: ("Alex", "Smith", "alex.smith@email.com"),
    P_ALEXA: ("Alexa", "Smith", "alexa.smith@example.com"),
    P_SAM: ("Sam", "Rivera", "sam.rivera@example.io"),
}
P_VIEWER_GROUP = golden.P_GROUPS["values"][3]
P_AR_GROUP = golden.P_AR_GROUP
P_ADMINS_GROUP = {
    "id": P_ADMINS,
    "name": "User admins",
    "readOnly": False,
    "permissions": [{"name": "AdministerUsers"}],  # organization-wide: no resources
    "userCount": 2,
}


def p_user(uid, groups, enabled=True):
    """A user as GET /v1/users/{id} answers (the document's sample shape)."""
    first, last, email = P_PEOPLE[uid]
    return {
        "id": uid,
        "username": email,
        "email": email,
        "firstName": first,
        "lastName": last,
        "enabled": enabled,
        "emailVerified": True,
        "permissions": [],
        "groups": [{"id": g, "name": P_GROUP_NAMES[g]} for g in groups],
        "identities": [],
        "createdOn": "2023-09-21T02:45:09.205Z",
    }


def p_user_put(uid, groups):
    """The PUT body that keeps every writable field of p_user (the document's
    'Update a user' sample sends exactly these)."""
    first, last, email = P_PEOPLE[uid]
    return {
        "username": email,
        "email": email,
        "firstName": first,
        "lastName": last,
        "enabled": True,
        "groups": [{"id": g} for g in groups],
    }


def p_group_member(uid):
    first, last, email = P_PEOPLE[uid]
    return {
        "id": uid,
        "username": email,
        "email": email,
        "firstName": first,
        "lastName": last,
    }


def p_members_answer(uids):
    return response(
        200, {"values": [p_group_member(u) for u in uids], "count": len(uids)}
    )


def p_member_out(uid):
    first, last, email = P_PEOPLE[uid]
    return member(uid, email, name=f"{first} {last}")


def p_group_out(g):
    return group(
        g["id"],
        g["name"],
        permissions=[
            perm(p["name"], *p.get("resources", [])) for p in g["permissions"]
        ],
        member_count=g["userCount"],
        read_only=g["readOnly"],
    )


def p_get(path):
    return req("polaris", "GET", path)


P_DIRECTORY = response(
    200,
    {
        "values": [
            p_user(P_DANI, [P_AR, P_VIEWER]),
            p_user(P_ALEX, [P_AR]),
            p_user(P_ALEXA, [P_AR]),
            p_user(P_SAM, [P_VIEWER]),
        ]
    },
)


def p_add_step(uids, gid=P_AR):
    inp = {"group_id": gid, "user_ids": list(uids)}
    return call_step("add", "polaris.add_group_members", inp, add=uids)


def p_remove_step(uid, gid=P_AR):
    """No removal endpoint: GET the user, PUT it without the group, GET again."""
    return {
        "action": "remove",
        "add": [],
        "remove": [uid],
        "kind": {"type": "replace_user_groups", "user_id": uid, "remove_group_id": gid},
        "endpoint_ids": ["polaris.get_user", "polaris.update_user", "polaris.get_user"],
    }


def p_remove_exchanges(uid, before, after):
    return [
        ex(p_get(f"/v1/users/{uid}"), response(200, p_user(uid, before))),
        ex(
            req(
                "polaris",
                "PUT",
                f"/v1/users/{uid}",
                body=("json", p_user_put(uid, after)),
            ),
            response(200, p_user(uid, after)),
        ),
        ex(p_get(f"/v1/users/{uid}"), response(200, p_user(uid, after))),
    ]


# ---------------------------------------------------------------------------
# Alteryx (004_1215b0607d515864.txt and REFERENCES.md).
# ---------------------------------------------------------------------------

AX_GROUP = golden.AX_GROUP  # "Accounting"
AX_GROUP2 = "61d58b0d3c15317e1a48207c"  # "Marketing"
AX_NEW = "61e0c1f23c15317e1a4820a1"
AX_USER = golden.AX_USER
AX_USER2 = golden.AX_USER2
AX_USER3 = "61d5644f1d6d5da7ad461a3b"
AX_ADMIN = "61d563cc1d6d5da7ad461a01"
AX_ERROR = {"message": "An error has occurred."}


def ax_detail(gid=AX_GROUP, name="Accounting", role="Artisan", members=()):
    """GET /v3/usergroups/{id}: UserGroupView, members with userId."""
    return {
        "id": gid,
        "name": name,
        "dateAdded": "2022-01-05T12:20:24.513Z",
        "role": role,
        "credentialIds": [],
        "connectionIds": [],
        "members": [
            {
                "userId": u,
                "dateAddedToGroup": "2022-01-06T09:00:00Z",
                "addedByUserId": AX_ADMIN,
                "activeDirectoryObject": None,
            }
            for u in members
        ],
    }


def ax_get(gid=AX_GROUP):
    return req("alteryx", "GET", f"/v3/usergroups/{gid}")


def ax_form(name, role):
    """The document's curl sends name and role form-encoded."""
    return ("text", f"name={enc(name)}&role={enc(role)}")


def ax_add_step(uids, gid=AX_GROUP):
    inp = {"group_id": gid, "user_ids": list(uids)}
    return call_step("add", "alteryx.add_users_to_user_group", inp, add=uids)


def ax_remove_step(uid, gid=AX_GROUP):
    inp = {"group_id": gid, "user_id": uid}
    return call_step("remove", "alteryx.remove_user_from_user_group", inp, remove=[uid])


def ax_remove(uid, gid=AX_GROUP):
    return req("alteryx", "DELETE", f"/v3/usergroups/{gid}/users/{uid}")


TENANT = {"ssw": SSW_ORG, "spotnana": SN_COMPANY}

# ---------------------------------------------------------------------------
# list.json
# ---------------------------------------------------------------------------


def list_cases():
    cases = []

    ssw_groups_data = [
        {"group_id": GRP, "name": "IT Admins"},
        {"group_id": GRP2, "name": "Helpdesk"},
    ]
    cases.append(
        case(
            "ssw list_groups: the documented bare array, one page",
            "ssw",
            {"op": "list_groups"},
            [ex(ssw_groups(), ssw_data(ssw_groups_data))],
            ok([group(GRP, "IT Admins"), group(GRP2, "Helpdesk")]),
        )
    )

    cases.append(
        case(
            "spotnana list_groups: two pages, by offset, until totalNumResults",
            "spotnana",
            {"op": "list_groups"},
            [
                # The server returns fewer groups than the limit asked for:
                # the next offset is the number of groups received so far.
                ex(
                    sn_list_groups(0),
                    response(
                        200,
                        {
                            "userGroups": [SN_TRAVEL, SN_ADMINS],
                            "pagination": {"totalNumResults": 3},
                        },
                    ),
                ),
                ex(
                    sn_list_groups(2),
                    response(
                        200,
                        {
                            "userGroups": [SN_FINANCE],
                            "pagination": {"totalNumResults": 3},
                        },
                    ),
                ),
            ],
            ok([sn_group_out(g) for g in (SN_TRAVEL, SN_ADMINS, SN_FINANCE)]),
        )
    )

    cases.append(
        case(
            "b2core list_groups: a page shorter than the limit is the last",
            "b2core",
            {"op": "list_groups"},
            [
                ex(
                    req(
                        "b2core",
                        "GET",
                        "/api/v2/groups",
                        [("limit", 100), ("offset", 0)],
                    ),
                    response(200, [B2_ADMINS, B2_SUPPORT]),
                )
            ],
            ok([b2_out(B2_ADMINS), b2_out(B2_SUPPORT)]),
        )
    )

    p_groups = [P_VIEWER_GROUP, P_AR_GROUP, P_ADMINS_GROUP]
    cases.append(
        case(
            "polaris list_groups: predefined and custom groups, one unpaged answer",
            "polaris",
            {"op": "list_groups"},
            [ex(p_get("/v1/groups"), response(200, {"values": p_groups}))],
            ok([p_group_out(g) for g in p_groups]),
        )
    )

    cases.append(
        case(
            "alteryx list_groups: custom groups, no members in the list",
            "alteryx",
            {"op": "list_groups"},
            [
                ex(
                    req("alteryx", "GET", "/v3/usergroups"),
                    response(
                        200,
                        [
                            {"id": AX_GROUP, "name": "Accounting", "role": "Artisan"},
                            {"id": AX_GROUP2, "name": "Marketing", "role": "Viewer"},
                        ],
                    ),
                )
            ],
            ok(
                [
                    group(AX_GROUP, "Accounting", role="Artisan"),
                    group(AX_GROUP2, "Marketing", role="Viewer"),
                ]
            ),
        )
    )

    org = [f"u{i:03d}" for i in range(1, 103)]

    def org_page(uids, page):
        members = [
            {"user_id": u, "email": f"{u}@example.com", "status": "active"}
            for u in uids
        ]
        return ssw_data(
            {"members": members, "page": page, "page_size": 100, "total": len(org)}
        )

    cases.append(
        case(
            "ssw list_users: two pages of organization members (page, page_size, total)",
            "ssw",
            {"op": "list_users"},
            [
                ex(ssw_org_members(1), org_page(org[:100], 1)),
                ex(ssw_org_members(2), org_page(org[100:], 2)),
            ],
            ok([user(u, f"{u}@example.com", status="active") for u in org]),
        )
    )

    cases.append(
        case(
            "polaris list_users: names, usernames and the enabled flag",
            "polaris",
            {"op": "list_users"},
            [
                ex(
                    p_get("/v1/users"),
                    response(
                        200,
                        {
                            "values": [
                                p_user(P_DANI, [P_AR]),
                                p_user(P_ALEX, [P_AR], enabled=False),
                            ]
                        },
                    ),
                )
            ],
            ok(
                [
                    user(
                        P_DANI,
                        "dani.lee@example.io",
                        username="dani.lee@example.io",
                        name="Dani Lee",
                        status="enabled",
                    ),
                    user(
                        P_ALEX,
                        "alex.smith@email.com",
                        username="alex.smith@email.com",
                        name="Alex Smith",
                        status="disabled",
                    ),
                ]
            ),
        )
    )

    cases.append(
        case(
            "ssw list_members: group_id in the query, one page",
            "ssw",
            {"op": "list_members", "group_id": GRP},
            [ex(ssw_group_members(), ssw_members_answer(["user_101", "user_102"]))],
            ok([ssw_member_out("user_101"), ssw_member_out("user_102")]),
        )
    )

    cases.append(
        case(
            "ssw list_members: a server that caps page_size is paged to its total",
            "ssw",
            {"op": "list_members", "group_id": GRP2},
            [
                # The server answers page_size 2, not the 100 asked for, and a
                # total of 3: one member is still to come, on its page 2.
                ex(
                    ssw_group_members(GRP2, 1, 100),
                    ssw_members_answer(
                        ["user_101", "user_102"], page=1, page_size=2, total=3
                    ),
                ),
                ex(
                    ssw_group_members(GRP2, 2, 2),
                    ssw_members_answer(["user_103"], page=2, page_size=2, total=3),
                ),
            ],
            ok([ssw_member_out(u) for u in ("user_101", "user_102", "user_103")]),
        )
    )

    cases.append(
        case(
            "spotnana list_members: two pages, by offset, until totalNumResults",
            "spotnana",
            {"op": "list_members", "group_id": SN_G1},
            [
                ex(sn_list_members(SN_G1, 0), sn_members_answer([SN_U1, SN_U2], 3)),
                ex(sn_list_members(SN_G1, 2), sn_members_answer([SN_U3], 3)),
            ],
            ok([sn_member_out(u) for u in (SN_U1, SN_U2, SN_U3)]),
        )
    )

    cases.append(
        case(
            "polaris list_members: the documented three members",
            "polaris",
            {"op": "list_members", "group_id": P_AR},
            [
                ex(
                    p_get(f"/v1/groups/{P_AR}/members"),
                    response(200, golden.P_MEMBERS),
                )
            ],
            ok([p_member_out(u) for u in (P_ALEX, P_ALEXA, P_DANI)]),
        )
    )

    cases.append(
        case(
            "alteryx list_members: read from the group's detail, members by userId",
            "alteryx",
            {"op": "list_members", "group_id": AX_GROUP},
            [ex(ax_get(), response(200, ax_detail(members=[AX_USER, AX_USER2])))],
            ok(
                [
                    member(u, added_at="2022-01-06T09:00:00Z")
                    for u in (AX_USER, AX_USER2)
                ]
            ),
        )
    )
    return cases


# ---------------------------------------------------------------------------
# groups.json
# ---------------------------------------------------------------------------


def group_cases():
    cases = []

    cases.append(
        case(
            "spotnana get_group",
            "spotnana",
            {"op": "get_group", "group_id": SN_G1},
            [ex(sn_get(SN_G1), response(200, SN_TRAVEL))],
            ok(sn_group_out(SN_TRAVEL)),
        )
    )

    # REFERENCES.md: createdAt / updatedAt are {"iso8601": ".."} objects,
    # createdBy / updatedBy are {id, name}.
    sn_reference_group = {
        **SN_ADMINS,
        "createdAt": {"iso8601": "2017-07-21T17:32Z"},
        "updatedAt": {"iso8601": "2017-07-21T17:32Z"},
        "createdBy": {"id": SN_U1, "name": "Platform"},
        "updatedBy": {"id": SN_U1, "name": "Platform"},
    }
    cases.append(
        case(
            "spotnana get_group: the full group of the public reference"
            " (createdAt as {iso8601})",
            "spotnana",
            {"op": "get_group", "group_id": SN_G2},
            [ex(sn_get(SN_G2), response(200, sn_reference_group))],
            ok(sn_group_out(SN_ADMINS)),
        )
    )

    cases.append(
        case(
            "b2core get_group: a numeric id becomes text",
            "b2core",
            {"op": "get_group", "group_id": "1"},
            [ex(req("b2core", "GET", "/api/v2/groups/1"), response(200, B2_ADMINS))],
            ok(b2_out(B2_ADMINS)),
        )
    )

    cases.append(
        case(
            "polaris get_group: a predefined group is read-only",
            "polaris",
            {"op": "get_group", "group_id": P_VIEWER},
            [ex(p_get(f"/v1/groups/{P_VIEWER}"), response(200, P_VIEWER_GROUP))],
            ok(p_group_out(P_VIEWER_GROUP)),
        )
    )

    cases.append(
        case(
            "alteryx get_group: the detail's members are counted",
            "alteryx",
            {"op": "get_group", "group_id": AX_GROUP},
            [ex(ax_get(), response(200, ax_detail(members=[AX_USER, AX_USER2])))],
            ok(group(AX_GROUP, "Accounting", role="Artisan", member_count=2)),
        )
    )

    cases.append(
        case(
            "b2core create_group: name and permission names",
            "b2core",
            {
                "op": "create_group",
                "group": {
                    "name": "Support",
                    "permissions": [{"name": "accounts.read"}],
                },
            },
            [
                ex(
                    req(
                        "b2core",
                        "POST",
                        "/api/v2/groups",
                        body=(
                            "json",
                            {"name": "Support", "permissions": ["accounts.read"]},
                        ),
                    ),
                    response(200, B2_SUPPORT),
                )
            ],
            ok(b2_out(B2_SUPPORT)),
        )
    )

    ar_in = [
        {"name": "AdministerReports", "resources": [P_PROJ1, P_PROJ2]},
        {"name": "AdministerAlerts", "resources": [P_PROJ1, P_PROJ2]},
    ]
    cases.append(
        case(
            "polaris create_group: the documented 'Alerts and reports' group (201)",
            "polaris",
            {
                "op": "create_group",
                "group": {"name": "Alerts and reports", "permissions": ar_in},
            },
            [
                ex(
                    req(
                        "polaris",
                        "POST",
                        "/v1/groups",
                        body=("json", golden.P_AR_REQUEST),
                    ),
                    response(201, P_AR_GROUP),
                )
            ],
            ok(p_group_out(P_AR_GROUP)),
        )
    )

    cases.append(
        case(
            "alteryx create_group: the id comes back as a bare string; the group is"
            " read back",
            "alteryx",
            {"op": "create_group", "group": {"name": "Accounting", "role": "Artisan"}},
            [
                ex(
                    req(
                        "alteryx",
                        "POST",
                        "/v3/usergroups",
                        body=ax_form("Accounting", "Artisan"),
                    ),
                    response(200, AX_NEW),
                ),
                ex(ax_get(AX_NEW), response(200, ax_detail(AX_NEW))),
            ],
            ok(group(AX_NEW, "Accounting", role="Artisan", member_count=0)),
        )
    )

    cases.append(
        case(
            "alteryx create_group: role defaults to Evaluated; a group answer needs no"
            " read-back",
            "alteryx",
            {"op": "create_group", "group": {"name": "Marketing"}},
            [
                ex(
                    req(
                        "alteryx",
                        "POST",
                        "/v3/usergroups",
                        body=ax_form("Marketing", "Evaluated"),
                    ),
                    response(
                        200, {"id": AX_GROUP2, "name": "Marketing", "role": "Evaluated"}
                    ),
                )
            ],
            ok(group(AX_GROUP2, "Marketing", role="Evaluated")),
        )
    )

    finance = {**SN_FINANCE, "description": ""}
    cases.append(
        case(
            "spotnana create_group: the reference answers {id}; the group is read back",
            "spotnana",
            {"op": "create_group", "group": {"name": "Finance Approvers"}},
            [
                # REFERENCES.md: name and description are both required.
                ex(
                    req(
                        "spotnana",
                        "POST",
                        sn_path(),
                        body=("json", {"name": "Finance Approvers", "description": ""}),
                    ),
                    response(200, {"id": SN_G3}),
                ),
                ex(sn_get(SN_G3), response(200, finance)),
            ],
            ok(sn_group_out(finance)),
        )
    )

    cases.append(
        case(
            "ssw update_group: a rename is PUT /iam/v1/group; the answer has no group",
            "ssw",
            {
                "op": "update_group",
                "group_id": GRP,
                "changes": {"name": "IT Administrators"},
            },
            [
                ex(
                    req(
                        "ssw",
                        "PUT",
                        "/iam/v1/group",
                        body=("json", {"group_id": GRP, "name": "IT Administrators"}),
                    ),
                    response(200, SSW_SUCCESS),
                )
            ],
            ok(None),
        )
    )

    renamed = {**SN_TRAVEL, "name": "Travel Bookers"}
    cases.append(
        case(
            "spotnana update_group: reads the group first and keeps its description",
            "spotnana",
            {
                "op": "update_group",
                "group_id": SN_G1,
                "changes": {"name": "Travel Bookers"},
            },
            [
                ex(sn_get(SN_G1), response(200, SN_TRAVEL)),
                ex(
                    req(
                        "spotnana",
                        "PUT",
                        sn_path(f"/{SN_G1}"),
                        body=(
                            "json",
                            {
                                "name": "Travel Bookers",
                                "description": SN_TRAVEL["description"],
                            },
                        ),
                    ),
                    response(200, renamed),
                ),
            ],
            ok(sn_group_out(renamed)),
        )
    )

    desk = {
        "id": 2,
        "name": "Support desk",
        "permissions": ["accounts.read", "tickets.read"],
    }
    cases.append(
        case(
            "b2core update_group: one PATCH with the new name and permissions",
            "b2core",
            {
                "op": "update_group",
                "group_id": "2",
                "changes": {
                    "name": "Support desk",
                    "permissions": [
                        {"name": "accounts.read"},
                        {"name": "tickets.read"},
                    ],
                },
            },
            [
                ex(
                    req(
                        "b2core",
                        "PATCH",
                        "/api/v2/groups/2",
                        body=(
                            "json",
                            {
                                "name": "Support desk",
                                "permissions": ["accounts.read", "tickets.read"],
                            },
                        ),
                    ),
                    response(200, desk),
                )
            ],
            ok(b2_out(desk)),
        )
    )

    alerts = {**P_AR_GROUP, "name": "Alerts"}
    cases.append(
        case(
            "polaris update_group: a new name alone reads the group and PUTs its"
            " permissions back",
            "polaris",
            {"op": "update_group", "group_id": P_AR, "changes": {"name": "Alerts"}},
            [
                ex(p_get(f"/v1/groups/{P_AR}"), response(200, P_AR_GROUP)),
                ex(
                    req(
                        "polaris",
                        "PUT",
                        f"/v1/groups/{P_AR}",
                        body=(
                            "json",
                            {
                                "name": "Alerts",
                                "permissions": P_AR_GROUP["permissions"],
                            },
                        ),
                    ),
                    response(200, alerts),
                ),
            ],
            ok(p_group_out(alerts)),
        )
    )

    scoped = {
        **P_AR_GROUP,
        "permissions": [{"name": "AccessAlerts", "resources": [P_PROJ1]}],
    }
    cases.append(
        case(
            "polaris update_group: name and permissions together are one PUT",
            "polaris",
            {
                "op": "update_group",
                "group_id": P_AR,
                "changes": {
                    "name": "Alerts and reports",
                    "permissions": [{"name": "AccessAlerts", "resources": [P_PROJ1]}],
                },
            },
            [
                ex(
                    req(
                        "polaris",
                        "PUT",
                        f"/v1/groups/{P_AR}",
                        body=(
                            "json",
                            {
                                "name": "Alerts and reports",
                                "permissions": scoped["permissions"],
                            },
                        ),
                    ),
                    response(200, scoped),
                )
            ],
            ok(p_group_out(scoped)),
        )
    )

    cases.append(
        case(
            "alteryx update_group: name and role together are one PUT",
            "alteryx",
            {
                "op": "update_group",
                "group_id": AX_GROUP2,
                "changes": {"name": "Marketing", "role": "Viewer"},
            },
            [
                ex(
                    req(
                        "alteryx",
                        "PUT",
                        f"/v3/usergroups/{AX_GROUP2}",
                        body=ax_form("Marketing", "Viewer"),
                    ),
                    response(200, ax_detail(AX_GROUP2, "Marketing", "Viewer")),
                )
            ],
            ok(group(AX_GROUP2, "Marketing", role="Viewer", member_count=0)),
        )
    )

    cases.append(
        case(
            "alteryx update_group: a new role alone reads the name; an empty 200 gives"
            " null",
            "alteryx",
            {
                "op": "update_group",
                "group_id": AX_GROUP,
                "changes": {"role": "Curator"},
            },
            [
                ex(ax_get(), response(200, ax_detail(members=[AX_USER]))),
                ex(
                    req(
                        "alteryx",
                        "PUT",
                        f"/v3/usergroups/{AX_GROUP}",
                        body=ax_form("Accounting", "Curator"),
                    ),
                    empty(200),
                ),
            ],
            # UnifiedOp::UpdateGroup: "Result: Group, or null where the vendor
            # answers without one".
            ok(None),
        )
    )

    cases.append(
        case(
            "alteryx update_group: permissions alone are refused, not a silent no-op",
            "alteryx",
            {
                "op": "update_group",
                "group_id": AX_GROUP,
                "changes": {"permissions": [{"name": "Artisan"}]},
            },
            [],
            fails("invalid_input"),
        )
    )

    cases.append(
        case(
            "update_group with no changes is refused before any request",
            "b2core",
            {"op": "update_group", "group_id": "1", "changes": {}},
            [],
            fails("invalid_input", field="name"),
        )
    )

    cases.append(
        case(
            "ssw delete_group",
            "ssw",
            {"op": "delete_group", "group_id": GRP2},
            [
                ex(
                    req("ssw", "DELETE", f"/iam/v1/group/{GRP2}"),
                    response(200, SSW_SUCCESS),
                )
            ],
            ok(None),
        )
    )

    cases.append(
        case(
            "b2core delete_group: success has no body",
            "b2core",
            {"op": "delete_group", "group_id": "2"},
            [ex(req("b2core", "DELETE", "/api/v2/groups/2"), empty(204))],
            ok(None),
        )
    )

    cases.append(
        case(
            "alteryx delete_group: force sends forceDelete=true",
            "alteryx",
            {"op": "delete_group", "group_id": AX_GROUP, "force": True},
            [
                ex(
                    req(
                        "alteryx",
                        "DELETE",
                        f"/v3/usergroups/{AX_GROUP}",
                        [("forceDelete", True)],
                    ),
                    empty(200),
                )
            ],
            ok(None),
        )
    )

    non_empty = "User group contains users. Set forceDelete to true to delete it."
    cases.append(
        case(
            "alteryx delete_group: a non-empty group without force is a 400",
            "alteryx",
            {"op": "delete_group", "group_id": AX_GROUP},
            [
                ex(
                    req("alteryx", "DELETE", f"/v3/usergroups/{AX_GROUP}"),
                    response(400, {"message": non_empty}),
                )
            ],
            fails("api", status=400, vendor_code=None, message=non_empty),
        )
    )
    return cases


# ---------------------------------------------------------------------------
# members.json
# ---------------------------------------------------------------------------


def add_op(group_id, uids):
    return {"op": "add_members", "group_id": group_id, "user_ids": list(uids)}


def remove_op(group_id, uids):
    return {"op": "remove_members", "group_id": group_id, "user_ids": list(uids)}


def member_cases():
    cases = []

    step = ssw_add_step("user_103")
    cases.append(
        case(
            "ssw add_members: one user, one POST",
            "ssw",
            add_op(GRP, ["user_103"]),
            [ex(ssw_add("user_103"), response(200, SSW_SUCCESS))],
            ok(report("ssw", GRP, [(step, [added("user_103")])])),
        )
    )

    steps = [ssw_add_step("user_103"), ssw_add_step("user_104")]
    cases.append(
        case(
            "ssw add_members: two users, one POST each",
            "ssw",
            add_op(GRP, ["user_103", "user_104"]),
            [
                ex(ssw_add("user_103"), response(200, SSW_SUCCESS)),
                ex(ssw_add("user_104"), response(200, SSW_SUCCESS)),
            ],
            ok(
                report(
                    "ssw",
                    GRP,
                    [(steps[0], [added("user_103")]), (steps[1], [added("user_104")])],
                )
            ),
        )
    )

    step = ssw_add_step("user_101")
    cases.append(
        case(
            "ssw add_members: 409 'already a member' leaves the group as desired",
            "ssw",
            add_op(GRP, ["user_101"]),
            [
                ex(
                    ssw_add("user_101"),
                    response(
                        409,
                        {
                            "code": 40900,
                            "message": "user is already a member of the group",
                        },
                    ),
                )
            ],
            ok(report("ssw", GRP, [(step, [kept_as_add("user_101")])])),
        )
    )

    step = ssw_add_step("user_105")
    cases.append(
        case(
            "ssw add_members: a join request pending approval",
            "ssw",
            add_op(GRP, ["user_105"]),
            [
                ex(
                    ssw_add("user_105"),
                    response(200, {"code": 0, "message": "pending approval"}),
                )
            ],
            ok(
                report(
                    "ssw",
                    GRP,
                    [(step, [outcome("user_105", "add", "pending_approval")])],
                )
            ),
        )
    )

    step = ssw_add_step("user_104")
    cases.append(
        case(
            "ssw add_members: a 429 is waited out and the POST sent again",
            "ssw",
            add_op(GRP, ["user_104"]),
            [
                ex(
                    ssw_add("user_104"),
                    response(
                        429,
                        {"code": 42900, "message": "rate limit exceeded"},
                        headers=[
                            ["Content-Type", "application/json"],
                            ["Retry-After", "1"],
                        ],
                    ),
                ),
                ex(ssw_add("user_104"), response(200, SSW_SUCCESS)),
            ],
            ok(report("ssw", GRP, [(step, [added("user_104")])])),
            retry=RETRY_TWICE,
        )
    )

    step = ssw_remove_step("user_102")
    cases.append(
        case(
            "ssw remove_members: one user, one DELETE",
            "ssw",
            remove_op(GRP, ["user_102"]),
            [ex(ssw_remove("user_102"), response(200, SSW_SUCCESS))],
            ok(report("ssw", GRP, [(step, [removed("user_102")])])),
        )
    )

    uids = sorted([SN_U3, SN_U4, SN_U5])
    step = sn_patch_step(SN_G1, add=uids)
    cases.append(
        case(
            "spotnana add_members: every user in one PATCH (userIdsToAdd)",
            "spotnana",
            add_op(SN_G1, uids),
            [ex(sn_patch(SN_G1, add=uids), empty(200))],
            ok(report("spotnana", SN_G1, [(step, [added(u) for u in uids])])),
        )
    )

    uids = sorted([SN_U1, SN_U2])
    step = sn_patch_step(SN_G1, remove=uids)
    cases.append(
        case(
            "spotnana remove_members: every user in one PATCH (userIdsToRemove)",
            "spotnana",
            remove_op(SN_G1, uids),
            [ex(sn_patch(SN_G1, remove=uids), empty(200))],
            ok(report("spotnana", SN_G1, [(step, [removed(u) for u in uids])])),
        )
    )

    uids = sorted([P_ALEX, P_SAM])
    step = p_add_step(uids)
    cases.append(
        case(
            "polaris add_members: one POST with an array of {id}",
            "polaris",
            add_op(P_AR, uids),
            [
                ex(
                    req(
                        "polaris",
                        "POST",
                        f"/v1/groups/{P_AR}/members",
                        body=("json", [{"id": u} for u in uids]),
                    ),
                    empty(200),
                )
            ],
            ok(report("polaris", P_AR, [(step, [added(u) for u in uids])])),
        )
    )

    step = p_remove_step(P_DANI)
    cases.append(
        case(
            "polaris remove_members: GET the user, PUT it back without the group,"
            " GET to confirm",
            "polaris",
            remove_op(P_AR, [P_DANI]),
            p_remove_exchanges(P_DANI, [P_AR, P_VIEWER], [P_VIEWER]),
            ok(report("polaris", P_AR, [(step, [removed(P_DANI)])])),
        )
    )

    step = p_remove_step(P_SAM)
    cases.append(
        case(
            "polaris remove_members: a user not in the group is only read",
            "polaris",
            remove_op(P_AR, [P_SAM]),
            [ex(p_get(f"/v1/users/{P_SAM}"), response(200, p_user(P_SAM, [P_VIEWER])))],
            ok(
                report(
                    "polaris", P_AR, [(step, [outcome(P_SAM, "remove", "not_member")])]
                )
            ),
        )
    )

    uids = sorted([AX_USER2, AX_USER3])
    step = ax_add_step(uids)
    cases.append(
        case(
            "alteryx add_members: a 200 with failedUserReasons fails that user and"
            " adds the other",
            "alteryx",
            add_op(AX_GROUP, uids),
            [
                ex(
                    req(
                        "alteryx",
                        "POST",
                        f"/v3/usergroups/{AX_GROUP}/users",
                        body=("json", uids),
                    ),
                    # REFERENCES.md: UserGroupAddedUsersView.
                    response(
                        200,
                        {
                            "successfullyAddedUserCount": 1,
                            "totalUsersSubmittedCount": 2,
                            "failedUserReasons": {AX_USER3: "User not found"},
                        },
                    ),
                )
            ],
            ok(
                report(
                    "alteryx",
                    AX_GROUP,
                    [
                        (
                            step,
                            [
                                added(AX_USER2),
                                outcome(
                                    AX_USER3,
                                    "add",
                                    "failed",
                                    api_error(
                                        200, "failedUserReasons", "User not found"
                                    ),
                                ),
                            ],
                        )
                    ],
                )
            ),
        )
    )

    uids = sorted([AX_USER, AX_USER2])
    cases.append(
        case(
            "alteryx remove_members: one DELETE per user",
            "alteryx",
            remove_op(AX_GROUP, uids),
            [
                # REFERENCES.md: the answer is the group's UserGroupView.
                ex(ax_remove(uids[0]), response(200, ax_detail(members=[uids[1]]))),
                ex(ax_remove(uids[1]), response(200, ax_detail(members=[]))),
            ],
            ok(
                report(
                    "alteryx",
                    AX_GROUP,
                    [(ax_remove_step(u), [removed(u)]) for u in uids],
                )
            ),
        )
    )

    cases.append(
        case(
            "add_members with no users is refused before any request",
            "ssw",
            add_op(GRP, []),
            [],
            fails("invalid_input", field="user_ids"),
        )
    )

    cases.append(
        case(
            "remove_members with no users is refused before any request",
            "polaris",
            remove_op(P_AR, []),
            [],
            fails("invalid_input", field="user_ids"),
        )
    )

    cases.append(
        case(
            "ssw approve_member: POST .../approval with the minimal body {}",
            "ssw",
            {"op": "approve_member", "group_id": GRP, "user_id": "user_105"},
            [
                ex(
                    req(
                        "ssw",
                        "POST",
                        f"/iam/v1/group/{GRP}/members/user_105/approval",
                        body=("json", {}),
                    ),
                    response(200, SSW_SUCCESS),
                )
            ],
            ok(None),
        )
    )
    return cases


def kept_as_add(uid):
    """An addition the vendor said was already done: no error."""
    return outcome(uid, "add", "already_member")


# ---------------------------------------------------------------------------
# sync.json
# ---------------------------------------------------------------------------

HELD_BACK = (
    "held back because an addition failed: removals wait until every addition"
    " succeeds, so a failed sync never leaves the group smaller; fix the failures"
    " and apply again"
)


def sync_op(op, group_id, desired, opts):
    return {"op": op, "group_id": group_id, "desired": list(desired), "options": opts}


def sync_cases():
    cases = []

    members = ssw_members_answer(
        ["user_101", "user_102"], page=1, page_size=100, total=2
    )
    cases.append(
        case(
            "ssw plan_sync additive: a desired user who is not a member is looked up"
            " in the directory",
            "ssw",
            sync_op("plan_sync", GRP, ["user_102", "user_103"], options("additive")),
            [ex(ssw_group_members(), members), ex(ssw_org_members(), SSW_DIRECTORY)],
            ok(
                plan(
                    "ssw",
                    GRP,
                    [ssw_add_step("user_103")],
                    to_add=["user_103"],
                    mode="additive",
                    entries=[
                        entry("user_102", "user_102", "member"),
                        entry("user_103", "user_103", "directory"),
                    ],
                    current_count=2,
                    unchanged=["user_102"],
                )
            ),
        )
    )

    step = ssw_add_step("user_104")
    cases.append(
        case(
            "ssw sync_members additive: adds the missing user and removes no one",
            "ssw",
            sync_op("sync_members", GRP, ["user_101", "user_104"], options("additive")),
            [
                ex(ssw_group_members(), members),
                ex(ssw_org_members(), SSW_DIRECTORY),
                ex(ssw_add("user_104"), response(200, SSW_SUCCESS)),
            ],
            ok(report("ssw", GRP, [(step, [added("user_104")])], [kept("user_101")])),
        )
    )

    current = [SN_U1, SN_U2, SN_U3, SN_U4]
    step = sn_patch_step(SN_G1, add=[SN_U5], remove=[SN_U4])
    cases.append(
        case(
            "spotnana sync_members authoritative: one PATCH adds and removes",
            "spotnana",
            sync_op(
                "sync_members",
                SN_G1,
                [SN_U1, SN_U2, SN_U3, SN_U5],
                options("authoritative"),
            ),
            [
                ex(sn_list_members(SN_G1), sn_members_answer(current, 4)),
                ex(sn_patch(SN_G1, add=[SN_U5], remove=[SN_U4]), empty(200)),
            ],
            ok(
                report(
                    "spotnana",
                    SN_G1,
                    [(step, [added(SN_U5), removed(SN_U4)])],
                    [kept(u) for u in sorted([SN_U1, SN_U2, SN_U3])],
                )
            ),
        )
    )

    add_step = p_add_step([P_SAM])
    remove_step = p_remove_step(P_DANI)
    cases.append(
        case(
            "polaris sync_members authoritative: a POST adds, a read-modify-write"
            " of the user removes",
            "polaris",
            sync_op(
                "sync_members", P_AR, [P_ALEX, P_ALEXA, P_SAM], options("authoritative")
            ),
            [
                ex(
                    p_get(f"/v1/groups/{P_AR}/members"), response(200, golden.P_MEMBERS)
                ),
                ex(p_get("/v1/users"), P_DIRECTORY),
                ex(
                    req(
                        "polaris",
                        "POST",
                        f"/v1/groups/{P_AR}/members",
                        body=("json", [{"id": P_SAM}]),
                    ),
                    empty(200),
                ),
                *p_remove_exchanges(P_DANI, [P_AR, P_VIEWER], [P_VIEWER]),
            ],
            ok(
                report(
                    "polaris",
                    P_AR,
                    [(add_step, [added(P_SAM)]), (remove_step, [removed(P_DANI)])],
                    [kept(u) for u in sorted([P_ALEX, P_ALEXA])],
                )
            ),
        )
    )

    cases.append(
        case(
            "alteryx plan_sync authoritative: removing exactly half is within the"
            " default 50%; ids are taken as given",
            "alteryx",
            sync_op(
                "plan_sync", AX_GROUP, [AX_USER, AX_USER3], options("authoritative")
            ),
            [ex(ax_get(), response(200, ax_detail(members=[AX_USER, AX_USER2])))],
            ok(
                plan(
                    "alteryx",
                    AX_GROUP,
                    [ax_add_step([AX_USER3]), ax_remove_step(AX_USER2)],
                    to_add=[AX_USER3],
                    to_remove=[AX_USER2],
                    mode="authoritative",
                    entries=[
                        entry(AX_USER, AX_USER, "member"),
                        entry(AX_USER3, AX_USER3, "as_given"),
                    ],
                    current_count=2,
                    unchanged=[AX_USER],
                )
            ),
        )
    )

    cases.append(
        case(
            "guard empty_desired: an empty desired list is refused before any request",
            "ssw",
            sync_op("sync_members", GRP, [], options("authoritative")),
            [],
            refused("empty_desired"),
        )
    )

    four = ssw_members_answer(
        ["user_101", "user_102", "user_103", "user_104"], page=1, page_size=100, total=4
    )
    cases.append(
        case(
            "guard mass_removal: removing 3 of 4 members is refused; nothing is changed",
            "ssw",
            sync_op("sync_members", GRP, ["user_101"], options("authoritative")),
            [ex(ssw_group_members(), four)],
            refused("mass_removal"),
        )
    )

    cases.append(
        case(
            "guard no_overlap: no desired entry is a current member; nothing is changed",
            "spotnana",
            sync_op("sync_members", SN_G1, [SN_U4, SN_U5], options("authoritative")),
            [ex(sn_list_members(SN_G1), sn_members_answer([SN_U1, SN_U2, SN_U3], 3))],
            refused("no_overlap"),
        )
    )

    cases.append(
        case(
            "guard unresolved: an email that matches no user is refused; nothing is"
            " changed",
            "polaris",
            sync_op(
                "sync_members",
                P_AR,
                ["alex.smith@email.com", "nobody@example.io"],
                options("additive"),
            ),
            [
                ex(
                    p_get(f"/v1/groups/{P_AR}/members"), response(200, golden.P_MEMBERS)
                ),
                ex(p_get("/v1/users"), P_DIRECTORY),
            ],
            refused("unresolved"),
        )
    )

    ghost = "ghost@example.com"
    step = ssw_add_step("user_103")
    cases.append(
        case(
            "skip_unresolved: the resolved entries are applied and the other reported",
            "ssw",
            sync_op(
                "sync_members",
                GRP,
                ["user_101", "user_102", "chen.wei@example.com", ghost],
                options("additive", skip_unresolved=True),
            ),
            [
                ex(ssw_group_members(), members),
                ex(ssw_org_members(), SSW_DIRECTORY),
                ex(ssw_add("user_103"), response(200, SSW_SUCCESS)),
            ],
            ok(
                report(
                    "ssw",
                    GRP,
                    [(step, [added("user_103", given="chen.wei@example.com")])],
                    [
                        kept("user_101"),
                        kept("user_102"),
                        outcome(
                            "",
                            "skip",
                            "unresolved",
                            {
                                "kind": "refused",
                                "guard": "unresolved",
                                "message": f'"{ghost}" matches no user; skipped as asked',
                            },
                            given=ghost,
                        ),
                    ],
                )
            ),
        )
    )

    emails = ["ana.lopez@example.com", "BEN.OKAFOR@example.com"]
    cases.append(
        case(
            "ssw sync_members from the members' own emails (any case) changes nothing",
            "ssw",
            sync_op("sync_members", GRP, emails, options("authoritative")),
            [ex(ssw_group_members(), members)],
            ok(
                report(
                    "ssw",
                    GRP,
                    [],
                    [
                        kept("user_101", given=emails[0]),
                        kept("user_102", given=emails[1]),
                    ],
                )
            ),
        )
    )

    desired = ["Alex.Smith@email.com", "sam.rivera@example.io"]
    cases.append(
        case(
            "polaris plan_sync by email: a member by its email, a new user from the"
            " directory",
            "polaris",
            sync_op("plan_sync", P_AR, desired, options("additive")),
            [
                ex(
                    p_get(f"/v1/groups/{P_AR}/members"), response(200, golden.P_MEMBERS)
                ),
                ex(p_get("/v1/users"), P_DIRECTORY),
            ],
            ok(
                plan(
                    "polaris",
                    P_AR,
                    [p_add_step([P_SAM])],
                    to_add=[P_SAM],
                    mode="additive",
                    entries=[
                        entry(desired[0], P_ALEX, "member"),
                        entry(desired[1], P_SAM, "directory"),
                    ],
                    current_count=3,
                    unchanged=[P_ALEX],
                )
            ),
        )
    )

    cases.append(
        case(
            "spotnana sync_members with an email is unsupported before any request",
            "spotnana",
            sync_op(
                "sync_members",
                SN_G1,
                [SN_U1, "traveler@example.com"],
                options("additive"),
            ),
            [],
            unsupported("spotnana"),
        )
    )

    cases.append(
        case(
            "alteryx plan_sync with an email is unsupported before any request",
            "alteryx",
            sync_op(
                "plan_sync", AX_GROUP, ["robin.park@example.com"], options("additive")
            ),
            [],
            unsupported("alteryx"),
        )
    )

    steps = [
        ssw_add_step("user_104"),
        ssw_add_step("user_105"),
        ssw_remove_step("user_101"),
    ]
    given = plan(
        "ssw",
        GRP,
        steps,
        to_add=["user_104", "user_105"],
        to_remove=["user_101"],
        mode="authoritative",
        entries=[
            entry("user_102", "user_102", "member"),
            entry("user_103", "user_103", "member"),
            entry("user_104", "user_104", "directory"),
            entry("user_105", "user_105", "directory"),
        ],
        current_count=3,
        unchanged=["user_102", "user_103"],
    )
    held = {"kind": "refused", "guard": "failed_additions", "message": HELD_BACK}
    cases.append(
        case(
            "apply: a failed addition fails that user; the other is added and the"
            " removal held back",
            "ssw",
            {"op": "apply", "plan": given},
            [
                ex(ssw_add("user_104"), response(200, SSW_SUCCESS)),
                ex(
                    ssw_add("user_105"),
                    response(500, {"code": 50000, "message": "internal error"}),
                ),
            ],
            ok(
                report(
                    "ssw",
                    GRP,
                    [
                        (steps[0], [added("user_104")]),
                        (
                            steps[1],
                            [
                                outcome(
                                    "user_105",
                                    "add",
                                    "failed",
                                    api_error(500, "50000", "internal error"),
                                )
                            ],
                        ),
                        (steps[2], [outcome("user_101", "remove", "not_run", held)]),
                    ],
                    [kept("user_102"), kept("user_103")],
                )
            ),
        )
    )

    uids = sorted([AX_USER, AX_USER2])
    steps = [ax_remove_step(u) for u in uids]
    given = plan("alteryx", AX_GROUP, steps, to_remove=uids)
    cases.append(
        case(
            "apply: one removal fails with a 500, the other is done",
            "alteryx",
            {"op": "apply", "plan": given},
            [
                ex(ax_remove(uids[0]), response(200, ax_detail(members=[uids[1]]))),
                ex(ax_remove(uids[1]), response(500, AX_ERROR)),
            ],
            ok(
                report(
                    "alteryx",
                    AX_GROUP,
                    [
                        (steps[0], [removed(uids[0])]),
                        (
                            steps[1],
                            [
                                outcome(
                                    uids[1],
                                    "remove",
                                    "failed",
                                    api_error(500, None, AX_ERROR["message"]),
                                )
                            ],
                        ),
                    ],
                )
            ),
        )
    )

    foreign = plan("polaris", P_AR, [p_add_step([P_SAM])], to_add=[P_SAM])
    cases.append(
        case(
            "apply: a plan made for another provider is refused before any request",
            "ssw",
            {"op": "apply", "plan": foreign},
            [],
            fails("invalid_input", field="plan.provider"),
        )
    )
    return cases


# ---------------------------------------------------------------------------
# errors.json
# ---------------------------------------------------------------------------


# A credential that servers echo back below; no error, message, excerpt or
# report may contain it, raw, as base64 (Basic auth) or as a long fragment.
SECRET = "tok-SECRET-9f3a7c-echo"


def secret_cases():
    """Servers that echo the token: the core cuts it out of everything."""
    import base64

    cases = []

    def with_secret(c):
        c["target"]["token"] = SECRET
        return c

    cases.append(
        with_secret(
            case(
                "ssw 401 whose message repeats the token",
                "ssw",
                {"op": "list_groups"},
                [
                    ex(
                        ssw_groups(),
                        response(401, {"code": 40100, "message": f"invalid token {SECRET}"}),
                    )
                ],
                fails("auth", status=401, vendor_code="40100", message="invalid token ***"),
            )
        )
    )
    page = f"<html><body>session {SECRET} expired</body></html>"
    cases.append(
        with_secret(
            case(
                "b2core HTML page in a 200 that contains the token: the excerpt hides it",
                "b2core",
                {"op": "get_group", "group_id": "1"},
                [ex(req("b2core", "GET", "/api/v2/groups/1"), response(200, text=page))],
                fails(
                    "decode",
                    message="expected value at line 1 column 1",
                    excerpt="<html><body>session *** expired</body></html>",
                ),
            )
        )
    )
    basic = base64.b64encode(f"{SECRET}:".encode()).decode().rstrip("=")
    cases.append(
        with_secret(
            case(
                "polaris 401 that repeats the Basic credential in base64",
                "polaris",
                {"op": "list_groups"},
                [
                    ex(
                        req("polaris", "GET", "/v1/groups"),
                        response(401, {"error": "Unauthorized", "message": f"Basic {basic} was rejected"}),
                    )
                ],
                fails("auth", status=401, vendor_code="Unauthorized", message="Basic *** was rejected"),
            )
        )
    )
    cases.append(
        with_secret(
            case(
                "spotnana 400 that quotes a fragment of the token",
                "spotnana",
                {"op": "get_group", "group_id": SN_G1},
                [
                    ex(
                        sn_get(SN_G1),
                        response(
                            400,
                            {
                                "debugIdentifier": "d-echo-1",
                                "errorMessages": [
                                    {"errorCode": "BAD_TOKEN", "message": "token SECRET-9f3a7c is malformed"}
                                ],
                            },
                        ),
                    )
                ],
                fails(
                    "api",
                    status=400,
                    vendor_code="BAD_TOKEN",
                    message="token *** is malformed",
                    debug_identifier="d-echo-1",
                ),
            )
        )
    )
    uids = [AX_USER2]
    cases.append(
        with_secret(
            case(
                "alteryx failedUserReasons that repeat the token: the report hides it",
                "alteryx",
                add_op(AX_GROUP, uids),
                [
                    ex(
                        req("alteryx", "POST", f"/v3/usergroups/{AX_GROUP}/users", body=("json", uids)),
                        response(
                            200,
                            {
                                "successfullyAddedUserCount": 0,
                                "totalUsersSubmittedCount": 1,
                                "failedUserReasons": {AX_USER2: f"rejected by {SECRET}"},
                            },
                        ),
                    )
                ],
                ok(
                    report(
                        "alteryx",
                        AX_GROUP,
                        [
                            (
                                ax_add_step(uids),
                                [
                                    outcome(
                                        AX_USER2,
                                        "add",
                                        "failed",
                                        api_error(200, "failedUserReasons", "rejected by ***"),
                                    )
                                ],
                            )
                        ],
                    )
                ),
            )
        )
    )
    return cases


def error_cases():
    cases = []

    cases.append(
        case(
            "401 is auth, with the vendor's code and message",
            "b2core",
            {"op": "list_groups"},
            [
                ex(
                    req(
                        "b2core",
                        "GET",
                        "/api/v2/groups",
                        [("limit", 100), ("offset", 0)],
                    ),
                    response(
                        401, {"code": "unauthorized", "message": "Unauthenticated."}
                    ),
                )
            ],
            fails(
                "auth",
                status=401,
                vendor_code="unauthorized",
                message="Unauthenticated.",
            ),
        )
    )

    missing = "0e9c4b7a-1f2d-4c3e-8a5b-6d7e8f9a0b1c"
    cases.append(
        case(
            "404 is not_found",
            "polaris",
            {"op": "get_group", "group_id": missing},
            [
                ex(
                    p_get(f"/v1/groups/{missing}"),
                    response(404, {"error": "NotFound", "message": "Entity not found"}),
                )
            ],
            fails("not_found", vendor_code="NotFound", message="Entity not found"),
        )
    )

    exists = "Group with this name already exists"
    cases.append(
        case(
            "409 is conflict",
            "b2core",
            {"op": "create_group", "group": {"name": "Administrators"}},
            [
                ex(
                    req(
                        "b2core",
                        "POST",
                        "/api/v2/groups",
                        body=("json", {"name": "Administrators", "permissions": []}),
                    ),
                    response(409, {"code": "already_exists", "message": exists}),
                )
            ],
            fails("conflict", vendor_code="already_exists", message=exists),
        )
    )

    cases.append(
        case(
            "429 with Retry-After is waited out and the request sent again",
            "polaris",
            {"op": "list_groups"},
            [
                ex(
                    p_get("/v1/groups"),
                    response(429, headers=[["Retry-After", "2"]], empty=True),
                ),
                ex(p_get("/v1/groups"), response(200, {"values": [P_VIEWER_GROUP]})),
            ],
            ok([p_group_out(P_VIEWER_GROUP)]),
            retry=RETRY_TWICE,
        )
    )

    cases.append(
        case(
            "429 without retries is rate_limited with the server's delay",
            "spotnana",
            {"op": "get_group", "group_id": SN_G1},
            [
                ex(
                    sn_get(SN_G1),
                    response(429, headers=[["Retry-After", "120"]], empty=True),
                )
            ],
            fails(
                "rate_limited",
                retry_after={"type": "delay", "millis": 120000},
                vendor_code=None,
                message="Too Many Requests",
            ),
        )
    )

    cases.append(
        case(
            "500 after max_attempts 1 is api, with the vendor's message",
            "alteryx",
            {"op": "get_group", "group_id": AX_GROUP},
            [ex(ax_get(), response(500, AX_ERROR))],
            fails("api", status=500, vendor_code=None, message=AX_ERROR["message"]),
        )
    )

    cases.append(
        case(
            "503 on every attempt of a read is api once the attempts run out",
            "b2core",
            {"op": "get_group", "group_id": "1"},
            [
                ex(req("b2core", "GET", "/api/v2/groups/1"), empty(503)),
                ex(req("b2core", "GET", "/api/v2/groups/1"), empty(503)),
            ],
            fails("api", status=503, vendor_code=None, message="Service Unavailable"),
            retry=RETRY_TWICE,
        )
    )

    cases.append(
        case(
            "500 on a create is not sent again, whatever the retry policy",
            "alteryx",
            {"op": "create_group", "group": {"name": "Accounting", "role": "Artisan"}},
            [
                ex(
                    req(
                        "alteryx",
                        "POST",
                        "/v3/usergroups",
                        body=ax_form("Accounting", "Artisan"),
                    ),
                    response(500, AX_ERROR),
                )
            ],
            fails("api", status=500, vendor_code=None, message=AX_ERROR["message"]),
            retry=RETRY_TWICE,
        )
    )

    cut = '{"values":[{"id":"880f6811-7e85-47ce-b3c5-a57a85ab95bd","username":'
    cases.append(
        case(
            "a malformed 200 body is decode, with an excerpt of the body",
            "polaris",
            {"op": "list_users"},
            [
                ex(
                    p_get("/v1/users"),
                    response(200, text=cut, headers=golden.JSON_HEADERS),
                )
            ],
            fails("decode", excerpt=cut),
        )
    )

    cases.append(
        case(
            "ssw: HTTP 200 with a non-zero code is api with status 200",
            "ssw",
            {"op": "list_groups"},
            [
                ex(
                    ssw_groups(),
                    response(200, {"code": 40001, "message": "operation failed"}),
                )
            ],
            fails("api", status=200, vendor_code="40001", message="operation failed"),
        )
    )

    denied = "User does not have access to this company"
    cases.append(
        case(
            "spotnana 403 keeps the debugIdentifier support asks for",
            "spotnana",
            {"op": "get_group", "group_id": SN_G1},
            [
                ex(
                    sn_get(SN_G1),
                    response(
                        403,
                        {
                            "debugIdentifier": SN_DEBUG,
                            "errorMessages": [
                                {"errorCode": "PERMISSION_DENIED", "message": denied}
                            ],
                        },
                    ),
                )
            ],
            fails(
                "auth",
                status=403,
                vendor_code="PERMISSION_DENIED",
                message=denied,
                debug_identifier=SN_DEBUG,
            ),
        )
    )

    cases.append(
        case(
            "spotnana 400 with several errorMessages keeps every message",
            "spotnana",
            {"op": "list_groups"},
            [
                ex(
                    sn_list_groups(0),
                    response(
                        400,
                        {
                            "debugIdentifier": "7e3a9c2b41d05f68",
                            "errorMessages": [
                                {
                                    "errorCode": "INVALID_ARGUMENT",
                                    "message": "Request is invalid",
                                    "errorParameters": [
                                        {"name": "companyId", "value": "x"}
                                    ],
                                },
                                {
                                    "errorCode": "INVALID_ARGUMENT",
                                    "message": "Unknown company",
                                },
                            ],
                        },
                    ),
                )
            ],
            fails(
                "api",
                status=400,
                vendor_code="INVALID_ARGUMENT",
                message="Request is invalid; Unknown company",
                debug_identifier="7e3a9c2b41d05f68",
            ),
        )
    )

    cases.append(
        case(
            "an error on a later page fails the whole listing",
            "spotnana",
            {"op": "list_members", "group_id": SN_G1},
            [
                ex(sn_list_members(SN_G1, 0), sn_members_answer([SN_U1, SN_U2], 3)),
                ex(sn_list_members(SN_G1, 2), empty(500)),
            ],
            fails("api", status=500, vendor_code=None, message="Internal Server Error"),
        )
    )

    cases.append(
        case(
            "ssw list_groups without the organization id is refused before any request",
            "ssw",
            {"op": "list_groups"},
            [],
            fails("invalid_input", field="tenant_id"),
            tenant=NO_TENANT,
        )
    )

    cases.append(
        case(
            "an operation missing a required field is refused before any request",
            "b2core",
            {"op": "get_group"},
            [],
            fails("invalid_input", field="group_id"),
        )
    )
    return cases


# ---------------------------------------------------------------------------
# unsupported.json
# ---------------------------------------------------------------------------


def unsupported_cases():
    rows = [
        ("ssw", {"op": "get_group", "group_id": GRP}, "get_group"),
        ("ssw", {"op": "create_group", "group": {"name": "Finance"}}, "create_group"),
        ("spotnana", {"op": "list_users"}, "list_users"),
        ("spotnana", {"op": "delete_group", "group_id": SN_G1}, "delete_group"),
        ("b2core", {"op": "list_members", "group_id": "1"}, "list_members"),
        ("b2core", add_op("1", ["17"]), "add_members"),
        ("b2core", remove_op("1", ["17"]), "remove_members"),
        ("b2core", sync_op("sync_members", "1", ["17"], options("additive")), None),
        ("polaris", {"op": "approve_member", "group_id": P_AR, "user_id": P_SAM}, None),
        ("alteryx", {"op": "list_users"}, "list_users"),
    ]
    cases = []
    for provider, op, operation in rows:
        cases.append(
            case(
                f"{provider} {op['op']} is unsupported, before any request",
                provider,
                op,
                [],
                unsupported(provider, operation),
            )
        )
    return cases


# ---------------------------------------------------------------------------
# Writing the files.
# ---------------------------------------------------------------------------

TOPICS = [
    (
        "list",
        (
            "Every user, group and member of a directory, all pages: page numbers"
            " (SSW), offset and totalNumResults (Spotnana), limit/offset arrays"
            " (B2Core), one answer (Polaris, Alteryx)."
        ),
        list_cases,
    ),
    (
        "groups",
        (
            "Reading, creating, changing and deleting one group, including read-backs"
            " after a create and reads before a partial update."
        ),
        group_cases,
    ),
    (
        "members",
        (
            "Adding and removing members with the fewest calls, one outcome per"
            " user: idempotent answers, pending approvals, partial failures inside"
            " a 200."
        ),
        member_cases,
    ),
    (
        "sync",
        (
            "Planning and applying a sync: additive and authoritative modes, email"
            " resolution, the guards, and applying a given plan with failures."
        ),
        sync_cases,
    ),
    (
        "errors",
        (
            "Error kinds and retries: auth, not_found, conflict, rate_limited, api,"
            " decode, SSW codes inside a 200, Spotnana debug identifiers."
        ),
        error_cases,
    ),
    (
        "unsupported",
        (
            "Operations a vendor's public API cannot do fail as unsupported, naming"
            " the provider, before any request."
        ),
        unsupported_cases,
    ),
    (
        "secrets",
        (
            "Servers that echo the credential (raw, in HTML, base64 for Basic, a"
            " fragment, inside a 200's per-user reasons): it appears in no error,"
            " excerpt or report."
        ),
        secret_cases,
    ),
]


def dump(obj) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def main():
    names = []
    written = set()
    for topic, description, build in TOPICS:
        cases = build()
        names += [c["name"] for c in cases]
        path = HERE / f"{topic}.json"
        doc = {"topic": topic, "description": description, "cases": cases}
        path.write_text(dump(doc), encoding="utf-8")
        written.add(path)
        print(f"{path.name}: {len(cases)} cases")
    dupes = sorted({n for n in names if names.count(n) > 1})
    assert not dupes, dupes
    for stale in sorted(HERE.glob("*.json")):
        if stale not in written:
            stale.unlink()
    print(f"wrote {len(written)} files with {len(names)} cases")


if __name__ == "__main__":
    main()
