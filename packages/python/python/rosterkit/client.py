"""The blocking :class:`Client` and the asyncio :class:`AsyncClient`.

Both wrap the compiled ``NativeClient``: HTTP runs in Rust (reqwest) with the
GIL released, retries honour ``Retry-After``, and every page, plan and error
comes from the Rust core. This module only gives the calls Python names,
signatures and notebook-friendly list types.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from typing import Any, TypeVar, Union

from rosterkit import _html
from rosterkit._native import (
    ApplyReport,
    Group,
    Member,
    NativeClient,
    Pages,
    Permission,
    SyncPlan,
    User,
)
from rosterkit._progress import Progress

__all__ = ["AsyncClient", "Client", "GroupList", "MemberList", "PermissionLike", "UserList"]

PermissionLike = Union[Permission, str, Mapping[str, Any]]
"""A permission as a :class:`Permission`, a bare name, or ``{"name", "resources"}``."""

T = TypeVar("T")


class GroupList(list[Group]):
    """A list of groups that renders as a table in notebooks."""

    def _repr_html_(self) -> str:
        return _html.groups_html(self)


class MemberList(list[Member]):
    """A list of members that renders as a table in notebooks."""

    def _repr_html_(self) -> str:
        return _html.members_html(self)


class UserList(list[User]):
    """A list of users that renders as a table in notebooks."""

    def _repr_html_(self) -> str:
        return _html.users_html(self)


def _input(input: Mapping[str, Any] | None, fields: dict[str, Any]) -> dict[str, Any]:
    merged = dict(input or {})
    merged.update(fields)
    return merged


def _items(pages: Pages[T], progress: bool, desc: str) -> Iterator[T]:
    # The total is unknown until the last page; the bar counts items fetched.
    with Progress(progress, desc=desc) as bar:
        for page in pages:
            bar.update(len(page))
            yield from page


async def _aitems(pages: Pages[T], progress: bool, desc: str) -> AsyncIterator[T]:
    with Progress(progress, desc=desc) as bar:
        async for page in pages:
            bar.update(len(page))
            for item in page:
                yield item


class _Base:
    _native: NativeClient

    def __init__(
        self,
        provider: str,
        base_url: str,
        token: str,
        tenant_id: str | None = None,
        max_attempts: int | None = None,
        timeout: float | None = None,
        concurrency: int | None = None,
    ) -> None:
        """A client for ``provider`` at ``base_url``.

        ``token`` is the bearer token (Polaris: the API key). ``tenant_id`` is
        the SSW organization id or the Spotnana company id. ``max_attempts``
        counts the first try (default 4); ``timeout`` is seconds per HTTP
        exchange (default 30); ``concurrency`` bounds parallel calls in
        :meth:`apply` (default 8).
        """
        self._native = NativeClient(
            provider, base_url, token, tenant_id, max_attempts, timeout, concurrency
        )

    @property
    def provider(self) -> str:
        """The provider id (``ssw``, ``spotnana``, ``b2core``, ``polaris``, ``alteryx``)."""
        return self._native.provider

    @property
    def base_url(self) -> str:
        """The base URL requests go to."""
        return self._native.base_url

    @property
    def tenant_id(self) -> str | None:
        """The SSW organization id or Spotnana company id, if any."""
        return self._native.tenant_id

    def capabilities(self) -> dict[str, Any]:
        """What this provider's API can do, and why not where it cannot."""
        caps: dict[str, Any] = self._native.capabilities()
        return caps

    def __repr__(self) -> str:
        # Never the token.
        return (
            f"{type(self).__name__}(provider={self.provider!r}, base_url={self.base_url!r}, "
            f"tenant_id={self.tenant_id!r})"
        )


class Client(_Base):
    """A blocking client for one provider and tenant.

    Calls block the calling thread but release the GIL while the HTTP
    exchange runs, so other Python threads keep going.
    """

    @classmethod
    def ssw(cls, base_url: str, token: str, organization_id: str, **options: Any) -> Client:
        """Splashtop Secure Workspace IAM; ``organization_id`` scopes group listing."""
        return cls("ssw", base_url, token, tenant_id=organization_id, **options)

    @classmethod
    def spotnana(cls, base_url: str, token: str, company_id: str, **options: Any) -> Client:
        """Spotnana Access Management v3; every call is scoped by ``company_id``."""
        return cls("spotnana", base_url, token, tenant_id=company_id, **options)

    @classmethod
    def b2core(cls, base_url: str, token: str, **options: Any) -> Client:
        """B2Broker B2Core back office (user groups)."""
        return cls("b2core", base_url, token, **options)

    @classmethod
    def polaris(cls, base_url: str, api_key: str, **options: Any) -> Client:
        """Imply Polaris Identity; ``api_key`` is sent as the vendor documents."""
        return cls("polaris", base_url, api_key, **options)

    @classmethod
    def alteryx(cls, base_url: str, token: str, **options: Any) -> Client:
        """Alteryx Server v3; ``base_url`` includes the ``/webapi`` prefix."""
        return cls("alteryx", base_url, token, **options)

    def list_users(self) -> UserList:
        """Every user (all pages)."""
        return UserList(self._native.list_users())

    def list_groups(self) -> GroupList:
        """Every group (all pages)."""
        return GroupList(self._native.list_groups())

    def get_group(self, group_id: str) -> Group:
        """One group."""
        return self._native.get_group(group_id)

    def create_group(
        self,
        name: str,
        permissions: Iterable[PermissionLike] | None = None,
        role: str | None = None,
    ) -> Group:
        """Creates a group; ``role`` is Alteryx's (default ``Evaluated``)."""
        return self._native.create_group(name, permissions, role)

    def update_group(
        self,
        group_id: str,
        name: str | None = None,
        permissions: Iterable[PermissionLike] | None = None,
        role: str | None = None,
    ) -> Group | None:
        """Changes a group; what is left ``None`` keeps its value.

        Returns the group when the vendor answers with it.
        """
        return self._native.update_group(group_id, name, permissions, role)

    def delete_group(self, group_id: str, force: bool = False) -> None:
        """Deletes a group; ``force`` deletes a non-empty Alteryx group."""
        self._native.delete_group(group_id, force)

    def list_members(self, group_id: str) -> MemberList:
        """Every member of a group (all pages)."""
        return MemberList(self._native.list_members(group_id))

    def add_members(self, group_id: str, user_ids: Iterable[str]) -> ApplyReport:
        """Adds members with the fewest calls the vendor allows."""
        return self._native.add_members(group_id, user_ids)

    def remove_members(self, group_id: str, user_ids: Iterable[str]) -> ApplyReport:
        """Removes members with the fewest calls the vendor allows."""
        return self._native.remove_members(group_id, user_ids)

    def approve_member(self, group_id: str, user_id: str) -> None:
        """Approves a pending join request (SSW)."""
        self._native.approve_member(group_id, user_id)

    def reject_member(self, group_id: str, user_id: str) -> None:
        """Rejects a pending join request (SSW)."""
        self._native.reject_member(group_id, user_id)

    def plan(self, group_id: str, desired: Iterable[str]) -> SyncPlan:
        """Reads the members and plans the fewest calls that make them exactly
        ``desired``. Nothing changes until :meth:`apply`."""
        return self._native.plan(group_id, desired)

    def apply(self, plan: SyncPlan) -> ApplyReport:
        """Runs a plan; every step's result is in the report."""
        return self._native.apply(plan)

    def call(
        self, endpoint_id: str, input: Mapping[str, Any] | None = None, /, **fields: Any
    ) -> Any:
        """One documented endpoint by id (``"b2core.get_group"``), with its
        vendor-named input as a dict and/or keywords. Returns the raw result."""
        return self._native.call(endpoint_id, _input(input, fields))

    def unified(self, op: Mapping[str, Any]) -> Any:
        """A unified operation as a dict, e.g. ``{"op": "sync_members",
        "group_id": "g", "desired": [...], "dry_run": True}``; raw result."""
        return self._native.unified(op)

    def pages(
        self,
        endpoint_id: str,
        input: Mapping[str, Any] | None = None,
        /,
        *,
        progress: bool = False,
        **fields: Any,
    ) -> Iterator[list[dict[str, Any]]]:
        """The pages of a list endpoint, each fetched when the loop reaches it."""
        pages = self._native.pages(endpoint_id, _input(input, fields))
        with Progress(progress, desc=endpoint_id, unit="page") as bar:
            for page in pages:
                yield page
                bar.update(1)

    def iter_users(self, *, progress: bool = False) -> Iterator[User]:
        """Every user, one page fetched at a time as the loop needs it."""
        yield from _items(self._native.list_users_pages(), progress, "users")

    def iter_groups(self, *, progress: bool = False) -> Iterator[Group]:
        """Every group, one page fetched at a time as the loop needs it."""
        yield from _items(self._native.list_groups_pages(), progress, "groups")

    def iter_members(self, group_id: str, *, progress: bool = False) -> Iterator[Member]:
        """Every member of a group, one page fetched at a time as the loop needs it."""
        yield from _items(self._native.list_members_pages(group_id), progress, "members")


class AsyncClient(_Base):
    """The asyncio twin of :class:`Client`: the same calls as coroutines.

    The HTTP runs on a Rust tokio runtime; awaiting never blocks the event loop.
    """

    @classmethod
    def ssw(cls, base_url: str, token: str, organization_id: str, **options: Any) -> AsyncClient:
        """Splashtop Secure Workspace IAM; ``organization_id`` scopes group listing."""
        return cls("ssw", base_url, token, tenant_id=organization_id, **options)

    @classmethod
    def spotnana(cls, base_url: str, token: str, company_id: str, **options: Any) -> AsyncClient:
        """Spotnana Access Management v3; every call is scoped by ``company_id``."""
        return cls("spotnana", base_url, token, tenant_id=company_id, **options)

    @classmethod
    def b2core(cls, base_url: str, token: str, **options: Any) -> AsyncClient:
        """B2Broker B2Core back office (user groups)."""
        return cls("b2core", base_url, token, **options)

    @classmethod
    def polaris(cls, base_url: str, api_key: str, **options: Any) -> AsyncClient:
        """Imply Polaris Identity; ``api_key`` is sent as the vendor documents."""
        return cls("polaris", base_url, api_key, **options)

    @classmethod
    def alteryx(cls, base_url: str, token: str, **options: Any) -> AsyncClient:
        """Alteryx Server v3; ``base_url`` includes the ``/webapi`` prefix."""
        return cls("alteryx", base_url, token, **options)

    async def list_users(self) -> UserList:
        """Every user (all pages)."""
        return UserList(await self._native.list_users_async())

    async def list_groups(self) -> GroupList:
        """Every group (all pages)."""
        return GroupList(await self._native.list_groups_async())

    async def get_group(self, group_id: str) -> Group:
        """One group."""
        return await self._native.get_group_async(group_id)

    async def create_group(
        self,
        name: str,
        permissions: Iterable[PermissionLike] | None = None,
        role: str | None = None,
    ) -> Group:
        """Creates a group; ``role`` is Alteryx's (default ``Evaluated``)."""
        return await self._native.create_group_async(name, permissions, role)

    async def update_group(
        self,
        group_id: str,
        name: str | None = None,
        permissions: Iterable[PermissionLike] | None = None,
        role: str | None = None,
    ) -> Group | None:
        """Changes a group; what is left ``None`` keeps its value."""
        return await self._native.update_group_async(group_id, name, permissions, role)

    async def delete_group(self, group_id: str, force: bool = False) -> None:
        """Deletes a group; ``force`` deletes a non-empty Alteryx group."""
        await self._native.delete_group_async(group_id, force)

    async def list_members(self, group_id: str) -> MemberList:
        """Every member of a group (all pages)."""
        return MemberList(await self._native.list_members_async(group_id))

    async def add_members(self, group_id: str, user_ids: Iterable[str]) -> ApplyReport:
        """Adds members with the fewest calls the vendor allows."""
        return await self._native.add_members_async(group_id, user_ids)

    async def remove_members(self, group_id: str, user_ids: Iterable[str]) -> ApplyReport:
        """Removes members with the fewest calls the vendor allows."""
        return await self._native.remove_members_async(group_id, user_ids)

    async def approve_member(self, group_id: str, user_id: str) -> None:
        """Approves a pending join request (SSW)."""
        await self._native.approve_member_async(group_id, user_id)

    async def reject_member(self, group_id: str, user_id: str) -> None:
        """Rejects a pending join request (SSW)."""
        await self._native.reject_member_async(group_id, user_id)

    async def plan(self, group_id: str, desired: Iterable[str]) -> SyncPlan:
        """The dry-run diff toward ``desired``; nothing changes."""
        return await self._native.plan_async(group_id, desired)

    async def apply(self, plan: SyncPlan) -> ApplyReport:
        """Runs a plan; every step's result is in the report."""
        return await self._native.apply_async(plan)

    async def call(
        self, endpoint_id: str, input: Mapping[str, Any] | None = None, /, **fields: Any
    ) -> Any:
        """One documented endpoint by id; the raw result."""
        return await self._native.call_async(endpoint_id, _input(input, fields))

    async def unified(self, op: Mapping[str, Any]) -> Any:
        """A unified operation as a dict; the raw result."""
        return await self._native.unified_async(op)

    async def pages(
        self,
        endpoint_id: str,
        input: Mapping[str, Any] | None = None,
        /,
        *,
        progress: bool = False,
        **fields: Any,
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """The pages of a list endpoint, each fetched when the loop reaches it."""
        pages = self._native.pages(endpoint_id, _input(input, fields))
        with Progress(progress, desc=endpoint_id, unit="page") as bar:
            async for page in pages:
                yield page
                bar.update(1)

    async def iter_users(self, *, progress: bool = False) -> AsyncIterator[User]:
        """Every user, one page fetched at a time as the loop needs it."""
        async for user in _aitems(self._native.list_users_pages(), progress, "users"):
            yield user

    async def iter_groups(self, *, progress: bool = False) -> AsyncIterator[Group]:
        """Every group, one page fetched at a time as the loop needs it."""
        async for group in _aitems(self._native.list_groups_pages(), progress, "groups"):
            yield group

    async def iter_members(self, group_id: str, *, progress: bool = False) -> AsyncIterator[Member]:
        """Every member of a group, one page fetched at a time as the loop needs it."""
        async for member in _aitems(self._native.list_members_pages(group_id), progress, "members"):
            yield member
