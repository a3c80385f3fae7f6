"""Parsing a 10,000-member page from Python, as ratios against the peers a
Python user would pick instead, in one run (medians of alternating rounds):
``json.loads`` alone, ``orjson.loads`` and pydantic v2 ``model_validate_json``
into equivalent models. Goals (issue 12): RosterKit <= 1.0x ``json.loads``,
and at least 2x faster than pydantic. Two RosterKit paths are measured: the
sans-IO ``parse_response`` (plain dicts and lists, the vendor's shape) and
``Client.list_members`` (typed ``Member`` objects, whose fields become Python
objects only when read), the latter through a transport that answers with
the page at once, so no network is timed. Then the peak memory of parsing a
30 MB body (goal: at most 4x the body above the baseline), next to
``json.loads`` of the same bytes, each in a fresh interpreter.

    python packages/python/benches/parse.py          # full run
    python packages/python/benches/parse.py --smoke  # a few rounds (CI)

Needs the pages from scripts/bench-pages.py (run on first use); orjson and
pydantic are optional peers (skipped with a note when missing).
"""

from __future__ import annotations

import json
import os
import pathlib
import statistics
import subprocess
import sys
import time
from typing import Any, Callable

import rosterkit
from rosterkit import sansio

ROOT = pathlib.Path(__file__).resolve().parents[3]
PAGES = ROOT / "target" / "bench-pages"


def pages() -> pathlib.Path:
    if not (PAGES / "polaris_group_members_10k.json").exists():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "bench-pages.py")], check=True)
    return PAGES


def race(rounds: int, cases: dict[str, Callable[[], Any]]) -> dict[str, float]:
    times: dict[str, list[float]] = {k: [] for k in cases}
    for _ in range(rounds):
        for name, run in cases.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return {k: statistics.median(v) for k, v in times.items()}


def peers(body: bytes, item: str) -> dict[str, Callable[[], Any]]:
    out: dict[str, Callable[[], Any]] = {"json.loads": lambda: json.loads(body)}
    try:
        import orjson

        out["orjson.loads"] = lambda: orjson.loads(body)
    except ImportError:
        print("  (orjson not installed: pip install orjson)")
    try:
        from pydantic import BaseModel, ConfigDict

        class Member(BaseModel):
            model_config = ConfigDict(extra="allow")
            id: str
            username: str | None = None
            email: str | None = None
            firstName: str | None = None
            lastName: str | None = None

        class SswMember(BaseModel):
            model_config = ConfigDict(extra="allow")
            user_id: str
            email: str | None = None
            status: str | None = None

        class PolarisPage(BaseModel):
            values: list[Member]

        class SswData(BaseModel):
            members: list[SswMember]

        class SswPage(BaseModel):
            data: SswData

        model = PolarisPage if item == "polaris" else SswPage
        out["pydantic v2"] = lambda: model.model_validate_json(body)
    except ImportError:
        print("  (pydantic not installed: pip install pydantic)")
    return out


# Run in a child interpreter so each peak is its own: the baseline is the
# resident size after the imports and with the body in memory.
MEMORY_CHILD = """
import json, resource, sys
from rosterkit import sansio
body = open(sys.argv[2], "rb").read()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
response = sansio.Response(200, [], body)
if sys.argv[1] == "parse_response":
    out = sansio.parse_response("polaris.list_group_members", {"group_id": "g1"}, response)
elif sys.argv[1] == "list_members":
    import rosterkit
    client = rosterkit.Client("polaris", "https://x.example", "k", transport=lambda r: response)
    out = client.list_members("g1")
else:
    out = json.loads(body)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print((peak - base) * 1024)
"""


def memory() -> None:
    path = pages() / "polaris_group_members_30mb.json"
    size = os.path.getsize(path)
    print(f"peak memory parsing {size / 1e6:.1f} MB (above the baseline, body already read):")
    for who in ("parse_response", "list_members", "json.loads"):
        out = subprocess.run(
            [sys.executable, "-c", MEMORY_CHILD, who, str(path)],
            check=True,
            capture_output=True,
            text=True,
        )
        grew = int(out.stdout.strip())
        goal = " (goal <= 4x)" if who != "json.loads" else ""
        print(f"  {who:<14} {grew / 1e6:8.1f} MB = {grew / size:.2f}x the body{goal}")


def main() -> None:
    smoke = "--smoke" in sys.argv
    rounds = 3 if smoke else 41
    cases = [
        (
            "polaris",
            "polaris_group_members_10k.json",
            "polaris.list_group_members",
            {"group_id": "g1"},
        ),
        ("ssw", "ssw_list_members_10k.json", "ssw.list_members", {}),
    ]
    for item, file, endpoint, inp in cases:
        body = (pages() / file).read_bytes()
        response = sansio.Response(200, [("Content-Type", "application/json")], body)
        client = rosterkit.Client(
            "polaris" if item == "polaris" else "ssw",
            "https://bench.example",
            "k",
            tenant_id="org",
            transport=lambda _request, r=response: r,
        )
        runs: dict[str, Callable[[], Any]] = {
            "parse_response": lambda e=endpoint, i=inp, r=response: sansio.parse_response(e, i, r),
            "list_members": lambda c=client: c.list_members("g1"),
        }
        runs.update(peers(body, item))
        t = race(rounds, runs)
        print(f"{item} 10k members ({len(body) / 1e6:.2f} MB), median of {rounds}:")
        dicts, typed = t["parse_response"], t["list_members"]
        for name, secs in t.items():
            note = ""
            if name == "json.loads":
                note = (
                    f"  ratio to json.loads: parse_response {dicts / secs:.2f},"
                    f" list_members {typed / secs:.2f} (goal <= 1.0)"
                )
            elif name == "pydantic v2":
                note = (
                    f"  pydantic/parse_response {secs / dicts:.2f},"
                    f" pydantic/list_members {secs / typed:.2f} (goal >= 2.0)"
                )
            print(f"  {name:<14} {secs * 1000:8.2f} ms{note}")
    memory()


if __name__ == "__main__":
    main()
