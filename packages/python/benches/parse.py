"""Parsing a 10,000-member page from Python, as ratios against the peers a
Python user would pick instead, in one run (medians of alternating rounds):
``json.loads`` alone, ``orjson.loads`` and pydantic v2 ``model_validate_json``
into equivalent models. Goals (issue 12): RosterKit <= 1.0x ``json.loads``,
and at least 2x faster than pydantic.

    python packages/python/benches/parse.py          # full run
    python packages/python/benches/parse.py --smoke  # a few rounds (CI)

Needs the pages from scripts/bench-pages.py (run on first use); orjson and
pydantic are optional peers (skipped with a note when missing).
"""

from __future__ import annotations

import json
import pathlib
import statistics
import subprocess
import sys
import time
from typing import Any, Callable

from rosterkit import sansio

ROOT = pathlib.Path(__file__).resolve().parents[3]
PAGES = ROOT / "target" / "bench-pages"


def pages() -> pathlib.Path:
    if not (PAGES / "polaris_members_10k.json").exists():
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


def main() -> None:
    smoke = "--smoke" in sys.argv
    rounds = 3 if smoke else 41
    cases = [
        ("polaris", "polaris_members_10k.json", "polaris.list_group_members", {"group_id": "g1"}),
        ("ssw", "ssw_members_10k.json", "ssw.list_members", {}),
    ]
    for item, file, endpoint, inp in cases:
        body = (pages() / file).read_bytes()
        response = sansio.Response(200, [("Content-Type", "application/json")], body)
        runs: dict[str, Callable[[], Any]] = {
            "rosterkit": lambda e=endpoint, i=inp, r=response: sansio.parse_response(e, i, r)
        }
        runs.update(peers(body, item))
        t = race(rounds, runs)
        print(f"{item} 10k members ({len(body) / 1e6:.2f} MB), median of {rounds}:")
        ours = t["rosterkit"]
        for name, secs in t.items():
            note = ""
            if name == "json.loads":
                note = f"  rosterkit/json.loads = {ours / secs:.2f} (goal <= 1.0)"
            elif name == "pydantic v2":
                note = f"  pydantic/rosterkit = {secs / ours:.2f} (goal >= 2.0)"
            print(f"  {name:<14} {secs * 1000:8.2f} ms{note}")


if __name__ == "__main__":
    main()
