#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpus from the golden vectors (generated,
not committed): fuzz/corpus/parse/* and fuzz/corpus/flow/*.

parse: one byte picking the endpoint (its index among the endpoints with a
probe, in inventory order), a status byte, a header byte, then a vector's
response body. flow: a provider/operation byte, then the vectors' bodies of
that provider, 0xFF-separated, as the fake server's answers. libFuzzer then
mutates these real shapes (with fuzz/json.dict for JSON tokens).
"""

from __future__ import annotations

import hashlib
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent
VECTORS = ROOT.parent / "tests" / "vectors"
PROVIDERS = ["ssw", "spotnana", "b2core", "polaris", "alteryx"]


def body(response: dict) -> bytes:
    b = response.get("body")
    if not b:
        return b""
    if "json" in b:
        return json.dumps(b["json"], separators=(",", ":")).encode()
    return str(b["text"]).encode()


def write(target: str, data: bytes) -> None:
    out = ROOT / "corpus" / target
    out.mkdir(parents=True, exist_ok=True)
    (out / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main() -> None:
    inventory = json.loads((VECTORS / "inventory.json").read_text())
    bodies: dict[str, list[bytes]] = {p: [] for p in PROVIDERS}
    for index, entry in enumerate(inventory):
        doc = json.loads((VECTORS / entry["vendor"] / f"{entry['id']}.json").read_text())
        for case in doc["cases"]:
            if "response" not in case:
                continue
            data = body(case["response"])
            # Status byte 0 is a 200 in the target's table.
            write("parse", bytes([index % 256, 0, 1]) + data)
            bodies[entry["vendor"]].append(bytes([0, 1]) + data)
    for pick in range(100):
        provider = PROVIDERS[pick % 5]
        answers = bodies[provider][pick % 7 :: 7][:8]
        write("flow", bytes([pick]) + b"\xff".join(answers))
    print(f"seeded {ROOT / 'corpus'}")


if __name__ == "__main__":
    main()
