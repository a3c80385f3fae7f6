"""Paging: `pages()` fetches one page per step of the loop (core Pager via
the Rust client's page stream); the iter_* helpers, blocking and async."""

from __future__ import annotations

from typing import Any

import pytest

import rosterkit
from rosterkit.testing import Emulator

ALL_STAFF = "grp_002"  # every SSW user is a member


def member_pages(emu: Emulator) -> list[dict[str, Any]]:
    return [r for r in emu.request_log() if r["path"] == "/iam/v1/group/members"]


def test_pages_fetches_lazily(emu: Emulator) -> None:
    client = emu.client("ssw")
    total = len(client.list_members(ALL_STAFF))
    emu.clear_request_log()
    pages = client.pages("ssw.list_group_members", group_id=ALL_STAFF, page_size=100)
    assert member_pages(emu) == []
    first = next(pages)
    assert len(first) == 100
    assert len(member_pages(emu)) == 1
    assert "page=1" in (member_pages(emu)[0]["query"] or "")
    second = next(pages)
    assert len(member_pages(emu)) == 2
    rest = [item for page in pages for item in page]
    assert len(first) + len(second) + len(rest) == total
    assert len(member_pages(emu)) == -(-total // 100)
    # An exhausted iterator stays exhausted, down to the native one.
    assert next(pages, None) is None
    native = client._native.pages("ssw.list_members", None)
    assert sum(len(p) for p in native) == len(client.list_users())
    assert next(native, None) is None


def test_pages_offset_limit_and_bare_arrays(emu: Emulator) -> None:
    b2core = emu.client("b2core")
    sizes = [len(p) for p in b2core.pages("b2core.list_groups", {"limit": 10})]
    assert sizes == [10, 10, 6]
    spotnana = emu.client("spotnana")
    company = emu.tenant_id("spotnana")
    groups = [
        g
        for page in spotnana.pages(
            "spotnana.list_user_groups",
            companyId=company,
            pagination={"offset": 0, "limit": 7},
        )
        for g in page
    ]
    assert len(groups) == len(spotnana.list_groups())


def test_page_errors_are_typed(emu: Emulator) -> None:
    client = emu.client("ssw")
    emu.add_fault(status=404, provider="ssw", path_prefix="/iam/v1/group/members")
    pages = client.pages("ssw.list_group_members", group_id=ALL_STAFF)
    with pytest.raises(rosterkit.NotFound):
        next(pages)


def all_staff(client: rosterkit.Client) -> str:
    return next(g.id for g in client.list_groups() if g.name == "All Staff")


def test_iter_members_fetches_one_page_per_step(emu: Emulator) -> None:
    client = emu.client("ssw")
    group_id = all_staff(client)
    listed = client.list_members(group_id)
    assert len(listed) == 320
    emu.clear_request_log()
    members = client.iter_members(group_id)
    assert emu.request_log() == [], "nothing is fetched before the first item"
    first = next(members)
    assert len(emu.request_log()) == 1, "the first item costs one page, not all four"
    assert len(member_pages(emu)) == 1
    for _ in range(99):
        next(members)
    assert len(member_pages(emu)) == 1, "the first 100 members come from one page"
    next(members)
    assert len(member_pages(emu)) == 2
    rest = list(members)
    assert [first, *listed[1:100], listed[100], *rest] == list(listed)
    assert len(member_pages(emu)) == 4
    assert len(emu.request_log()) == 4


def test_iter_items_are_the_typed_models(emu: Emulator) -> None:
    client = emu.client("ssw")
    users = list(client.iter_users())
    assert users == list(client.list_users())
    assert all(isinstance(u, rosterkit.User) for u in users)
    groups = list(client.iter_groups())
    assert groups == list(client.list_groups())
    assert all(isinstance(g, rosterkit.Group) for g in groups)
    members = list(client.iter_members(all_staff(client)))
    assert all(isinstance(m, rosterkit.Member) for m in members)


def test_iter_errors_are_typed_and_lazy(emu: Emulator) -> None:
    client = emu.client("ssw")
    group_id = all_staff(client)
    emu.add_fault(status=404, provider="ssw", path_prefix="/iam/v1/group/members")
    members = client.iter_members(group_id)
    with pytest.raises(rosterkit.NotFound):
        next(members)


def test_iter_helpers_match_the_lists(emu: Emulator) -> None:
    client = emu.client("ssw")
    emu.clear_request_log()
    groups = client.iter_groups()
    assert emu.request_log() == [], "nothing is fetched before the first item"
    assert [g.id for g in groups] == [g.id for g in client.list_groups()]
    assert [m.user_id for m in client.iter_members(ALL_STAFF)] == [
        m.user_id for m in client.list_members(ALL_STAFF)
    ]
    assert len(list(client.iter_users())) == len(client.list_users())


def test_progress_bars(emu: Emulator, capsys: pytest.CaptureFixture[str]) -> None:
    client = emu.client("b2core")
    assert len(list(client.iter_groups(progress=True))) == 26
    assert len(list(client.pages("b2core.list_groups", {"limit": 10}, progress=True))) == 3
    err = capsys.readouterr().err
    # The item total is unknown until the last page: the bar counts items.
    assert "groups" in err and "26it" in err
    assert "b2core.list_groups" in err


@pytest.mark.asyncio
async def test_async_iter_members_fetches_one_page_per_step(emu: Emulator) -> None:
    client = emu.async_client("ssw")
    group_id = next(g.id for g in await client.list_groups() if g.name == "All Staff")
    listed = await client.list_members(group_id)
    assert len(listed) == 320
    emu.clear_request_log()
    members = client.iter_members(group_id)
    assert emu.request_log() == [], "nothing is fetched before the first item"
    first = await members.__anext__()  # anext() is 3.10+
    assert len(emu.request_log()) == 1, "the first item costs one page, not all four"
    rest = [m async for m in members]
    assert [first, *rest] == list(listed)
    assert len(member_pages(emu)) == 4
    assert len(emu.request_log()) == 4


@pytest.mark.asyncio
async def test_async_pages_and_iterators(emu: Emulator) -> None:
    client = emu.async_client("ssw")
    total = len(await client.list_members(ALL_STAFF))
    emu.clear_request_log()
    seen = 0
    async for page in client.pages("ssw.list_group_members", group_id=ALL_STAFF, page_size=100):
        seen += len(page)
        assert len(member_pages(emu)) == -(-seen // 100)
    assert seen == total
    ids = [g.id async for g in client.iter_groups()]
    assert ids == [g.id for g in await client.list_groups()]
    members = [m async for m in client.iter_members(ALL_STAFF, progress=True)]
    assert len(members) == total
    users = [u async for u in client.iter_users()]
    assert users == list(await client.list_users())
