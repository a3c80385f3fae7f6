"""Every golden vector in tests/vectors/, run through rosterkit.sansio.

The rules are those of tests/vectors/README.md: a case with neither
`request` nor `response` must fail to build with `expect.error`; otherwise
the built request must match `request` exactly and the parsed `response`
must give `expect` (`{"ok": value}` or `{"error": details}`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from rosterkit import RosterKitError, sansio

VECTORS = Path(
    os.environ.get("ROSTERKIT_VECTORS", Path(__file__).resolve().parents[3] / "tests" / "vectors")
)
DEFAULT_TARGET = {"base_url": "https://api.example.com", "token": "test-token"}


def _vector_files() -> list[Path]:
    """Every endpoint vector file; unified/ holds the unified behaviour
    vectors, another format (see tests/vectors/unified/README.md)."""
    return sorted(p for p in VECTORS.glob("*/*.json") if p.parent.name != "unified")


def _load() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    cases = []
    for path in _vector_files():
        doc = json.loads(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            cases.append((f"{path.name}:{case['name']}", doc, case))
    return cases


CASES = _load()


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


def response_body(body: dict[str, Any] | None) -> bytes:
    if body is None:
        return b""
    if "json" in body:
        return json.dumps(body["json"], separators=(",", ":"), ensure_ascii=False).encode()
    text: str = body["text"]
    return text.encode()


def test_vectors_were_found() -> None:
    """Collecting no vector must fail, not pass silently."""
    assert CASES, f"no golden vectors under {VECTORS}"
    inventory = json.loads((VECTORS / "inventory.json").read_text(encoding="utf-8"))
    ids = [entry["id"] for entry in inventory]
    assert list(sansio.endpoint_ids()) == ids
    files = {p.stem for p in _vector_files()}
    assert files == set(ids)


@pytest.mark.parametrize(("doc", "case"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_vector(doc: dict[str, Any], case: dict[str, Any]) -> None:
    endpoint = doc["endpoint"]
    target = case.get("target") or doc.get("target") or DEFAULT_TARGET
    inp = case["input"]
    expect = case.get("expect")

    if "request" not in case and "response" not in case:
        with pytest.raises(RosterKitError) as info:
            sansio.build_request(endpoint, inp, target["base_url"], target["token"])
        assert expect is not None
        assert json_equal(info.value.details, expect["error"]), info.value.details
        return

    request = sansio.build_request(endpoint, inp, target["base_url"], target["token"])
    if "request" in case:
        want = case["request"]
        assert request.method == want["method"]
        assert request.url == want["url"]
        assert [tuple(h) for h in request.headers] == [tuple(h) for h in want["headers"]]
        body = want["body"]
        if body is None:
            assert request.body is None
        elif "json" in body:
            assert request.body is not None
            assert json_equal(json.loads(request.body), body["json"])
        else:
            assert request.body == body["text"].encode()

    if "response" in case:
        resp = case["response"]
        headers = [tuple(h) for h in resp.get("headers", [])]
        assert expect is not None
        try:
            response = sansio.Response(resp["status"], headers, response_body(resp.get("body")))
            value = sansio.parse_response(endpoint, inp, response)
        except RosterKitError as e:
            assert "error" in expect, f"unexpected error {e.details}"
            assert json_equal(e.details, expect["error"]), e.details
        else:
            assert "ok" in expect, f"expected an error, got {value!r}"
            assert json_equal(value, expect["ok"]), value
