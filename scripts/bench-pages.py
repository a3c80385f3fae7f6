#!/usr/bin/env python3
"""Writes the benchmark pages (seeded, so every run parses the same bytes)
into target/bench-pages/, unless they are already there:

- polaris_group_members_10k.json: a Polaris `GET /v1/groups/{id}/members`
  body, 10,000 members (`{"values": [...], "count": N}`) with exactly the
  fields of the Polaris document's sample (id, username, email, firstName,
  lastName), about 1.7 MB.
- polaris_group_members_10k_extra.json: the same with two fields the typed
  model does not name (`enabled`, `createdOn`, as a Polaris user carries
  them), about 2.1 MB: what keeping unknown fields in `extra` costs.
- ssw_list_members_10k.json: an SSW `list_members` envelope with 10,000
  members, each with the fields of the SSW document's example (user_id,
  email, status), about 0.8 MB.
- polaris_group_members_30mb.json: the Polaris shape at about 30 MB, for
  memory.

The shapes and sizes are those the speed issue measured with.

Every benchmark (Rust, Python, Node) reads these files; none is committed.
"""

from __future__ import annotations

import json
import pathlib
import random

OUT = pathlib.Path(__file__).resolve().parents[1] / "target" / "bench-pages"
FIRST = ["Ana", "Ben", "Chen", "Dani", "Eli", "Fatima", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lea"]
LAST = ["Lee", "Park", "Silva", "Novak", "Okafor", "Rossi", "Tanaka", "Weber", "Young", "Zhou"]


def polaris(rng: random.Random, n: int, extra: bool = False) -> bytes:
    values = []
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        email = f"{first.lower()}.{last.lower()}{i}@example.io"
        member: dict[str, object] = {
            "id": "%08x-%04x-4%03x-8%03x-%012x"
            % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12), rng.getrandbits(12), rng.getrandbits(48)),
            "username": email,
            "email": email,
            "firstName": first,
            "lastName": last,
        }
        if extra:
            member["enabled"] = rng.random() > 0.1
            member["createdOn"] = "2023-09-21T02:45:09.205Z"
        values.append(member)
    return json.dumps({"values": values, "count": n}, separators=(",", ":")).encode()


def ssw(rng: random.Random, n: int) -> bytes:
    members = []
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        members.append(
            {
                "user_id": f"user_{100000 + i}",
                "email": f"{first.lower()}.{last.lower()}{i}@acme.example",
                "status": rng.choice(["active", "active", "active", "inactive"]),
            }
        )
    data = {"members": members, "page": 1, "page_size": n, "total": n}
    return json.dumps({"code": 0, "message": "success", "data": data}, separators=(",", ":")).encode()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    pages = {
        "polaris_group_members_10k.json": lambda: polaris(random.Random(10), 10_000),
        "polaris_group_members_10k_extra.json": lambda: polaris(random.Random(10), 10_000, extra=True),
        "ssw_list_members_10k.json": lambda: ssw(random.Random(20), 10_000),
        "polaris_group_members_30mb.json": lambda: polaris(random.Random(30), 190_000),
    }
    for name, make in pages.items():
        path = OUT / name
        if not path.exists():
            path.write_bytes(make())
    print(OUT)


if __name__ == "__main__":
    main()
