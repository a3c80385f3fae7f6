#!/usr/bin/env python3
"""Writes the golden test vectors in tests/vectors/ (see README.md there).

Run from anywhere with Python 3.11 or later, standard library only:

    python3 tests/vectors/generate.py

Every expected value below is written from the vendor documents and from the
core's public types (error kinds, field names, output shapes); nothing here
calls the Rust code. The output is deterministic: the same script always
writes the same bytes, so a diff after a run is a real change.
"""

from __future__ import annotations

import calendar
import copy
import email.utils
import json
import pathlib
import unicodedata
from urllib.parse import quote

HERE = pathlib.Path(__file__).resolve().parent
TOKEN = "test-token"

VENDORS = {
    "ssw": {
        "doc": "000_9864484e91baf0a8.txt",
        "base": "https://tenant.example.com",
        "scheme": "Bearer",
    },
    "spotnana": {
        "doc": "001_8ad0a0e9917e92fe.txt",
        "base": "https://api.spotnana.example",
        "scheme": "Bearer",
    },
    "b2core": {
        "doc": "002_1a2c9dc34cbc7b4f.txt",
        "base": "https://host.name",
        "scheme": "Bearer",
    },
    "polaris": {
        "doc": "003_dd1a18090924cbef.txt",
        "base": "https://ORGANIZATION_NAME.app.imply.io",
        "scheme": "Basic",
    },
    "alteryx": {
        "doc": "004_1215b0607d515864.txt",
        "base": "http://localhost/webapi",
        "scheme": "Bearer",
    },
}

# ---------------------------------------------------------------------------
# Small builders for the vector format.
# ---------------------------------------------------------------------------


def enc(value) -> str:
    """Percent-encodes one path segment or query component: everything but
    RFC 3986 unreserved characters (ALPHA / DIGIT / - . _ ~), as UTF-8."""
    if isinstance(value, bool):
        value = "true" if value else "false"
    return quote(str(value), safe="")


def path_query(path: str, query=()) -> str:
    pairs = [(k, v) for k, v in query if v is not None]
    if not pairs:
        return path
    return path + "?" + "&".join(f"{enc(k)}={enc(v)}" for k, v in pairs)


def form(pairs) -> str:
    return "&".join(f"{enc(k)}={enc(v)}" for k, v in pairs)


# The Polaris samples send `Content-Type: application/json` on every request,
# bodyless GETs included; the core sends Content-Type only with a body, and the
# vectors follow it (reported as a possible divergence). Flip this to expect
# the header on every Polaris request instead.
POLARIS_CONTENT_TYPE_ALWAYS = False


def request(vendor, method, path, body=None, token=TOKEN, base=None):
    """The expected request. `body` is None, ("json", value) or ("form", text)."""
    headers = [
        ["Accept", "application/json"],
        ["Authorization", f"{VENDORS[vendor]['scheme']} {token}"],
    ]
    if body is None:
        wire = None
        if vendor == "polaris" and POLARIS_CONTENT_TYPE_ALWAYS:
            headers.append(["Content-Type", "application/json"])
    elif body[0] == "json":
        headers.append(["Content-Type", "application/json"])
        wire = {"json": body[1]}
    elif body[0] == "form":
        headers.append(["Content-Type", "application/x-www-form-urlencoded"])
        wire = {"text": body[1]}
    else:
        raise ValueError(body)
    return {
        "method": method,
        "url": (base or VENDORS[vendor]["base"]) + path,
        "headers": headers,
        "body": wire,
    }


JSON_HEADERS = [["Content-Type", "application/json"]]
HTML_HEADERS = [["Content-Type", "text/html"]]


def response(status, json_body=None, *, text=None, headers=None, empty=False):
    if empty:
        body = None
    elif text is not None:
        body = {"text": text}
    else:
        body = {"json": json_body}
    if headers is None:
        if empty:
            headers = []
        elif text is not None:
            headers = HTML_HEADERS if text.lstrip().startswith("<") else []
        else:
            headers = JSON_HEADERS
    return {"status": status, "headers": headers, "body": body}


def ok(value):
    return {"ok": value}


def invalid(field, reason):
    return {"error": {"kind": "invalid_input", "field": field, "reason": reason}}


def vendor_error(kind, fields, debug):
    error = {"kind": kind, **fields}
    if debug is not None:
        # Spotnana's `debugIdentifier`: the id its support asks for.
        error["debug_identifier"] = debug
    return {"error": error}


def api(status, code, message, debug=None):
    return vendor_error("api", {"status": status, "vendor_code": code, "message": message}, debug)


def auth(status, code, message, debug=None):
    return vendor_error("auth", {"status": status, "vendor_code": code, "message": message}, debug)


def not_found(code, message, debug=None):
    return vendor_error("not_found", {"vendor_code": code, "message": message}, debug)


def conflict(code, message, debug=None):
    return vendor_error("conflict", {"vendor_code": code, "message": message}, debug)


def rate_limited(retry_after, message, code=None, debug=None):
    return vendor_error("rate_limited", {"retry_after": retry_after, "vendor_code": code, "message": message}, debug)


def delay(millis):
    return {"type": "delay", "millis": millis}


def at(unix_millis):
    return {"type": "at", "unix_millis": unix_millis}


def decode(message, excerpt):
    return {"error": {"kind": "decode", "message": message, "excerpt": excerpt}}


def excerpt(text: str) -> str:
    """The decode-error excerpt of a body free of secrets: control characters
    become spaces, at most 120 characters, an ellipsis when cut."""
    for word in ("bearer ", "basic ", "token", "secret", "password", "apikey", "api_key", "authorization"):
        assert word not in text.lower(), "write scrubbed excerpts by hand"
    out = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    return out[:120] + ("…" if len(out) > 120 else "")


def eof_value(text: str):
    """A body cut right after a colon: serde_json reports the end of input."""
    return decode(f"EOF while parsing a value at line 1 column {len(text.encode())}", excerpt(text))


def http_date(unix_seconds: int) -> str:
    return email.utils.formatdate(unix_seconds, usegmt=True)


def unix(y, mo, d, h, mi, s) -> int:
    return calendar.timegm((y, mo, d, h, mi, s, 0, 0, 0))


REASON = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


def status_error(status, code, message, retry_after=None, debug=None):
    """The typed error a non-2xx status maps to."""
    if status in (401, 403):
        return auth(status, code, message, debug)
    if status == 404:
        return not_found(code, message, debug)
    if status == 409:
        return conflict(code, message, debug)
    if status == 429:
        return rate_limited(retry_after, message, code, debug)
    return api(status, code, message, debug)


def vendor_body(vendor, code, message):
    """The vendor's error body and the vendor code the core should read from it."""
    if vendor == "ssw":
        return {"code": code, "message": message}, str(code)
    if vendor == "spotnana":
        return {
            "debugIdentifier": "0f5c1b7e9a2d4c31",
            "errorMessages": [{"errorCode": code, "message": message}],
        }, code
    if vendor == "b2core":
        return {"code": code, "message": message}, code
    if vendor == "polaris":
        return {"error": code, "message": message}, code
    if vendor == "alteryx":
        return {"message": message}, None
    raise ValueError(vendor)


def vendor_error_case(vendor, name, status, code, message, probe, headers=None):
    body, vcode = vendor_body(vendor, code, message)
    debug = body.get("debugIdentifier")
    return case(name, probe, resp=response(status, body, headers=headers), expect=status_error(status, vcode, message, debug=debug))


def case(name, input_, *, req=None, resp=None, expect=None, target=None):
    c = {"name": name}
    if target is not None:
        c["target"] = target
    c["input"] = input_
    if req is not None:
        c["request"] = req
    if resp is not None:
        c["response"] = resp
    if expect is not None:
        c["expect"] = expect
    return c


def with_(input_, **changes):
    out = copy.deepcopy(input_)
    out.update(changes)
    return out


# ---------------------------------------------------------------------------
# Shared case families.
# ---------------------------------------------------------------------------

DOTDOT = "'.' and '..' cannot be used as an id in a URL path"
EMPTY = "must not be empty"
BLANK = "must not be blank"

# One id per character class the brief names, each percent-encoded.
HOSTILE = [
    ("a slash", "team/admins"),
    ("a '..' path traversal", "../../admin"),
    ("dots inside a longer id", "v1..2"),
    ("a question mark", "grp?admin=true"),
    ("a hash", "grp#fragment"),
    ("a percent sign", "100%"),
    ("an already percent-encoded slash", "a%2Fb"),
    ("spaces", "IT Admins"),
    ("CR LF", "grp\r\nX-Injected: 1"),
    ("non-ASCII", "Grüppe-日本"),
]
COMBINED = "../a b/c?d=e#f%g\r\nh-é"

CRLF_TOKEN = "test-token\r\nX-Injected: 1"
CONTROL_REASON = "contains a control character (CR, LF or similar)"


def id_cases(ep, showcase=False):
    """Path (or query) ids: hostile characters are encoded, '..' and empty are refused."""
    out = []
    for key, field in ep["ids"]:
        values = HOSTILE if showcase else [("hostile characters", COMBINED)]
        for label, value in values:
            inp = with_(ep["probe"], **{key: value})
            out.append(
                case(
                    f"{key} with {label} is percent-encoded",
                    inp,
                    req=ep["request"](inp),
                )
            )
        out.append(case(f"{key} '..' is refused", with_(ep["probe"], **{key: ".."}), expect=invalid(field, DOTDOT)))
        out.append(case(f"{key} empty is refused", with_(ep["probe"], **{key: ""}), expect=invalid(field, EMPTY)))
        if showcase:
            out.append(case(f"{key} '.' is refused", with_(ep["probe"], **{key: "."}), expect=invalid(field, DOTDOT)))
            out.append(case(f"{key} blank is refused", with_(ep["probe"], **{key: "   "}), expect=invalid(field, BLANK)))
    return out


STD_ERRORS = {
    # vendor: (401 code, 401 message), (404 code, 404 message), (400 status, code, message)
    "ssw": ((40100, "IAM access token is invalid or expired"), (40400, "resource not found"), (400, 40000, "invalid parameter")),
    "spotnana": (
        ("AUTHENTICATION_FAILED", "Authentication failed"),
        ("USER_GROUP_NOT_FOUND", "User group not found"),
        (400, "INVALID_ARGUMENT", "Request is invalid"),
    ),
    "b2core": (("unauthorized", "Unauthenticated."), ("not_found", "Group not found"), (422, "validation_failed", "The given data was invalid.")),
    "polaris": (("Unauthorized", "Invalid API key"), ("NotFound", "Entity not found"), (400, "BadRequest", "Request body is invalid")),
    "alteryx": ((None, "Authorization has been denied for this request."), (None, "User group not found"), (400, None, "The request is invalid.")),
}


def error_cases(ep):
    """Status handling every endpoint gets; the request is only built, not checked."""
    v, probe = ep["vendor"], ep["probe"]
    (c401, m401), (c404, m404), (s400, c400, m400) = STD_ERRORS[v]
    out = [
        vendor_error_case(v, "401 with the vendor's error body", 401, c401, m401, probe),
        case("401 with an empty body", probe, resp=response(401, empty=True), expect=auth(401, None, "Unauthorized")),
        vendor_error_case(v, "404 with the vendor's error body", 404, c404, m404, probe),
        vendor_error_case(v, f"{s400} with the vendor's error body", s400, c400, m400, probe),
        case(
            "429 with Retry-After in seconds",
            probe,
            resp=response(429, headers=[["Retry-After", "120"]], empty=True),
            expect=rate_limited(delay(120_000), "Too Many Requests"),
        ),
    ]
    out.extend(list_key_cases(ep))
    kind = ep["kind"]
    if kind == "json":
        cut = ep["cut"]
        out.append(case("malformed JSON in a 200 body", probe, resp=response(200, text=cut), expect=eof_value(cut)))
        if not ep.get("empty_200_ok"):
            out.append(
                case(
                    "empty 200 body",
                    probe,
                    resp=response(200, empty=True),
                    expect=decode("expected a JSON body, got an empty one", ""),
                )
            )
    elif kind == "empty":
        out.append(case("empty 204 body is success", probe, resp=response(204, empty=True), expect=ok(None)))
        out.append(case("empty 200 body is success", probe, resp=response(200, empty=True), expect=ok(None)))
    elif kind == "ack":
        cut = ep.get("cut", '{"code":0,"message":')
        out.append(case("empty 200 body is success", probe, resp=response(200, empty=True), expect=ok({})))
        out.append(case("malformed JSON in a 200 body", probe, resp=response(200, text=cut), expect=eof_value(cut)))
    if v == "ssw":
        out.append(
            case(
                "HTTP 200 with a non-zero code is an error",
                probe,
                resp=response(200, {"code": 40001, "message": "operation failed"}),
                expect=api(200, "40001", "operation failed"),
            )
        )
    return out


def list_key_cases(ep):
    """A 200 without the list key (or with the wrong type there) is a decode
    error naming the key, never an empty page; an empty list is still one."""
    style, key = ep.get("list_key", (None, None))
    probe = ep["probe"]
    if style is None:
        return []
    if style == "array":
        text = '{"groups":[]}'
        return [
            case(
                "a 200 with an object where the array belongs is a decode error",
                probe,
                resp=response(200, text=text, headers=JSON_HEADERS),
                expect=decode("invalid type: map, expected a sequence at line 1 column 0", excerpt(text)),
            )
        ]
    if style == "ssw":
        text, wrong = '{"code":0,"data":{}}', '{"code":0,"data":{"%s":{}}}' % key
        where, col, wcol = "data: ", 2, len(key) + 4
        wrong_where = f"data.{key}: "
    else:
        text, wrong = "{}", '{"%s":{}}' % key
        where, col, wcol = "", 2, len(key) + 4
        wrong_where = f"{key}: "
    return [
        case(
            f"a 200 without {key} is a decode error naming it, not an empty page",
            probe,
            resp=response(200, text=text, headers=JSON_HEADERS),
            expect=decode(f"{where}missing field `{key}` at line 1 column {col}", excerpt(text)),
        ),
        case(
            f"a 200 with {key} of the wrong type is a decode error naming it",
            probe,
            resp=response(200, text=wrong, headers=JSON_HEADERS),
            expect=decode(f"{wrong_where}invalid type: map, expected a sequence at line 1 column {wcol}", excerpt(wrong)),
        ),
    ]


def html_case(name, probe, status=200):
    page = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body>\n</html>\n"
    if status == 200:
        return case(name, probe, resp=response(200, text=page), expect=decode("expected value at line 1 column 1", excerpt(page)))
    return case(name, probe, resp=response(status, text=page), expect=api(status, None, REASON[status]))


def retry_date_case(probe, retry_at, now):
    return case(
        "429 with Retry-After as an HTTP date and a Date header",
        probe,
        resp=response(429, headers=[["Retry-After", http_date(retry_at)], ["Date", http_date(now)]], empty=True),
        expect=rate_limited(delay((retry_at - now) * 1000), "Too Many Requests"),
    )


def token_cases(ep):
    probe = ep["probe"]
    base = VENDORS[ep["vendor"]]["base"]
    return [
        case(
            "token with CR LF is refused",
            probe,
            target={"base_url": base, "token": CRLF_TOKEN},
            expect=invalid("token", CONTROL_REASON),
        ),
        case("empty token is refused", probe, target={"base_url": base, "token": ""}, expect=invalid("token", "is empty")),
    ]


# ---------------------------------------------------------------------------
# SSW (000_9864484e91baf0a8.txt)
# ---------------------------------------------------------------------------

SSW_MEMBERS_DATA = {
    "members": [{"user_id": "user_123", "email": "user@example.com", "status": "active"}],
    "page": 1,
    "page_size": 30,
    "total": 100,
}
SSW_SUCCESS = {"code": 0, "message": "success"}


def ssw_members_req(inp):
    q = [(k, inp.get(k)) for k in ("page", "page_size", "search", "filter", "order", "roles", "groups", "active")]
    return request("ssw", "GET", path_query("/iam/v1/organization/members", q))


def ssw_groups_req(inp):
    q = [("page", inp.get("page")), ("page_size", inp.get("page_size"))]
    return request("ssw", "GET", path_query(f"/iam/v1/organization/{enc(inp['organization_id'])}/groups", q))


def ssw_group_members_req(inp):
    q = [("group_id", inp["group_id"]), ("page", inp.get("page")), ("page_size", inp.get("page_size"))]
    return request("ssw", "GET", path_query("/iam/v1/group/members", q))


def ssw_membership_req(method, suffix="", with_body=False):
    def build(inp):
        path = f"/iam/v1/group/{enc(inp['group_id'])}/members/{enc(inp['user_id'])}{suffix}"
        return request("ssw", method, path, ("json", inp.get("body", {})) if with_body else None)

    return build


def ssw_update_req(inp):
    return request("ssw", "PUT", "/iam/v1/group", ("json", inp))


def ssw_delete_req(inp):
    return request("ssw", "DELETE", f"/iam/v1/group/{enc(inp['group_id'])}")


def page_size_cases(probe, field="page_size"):
    return [
        case(f"{field} 0 is refused", with_(probe, **{field: 0}), expect=invalid(field, "must be between 1 and 1000, got 0")),
        case(f"{field} 1001 is refused", with_(probe, **{field: 1001}), expect=invalid(field, "must be between 1 and 1000, got 1001")),
        case("page 0 is refused", with_(probe, page=0), expect=invalid("page", "must be between 1 and 4294967295, got 0")),
    ]


def ssw_endpoints():
    eps = []
    src = VENDORS["ssw"]["doc"]

    # Step A: list members.
    probe = {"page": 1, "page_size": 30}
    ui = {"page": 1, "page_size": 30, "order": "status asc", "roles": "", "groups": "", "active": ""}
    eps.append(
        dict(
            id="ssw.list_members",
            list_key=("ssw", "members"),
            method="GET",
            path="/iam/v1/organization/members",
            source=f"{src}, Step A",
            request=ssw_members_req,
            kind="json",
            cut='{"code":0,"data":',
            probe=probe,
            ids=[],
            cases=[
                case(
                    "documented minimal request",
                    probe,
                    req={
                        **request("ssw", "GET", "/iam/v1/organization/members?page=1&page_size=30"),
                    },
                    resp=response(200, {"code": 0, "data": SSW_MEMBERS_DATA}),
                    expect=ok(SSW_MEMBERS_DATA),
                ),
                case(
                    "web UI query: order, roles, groups, active (space encoded as %20)",
                    ui,
                    req=request(
                        "ssw", "GET", "/iam/v1/organization/members?page=1&page_size=30&order=status%20asc&roles=&groups=&active="
                    ),
                ),
                case(
                    "search and filter values are encoded",
                    {"search": "dani lee+x@example.com", "filter": "status=active&role=admin"},
                    req=ssw_members_req({"search": "dani lee+x@example.com", "filter": "status=active&role=admin"}),
                ),
                case(
                    "no parameters sends no query",
                    {},
                    req=request("ssw", "GET", "/iam/v1/organization/members"),
                    resp=response(200, {"code": 0, "data": {"members": []}}),
                    expect=ok({"members": []}),
                ),
                case(
                    "page_size 1000 is the largest accepted",
                    {"page": 2, "page_size": 1000},
                    req=request("ssw", "GET", "/iam/v1/organization/members?page=2&page_size=1000"),
                ),
                case(
                    "undocumented member and page fields are kept",
                    probe,
                    resp=response(
                        200,
                        {
                            "code": 0,
                            "message": "success",
                            "data": {
                                "members": [
                                    {"user_id": "user_123", "email": "user@example.com", "status": "active", "role": "admin", "groups": ["grp_001"]},
                                    {"user_id": "user_456"},
                                ],
                                "page": 1,
                                "page_size": 30,
                                "total": 2,
                                "has_more": False,
                            },
                        },
                    ),
                    expect=ok(
                        {
                            "members": [
                                {"user_id": "user_123", "email": "user@example.com", "status": "active", "role": "admin", "groups": ["grp_001"]},
                                {"user_id": "user_456"},
                            ],
                            "page": 1,
                            "page_size": 30,
                            "total": 2,
                            "has_more": False,
                        }
                    ),
                ),
                case(
                    "code as the string \"0\" is success",
                    probe,
                    resp=response(200, {"code": "0", "data": {"members": []}}),
                    expect=ok({"members": []}),
                ),
                case(
                    "a member without user_id is a decode error",
                    probe,
                    resp=response(200, text='{"code":0,"data":{"members":[{"email":"user@example.com"}]}}', headers=JSON_HEADERS),
                    expect=decode("data.members[0]: missing field `user_id` at line 1 column 40", '{"code":0,"data":{"members":[{"email":"user@example.com"}]}}'),
                ),
                case(
                    "a success envelope without data is a decode error",
                    probe,
                    resp=response(200, text='{"code":0,"message":"success"}', headers=JSON_HEADERS),
                    expect=decode("SSW envelope has no `data`", '{"code":0,"message":"success"}'),
                ),
                case(
                    "HTTP 200 with a string code and no message",
                    probe,
                    resp=response(200, {"code": "E1001"}),
                    expect=api(200, "E1001", "SSW returned a non-zero code"),
                ),
                case(
                    "403 with the vendor's error body",
                    probe,
                    resp=response(403, {"code": 40300, "message": "permission denied"}),
                    expect=auth(403, "40300", "permission denied"),
                ),
                case(
                    "401 message echoing a credential is scrubbed",
                    probe,
                    resp=response(401, {"code": 40100, "message": "invalid token: abc123"}),
                    expect=auth(401, "40100", "invalid token: ***"),
                ),
                case(
                    "429 with the envelope as body keeps the vendor message",
                    probe,
                    resp=response(429, {"code": 42900, "message": "rate limit exceeded"}, headers=[["Content-Type", "application/json"], ["Retry-After", "5"]]),
                    expect=rate_limited(delay(5000), "rate limit exceeded", "42900"),
                ),
                retry_date_case(probe, unix(2015, 10, 21, 7, 28, 30), unix(2015, 10, 21, 7, 28, 0)),
                html_case("HTML page with status 200 is a decode error", probe),
                html_case("503 with an HTML body", probe, 503),
                case(
                    "500 with the vendor's error body",
                    probe,
                    resp=response(500, {"code": 50000, "message": "internal error"}),
                    expect=api(500, "50000", "internal error"),
                ),
                *page_size_cases(probe),
                case(
                    "page_size given as a string is refused",
                    {"page_size": "30"},
                    expect=invalid("page_size", 'invalid type: string "30", expected u64'),
                ),
                case(
                    "unknown input field is refused",
                    {"pagesize": 30},
                    expect=invalid(
                        "pagesize",
                        "unknown field `pagesize`, expected one of `page`, `page_size`, `search`, `filter`, `order`, `roles`, `groups`, `active`",
                    ),
                ),
                case(
                    "base URL with a trailing slash",
                    probe,
                    target={"base_url": "https://tenant.example.com/", "token": TOKEN},
                    req=request("ssw", "GET", "/iam/v1/organization/members?page=1&page_size=30"),
                ),
                case(
                    "base URL that is not http(s) is refused",
                    probe,
                    target={"base_url": "ftp://tenant.example.com", "token": TOKEN},
                    expect=invalid("base_url", "must start with http:// or https://"),
                ),
            ],
            extra_token=True,
        )
    )

    # Step B: list groups.
    probe = {"organization_id": "org_001", "page": 1, "page_size": 50}
    eps.append(
        dict(
            id="ssw.list_groups",
            list_key=("ssw", "groups"),
            method="GET",
            path="/iam/v1/organization/{organization_id}/groups",
            source=f"{src}, Step B",
            request=ssw_groups_req,
            kind="json",
            cut='{"code":0,"data":',
            probe=probe,
            ids=[("organization_id", "organization_id")],
            cases=[
                case(
                    "documented request",
                    probe,
                    req=request("ssw", "GET", "/iam/v1/organization/org_001/groups?page=1&page_size=50"),
                    resp=response(200, {"code": 0, "data": [{"group_id": "grp_001", "name": "IT Admins"}]}),
                    expect=ok({"groups": [{"group_id": "grp_001", "name": "IT Admins"}]}),
                ),
                case(
                    "a paged data object is accepted too",
                    probe,
                    resp=response(
                        200,
                        {"code": 0, "data": {"items": [{"group_id": "grp_001", "name": "IT Admins", "member_count": 3}], "page": 1, "page_size": 50, "total": 1}},
                    ),
                    expect=ok({"groups": [{"group_id": "grp_001", "name": "IT Admins", "member_count": 3}], "page": 1, "page_size": 50, "total": 1}),
                ),
                case(
                    "without paging parameters",
                    {"organization_id": "org_001"},
                    req=request("ssw", "GET", "/iam/v1/organization/org_001/groups"),
                    resp=response(200, {"code": 0, "data": []}),
                    expect=ok({"groups": []}),
                ),
                case(
                    "429 with Retry-After as an HTTP date and no Date header",
                    probe,
                    resp=response(429, headers=[["Retry-After", http_date(unix(2015, 10, 21, 7, 28, 0))]], empty=True),
                    expect=rate_limited(at(unix(2015, 10, 21, 7, 28, 0) * 1000), "Too Many Requests"),
                ),
                case(
                    "missing organization_id is refused",
                    {"page": 1},
                    expect=invalid("organization_id", "missing field `organization_id`"),
                ),
                *page_size_cases(probe),
            ],
        )
    )

    # Step C: list group members.
    probe = {"group_id": "grp_001", "page": 1, "page_size": 50}
    members = {"members": [{"user_id": "user_123", "email": "user@example.com"}]}
    eps.append(
        dict(
            id="ssw.list_group_members",
            list_key=("ssw", "members"),
            method="GET",
            path="/iam/v1/group/members",
            source=f"{src}, Step C",
            request=ssw_group_members_req,
            kind="json",
            cut='{"code":0,"data":',
            probe=probe,
            ids=[],
            cases=[
                case(
                    "documented request",
                    probe,
                    req=request("ssw", "GET", "/iam/v1/group/members?group_id=grp_001&page=1&page_size=50"),
                    resp=response(200, {"code": 0, "data": members}),
                    expect=ok(members),
                ),
                case(
                    "group_id cannot add query parameters",
                    {"group_id": "grp_001&page_size=1000"},
                    req=request("ssw", "GET", "/iam/v1/group/members?group_id=grp_001%26page_size%3D1000"),
                ),
                case(
                    "missing group_id is refused",
                    {"page": 1},
                    expect=invalid("group_id", "missing field `group_id`"),
                ),
                case(
                    "group_id is a query value, so '..' is just text",
                    with_(probe, group_id=".."),
                    req=request("ssw", "GET", "/iam/v1/group/members?group_id=..&page=1&page_size=50"),
                ),
                case(
                    "group_id with hostile characters is percent-encoded",
                    with_(probe, group_id=COMBINED),
                    req=request("ssw", "GET", "/iam/v1/group/members?group_id=..%2Fa%20b%2Fc%3Fd%3De%23f%25g%0D%0Ah-%C3%A9&page=1&page_size=50"),
                ),
                case("empty group_id is refused", with_(probe, group_id=""), expect=invalid("group_id", EMPTY)),
                case(
                    "404 for an unknown group",
                    probe,
                    resp=response(404, {"code": 40400, "message": "group not found"}),
                    expect=not_found("40400", "group not found"),
                ),
                *page_size_cases(probe),
            ],
        )
    )

    # Step D: add a member.
    probe = {"group_id": "grp_001", "user_id": "user_123"}
    eps.append(
        dict(
            id="ssw.add_group_member",
            method="POST",
            path="/iam/v1/group/{group_id}/members/{user_id}",
            source=f"{src}, Step D",
            request=ssw_membership_req("POST"),
            kind="ack",
            probe=probe,
            ids=[("group_id", "group_id"), ("user_id", "user_id")],
            cases=[
                case(
                    "documented request",
                    probe,
                    req=request("ssw", "POST", "/iam/v1/group/grp_001/members/user_123"),
                    resp=response(200, SSW_SUCCESS),
                    expect=ok({"message": "success"}),
                ),
                case(
                    "data and undocumented envelope fields are kept",
                    probe,
                    resp=response(200, {"code": 0, "message": "success", "data": {"status": "pending_approval"}, "request_id": "req-42"}),
                    expect=ok({"message": "success", "data": {"status": "pending_approval"}, "request_id": "req-42"}),
                ),
                case(
                    "409 when already a member",
                    probe,
                    resp=response(409, {"code": 40900, "message": "user is already a member of the group"}),
                    expect=conflict("40900", "user is already a member of the group"),
                ),
                case(
                    "HTTP 200 with code != 0 and the vendor message",
                    probe,
                    resp=response(200, {"code": 40401, "message": "user not found"}),
                    expect=api(200, "40401", "user not found"),
                ),
            ],
            extra_token=True,
        )
    )

    # Step E: approve / reject.
    for action, suffix in (("approve", "approval"), ("reject", "reject")):
        probe = {"group_id": "grp_001", "user_id": "user_123"}
        eps.append(
            dict(
                id=f"ssw.{action}_group_member",
                method="POST",
                path="/iam/v1/group/{group_id}/members/{user_id}/" + suffix,
                source=f"{src}, Step E",
                request=ssw_membership_req("POST", "/" + suffix, with_body=True),
                kind="ack",
                probe=probe,
                ids=[("group_id", "group_id"), ("user_id", "user_id")],
                cases=[
                    case(
                        "documented minimal request sends {}",
                        probe,
                        req=request("ssw", "POST", f"/iam/v1/group/grp_001/members/user_123/{suffix}", ("json", {})),
                        resp=response(200, SSW_SUCCESS),
                        expect=ok({"message": "success"}),
                    ),
                    case(
                        "UserJoinGroupRequest fields are sent as given",
                        with_(probe, body={"comment": f"{action}d by the IT desk", "notify": True}),
                        req=request(
                            "ssw",
                            "POST",
                            f"/iam/v1/group/grp_001/members/user_123/{suffix}",
                            ("json", {"comment": f"{action}d by the IT desk", "notify": True}),
                        ),
                        resp=response(200, {"code": 0}),
                        expect=ok({}),
                    ),
                    case(
                        "HTTP 200 with code != 0 when there is no pending request",
                        probe,
                        resp=response(200, {"code": 40402, "message": "no pending join request"}),
                        expect=api(200, "40402", "no pending join request"),
                    ),
                ],
            )
        )

    # Step F: remove a member.
    probe = {"group_id": "grp_001", "user_id": "user_123"}
    eps.append(
        dict(
            id="ssw.remove_group_member",
            method="DELETE",
            path="/iam/v1/group/{group_id}/members/{user_id}",
            source=f"{src}, Step F",
            request=ssw_membership_req("DELETE"),
            kind="ack",
            probe=probe,
            ids=[("group_id", "group_id"), ("user_id", "user_id")],
            showcase=True,
            cases=[
                case(
                    "documented request",
                    probe,
                    req=request("ssw", "DELETE", "/iam/v1/group/grp_001/members/user_123"),
                    resp=response(200, SSW_SUCCESS),
                    expect=ok({"message": "success"}),
                ),
                html_case("502 with an HTML body", probe, 502),
            ],
        )
    )

    # Step G: update a group.
    probe = {"group_id": "grp_001", "name": "New Group Name"}
    eps.append(
        dict(
            id="ssw.update_group",
            method="PUT",
            path="/iam/v1/group",
            source=f"{src}, Step G",
            request=ssw_update_req,
            kind="ack",
            probe=probe,
            ids=[],
            cases=[
                case(
                    "documented template",
                    probe,
                    req=request("ssw", "PUT", "/iam/v1/group", ("json", {"group_id": "grp_001", "name": "New Group Name"})),
                    resp=response(200, SSW_SUCCESS),
                    expect=ok({"message": "success"}),
                ),
                case(
                    "further GroupRequest fields pass through",
                    {"group_id": "grp_001", "name": "IT Admins", "description": "Helpdesk and infrastructure"},
                    req=request(
                        "ssw",
                        "PUT",
                        "/iam/v1/group",
                        ("json", {"group_id": "grp_001", "name": "IT Admins", "description": "Helpdesk and infrastructure"}),
                    ),
                ),
                case(
                    "group_id goes in the body, unencoded",
                    {"group_id": "grp/../001", "name": "IT Admins"},
                    req=request("ssw", "PUT", "/iam/v1/group", ("json", {"group_id": "grp/../001", "name": "IT Admins"})),
                ),
                case("empty group_id is refused", with_(probe, group_id=""), expect=invalid("group_id", EMPTY)),
                case("blank group_id is refused", with_(probe, group_id="  "), expect=invalid("group_id", BLANK)),
                case("empty name is refused", with_(probe, name=""), expect=invalid("name", EMPTY)),
                case("missing group_id is refused", {"name": "IT Admins"}, expect=invalid("group_id", "missing field `group_id`")),
                case(
                    "HTTP 200 with code != 0 for a duplicate name",
                    probe,
                    resp=response(200, {"code": 40901, "message": "group name already exists"}),
                    expect=api(200, "40901", "group name already exists"),
                ),
            ],
        )
    )

    # Step H: delete a group.
    probe = {"group_id": "grp_001"}
    eps.append(
        dict(
            id="ssw.delete_group",
            method="DELETE",
            path="/iam/v1/group/{group_id}",
            source=f"{src}, Step H",
            request=ssw_delete_req,
            kind="ack",
            probe=probe,
            ids=[("group_id", "group_id")],
            cases=[
                case(
                    "documented request, no response body",
                    probe,
                    req=request("ssw", "DELETE", "/iam/v1/group/grp_001"),
                    resp=response(200, empty=True),
                    expect=ok({}),
                ),
                case("envelope response", probe, resp=response(200, SSW_SUCCESS), expect=ok({"message": "success"})),
                case("empty 204 body is success", probe, resp=response(204, empty=True), expect=ok({})),
                case(
                    "HTTP 200 with code != 0 for a group in use",
                    probe,
                    resp=response(200, {"code": 40902, "message": "group is in use by a policy"}),
                    expect=api(200, "40902", "group is in use by a policy"),
                ),
            ],
        )
    )
    return eps


# ---------------------------------------------------------------------------
# Spotnana (001_8ad0a0e9917e92fe.txt)
# ---------------------------------------------------------------------------

SN_COMPANY = "4974a66b-7493-4f41-908c-58ba81093947"
SN_GROUP = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
SN_USER = "6b9c8d7e-2f3a-4b5c-9d6e-7f8a9b0c1d2e"
SN_USER2 = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"
DEFAULT_PAGINATION = {"offset": 0, "limit": 100}

SN_GROUP_SUMMARY = {"id": SN_GROUP, "name": "Travel Arrangers", "description": "Books travel for the sales team"}
SN_GROUP_FULL = {
    "id": SN_GROUP,
    "name": "Travel Arrangers",
    "description": "Books travel for the sales team",
    "companyId": SN_COMPANY,
    "isUnmodifiable": False,
    "createdAt": "2024-03-01T09:30:00Z",
    "updatedAt": "2024-03-05T16:12:45Z",
    "createdBy": {"id": SN_USER2},
    "updatedBy": {"id": SN_USER2},
}


def sn_list_groups_req(inp):
    body = {"pagination": inp.get("pagination", DEFAULT_PAGINATION)}
    for k in ("searchText", "sortParams", "filters"):
        if k in inp:
            body[k] = inp[k]
    return request("spotnana", "POST", f"/v3/companies/{enc(inp['companyId'])}/user-groups/list", ("json", body))


def sn_get_req(inp):
    return request("spotnana", "GET", f"/v3/companies/{enc(inp['companyId'])}/user-groups/{enc(inp['groupId'])}")


def sn_group_list_req(suffix):
    def build(inp):
        body = {"pagination": inp.get("pagination", DEFAULT_PAGINATION)}
        return request(
            "spotnana", "POST", f"/v3/companies/{enc(inp['companyId'])}/user-groups/{enc(inp['groupId'])}/{suffix}", ("json", body)
        )

    return build


def sn_update_req(inp):
    body = {}
    if inp.get("userIdsToAdd"):
        body["userIdsToAdd"] = inp["userIdsToAdd"]
    if inp.get("userIdsToRemove"):
        body["userIdsToRemove"] = inp["userIdsToRemove"]
    return request(
        "spotnana", "PATCH", f"/v3/companies/{enc(inp['companyId'])}/user-groups/{enc(inp['groupId'])}/members", ("json", body)
    )


def sn_group_body(inp):
    body = {"name": inp["name"]}
    if "description" in inp:
        body["description"] = inp["description"]
    if inp.get("roleIds"):
        body["roleIds"] = inp["roleIds"]
    return body


def sn_create_req(inp):
    return request("spotnana", "POST", f"/v3/companies/{enc(inp['companyId'])}/user-groups", ("json", sn_group_body(inp)))


def sn_put_req(inp):
    return request(
        "spotnana", "PUT", f"/v3/companies/{enc(inp['companyId'])}/user-groups/{enc(inp['groupId'])}", ("json", sn_group_body(inp))
    )


def sn_for_user_req(inp):
    body = {"pagination": inp.get("pagination", DEFAULT_PAGINATION)}
    return request("spotnana", "POST", f"/v3/users/{enc(inp['userId'])}/user-groups", ("json", body))


def limit_cases(probe):
    return [
        case(
            "pagination.limit 0 is refused",
            with_(probe, pagination={"offset": 0, "limit": 0}),
            expect=invalid("pagination.limit", "must be between 1 and 1000, got 0"),
        ),
        case(
            "pagination.limit 1001 is refused",
            with_(probe, pagination={"offset": 0, "limit": 1001}),
            expect=invalid("pagination.limit", "must be between 1 and 1000, got 1001"),
        ),
    ]


def spotnana_endpoints():
    eps = []
    src = VENDORS["spotnana"]["doc"]
    page = {"offset": 0, "limit": 10}
    user_groups_page = {"userGroups": [SN_GROUP_SUMMARY], "pagination": {"offset": 0, "limit": 10, "totalNumResults": 1}}

    probe = {"companyId": SN_COMPANY, "pagination": page}
    full = {
        "companyId": SN_COMPANY,
        "pagination": {"offset": 20, "limit": 20},
        "searchText": "travel",
        "sortParams": [{"sortBy": "NAME", "sortOrder": "ASCENDING"}],
        "filters": [{"userGroupIds": [SN_GROUP]}],
    }
    eps.append(
        dict(
            id="spotnana.list_user_groups",
            method="POST",
            path="/v3/companies/{companyId}/user-groups/list",
            source=f"{src}, step 'List user groups for company'",
            request=sn_list_groups_req,
            kind="json",
            cut='{"userGroups":',
            probe=probe,
            ids=[("companyId", "companyId")],
            cases=[
                case(
                    "pagination only",
                    probe,
                    req=request(
                        "spotnana", "POST", f"/v3/companies/{SN_COMPANY}/user-groups/list", ("json", {"pagination": {"offset": 0, "limit": 10}})
                    ),
                    resp=response(200, user_groups_page),
                    expect=ok(user_groups_page),
                ),
                case(
                    "searchText, sortParams and filters are sent as given",
                    full,
                    req=request(
                        "spotnana",
                        "POST",
                        f"/v3/companies/{SN_COMPANY}/user-groups/list",
                        (
                            "json",
                            {
                                "pagination": {"offset": 20, "limit": 20},
                                "searchText": "travel",
                                "sortParams": [{"sortBy": "NAME", "sortOrder": "ASCENDING"}],
                                "filters": [{"userGroupIds": [SN_GROUP]}],
                            },
                        ),
                    ),
                ),
                case(
                    "pagination defaults to offset 0, limit 100",
                    {"companyId": SN_COMPANY},
                    req=request("spotnana", "POST", f"/v3/companies/{SN_COMPANY}/user-groups/list", ("json", {"pagination": DEFAULT_PAGINATION})),
                ),
                case(
                    "pagination.limit 1000 is the largest accepted",
                    with_(probe, pagination={"offset": 0, "limit": 1000}),
                    req=request(
                        "spotnana", "POST", f"/v3/companies/{SN_COMPANY}/user-groups/list", ("json", {"pagination": {"offset": 0, "limit": 1000}})
                    ),
                ),
                case(
                    "a page without pagination in the response",
                    probe,
                    resp=response(200, {"userGroups": []}),
                    expect=ok({"userGroups": []}),
                ),
                case(
                    "undocumented fields are kept",
                    probe,
                    resp=response(
                        200,
                        {
                            "userGroups": [{**SN_GROUP_SUMMARY, "memberCount": 4}],
                            "pagination": {"offset": 0, "limit": 10, "totalNumResults": 1, "nextOffset": None},
                            "traceId": "t-1",
                        },
                    ),
                    expect=ok(
                        {
                            "userGroups": [{**SN_GROUP_SUMMARY, "memberCount": 4}],
                            "pagination": {"offset": 0, "limit": 10, "totalNumResults": 1, "nextOffset": None},
                            "traceId": "t-1",
                        }
                    ),
                ),
                case(
                    "a 200 without userGroups is a decode error naming the key, not an empty page",
                    probe,
                    resp=response(200, text='{"pagination":{"offset":0,"limit":10,"totalNumResults":3}}', headers=JSON_HEADERS),
                    expect=decode(
                        "missing field `userGroups` at line 1 column 58",
                        '{"pagination":{"offset":0,"limit":10,"totalNumResults":3}}',
                    ),
                ),
                case(
                    "a 400 with several error messages keeps all of them and the debugIdentifier",
                    probe,
                    resp=response(
                        400,
                        {
                            "debugIdentifier": "7c2e4b1a90d3",
                            "errorMessages": [
                                {"errorCode": "INVALID_ARGUMENT", "message": "pagination.limit must be at most 1000", "errorParameters": [{"name": "limit", "value": "5000"}]},
                                {"errorCode": "INVALID_ARGUMENT", "message": "sortParams.sortBy is not supported", "errorDetail": "NAME or CREATED_AT"},
                            ],
                        },
                    ),
                    expect=api(
                        400,
                        "INVALID_ARGUMENT",
                        "pagination.limit must be at most 1000; sortParams.sortBy is not supported (NAME or CREATED_AT)",
                        "7c2e4b1a90d3",
                    ),
                ),
                case(
                    "a group without id is a decode error",
                    probe,
                    resp=response(200, text='{"userGroups":[{"name":"x"}]}', headers=JSON_HEADERS),
                    expect=decode("userGroups[0]: missing field `id` at line 1 column 27", '{"userGroups":[{"name":"x"}]}'),
                ),
                retry_date_case(probe, unix(2024, 1, 2, 10, 1, 0), unix(2024, 1, 2, 10, 0, 0)),
                html_case("503 with an HTML body", probe, 503),
                *limit_cases(probe),
                case(
                    "pagination without limit is refused",
                    {"companyId": SN_COMPANY, "pagination": {"offset": 0}},
                    expect=invalid("pagination.limit", "missing field `limit`"),
                ),
                case(
                    "missing companyId is refused",
                    {"pagination": page},
                    expect=invalid("companyId", "missing field `companyId`"),
                ),
            ],
            extra_token=True,
        )
    )

    probe = {"companyId": SN_COMPANY, "groupId": SN_GROUP}
    eps.append(
        dict(
            id="spotnana.get_user_group",
            method="GET",
            path="/v3/companies/{companyId}/user-groups/{groupId}",
            source=f"{src}, step 'Get user group'",
            request=sn_get_req,
            kind="json",
            cut='{"id":',
            probe=probe,
            ids=[("companyId", "companyId"), ("groupId", "groupId")],
            showcase=True,
            cases=[
                case(
                    "full user group object",
                    probe,
                    req=request("spotnana", "GET", f"/v3/companies/{SN_COMPANY}/user-groups/{SN_GROUP}"),
                    resp=response(200, SN_GROUP_FULL),
                    expect=ok(SN_GROUP_FULL),
                ),
                case(
                    "platform-created group (isUnmodifiable)",
                    probe,
                    resp=response(200, {"id": SN_GROUP, "name": "All Employees", "companyId": SN_COMPANY, "isUnmodifiable": True}),
                    expect=ok({"id": SN_GROUP, "name": "All Employees", "companyId": SN_COMPANY, "isUnmodifiable": True}),
                ),
                case(
                    "404 with a top-level errorCode",
                    probe,
                    resp=response(404, {"errorCode": "USER_GROUP_NOT_FOUND", "message": "No such user group"}),
                    expect=not_found("USER_GROUP_NOT_FOUND", "No such user group"),
                ),
                case(
                    "429 with an unreadable Retry-After",
                    probe,
                    resp=response(429, headers=[["Retry-After", "soon"]], empty=True),
                    expect=rate_limited(None, "Too Many Requests"),
                ),
            ],
        )
    )

    members = {
        "members": [
            {"userId": SN_USER, "addedAt": "2024-03-02T11:00:00Z"},
            {"userId": SN_USER2, "addedAt": "2024-03-01T09:30:00Z"},
        ],
        "pagination": {"totalNumResults": 2},
    }
    probe = {"companyId": SN_COMPANY, "groupId": SN_GROUP}
    eps.append(
        dict(
            id="spotnana.list_user_group_members",
            list_key=("plain", "members"),
            method="POST",
            path="/v3/companies/{companyId}/user-groups/{groupId}/members",
            source=f"{src}, step 'List user group members'",
            request=sn_group_list_req("members"),
            kind="json",
            cut='{"members":',
            probe=probe,
            ids=[("companyId", "companyId"), ("groupId", "groupId")],
            cases=[
                case(
                    "members with addedAt and totalNumResults",
                    probe,
                    req=request(
                        "spotnana",
                        "POST",
                        f"/v3/companies/{SN_COMPANY}/user-groups/{SN_GROUP}/members",
                        ("json", {"pagination": DEFAULT_PAGINATION}),
                    ),
                    resp=response(200, members),
                    expect=ok(members),
                ),
                case(
                    "explicit pagination",
                    with_(probe, pagination={"offset": 100, "limit": 50}),
                    req=request(
                        "spotnana",
                        "POST",
                        f"/v3/companies/{SN_COMPANY}/user-groups/{SN_GROUP}/members",
                        ("json", {"pagination": {"offset": 100, "limit": 50}}),
                    ),
                ),
                *limit_cases(probe),
            ],
        )
    )

    roles = {
        "roles": [
            {
                "id": "7d1f3e5a-0b2c-4d6e-8f9a-1b2c3d4e5f60",
                "name": "Company Travel Arranger",
                "description": "Books travel for any employee of the company",
                "isPlatformRole": True,
                "permissions": [{"name": "TRIP_BOOK"}, {"name": "TRIP_VIEW"}],
                "scope": {"companyScope": {"companyId": SN_COMPANY}},
            }
        ],
        "pagination": {"totalNumResults": 1},
    }
    probe = {"companyId": SN_COMPANY, "groupId": SN_GROUP}
    eps.append(
        dict(
            id="spotnana.list_user_group_roles",
            list_key=("plain", "roles"),
            method="POST",
            path="/v3/companies/{companyId}/user-groups/{groupId}/roles",
            source=f"{src}, step 'List user group roles (optional)'",
            request=sn_group_list_req("roles"),
            kind="json",
            cut='{"roles":',
            probe=probe,
            ids=[("companyId", "companyId"), ("groupId", "groupId")],
            cases=[
                case(
                    "roles with permissions and scope",
                    probe,
                    req=request(
                        "spotnana",
                        "POST",
                        f"/v3/companies/{SN_COMPANY}/user-groups/{SN_GROUP}/roles",
                        ("json", {"pagination": DEFAULT_PAGINATION}),
                    ),
                    resp=response(200, roles),
                    expect=ok(roles),
                ),
                *limit_cases(probe),
            ],
        )
    )

    probe = {"companyId": SN_COMPANY, "groupId": SN_GROUP, "userIdsToAdd": [SN_USER]}
    eps.append(
        dict(
            id="spotnana.update_user_group_members",
            method="PATCH",
            path="/v3/companies/{companyId}/user-groups/{groupId}/members",
            source=f"{src}, step 'Update user group members'",
            request=sn_update_req,
            kind="empty",
            probe=probe,
            ids=[("companyId", "companyId"), ("groupId", "groupId")],
            cases=[
                case(
                    "add one user; bare 200",
                    probe,
                    req=request(
                        "spotnana",
                        "PATCH",
                        f"/v3/companies/{SN_COMPANY}/user-groups/{SN_GROUP}/members",
                        ("json", {"userIdsToAdd": [SN_USER]}),
                    ),
                    resp=response(200, empty=True),
                    expect=ok(None),
                ),
                case(
                    "add and remove in one call",
                    with_(probe, userIdsToAdd=[SN_USER], userIdsToRemove=[SN_USER2]),
                    req=request(
                        "spotnana",
                        "PATCH",
                        f"/v3/companies/{SN_COMPANY}/user-groups/{SN_GROUP}/members",
                        ("json", {"userIdsToAdd": [SN_USER], "userIdsToRemove": [SN_USER2]}),
                    ),
                ),
                case(
                    "remove only",
                    {"companyId": SN_COMPANY, "groupId": SN_GROUP, "userIdsToRemove": [SN_USER2]},
                    req=request(
                        "spotnana",
                        "PATCH",
                        f"/v3/companies/{SN_COMPANY}/user-groups/{SN_GROUP}/members",
                        ("json", {"userIdsToRemove": [SN_USER2]}),
                    ),
                ),
                case(
                    "a body on the 200 is ignored",
                    probe,
                    resp=response(200, {}),
                    expect=ok(None),
                ),
                case(
                    "nothing to add or remove is refused",
                    {"companyId": SN_COMPANY, "groupId": SN_GROUP},
                    expect=invalid("userIdsToAdd", "userIdsToAdd and userIdsToRemove are both empty; nothing to change"),
                ),
                case(
                    "an empty user id is refused",
                    with_(probe, userIdsToAdd=[SN_USER, ""]),
                    expect=invalid("userIdsToAdd[1]", EMPTY),
                ),
                case(
                    "a duplicate user id is refused",
                    with_(probe, userIdsToAdd=[SN_USER, SN_USER]),
                    expect=invalid("userIdsToAdd", f"lists {json.dumps(SN_USER)} more than once"),
                ),
                case(
                    "a user both added and removed is refused",
                    with_(probe, userIdsToAdd=[SN_USER], userIdsToRemove=[SN_USER]),
                    expect=invalid("userIdsToRemove", f"{json.dumps(SN_USER)} is both added and removed"),
                ),
                vendor_error_case(
                    "spotnana",
                    "400 for a user from another company",
                    400,
                    "USER_NOT_IN_COMPANY",
                    "Users must belong to the same company as the user group",
                    probe,
                ),
            ],
            extra_token=True,
        )
    )

    probe = {"userId": SN_USER}
    for_user = {"userGroups": [SN_GROUP_SUMMARY], "pagination": {"offset": 0, "limit": 100, "totalNumResults": 1}}
    eps.append(
        dict(
            id="spotnana.list_user_groups_for_user",
            list_key=("plain", "userGroups"),
            method="POST",
            path="/v3/users/{userId}/user-groups",
            source=f"{src}, step 'List user groups for user (optional)'",
            request=sn_for_user_req,
            kind="json",
            cut='{"userGroups":',
            probe=probe,
            ids=[("userId", "userId")],
            cases=[
                case(
                    "the group now appears for the user",
                    probe,
                    req=request("spotnana", "POST", f"/v3/users/{SN_USER}/user-groups", ("json", {"pagination": DEFAULT_PAGINATION})),
                    resp=response(200, for_user),
                    expect=ok(for_user),
                ),
                *limit_cases(probe),
            ],
        )
    )

    # Not in the vendor file: group creation and update follow Spotnana's
    # public API reference (name 1..255 characters, description <= 1000).
    ref = "Spotnana public API reference (user groups), beyond the vendor file"
    probe = {"companyId": SN_COMPANY, "name": "Travel Arrangers", "description": "Books travel for the sales team"}
    eps.append(
        dict(
            id="spotnana.create_user_group",
            method="POST",
            path="/v3/companies/{companyId}/user-groups",
            source=ref,
            request=sn_create_req,
            kind="json",
            cut='{"id":',
            probe=probe,
            ids=[("companyId", "companyId")],
            cases=[
                case(
                    "create with name and description",
                    probe,
                    req=request(
                        "spotnana",
                        "POST",
                        f"/v3/companies/{SN_COMPANY}/user-groups",
                        ("json", {"name": "Travel Arrangers", "description": "Books travel for the sales team"}),
                    ),
                    resp=response(200, SN_GROUP_FULL),
                    expect=ok(SN_GROUP_FULL),
                ),
                case(
                    "an answer with only the new id",
                    probe,
                    resp=response(200, {"id": SN_GROUP}),
                    expect=ok({"id": SN_GROUP}),
                ),
                case(
                    "role ids are sent when given",
                    with_(probe, roleIds=["role-1"]),
                    req=request(
                        "spotnana",
                        "POST",
                        f"/v3/companies/{SN_COMPANY}/user-groups",
                        ("json", {"name": "Travel Arrangers", "description": "Books travel for the sales team", "roleIds": ["role-1"]}),
                    ),
                ),
                case("empty name is refused", with_(probe, name=""), expect=invalid("name", "must be 1 to 255 characters long, got 0")),
                case(
                    "a 256-character name is refused",
                    with_(probe, name="n" * 256),
                    expect=invalid("name", "must be 1 to 255 characters long, got 256"),
                ),
                case(
                    "a 255-character name is accepted",
                    with_(probe, name="ü" * 255),
                    req=request(
                        "spotnana",
                        "POST",
                        f"/v3/companies/{SN_COMPANY}/user-groups",
                        ("json", {"name": "ü" * 255, "description": "Books travel for the sales team"}),
                    ),
                ),
                case(
                    "a 1001-character description is refused",
                    with_(probe, description="d" * 1001),
                    expect=invalid("description", "must be 0 to 1000 characters long, got 1001"),
                ),
            ],
        )
    )
    probe = {"companyId": SN_COMPANY, "groupId": SN_GROUP, "name": "Travel Arrangers EMEA"}
    eps.append(
        dict(
            id="spotnana.update_user_group",
            method="PUT",
            path="/v3/companies/{companyId}/user-groups/{groupId}",
            source=ref,
            request=sn_put_req,
            kind="json",
            cut='{"id":',
            probe=probe,
            ids=[("companyId", "companyId"), ("groupId", "groupId")],
            cases=[
                case(
                    "rename",
                    probe,
                    req=request(
                        "spotnana",
                        "PUT",
                        f"/v3/companies/{SN_COMPANY}/user-groups/{SN_GROUP}",
                        ("json", {"name": "Travel Arrangers EMEA"}),
                    ),
                    resp=response(200, with_(SN_GROUP_FULL, name="Travel Arrangers EMEA")),
                    expect=ok(with_(SN_GROUP_FULL, name="Travel Arrangers EMEA")),
                ),
                case(
                    "a platform-created group refuses changes",
                    probe,
                    resp=response(400, {"debugIdentifier": "5f1c", "errorMessages": [{"errorCode": "GROUP_UNMODIFIABLE", "message": "user group is managed by the platform"}]}),
                    expect=api(400, "GROUP_UNMODIFIABLE", "user group is managed by the platform", "5f1c"),
                ),
                case(
                    "a 1001-character description is refused",
                    with_(probe, description="d" * 1001),
                    expect=invalid("description", "must be 0 to 1000 characters long, got 1001"),
                ),
                case("blank name is refused", with_(probe, name="   "), expect=invalid("name", "must not be empty")),
            ],
        )
    )
    return eps


# ---------------------------------------------------------------------------
# B2Core (002_1a2c9dc34cbc7b4f.txt)
# ---------------------------------------------------------------------------

B2_ADMINS = {"id": 1, "name": "Administrators", "permissions": ["accounts.create", "accounts.read"]}
B2_ADMINS_IN = {"name": "Administrators", "permissions": ["accounts.create", "accounts.read"]}


def b2_list_req(inp):
    return request("b2core", "GET", path_query("/api/v2/groups", [("limit", inp.get("limit")), ("offset", inp.get("offset"))]))


def b2_get_req(inp):
    return request("b2core", "GET", f"/api/v2/groups/{enc(inp['group_id'])}")


def b2_create_req(inp):
    return request("b2core", "POST", "/api/v2/groups", ("json", {"name": inp["name"], "permissions": inp.get("permissions", [])}))


def b2_update_req(method):
    def build(inp):
        body = {k: inp[k] for k in ("name", "permissions") if k in inp}
        return request("b2core", method, f"/api/v2/groups/{enc(inp['group_id'])}", ("json", body))

    return build


def b2_delete_req(inp):
    return request("b2core", "DELETE", f"/api/v2/groups/{enc(inp['group_id'])}")


def permission_cases(probe):
    return [
        case(
            "duplicate permissions are refused",
            with_(probe, permissions=["accounts.read", "accounts.create", "accounts.read"]),
            expect=invalid("permissions", 'lists "accounts.read" more than once'),
        ),
        case(
            "an empty permission is refused",
            with_(probe, permissions=["accounts.read", ""]),
            expect=invalid("permissions[1]", EMPTY),
        ),
    ]


def b2core_endpoints():
    eps = []
    src = VENDORS["b2core"]["doc"]

    probe = {"limit": 10, "offset": 0}
    eps.append(
        dict(
            id="b2core.list_groups",
            list_key=("array", None),
            method="GET",
            path="/api/v2/groups",
            source=f"{src}, 'Get a list of user groups'",
            request=b2_list_req,
            kind="json",
            cut='[{"id":',
            probe=probe,
            ids=[],
            cases=[
                case(
                    "documented request",
                    probe,
                    req=request("b2core", "GET", "/api/v2/groups?limit=10&offset=0"),
                    resp=response(200, [B2_ADMINS, {"id": 2, "name": "Support", "permissions": []}]),
                    expect=ok([B2_ADMINS, {"id": 2, "name": "Support", "permissions": []}]),
                ),
                case(
                    "without paging parameters",
                    {},
                    req=request("b2core", "GET", "/api/v2/groups"),
                    resp=response(200, []),
                    expect=ok([]),
                ),
                case(
                    "missing permissions read as empty; string ids and extra fields kept",
                    probe,
                    resp=response(200, [{"id": "grp-7", "name": "Auditors", "createdAt": "2024-02-01T00:00:00Z"}]),
                    expect=ok([{"id": "grp-7", "name": "Auditors", "permissions": [], "createdAt": "2024-02-01T00:00:00Z"}]),
                ),
                retry_date_case(probe, unix(2024, 3, 1, 12, 0, 5), unix(2024, 3, 1, 12, 0, 0)),
                html_case("503 with an HTML body", probe, 503),
                html_case("HTML page with status 200 is a decode error", probe),
                case("limit 0 is refused", {"limit": 0}, expect=invalid("limit", "must be between 1 and 1000, got 0")),
                case("limit 1001 is refused", {"limit": 1001}, expect=invalid("limit", "must be between 1 and 1000, got 1001")),
            ],
            extra_token=True,
        )
    )

    probe = {"group_id": "1"}
    eps.append(
        dict(
            id="b2core.get_group",
            method="GET",
            path="/api/v2/groups/{groupId}",
            source=f"{src}, 'Get user group details'",
            request=b2_get_req,
            kind="json",
            cut='{"id":',
            probe=probe,
            ids=[("group_id", "group_id")],
            showcase=True,
            cases=[
                case(
                    "documented request",
                    probe,
                    req=request("b2core", "GET", "/api/v2/groups/1"),
                    resp=response(200, B2_ADMINS),
                    expect=ok(B2_ADMINS),
                ),
                case(
                    "429 whose Retry-After date is already past the Date header",
                    probe,
                    resp=response(
                        429,
                        headers=[["Retry-After", http_date(unix(2024, 3, 1, 12, 0, 0))], ["Date", http_date(unix(2024, 3, 1, 12, 0, 10))]],
                        empty=True,
                    ),
                    expect=rate_limited(delay(0), "Too Many Requests"),
                ),
            ],
        )
    )

    probe = dict(B2_ADMINS_IN)
    eps.append(
        dict(
            id="b2core.create_group",
            method="POST",
            path="/api/v2/groups",
            source=f"{src}, 'Create a new user group'",
            request=b2_create_req,
            kind="json",
            cut='{"id":',
            probe=probe,
            ids=[],
            cases=[
                case(
                    "documented request: Administrators",
                    probe,
                    req=request("b2core", "POST", "/api/v2/groups", ("json", B2_ADMINS_IN)),
                    resp=response(200, B2_ADMINS),
                    expect=ok(B2_ADMINS),
                ),
                case(
                    "an empty permission list is allowed",
                    {"name": "No permissions", "permissions": []},
                    req=request("b2core", "POST", "/api/v2/groups", ("json", {"name": "No permissions", "permissions": []})),
                    resp=response(201, {"id": 3, "name": "No permissions", "permissions": []}),
                    expect=ok({"id": 3, "name": "No permissions", "permissions": []}),
                ),
                case(
                    "omitted permissions are sent as []",
                    {"name": "No permissions"},
                    req=request("b2core", "POST", "/api/v2/groups", ("json", {"name": "No permissions", "permissions": []})),
                ),
                case(
                    "permissions are case-sensitive: differently cased values are distinct",
                    {"name": "Readers", "permissions": ["accounts.read", "Accounts.Read"]},
                    req=request("b2core", "POST", "/api/v2/groups", ("json", {"name": "Readers", "permissions": ["accounts.read", "Accounts.Read"]})),
                ),
                *permission_cases(probe),
                case("empty name is refused", with_(probe, name=""), expect=invalid("name", EMPTY)),
                case("missing name is refused", {"permissions": []}, expect=invalid("name", "missing field `name`")),
                vendor_error_case("b2core", "409 for an existing name", 409, "already_exists", "Group with this name already exists", probe),
                case(
                    "500 with the vendor's error body",
                    probe,
                    resp=response(500, {"code": "internal_error", "message": "Server error"}),
                    expect=api(500, "internal_error", "Server error"),
                ),
            ],
        )
    )

    for gid, method, section in (
        ("b2core.replace_group", "PUT", "'Update a user group' (PUT)"),
        ("b2core.update_group", "PATCH", "'Update a user group' (PATCH, the note's equivalent verb)"),
    ):
        probe = {"group_id": "1", **B2_ADMINS_IN}
        eps.append(
            dict(
                id=gid,
                method=method,
                path="/api/v2/groups/{groupId}",
                source=f"{src}, {section}",
                request=b2_update_req(method),
                kind="json",
                cut='{"id":',
                probe=probe,
                ids=[("group_id", "group_id")],
                cases=[
                    case(
                        "documented request",
                        probe,
                        req=request("b2core", method, "/api/v2/groups/1", ("json", B2_ADMINS_IN)),
                        resp=response(200, B2_ADMINS),
                        expect=ok(B2_ADMINS),
                    ),
                    case(
                        "name only",
                        {"group_id": "1", "name": "Admins"},
                        req=request("b2core", method, "/api/v2/groups/1", ("json", {"name": "Admins"})),
                        resp=response(200, {**B2_ADMINS, "name": "Admins"}),
                        expect=ok({**B2_ADMINS, "name": "Admins"}),
                    ),
                    case(
                        "permissions only, cleared to none",
                        {"group_id": "1", "permissions": []},
                        req=request("b2core", method, "/api/v2/groups/1", ("json", {"permissions": []})),
                    ),
                    case(
                        "neither name nor permissions is refused",
                        {"group_id": "1"},
                        expect=invalid("name", "give a name, permissions or both"),
                    ),
                    case("empty name is refused", with_(probe, name=""), expect=invalid("name", EMPTY)),
                    *permission_cases(probe),
                ],
            )
        )

    probe = {"group_id": "1"}
    eps.append(
        dict(
            id="b2core.delete_group",
            method="DELETE",
            path="/api/v2/groups/{groupId}",
            source=f"{src}, 'Delete a user group'",
            request=b2_delete_req,
            kind="empty",
            probe=probe,
            ids=[("group_id", "group_id")],
            cases=[
                case(
                    "documented request; no response body",
                    probe,
                    req=request("b2core", "DELETE", "/api/v2/groups/1"),
                    resp=response(204, empty=True),
                    expect=ok(None),
                ),
                case("a stray body on success is ignored", probe, resp=response(200, {"success": True}), expect=ok(None)),
            ],
        )
    )
    return eps


# ---------------------------------------------------------------------------
# Polaris (003_dd1a18090924cbef.txt)
# ---------------------------------------------------------------------------

P_AR = "b694b590-8496-44c3-8994-078db6a09dbf"  # "Alerts and reports"
P_VIEWER = "d919f276-7857-4b59-a616-0c2540fb4ad1"
P_DANI = "880f6811-7e85-47ce-b3c5-a57a85ab95bd"
P_ALEX = "d88d4e47-d6ed-4820-880e-c0564ce99752"
P_ALEXA = "48b08425-7393-4730-bb7d-736e69ef1d92"
P_PROJ1 = "projects/45c024f4-1254-4b58-8207-4111d2f80669"
P_PROJ2 = "projects/5c9116aa-91ae-41f3-b484-8e45300c961a"
ALL = ["projects/*"]


def perm(name, resources=ALL):
    return {"name": name} if resources is None else {"name": name, "resources": list(resources)}


P_PERMISSIONS = {
    "values": [
        perm("ManageDashboards"),
        perm("ManageCollections"),
        perm("AdministerEmbedLinks"),
        perm("ReadDataSources"),
        perm("ManageFiles"),
        perm("AdministerProjects", None),
        perm("CreateElevatedAlerts"),
        perm("AdministerAlerts"),
        perm("AdministerQueries"),
        perm("AdministerApiKeys", None),
        perm("AccessMetrics"),
        perm("AccessVisualization"),
        perm("AccessScaling"),
        {"name": "AdministerBilling", "description": "Allows clients to see and update payment info"},
        perm("ManageAlertsWebhooks"),
        perm("ManageConnections"),
        perm("ManageDataCubes"),
        perm("ManageReports"),
        perm("AccessAlerts"),
        perm("AccessCollections"),
        perm("AdministerClients", None),
        perm("ManageTables"),
        perm("AccessReports"),
        perm("AdministerScaling"),
        perm("AccessQueries"),
        perm("AccessQueryRawData"),
        perm("AccessMonitorQueries"),
        perm("ManageApiKeys", None),
        perm("AdministerDataCubes"),
        perm("ManageProjects"),
        perm("ViewTables"),
        perm("ManageIngestionJobs"),
        perm("AdministerUsers", None),
        perm("AdministerReports"),
        perm("AdministerCustomizations", None),
        perm("AccessDownloadData"),
        perm("AdministerDashboards"),
        perm("AccessDownloadLargeData"),
        perm("ManageAlerts"),
    ]
}


def perms(*names):
    return [perm(n[1:], None) if n.startswith("!") else perm(n) for n in names]


P_GROUPS = {
    "values": [
        {
            "id": "de7af765-6235-4b18-a5ab-2314e28c9e0d",
            "name": "Data Analyst",
            "readOnly": True,
            "permissions": perms(
                "AccessQueries", "ManageDashboards", "ManageCollections", "ViewTables", "ManageDataCubes", "AccessAlerts",
                "AccessCollections", "AccessVisualization", "AccessScaling", "AccessReports", "AccessDownloadData",
                "AccessDownloadLargeData",
            ),
            "userCount": 9,
        },
        {
            "id": "6b7612cf-7687-4d6e-a036-665655f20550",
            "name": "Data Manager",
            "readOnly": True,
            "permissions": perms(
                "ManageDashboards", "ManageCollections", "ManageFiles", "AdministerQueries", "AccessMetrics", "AccessVisualization",
                "AccessScaling", "ManageAlertsWebhooks", "ManageConnections", "ManageReports", "ManageDataCubes", "AccessAlerts",
                "AccessCollections", "ManageTables", "AccessReports", "AdministerScaling", "AccessQueries", "AccessQueryRawData",
                "AccessMonitorQueries", "!ManageApiKeys", "ManageProjects", "ViewTables", "ManageIngestionJobs",
                "AccessDownloadData", "AccessDownloadLargeData", "ManageAlerts",
            ),
            "userCount": 163,
        },
        {
            "id": "540cbe7b-c283-4824-804e-566a3d22f3ac",
            "name": "Organization Admin",
            "readOnly": True,
            "permissions": perms(
                "ManageDashboards", "ManageCollections", "AdministerEmbedLinks", "ManageFiles", "!AdministerProjects",
                "AdministerQueries", "AdministerAlerts", "!AdministerApiKeys", "AccessMetrics", "AccessVisualization",
                "AccessScaling", "ManageAlertsWebhooks", "!AdministerBilling", "ManageConnections", "ManageReports",
                "ManageDataCubes", "!AdministerClients", "AccessAlerts", "AccessCollections", "ManageTables", "AccessReports",
                "AdministerScaling", "AccessQueries", "AccessQueryRawData", "AccessMonitorQueries", "ManageProjects",
                "ViewTables", "AdministerDataCubes", "ManageIngestionJobs", "!AdministerUsers", "AdministerReports",
                "!AdministerCustomizations", "AdministerDashboards", "AccessDownloadData", "AccessDownloadLargeData",
                "ManageAlerts",
            ),
            "userCount": 39,
        },
        {
            "id": P_VIEWER,
            "name": "Viewer",
            "readOnly": True,
            "permissions": perms("ViewTables", "AccessCollections", "AccessVisualization"),
            "userCount": 18,
        },
    ]
}

P_AR_REQUEST = {
    "name": "Alerts and reports",
    "permissions": [
        {"name": "AdministerReports", "resources": [P_PROJ1, P_PROJ2]},
        {"name": "AdministerAlerts", "resources": [P_PROJ1, P_PROJ2]},
    ],
}
P_AR_GROUP = {
    "id": P_AR,
    "name": "Alerts and reports",
    "readOnly": False,
    "permissions": [
        {"name": "AdministerReports", "resources": [P_PROJ2, P_PROJ1]},
        {"name": "AdministerAlerts", "resources": [P_PROJ1, P_PROJ2]},
    ],
    "userCount": 0,
}
P_DANI_CREATE = {
    "username": "dani.lee@example.io",
    "firstName": "Dani",
    "lastName": "Lee",
    "groups": [{"id": P_AR}],
}
P_DANI_CREATED = {
    "id": P_DANI,
    "username": "dani.lee@example.io",
    "email": "dani.lee@example.io",
    "firstName": "Dani",
    "lastName": "Lee",
    "enabled": True,
    "emailVerified": False,
    "permissions": [],
    "groups": [{"id": P_AR, "name": "Alerts and reports"}],
    "identities": [],
    "actions": ["VERIFY_EMAIL", "UPDATE_PASSWORD"],
    "createdOn": "2023-09-21T02:45:09.205Z",
}
P_DANI_UPDATE = {
    "username": "dani.lee@example.io",
    "email": "dani.lee@example.io",
    "firstName": "Dani",
    "lastName": "Lee",
    "enabled": True,
    "groups": [{"id": P_AR}, {"id": P_VIEWER}],
}
P_DANI_UPDATED = {
    "id": P_DANI,
    "username": "dani.lee@example.io",
    "email": "dani.lee@example.io",
    "firstName": "Dani",
    "lastName": "Lee",
    "enabled": True,
    "emailVerified": False,
    "permissions": [],
    "groups": [{"id": P_AR, "name": "Alerts and reports"}, {"id": P_VIEWER, "name": "Viewer"}],
    "identities": [],
    "actions": ["UPDATE_PASSWORD", "VERIFY_EMAIL"],
    "createdOn": "2023-09-21T02:45:09.205Z",
}
P_EFFECTIVE = {
    "values": [
        perm("AccessVisualization"),
        perm("AccessCollections"),
        perm("ViewTables"),
        *[
            perm(n, [P_PROJ1, P_PROJ2])
            for n in (
                "AccessDownloadData", "ManageAlerts", "AccessReports", "ManageAlertsWebhooks", "ManageReports",
                "AdministerAlerts", "AccessAlerts", "AdministerReports", "AccessDownloadLargeData",
            )
        ],
    ]
}
P_MEMBERS = {
    "values": [
        {"id": P_ALEX, "username": "alex.smith@email.com", "email": "alex.smith@email.com", "firstName": "Alex", "lastName": "Smith"},
        {
            "id": P_ALEXA,
            "username": "alexa.smith@example.com",
            "email": "alexa.smith@example.com",
            "firstName": "Alexa",
            "lastName": "Smith",
        },
        {"id": P_DANI, "username": "dani.lee@example.io", "email": "dani.lee@example.io", "firstName": "Dani", "lastName": "Lee"},
    ],
    "count": 3,
}


def polaris_get(path):
    return lambda inp: request("polaris", "GET", path)


def polaris_user_req(method, suffix="", body=None):
    def build(inp):
        b = None
        if body is not None:
            b = ("json", body(inp))
        return request("polaris", method, f"/v1/users/{enc(inp['user_id'])}{suffix}", b)

    return build


def polaris_group_req(method, suffix="", body=None):
    def build(inp):
        b = None
        if body is not None:
            b = ("json", body(inp))
        return request("polaris", method, f"/v1/groups/{enc(inp['group_id'])}{suffix}", b)

    return build


def polaris_update_user_body(inp):
    # The input carries every property (the core refuses it otherwise).
    return dict(inp["user"])


def polaris_create_user_req(inp):
    body = dict(inp)
    if not body.get("groups"):
        body.pop("groups", None)
    return request("polaris", "POST", "/v1/users", ("json", body))


def polaris_endpoints():
    eps = []
    src = VENDORS["polaris"]["doc"]
    mentioned = f"{src}, mentioned in the text (no sample); README inventory"

    eps.append(
        dict(
            id="polaris.list_permissions",
            list_key=("plain", "values"),
            method="GET",
            path="/v1/permissions",
            source=f"{src}, 'List all permissions'",
            request=polaris_get("/v1/permissions"),
            kind="json",
            cut='{"values":',
            probe={},
            ids=[],
            cases=[
                case(
                    "documented sample",
                    {},
                    req=request("polaris", "GET", "/v1/permissions"),
                    resp=response(200, P_PERMISSIONS),
                    expect=ok(P_PERMISSIONS),
                ),
                case(
                    "input null is read as {}",
                    None,
                    req=request("polaris", "GET", "/v1/permissions"),
                ),
                case(
                    "unknown input field is refused",
                    {"limit": 10},
                    expect=invalid("limit", "unknown field `limit`, there are no fields"),
                ),
                case(
                    "403 without AdministerUsers",
                    {},
                    resp=response(403, {"error": "Forbidden", "message": "The API key lacks the AdministerUsers permission"}),
                    expect=auth(403, "Forbidden", "The API key lacks the AdministerUsers permission"),
                ),
            ],
            extra_token=True,
        )
    )

    eps.append(
        dict(
            id="polaris.list_groups",
            list_key=("plain", "values"),
            method="GET",
            path="/v1/groups",
            source=f"{src}, 'List all groups'",
            request=polaris_get("/v1/groups"),
            kind="json",
            cut='{"values":',
            probe={},
            ids=[],
            cases=[
                case(
                    "documented sample",
                    {},
                    req=request("polaris", "GET", "/v1/groups"),
                    resp=response(200, P_GROUPS),
                    expect=ok(P_GROUPS),
                ),
                retry_date_case({}, unix(2024, 7, 15, 8, 30, 0), unix(2024, 7, 15, 8, 28, 0)),
                html_case("503 with an HTML body", {}, 503),
                case(
                    "HTML page with a scrubbed credential is a decode error",
                    {},
                    resp=response(200, text="<html><p>Basic abc123</p></html>"),
                    expect=decode("expected value at line 1 column 1", "<html><p>Basic ***</p></html>"),
                ),
            ],
        )
    )

    eps.append(
        dict(
            id="polaris.create_group",
            method="POST",
            path="/v1/groups",
            source=f"{src}, 'Create a group'",
            request=lambda inp: request(
                "polaris", "POST", "/v1/groups", ("json", {"name": inp["name"], "permissions": inp.get("permissions", [])})
            ),
            kind="json",
            cut='{"id":',
            probe=P_AR_REQUEST,
            ids=[],
            cases=[
                case(
                    "documented sample: Alerts and reports",
                    P_AR_REQUEST,
                    req=request("polaris", "POST", "/v1/groups", ("json", P_AR_REQUEST)),
                    resp=response(201, P_AR_GROUP),
                    expect=ok(P_AR_GROUP),
                ),
                case(
                    "organization-wide permission without resources",
                    {"name": "User admins", "permissions": [{"name": "AdministerUsers"}]},
                    req=request("polaris", "POST", "/v1/groups", ("json", {"name": "User admins", "permissions": [{"name": "AdministerUsers"}]})),
                ),
                case("empty name is refused", with_(P_AR_REQUEST, name=""), expect=invalid("name", EMPTY)),
                case(
                    "empty permission name is refused",
                    with_(P_AR_REQUEST, permissions=[{"name": "AdministerReports", "resources": ALL}, {"name": " "}]),
                    expect=invalid("permissions[1].name", EMPTY),
                ),
                case(
                    "409 for an existing group name",
                    P_AR_REQUEST,
                    resp=response(409, {"error": "Conflict", "message": "A group with this name already exists"}),
                    expect=conflict("Conflict", "A group with this name already exists"),
                ),
            ],
        )
    )

    eps.append(
        dict(
            id="polaris.create_user",
            method="POST",
            path="/v1/users",
            source=f"{src}, 'Create a user with group membership'",
            request=polaris_create_user_req,
            kind="json",
            cut='{"id":',
            probe=P_DANI_CREATE,
            ids=[],
            cases=[
                case(
                    "documented sample: Dani Lee in Alerts and reports",
                    P_DANI_CREATE,
                    req=request("polaris", "POST", "/v1/users", ("json", P_DANI_CREATE)),
                    resp=response(201, P_DANI_CREATED),
                    expect=ok(P_DANI_CREATED),
                ),
                case(
                    "without groups, no groups field is sent",
                    {"username": "sam.ray@example.io", "email": "sam.ray@example.io", "groups": []},
                    req=request("polaris", "POST", "/v1/users", ("json", {"username": "sam.ray@example.io", "email": "sam.ray@example.io"})),
                ),
                case(
                    "a user with only the required fields parses",
                    {"username": "sam.ray@example.io"},
                    resp=response(201, {"id": "3f1e2d3c-4b5a-4697-8877-665544332211", "username": "sam.ray@example.io"}),
                    expect=ok({"id": "3f1e2d3c-4b5a-4697-8877-665544332211", "username": "sam.ray@example.io", "groups": []}),
                ),
                case("empty username is refused", with_(P_DANI_CREATE, username=""), expect=invalid("username", EMPTY)),
                case(
                    "empty group id is refused",
                    with_(P_DANI_CREATE, groups=[{"id": P_AR}, {"id": ""}]),
                    expect=invalid("groups[1].id", EMPTY),
                ),
                case(
                    "409 for an existing username",
                    P_DANI_CREATE,
                    resp=response(409, {"error": "Conflict", "message": "User already exists"}),
                    expect=conflict("Conflict", "User already exists"),
                ),
            ],
            extra_token=True,
        )
    )

    update_in = {"user_id": P_DANI, "user": P_DANI_UPDATE}
    eps.append(
        dict(
            id="polaris.update_user",
            method="PUT",
            path="/v1/users/{id}",
            source=f"{src}, 'Update a user'",
            request=polaris_user_req("PUT", body=polaris_update_user_body),
            kind="json",
            cut='{"id":',
            probe=update_in,
            ids=[("user_id", "user_id")],
            cases=[
                case(
                    "documented sample: add Dani Lee to Viewer",
                    update_in,
                    req=request("polaris", "PUT", f"/v1/users/{P_DANI}", ("json", P_DANI_UPDATE)),
                    resp=response(200, P_DANI_UPDATED),
                    expect=ok(P_DANI_UPDATED),
                ),
                case(
                    "reset password with actions",
                    {"user_id": P_DANI, "user": {**P_DANI_UPDATE, "actions": ["UPDATE_PASSWORD"]}},
                    req=request("polaris", "PUT", f"/v1/users/{P_DANI}", ("json", {**P_DANI_UPDATE, "actions": ["UPDATE_PASSWORD"]})),
                ),
                case(
                    "a partial user is refused naming every missing property, since the PUT would clear them",
                    {"user_id": P_DANI, "user": {"username": "dani.lee@example.io", "email": "dani.lee@example.io"}},
                    expect=invalid(
                        "user",
                        "a PUT replaces the whole user, so every property to keep must be sent; missing firstName, lastName, enabled, groups "
                        "(use null for no value; start from the current user, polaris.get_user)",
                    ),
                ),
                case(
                    "a user without groups is refused rather than taken out of every group",
                    {"user_id": P_DANI, "user": {k: v for k, v in P_DANI_UPDATE.items() if k != "groups"}},
                    expect=invalid(
                        "user",
                        "a PUT replaces the whole user, so every property to keep must be sent; missing groups "
                        "(use null for no value; start from the current user, polaris.get_user)",
                    ),
                ),
                case(
                    "an explicit empty group list and null names are sent as given",
                    {"user_id": P_DANI, "user": {**P_DANI_UPDATE, "firstName": None, "lastName": None, "groups": []}},
                    req=request(
                        "polaris", "PUT", f"/v1/users/{P_DANI}", ("json", {**P_DANI_UPDATE, "firstName": None, "lastName": None, "groups": []})
                    ),
                ),
                case(
                    "empty username is refused",
                    {"user_id": P_DANI, "user": {**P_DANI_UPDATE, "username": ""}},
                    expect=invalid("user.username", EMPTY),
                ),
                case(
                    "empty group id is refused",
                    {"user_id": P_DANI, "user": {**P_DANI_UPDATE, "groups": [{"id": ""}]}},
                    expect=invalid("user.groups[0].id", EMPTY),
                ),
                case(
                    "missing user is refused",
                    {"user_id": P_DANI},
                    expect=invalid("user", "missing field `user`"),
                ),
                case(
                    "404 for an unknown user",
                    update_in,
                    resp=response(404, {"error": "NotFound", "message": "User not found"}),
                    expect=not_found("NotFound", "User not found"),
                ),
            ],
        )
    )

    eps.append(
        dict(
            id="polaris.list_effective_permissions",
            list_key=("plain", "values"),
            method="GET",
            path="/v1/users/{id}/effectivepermissions",
            source=f"{src}, 'List user permissions'",
            request=polaris_user_req("GET", "/effectivepermissions"),
            kind="json",
            cut='{"values":',
            probe={"user_id": P_DANI},
            ids=[("user_id", "user_id")],
            cases=[
                case(
                    "documented sample",
                    {"user_id": P_DANI},
                    req=request("polaris", "GET", f"/v1/users/{P_DANI}/effectivepermissions"),
                    resp=response(200, P_EFFECTIVE),
                    expect=ok(P_EFFECTIVE),
                ),
            ],
        )
    )

    add_in = {"group_id": P_AR, "user_ids": [P_ALEX, P_ALEXA]}
    eps.append(
        dict(
            id="polaris.add_group_members",
            method="POST",
            path="/v1/groups/{id}/members",
            source=f"{src}, 'Add users to a group'",
            request=polaris_group_req("POST", "/members", body=lambda inp: [{"id": u} for u in inp["user_ids"]]),
            kind="empty",
            probe=add_in,
            ids=[("group_id", "group_id")],
            cases=[
                case(
                    "documented sample: two users into Alerts and reports",
                    add_in,
                    req=request("polaris", "POST", f"/v1/groups/{P_AR}/members", ("json", [{"id": P_ALEX}, {"id": P_ALEXA}])),
                    resp=response(200, empty=True),
                    expect=ok(None),
                ),
                case("no users is refused", with_(add_in, user_ids=[]), expect=invalid("user_ids", "must list at least one id")),
                case("an empty user id is refused", with_(add_in, user_ids=[P_ALEX, ""]), expect=invalid("user_ids[1]", EMPTY)),
                case(
                    "a duplicate user id is refused",
                    with_(add_in, user_ids=[P_ALEX, P_ALEX]),
                    expect=invalid("user_ids", f"lists {json.dumps(P_ALEX)} more than once"),
                ),
            ],
        )
    )

    eps.append(
        dict(
            id="polaris.list_group_members",
            list_key=("plain", "values"),
            method="GET",
            path="/v1/groups/{id}/members",
            source=f"{src}, 'List all group members'",
            request=polaris_group_req("GET", "/members"),
            kind="json",
            cut='{"values":',
            probe={"group_id": P_AR},
            ids=[("group_id", "group_id")],
            cases=[
                case(
                    "documented sample",
                    {"group_id": P_AR},
                    req=request("polaris", "GET", f"/v1/groups/{P_AR}/members"),
                    resp=response(200, P_MEMBERS),
                    expect=ok(P_MEMBERS),
                ),
            ],
        )
    )

    users = {"values": [P_DANI_UPDATED]}
    eps.append(
        dict(
            id="polaris.list_users",
            list_key=("plain", "values"),
            method="GET",
            path="/v1/users",
            source=mentioned,
            request=polaris_get("/v1/users"),
            kind="json",
            cut='{"values":',
            probe={},
            ids=[],
            cases=[
                case("list of users", {}, req=request("polaris", "GET", "/v1/users"), resp=response(200, users), expect=ok(users)),
                case(
                    "429 with Retry-After as an HTTP date and no Date header",
                    {},
                    resp=response(429, headers=[["Retry-After", http_date(unix(2024, 7, 15, 8, 30, 0))]], empty=True),
                    expect=rate_limited(at(unix(2024, 7, 15, 8, 30, 0) * 1000), "Too Many Requests"),
                ),
            ],
        )
    )

    eps.append(
        dict(
            id="polaris.get_user",
            method="GET",
            path="/v1/users/{id}",
            source=mentioned,
            request=polaris_user_req("GET"),
            kind="json",
            cut='{"id":',
            probe={"user_id": P_DANI},
            ids=[("user_id", "user_id")],
            showcase=True,
            cases=[
                case(
                    "one user",
                    {"user_id": P_DANI},
                    req=request("polaris", "GET", f"/v1/users/{P_DANI}"),
                    resp=response(200, P_DANI_UPDATED),
                    expect=ok(P_DANI_UPDATED),
                ),
            ],
        )
    )

    eps.append(
        dict(
            id="polaris.delete_user",
            method="DELETE",
            path="/v1/users/{id}",
            source=mentioned,
            request=polaris_user_req("DELETE"),
            kind="empty",
            probe={"user_id": P_DANI},
            ids=[("user_id", "user_id")],
            cases=[
                case(
                    "delete one user",
                    {"user_id": P_DANI},
                    req=request("polaris", "DELETE", f"/v1/users/{P_DANI}"),
                    resp=response(204, empty=True),
                    expect=ok(None),
                ),
            ],
        )
    )

    eps.append(
        dict(
            id="polaris.get_group",
            method="GET",
            path="/v1/groups/{id}",
            source=mentioned,
            request=polaris_group_req("GET"),
            kind="json",
            cut='{"id":',
            probe={"group_id": P_AR},
            ids=[("group_id", "group_id")],
            cases=[
                case(
                    "one group",
                    {"group_id": P_AR},
                    req=request("polaris", "GET", f"/v1/groups/{P_AR}"),
                    resp=response(200, P_AR_GROUP),
                    expect=ok(P_AR_GROUP),
                ),
                case(
                    "a group without permissions reads them as []",
                    {"group_id": P_AR},
                    resp=response(200, {"id": P_AR, "name": "Alerts and reports"}),
                    expect=ok({"id": P_AR, "name": "Alerts and reports", "permissions": []}),
                ),
            ],
        )
    )

    upd = {"group_id": P_AR, **P_AR_REQUEST}
    eps.append(
        dict(
            id="polaris.update_group",
            method="PUT",
            path="/v1/groups/{id}",
            source=mentioned,
            request=polaris_group_req("PUT", body=lambda inp: {"name": inp["name"], "permissions": inp.get("permissions", [])}),
            kind="json",
            cut='{"id":',
            probe=upd,
            ids=[("group_id", "group_id")],
            cases=[
                case(
                    "whole group: name and permissions",
                    upd,
                    req=request("polaris", "PUT", f"/v1/groups/{P_AR}", ("json", P_AR_REQUEST)),
                    resp=response(200, P_AR_GROUP),
                    expect=ok(P_AR_GROUP),
                ),
                case(
                    "omitted permissions are sent as []",
                    {"group_id": P_AR, "name": "Alerts and reports"},
                    req=request("polaris", "PUT", f"/v1/groups/{P_AR}", ("json", {"name": "Alerts and reports", "permissions": []})),
                ),
                case("empty name is refused", with_(upd, name=""), expect=invalid("name", EMPTY)),
                case(
                    "403 for a read-only group",
                    upd,
                    resp=response(403, {"error": "Forbidden", "message": "Predefined groups cannot be modified"}),
                    expect=auth(403, "Forbidden", "Predefined groups cannot be modified"),
                ),
            ],
        )
    )

    eps.append(
        dict(
            id="polaris.delete_group",
            method="DELETE",
            path="/v1/groups/{id}",
            source=mentioned,
            request=polaris_group_req("DELETE"),
            kind="empty",
            probe={"group_id": P_AR},
            ids=[("group_id", "group_id")],
            cases=[
                case(
                    "delete one group",
                    {"group_id": P_AR},
                    req=request("polaris", "DELETE", f"/v1/groups/{P_AR}"),
                    resp=response(204, empty=True),
                    expect=ok(None),
                ),
            ],
        )
    )

    projects = {
        "values": [
            {"id": "45c024f4-1254-4b58-8207-4111d2f80669", "name": "Marketing analytics", "state": "RUNNING"},
            {"id": "5c9116aa-91ae-41f3-b484-8e45300c961a", "name": "Sales analytics"},
        ]
    }
    eps.append(
        dict(
            id="polaris.list_projects",
            list_key=("plain", "values"),
            method="GET",
            path="/v1/projects",
            source=f"{src}, referred to from 'Create a group' for project ids; README inventory",
            request=polaris_get("/v1/projects"),
            kind="json",
            cut='{"values":',
            probe={},
            ids=[],
            cases=[
                case("list of projects", {}, req=request("polaris", "GET", "/v1/projects"), resp=response(200, projects), expect=ok(projects)),
            ],
        )
    )
    return eps


# ---------------------------------------------------------------------------
# Alteryx (004_1215b0607d515864.txt)
# ---------------------------------------------------------------------------

AX_GROUP = "61d58ac83c15317e1a482069"
AX_USER = "61d564361d6d5da7ad461a32"
AX_USER2 = "619158e57e607d0011ac3009"
AX_ACCOUNTING = {"id": AX_GROUP, "name": "Accounting", "role": "Artisan", "dateCreated": "2022-01-05T12:20:24.513Z"}


def ax_role_reason(value):
    return f"{json.dumps(value)} is not a role; use NoAccess, Viewer, Member, Artisan, Curator or Evaluated"


def ax_group_req(method, suffix=""):
    return lambda inp: request("alteryx", method, f"/v3/usergroups/{enc(inp['group_id'])}{suffix}")


def role_cases(probe):
    return [
        case("unknown role is refused", with_(probe, role="Admin"), expect=invalid("role", ax_role_reason("Admin"))),
        case("roles are case-sensitive", with_(probe, role="artisan"), expect=invalid("role", ax_role_reason("artisan"))),
        case("empty name is refused", with_(probe, name=" "), expect=invalid("name", EMPTY)),
    ]


def alteryx_endpoints():
    eps = []
    src = VENDORS["alteryx"]["doc"]

    probe = {"name": "Accounting", "role": "Artisan"}
    eps.append(
        dict(
            id="alteryx.create_user_group",
            method="POST",
            path="/v3/usergroups",
            source=f"{src}, 'Create a New User Group'",
            request=lambda inp: request("alteryx", "POST", "/v3/usergroups", ("form", form([("name", inp["name"]), ("role", inp["role"])]))),
            kind="json",
            cut='{"id":',
            probe=probe,
            ids=[],
            cases=[
                case(
                    "documented request: name=Accounting&role=Artisan",
                    probe,
                    req=request("alteryx", "POST", "/v3/usergroups", ("form", "name=Accounting&role=Artisan")),
                    resp=response(200, AX_ACCOUNTING),
                    expect=ok(AX_ACCOUNTING),
                ),
                case(
                    "a bare id string as the response",
                    probe,
                    resp=response(200, AX_USER2),
                    expect=ok({"id": AX_USER2}),
                ),
                case(
                    "form values are percent-encoded",
                    {"name": "R&D / Ops team", "role": "Evaluated"},
                    req=request("alteryx", "POST", "/v3/usergroups", ("form", "name=R%26D%20%2F%20Ops%20team&role=Evaluated")),
                ),
                *[
                    case(
                        f"role {role} is accepted",
                        {"name": "Accounting", "role": role},
                        req=request("alteryx", "POST", "/v3/usergroups", ("form", f"name=Accounting&role={role}")),
                    )
                    for role in ("NoAccess", "Viewer", "Member", "Curator")
                ],
                *role_cases(probe),
                case("missing role is refused", {"name": "Accounting"}, expect=invalid("role", "missing field `role`")),
                case(
                    "base URL path prefix with a trailing slash",
                    probe,
                    target={"base_url": "http://localhost/webapi/", "token": TOKEN},
                    req=request("alteryx", "POST", "/v3/usergroups", ("form", "name=Accounting&role=Artisan")),
                ),
            ],
            extra_token=True,
        )
    )

    probe = {"group_id": AX_GROUP, "user_ids": [AX_USER]}
    eps.append(
        dict(
            id="alteryx.add_users_to_user_group",
            method="POST",
            path="/v3/usergroups/{id}/users",
            source=f"{src}, 'Add a User to a User Group' (no example; userIds sent as a JSON array); REFERENCES.md, Alteryx: UserGroupAddedUsersView",
            request=lambda inp: request("alteryx", "POST", f"/v3/usergroups/{enc(inp['group_id'])}/users", ("json", inp["user_ids"])),
            kind="ack",
            cut='{"successfullyAddedUserCount":',
            probe=probe,
            ids=[("group_id", "group_id")],
            cases=[
                case(
                    "one user",
                    probe,
                    req=request("alteryx", "POST", f"/v3/usergroups/{AX_GROUP}/users", ("json", [AX_USER])),
                    resp=response(200, {"successfullyAddedUserCount": 1, "totalUsersSubmittedCount": 1, "failedUserReasons": {}}),
                    expect=ok({"successfullyAddedUserCount": 1, "totalUsersSubmittedCount": 1}),
                ),
                case(
                    "two users",
                    with_(probe, user_ids=[AX_USER, AX_USER2]),
                    req=request("alteryx", "POST", f"/v3/usergroups/{AX_GROUP}/users", ("json", [AX_USER, AX_USER2])),
                ),
                case(
                    "a 200 that failed one of two users reports the user and its reason",
                    with_(probe, user_ids=[AX_USER, AX_USER2]),
                    resp=response(
                        200,
                        {
                            "successfullyAddedUserCount": 1,
                            "totalUsersSubmittedCount": 2,
                            "failedUserReasons": {AX_USER2: "User is already a member of this group"},
                        },
                    ),
                    expect=ok(
                        {
                            "successfullyAddedUserCount": 1,
                            "totalUsersSubmittedCount": 2,
                            "failedUserReasons": {AX_USER2: "User is already a member of this group"},
                        }
                    ),
                ),
                case("empty 204 body is success", probe, resp=response(204, empty=True), expect=ok({})),
                case("no users is refused", with_(probe, user_ids=[]), expect=invalid("user_ids", "must list at least one id")),
                case("an empty user id is refused", with_(probe, user_ids=[""]), expect=invalid("user_ids[0]", EMPTY)),
                case(
                    "a duplicate user id is refused",
                    with_(probe, user_ids=[AX_USER, AX_USER]),
                    expect=invalid("user_ids", f"lists {json.dumps(AX_USER)} more than once"),
                ),
            ],
        )
    )

    listing = [AX_ACCOUNTING, {"id": AX_USER2, "name": "Marketing", "role": "Viewer", "dateCreated": "2021-11-14T18:43:17.032Z"}]
    eps.append(
        dict(
            id="alteryx.list_user_groups",
            method="GET",
            path="/v3/usergroups",
            source=f"{src}, 'Retrieve All Custom User Groups'",
            request=lambda inp: request("alteryx", "GET", "/v3/usergroups"),
            kind="json",
            cut='[{"id":',
            probe={},
            ids=[],
            cases=[
                case(
                    "documented request",
                    {},
                    req=request("alteryx", "GET", "/v3/usergroups"),
                    resp=response(200, listing),
                    expect=ok(listing),
                ),
                case("no custom groups", {}, resp=response(200, []), expect=ok([])),
                case(
                    "a real server's ReducedUserGroupView items",
                    {},
                    resp=response(200, [{"id": AX_GROUP, "name": "Accounting", "role": "Artisan"}]),
                    expect=ok([{"id": AX_GROUP, "name": "Accounting", "role": "Artisan"}]),
                ),
                case(
                    "an object instead of the array is a decode error",
                    {},
                    resp=response(200, {"groups": []}),
                    expect=decode("invalid type: map, expected a sequence at line 1 column 0", excerpt('{"groups":[]}')),
                ),
                case(
                    "302 redirect to a sign-in page is an api error",
                    {},
                    resp=response(
                        302,
                        text="<html><body>Object moved</body></html>",
                        headers=[["Location", "http://localhost/gallery/login"], ["Content-Type", "text/html"]],
                    ),
                    expect=api(302, None, "HTTP error"),
                ),
                retry_date_case({}, unix(1994, 11, 6, 8, 49, 37), unix(1994, 11, 6, 8, 49, 7)),
                html_case("503 with an HTML body", {}, 503),
                case(
                    "an HTML page longer than the excerpt limit is cut",
                    {},
                    resp=response(200, text="<!DOCTYPE html>" + "<p>Service temporarily unavailable</p>" * 5),
                    expect=decode(
                        "expected value at line 1 column 1",
                        excerpt("<!DOCTYPE html>" + "<p>Service temporarily unavailable</p>" * 5),
                    ),
                ),
            ],
        )
    )

    detail = {
        **AX_ACCOUNTING,
        "members": [
            {"id": AX_USER, "firstName": "Robin", "lastName": "Park", "email": "robin.park@example.com", "role": "Artisan"},
        ],
    }
    # The vendor file's members carry `id`; a real server's carry `userId`
    # (REFERENCES.md, Alteryx: UserGroupView). Both read as `userId`.
    detail_read = {
        **AX_ACCOUNTING,
        "members": [
            {"userId": AX_USER, "firstName": "Robin", "lastName": "Park", "email": "robin.park@example.com", "role": "Artisan"},
        ],
    }
    served = {
        "id": AX_GROUP,
        "name": "Accounting",
        "dateAdded": "2022-01-05T12:20:24.513Z",
        "role": "Artisan",
        "credentialIds": [],
        "connectionIds": [],
        "members": [
            {"userId": AX_USER, "dateAddedToGroup": "2022-01-06T09:00:00Z", "addedByUserId": AX_USER2, "activeDirectoryObject": None},
        ],
    }
    eps.append(
        dict(
            id="alteryx.get_user_group",
            method="GET",
            path="/v3/usergroups/{id}",
            source=f"{src}, 'Search for a Specific User Group'",
            request=ax_group_req("GET"),
            kind="json",
            cut='{"id":',
            probe={"group_id": AX_GROUP},
            ids=[("group_id", "group_id")],
            showcase=True,
            cases=[
                case(
                    "documented request",
                    {"group_id": AX_GROUP},
                    req=request("alteryx", "GET", f"/v3/usergroups/{AX_GROUP}"),
                    resp=response(200, detail),
                    expect=ok(detail_read),
                ),
                case(
                    "a real server's UserGroupView with userId members",
                    {"group_id": AX_GROUP},
                    resp=response(200, served),
                    expect=ok(served),
                ),
                case(
                    "a group without members",
                    {"group_id": AX_GROUP},
                    resp=response(200, {"id": AX_GROUP, "name": "Accounting", "role": "Artisan"}),
                    expect=ok({"id": AX_GROUP, "name": "Accounting", "role": "Artisan"}),
                ),
            ],
        )
    )

    probe = {"group_id": AX_GROUP, "name": "Marketing", "role": "Artisan"}
    marketing = {**AX_ACCOUNTING, "name": "Marketing"}
    eps.append(
        dict(
            id="alteryx.update_user_group",
            method="PUT",
            path="/v3/usergroups/{id}",
            source=f"{src}, 'Update a User Group'",
            request=lambda inp: request(
                "alteryx", "PUT", f"/v3/usergroups/{enc(inp['group_id'])}", ("form", form([("name", inp["name"]), ("role", inp["role"])]))
            ),
            kind="json",
            cut='{"id":',
            probe=probe,
            ids=[("group_id", "group_id")],
            empty_200_ok=True,
            cases=[
                case(
                    "documented request: name=Marketing&role=Artisan",
                    probe,
                    req=request("alteryx", "PUT", f"/v3/usergroups/{AX_GROUP}", ("form", "name=Marketing&role=Artisan")),
                    resp=response(200, marketing),
                    expect=ok(marketing),
                ),
                case(
                    "an empty 200 yields the group id",
                    probe,
                    resp=response(200, empty=True),
                    expect=ok({"id": AX_GROUP}),
                ),
                *role_cases(probe),
            ],
        )
    )

    probe = {"group_id": AX_GROUP, "user_id": AX_USER}
    eps.append(
        dict(
            id="alteryx.remove_user_from_user_group",
            method="DELETE",
            path="/v3/usergroups/{userGroupId}/users/{userId}",
            source=f"{src}, 'Remove a User from a User Group'",
            request=lambda inp: request("alteryx", "DELETE", f"/v3/usergroups/{enc(inp['group_id'])}/users/{enc(inp['user_id'])}"),
            kind="empty",
            probe=probe,
            ids=[("group_id", "group_id"), ("user_id", "user_id")],
            cases=[
                case(
                    "documented request",
                    probe,
                    req=request("alteryx", "DELETE", f"/v3/usergroups/{AX_GROUP}/users/{AX_USER}"),
                    resp=response(200, empty=True),
                    expect=ok(None),
                ),
                case("OK for a user who is not a member", probe, resp=response(200, empty=True), expect=ok(None)),
            ],
        )
    )

    probe = {"group_id": AX_GROUP, "force_delete": True}
    eps.append(
        dict(
            id="alteryx.delete_user_group",
            method="DELETE",
            path="/v3/usergroups/{id}",
            source=f"{src}, 'Delete a User Group'",
            request=lambda inp: request(
                "alteryx", "DELETE", path_query(f"/v3/usergroups/{enc(inp['group_id'])}", [("forceDelete", inp.get("force_delete"))])
            ),
            kind="empty",
            probe=probe,
            ids=[("group_id", "group_id")],
            cases=[
                case(
                    "documented request: forceDelete=true",
                    probe,
                    req=request("alteryx", "DELETE", f"/v3/usergroups/{AX_GROUP}?forceDelete=true"),
                    resp=response(200, empty=True),
                    expect=ok(None),
                ),
                case(
                    "without forceDelete no query is sent",
                    {"group_id": AX_GROUP},
                    req=request("alteryx", "DELETE", f"/v3/usergroups/{AX_GROUP}"),
                ),
                case(
                    "forceDelete false is sent",
                    {"group_id": AX_GROUP, "force_delete": False},
                    req=request("alteryx", "DELETE", f"/v3/usergroups/{AX_GROUP}?forceDelete=false"),
                ),
                case(
                    "400 for a non-empty group without forceDelete",
                    {"group_id": AX_GROUP},
                    resp=response(400, {"message": "User group contains users. Set forceDelete to true to delete it."}),
                    expect=api(400, None, "User group contains users. Set forceDelete to true to delete it."),
                ),
                case(
                    "forceDelete given as a string is refused",
                    {"group_id": AX_GROUP, "force_delete": "true"},
                    expect=invalid("force_delete", 'invalid type: string "true", expected a boolean'),
                ),
            ],
        )
    )
    return eps


# ---------------------------------------------------------------------------
# Assembly.
# ---------------------------------------------------------------------------


def all_endpoints():
    eps = ssw_endpoints() + spotnana_endpoints() + b2core_endpoints() + polaris_endpoints() + alteryx_endpoints()
    for ep in eps:
        ep["vendor"] = ep["id"].split(".")[0]
    return eps


def build_file(ep):
    cases = list(ep["cases"])
    cases += id_cases(ep, showcase=ep.get("showcase", False))
    cases += error_cases(ep)
    if ep.get("extra_token"):
        cases += token_cases(ep)
    names = [c["name"] for c in cases]
    dupes = sorted({n for n in names if names.count(n) > 1})
    assert not dupes, (ep["id"], dupes)
    vendor = ep["vendor"]
    return {
        "endpoint": ep["id"],
        "source": ep["source"],
        "target": {"base_url": VENDORS[vendor]["base"], "token": TOKEN},
        "cases": cases,
    }


def dump(obj) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def main():
    eps = all_endpoints()
    ids = [ep["id"] for ep in eps]
    assert len(ids) == len(set(ids)) == 45, len(ids)
    written = set()
    total = 0
    for ep in eps:
        path = HERE / ep["vendor"] / f"{ep['id']}.json"
        path.parent.mkdir(exist_ok=True)
        doc = build_file(ep)
        total += len(doc["cases"])
        path.write_text(dump(doc), encoding="utf-8")
        written.add(path)
    for stale in sorted(HERE.glob("*/*.json")):
        # unified/ holds the unified behaviour vectors (unified/generate.py).
        if stale.parent.name != "unified" and stale not in written:
            stale.unlink()
    inventory = [
        {
            "id": ep["id"],
            "vendor": ep["vendor"],
            "method": ep["method"],
            "path": ep["path"],
            "doc": VENDORS[ep["vendor"]]["doc"] if "beyond the vendor file" not in ep["source"] else ep["source"],
        }
        for ep in eps
    ]
    (HERE / "inventory.json").write_text(dump(inventory), encoding="utf-8")
    print(f"wrote {len(written)} vector files with {total} cases, and inventory.json")


if __name__ == "__main__":
    main()
