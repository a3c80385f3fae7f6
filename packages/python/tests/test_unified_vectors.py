"""Every case of tests/vectors/unified/ through the Python client.

The rules are those of tests/vectors/unified/README.md: a scripted transport
answers each request in order, and ``Client.unified(op)`` must give the case's
result, or fail with its error. Python spells the core's JSON as it is
(snake_case), so nothing is renamed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import rosterkit
from rosterkit import RosterKitError, sansio

UNIFIED = (
    Path(
        os.environ.get(
            "ROSTERKIT_VECTORS", Path(__file__).resolve().parents[3] / "tests" / "vectors"
        )
    )
    / "unified"
)


def _load() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(UNIFIED.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            cases.append((f"{path.name}:{case['name']}", case))
    return cases


CASES = _load()


def test_the_unified_vectors_are_there() -> None:
    assert CASES, f"no unified vector cases in {UNIFIED}"


def json_equal(a: Any, b: Any) -> bool:
    """JSON equality: unlike Python's ==, `true` is not `1`."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def _text(body: dict[str, Any] | None) -> bytes:
    if body is None:
        return b""
    if "json" in body:
        return json.dumps(body["json"], separators=(",", ":")).encode()
    return str(body["text"]).encode()


class Script:
    """A transport that plays the exchanges in order and notes any mismatch."""

    def __init__(self, exchanges: list[dict[str, Any]]) -> None:
        self.exchanges = exchanges
        self.used = 0
        self.problems: list[str] = []

    def __call__(self, request: sansio.Request) -> sansio.Response:
        n = self.used
        self.used += 1
        sent = request.body or b""
        if n >= len(self.exchanges):
            self.problems.append(
                f"request {n + 1} beyond the script: {request.method} {request.url}"
            )
            raise ConnectionRefusedError("beyond the script")
        want = self.exchanges[n]["request"]
        body = want["body"]
        if body is None:
            same_body = sent == b""
        elif "json" in body:
            same_body = sent != b"" and json_equal(json.loads(sent), body["json"])
        else:
            same_body = sent == str(body["text"]).encode()
        if request.method != want["method"] or request.url != want["url"] or not same_body:
            self.problems.append(
                f"request {n + 1}: sent {request.method} {request.url} {sent!r}; "
                f"the script has {want['method']} {want['url']} {_text(body)!r}"
            )
            raise ConnectionRefusedError("not the scripted request")
        r = self.exchanges[n]["response"]
        return sansio.Response(r["status"], [tuple(h) for h in r["headers"]], _text(r["body"]))


def token_free(token: str, *texts: str) -> bool:
    return all(token not in t for t in texts)


@pytest.mark.parametrize(("name", "case"), CASES, ids=[c[0] for c in CASES])
def test_unified_vector(name: str, case: dict[str, Any]) -> None:
    script = Script(case["exchanges"])
    retry = case.get("retry", {"max_attempts": 1})
    try:
        client = rosterkit.Client(
            case["provider"],
            case["target"]["base_url"],
            case["target"]["token"],
            tenant_id=case["target"]["tenant_id"],
            retry=retry,
            concurrency=1,
            transport=script,
        )
        result: dict[str, Any] = {"ok": client.unified(case["op"])}
    except RosterKitError as e:
        assert token_free(case["target"]["token"], str(e), repr(e), e.message or ""), name
        result = {"error": e.details}
    assert script.problems == [], name
    token = case["target"]["token"]
    shown = [json.dumps(result.get("ok")), json.dumps(result.get("error"))]
    assert not [t for t in shown if token in t], "the token leaked"
    assert script.used == len(case["exchanges"]), "every exchange was used"
    expect = case["expect"]
    if "ok" in expect:
        assert "ok" in result, f"failed: {result.get('error')}"
        assert json_equal(result["ok"], expect["ok"]), (result["ok"], expect["ok"])
    else:
        assert "error" in result, f"succeeded: {result.get('ok')}"
        for key, want in expect["error"].items():
            assert json_equal(result["error"].get(key), want), (key, result["error"])
