"""The blocking :class:`Client` and the asyncio :class:`AsyncClient`.

Both wrap the compiled ``NativeClient``: every call runs in the Rust core's
one driver (HTTP in Rust with the GIL released, retries that honour
``Retry-After``, the plan and its per-user report). This module only gives the
calls their Python names, keyword arguments and notebook-friendly lists.
"""

from __future__ import annotations

import asyncio
import copy
import logging
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from types import TracebackType
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Literal,
    SupportsIndex,
    TypedDict,
    TypeVar,
    Union,
    overload,
)

from rosterkit import _html
from rosterkit._native import (
    ApplyProgress,
    ApplyReport,
    Capabilities,
    Group,
    Member,
    MembershipPlan,
    NativeClient,
    Pages,
    PendingCall,
    Permission,
    Request,
    Response,
    User,
)
from rosterkit._progress import Progress

if TYPE_CHECKING:
    from typing_extensions import Self, Unpack

__all__ = [
    "AsyncClient",
    "Client",
    "EndpointId",
    "GroupList",
    "MemberList",
    "Mode",
    "PermissionLike",
    "Provider",
    "RetrySettings",
    "Transport",
    "UserList",
]

Provider = Literal["ssw", "spotnana", "b2core", "polaris", "alteryx"]
"""The provider ids RosterKit speaks."""

EndpointId = Literal[
    "ssw.list_members",
    "ssw.list_groups",
    "ssw.list_group_members",
    "ssw.add_group_member",
    "ssw.approve_group_member",
    "ssw.reject_group_member",
    "ssw.remove_group_member",
    "ssw.update_group",
    "ssw.delete_group",
    "spotnana.list_user_groups",
    "spotnana.get_user_group",
    "spotnana.list_user_group_members",
    "spotnana.list_user_group_roles",
    "spotnana.update_user_group_members",
    "spotnana.list_user_groups_for_user",
    "spotnana.create_user_group",
    "spotnana.update_user_group",
    "b2core.list_groups",
    "b2core.get_group",
    "b2core.create_group",
    "b2core.replace_group",
    "b2core.update_group",
    "b2core.delete_group",
    "polaris.list_permissions",
    "polaris.list_groups",
    "polaris.create_group",
    "polaris.create_user",
    "polaris.update_user",
    "polaris.list_effective_permissions",
    "polaris.add_group_members",
    "polaris.list_group_members",
    "polaris.list_users",
    "polaris.get_user",
    "polaris.delete_user",
    "polaris.get_group",
    "polaris.update_group",
    "polaris.delete_group",
    "polaris.list_projects",
    "alteryx.create_user_group",
    "alteryx.add_users_to_user_group",
    "alteryx.list_user_groups",
    "alteryx.get_user_group",
    "alteryx.update_user_group",
    "alteryx.remove_user_from_user_group",
    "alteryx.delete_user_group",
]
"""Every vendor endpoint id, in documentation order (``sansio.endpoint_ids()``)."""

Mode = Literal["additive", "authoritative"]
"""What a sync does with members not desired: keep them, or remove them."""

PermissionLike = Union[Permission, str, Mapping[str, Any]]
"""A permission as a :class:`Permission`, a bare name, or ``{"name", "resources"}``."""

Transport = Callable[[Request], Response]
"""Your own HTTP stack: send the request as given, return the response for
any status; raise :class:`ConnectionRefusedError` when it never left."""

T = TypeVar("T")
log = logging.getLogger("rosterkit")


class _Table(list[T]):
    """A list of records that stays itself when sliced, renders as a table
    in notebooks, and becomes a pandas DataFrame on request."""

    @overload
    def __getitem__(self, index: SupportsIndex) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Self: ...
    def __getitem__(self, index: SupportsIndex | slice) -> T | Self:
        if isinstance(index, slice):
            return type(self)(super().__getitem__(index))
        return super().__getitem__(index)

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame``, one row per record, columns in wire order
        (pandas is optional: ``pip install pandas``)."""
        try:
            import pandas as pd  # type: ignore[import-untyped]
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError("to_pandas() needs pandas: pip install pandas") from e
        return pd.DataFrame([r.to_dict() for r in self])  # type: ignore[attr-defined]


class GroupList(_Table[Group]):
    """A list of groups that renders as a table in notebooks."""

    def _repr_html_(self) -> str:
        return _html.groups_html(self)


class MemberList(_Table[Member]):
    """A list of members that renders as a table in notebooks."""

    def _repr_html_(self) -> str:
        return _html.members_html(self)


class UserList(_Table[User]):
    """A list of users that renders as a table in notebooks."""

    def _repr_html_(self) -> str:
        return _html.users_html(self)


def _permission(p: PermissionLike) -> Any:
    return {"name": p} if isinstance(p, str) else p


def _permissions(ps: Iterable[PermissionLike] | None) -> list[Any] | None:
    return None if ps is None else [_permission(p) for p in ps]


def _input(input: Mapping[str, Any] | None, fields: dict[str, Any]) -> dict[str, Any]:
    merged = dict(input or {})
    merged.update(fields)
    return merged


def _options(
    mode: Mode,
    allow_empty: bool,
    allow_mass_removal: bool,
    max_removal_percent: int,
    skip_unresolved: bool,
) -> dict[str, Any]:
    return {
        "mode": mode,
        "allow_empty": allow_empty,
        "allow_mass_removal": allow_mass_removal,
        "max_removal_percent": max_removal_percent,
        "skip_unresolved": skip_unresolved,
    }


class RetrySettings(TypedDict, total=False):
    """The retry policy, field by field (defaults: 4 attempts, 200 ms base
    delay, 10 s cap, Retry-After honoured up to 60 s, 120 s deadline)."""

    max_attempts: int
    base_delay_ms: int
    max_delay_ms: int
    max_retry_after_ms: int
    deadline_ms: int


class Options(TypedDict, total=False):
    """The keyword options every client takes (see :class:`Client`)."""

    max_attempts: int
    retry: RetrySettings
    timeout: float
    concurrency: int
    max_pages: int
    transport: Transport


class _Base:
    _native: NativeClient

    @classmethod
    def ssw(
        cls, base_url: str, token: str, organization_id: str, **options: Unpack[Options]
    ) -> Self:
        """Splashtop Secure Workspace IAM; ``organization_id`` scopes group listing."""
        return cls("ssw", base_url, token, tenant_id=organization_id, **options)

    @classmethod
    def spotnana(
        cls, base_url: str, token: str, company_id: str, **options: Unpack[Options]
    ) -> Self:
        """Spotnana Access Management v3; ``company_id`` scopes every call."""
        return cls("spotnana", base_url, token, tenant_id=company_id, **options)

    @classmethod
    def b2core(cls, base_url: str, token: str, **options: Unpack[Options]) -> Self:
        """B2Broker B2Core back office."""
        return cls("b2core", base_url, token, **options)

    @classmethod
    def polaris(cls, base_url: str, api_key: str, **options: Unpack[Options]) -> Self:
        """Imply Polaris; ``api_key`` is sent as the docs show."""
        return cls("polaris", base_url, api_key, **options)

    @classmethod
    def alteryx(cls, base_url: str, token: str, **options: Unpack[Options]) -> Self:
        """Alteryx Server v3; ``base_url`` ends in ``/webapi``."""
        return cls("alteryx", base_url, token, **options)

    def __init__(
        self,
        provider: Provider,
        base_url: str,
        token: str,
        *,
        tenant_id: str | None = None,
        max_attempts: int | None = None,
        retry: RetrySettings | None = None,
        timeout: float | None = None,
        concurrency: int | None = None,
        max_pages: int | None = None,
        transport: Transport | None = None,
    ) -> None:
        """A client for ``provider`` at ``base_url``.

        ``token`` is the bearer token (Polaris: the API key). ``tenant_id`` is
        the SSW organization id or the Spotnana company id. ``max_attempts``
        counts the first try (default 4); ``retry`` sets the whole policy
        (``max_attempts`` wins over its field); ``timeout`` is seconds per HTTP
        exchange (default 30); ``concurrency`` bounds parallel calls of an
        apply (default 8); ``max_pages`` is the page ceiling of one list
        (default 100,000); ``transport`` replaces the built-in HTTP stack.
        """
        policy: dict[str, object] | None = None if retry is None else dict(retry.items())
        if max_attempts is not None:
            policy = {**(policy or {}), "max_attempts": max_attempts}
        self._native = NativeClient(
            provider,
            base_url,
            token,
            tenant_id,
            policy,
            timeout,
            concurrency,
            max_pages,
            transport,
            log,
        )

    @property
    def provider(self) -> Provider:
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

    def capabilities(self) -> Capabilities:
        """What this provider's API can do, and why not where it cannot."""
        return self._native.capabilities()

    def replan(self, report: ApplyReport) -> MembershipPlan | None:
        """A plan for the users whose change failed, is unknown or did not run."""
        return self._native.replan(report)

    def with_options(
        self,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        retry: RetrySettings | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Self:
        """This client for some calls with other settings, sharing its
        connections: ``client.with_options(timeout=5).list_groups()``.

        ``timeout`` is seconds per HTTP exchange (a
        :class:`rosterkit.TimeoutError` when exceeded), ``max_retries`` the
        retries after the first attempt, ``retry`` the whole policy, and
        ``extra_headers`` are sent with every request (not ``Authorization``).
        """
        policy: dict[str, object] | None = None if retry is None else dict(retry.items())
        if max_retries is not None:
            policy = {**(policy or {}), "max_attempts": max_retries + 1}
        derived = copy.copy(self)
        derived._native = self._native.with_options(
            policy, timeout, None if extra_headers is None else list(extra_headers.items())
        )
        return derived

    def close(self) -> None:
        """Releases the client; connections close when it is collected."""

    def __repr__(self) -> str:
        # Never the token.
        return (
            f"{type(self).__name__}(provider={self.provider!r}, base_url={self.base_url!r}, "
            f"tenant_id={self.tenant_id!r})"
        )


def _wait(call: PendingCall) -> Any:
    return call.wait()


class Client(_Base):
    """A blocking client for one provider and tenant.

    Calls block the calling thread but release the GIL while the HTTP
    exchange runs, so other Python threads keep going; Ctrl-C interrupts a
    call within a tenth of a second.
    """

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def list_users(self) -> UserList:
        """Every user (all pages)."""
        return UserList(_wait(self._native.list_users()))

    def list_groups(self) -> GroupList:
        """Every group (all pages)."""
        return GroupList(_wait(self._native.list_groups()))

    def get_group(self, group_id: str) -> Group:
        """One group."""
        return _wait(self._native.get_group(group_id))  # type: ignore[no-any-return]

    def create_group(
        self,
        name: str,
        permissions: Iterable[PermissionLike] = (),
        role: str | None = None,
    ) -> Group:
        """Creates a group (``permissions``: B2Core, Polaris; ``role``: Alteryx)."""
        group = {"name": name, "permissions": _permissions(permissions), "role": role}
        return _wait(self._native.create_group(group))  # type: ignore[no-any-return]

    def update_group(
        self,
        group_id: str,
        *,
        name: str | None = None,
        permissions: Iterable[PermissionLike] | None = None,
        role: str | None = None,
    ) -> Group | None:
        """Changes a group; what is not given keeps its value."""
        changes = {"name": name, "permissions": _permissions(permissions), "role": role}
        return _wait(self._native.update_group(group_id, changes))  # type: ignore[no-any-return]

    def delete_group(self, group_id: str, *, force: bool = False) -> None:
        """Deletes a group; ``force`` deletes a non-empty Alteryx group."""
        _wait(self._native.delete_group(group_id, force))

    def list_members(self, group_id: str) -> MemberList:
        """Every member of a group (all pages)."""
        return MemberList(_wait(self._native.list_members(group_id)))

    def add_members(self, group_id: str, user_ids: Iterable[str]) -> ApplyReport:
        """Adds members with the fewest calls; one outcome per user."""
        return _wait(self._native.add_members(group_id, user_ids))  # type: ignore[no-any-return]

    def remove_members(self, group_id: str, user_ids: Iterable[str]) -> ApplyReport:
        """Removes members with the fewest calls; one outcome per user."""
        return _wait(self._native.remove_members(group_id, user_ids))  # type: ignore[no-any-return]

    def approve_member(self, group_id: str, user_id: str) -> None:
        """Approves a pending join request (SSW)."""
        _wait(self._native.approve_member(group_id, user_id))

    def reject_member(self, group_id: str, user_id: str) -> None:
        """Rejects a pending join request (SSW)."""
        _wait(self._native.reject_member(group_id, user_id))

    def plan(
        self,
        group_id: str,
        desired: Iterable[str],
        *,
        mode: Mode,
        allow_empty: bool = False,
        allow_mass_removal: bool = False,
        max_removal_percent: int = 50,
        skip_unresolved: bool = False,
    ) -> MembershipPlan:
        """The dry run of a sync toward ``desired`` (user ids or emails).

        Nothing changes. Risky plans raise :class:`rosterkit.Refused` unless the
        matching option allows them.
        """
        options = _options(
            mode, allow_empty, allow_mass_removal, max_removal_percent, skip_unresolved
        )
        return _wait(self._native.plan(group_id, desired, options))  # type: ignore[no-any-return]

    def apply(self, plan: MembershipPlan) -> ApplyReport:
        """Applies a plan, additions first; one outcome per user.

        Ctrl-C stops it: :class:`KeyboardInterrupt` is raised with the partial
        report as its ``report`` attribute.
        """
        return _wait(self._native.apply(plan))  # type: ignore[no-any-return]

    def sync(
        self,
        group_id: str,
        desired: Iterable[str],
        *,
        mode: Mode,
        allow_empty: bool = False,
        allow_mass_removal: bool = False,
        max_removal_percent: int = 50,
        skip_unresolved: bool = False,
    ) -> ApplyReport:
        """Plans and applies a sync (see :meth:`plan` and :meth:`apply`)."""
        return self.apply(
            self.plan(
                group_id,
                desired,
                mode=mode,
                allow_empty=allow_empty,
                allow_mass_removal=allow_mass_removal,
                max_removal_percent=max_removal_percent,
                skip_unresolved=skip_unresolved,
            )
        )

    def call(
        self, endpoint_id: EndpointId, input: Mapping[str, Any] | None = None, **fields: Any
    ) -> Any:
        """One vendor endpoint by inventory id, with the vendor's own field names
        (as ``input``, as keywords, or both)."""
        return _wait(self._native.call(endpoint_id, _input(input, fields)))

    def unified(self, op: Mapping[str, Any]) -> Any:
        """Any unified operation by name, e.g. ``{"op": "get_group", "group_id":
        "g1"}``; the result as plain data (snake_case). The typed methods are
        the everyday API; this is what the cross-language vectors run."""
        return _wait(self._native.unified(op))

    def pages(
        self,
        endpoint_id: EndpointId,
        input: Mapping[str, Any] | None = None,
        *,
        progress: bool = False,
        **fields: Any,
    ) -> Iterator[list[dict[str, Any]]]:
        """The pages of a list endpoint, fetched one at a time as you iterate.

        ``progress=True`` shows a bar of items fetched, named by the endpoint.
        """
        with Progress(progress, desc=endpoint_id) as bar:
            for page in self._native.pages(endpoint_id, _input(input, fields)):
                bar.update(len(page))
                yield page

    def iter_users(self, *, progress: bool = False) -> Iterator[User]:
        """Every user, fetched a page at a time as you iterate."""
        return _items(self._native.user_pages(), progress, "users")

    def iter_groups(self, *, progress: bool = False) -> Iterator[Group]:
        """Every group, fetched a page at a time as you iterate."""
        return _items(self._native.group_pages(), progress, "groups")

    def iter_members(self, group_id: str, *, progress: bool = False) -> Iterator[Member]:
        """Every member of a group, fetched a page at a time as you iterate."""
        return _items(self._native.member_pages(group_id), progress, "members")


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


async def _run(call: PendingCall) -> Any:
    return await call.awaitable()


class AsyncClient(_Base):
    """The asyncio twin of :class:`Client`; the HTTP runs on Rust's runtime."""

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    async def list_users(self) -> UserList:
        """Every user (all pages)."""
        return UserList(await _run(self._native.list_users()))

    async def list_groups(self) -> GroupList:
        """Every group (all pages)."""
        return GroupList(await _run(self._native.list_groups()))

    async def get_group(self, group_id: str) -> Group:
        """One group."""
        return await _run(self._native.get_group(group_id))  # type: ignore[no-any-return]

    async def create_group(
        self,
        name: str,
        permissions: Iterable[PermissionLike] = (),
        role: str | None = None,
    ) -> Group:
        """Creates a group (``permissions``: B2Core, Polaris; ``role``: Alteryx)."""
        group = {"name": name, "permissions": _permissions(permissions), "role": role}
        return await _run(self._native.create_group(group))  # type: ignore[no-any-return]

    async def update_group(
        self,
        group_id: str,
        *,
        name: str | None = None,
        permissions: Iterable[PermissionLike] | None = None,
        role: str | None = None,
    ) -> Group | None:
        """Changes a group; what is not given keeps its value."""
        changes = {"name": name, "permissions": _permissions(permissions), "role": role}
        return await _run(self._native.update_group(group_id, changes))  # type: ignore[no-any-return]

    async def delete_group(self, group_id: str, *, force: bool = False) -> None:
        """Deletes a group; ``force`` deletes a non-empty Alteryx group."""
        await _run(self._native.delete_group(group_id, force))

    async def list_members(self, group_id: str) -> MemberList:
        """Every member of a group (all pages)."""
        return MemberList(await _run(self._native.list_members(group_id)))

    async def add_members(self, group_id: str, user_ids: Iterable[str]) -> ApplyReport:
        """Adds members with the fewest calls; one outcome per user."""
        return await _run(self._native.add_members(group_id, user_ids))  # type: ignore[no-any-return]

    async def remove_members(self, group_id: str, user_ids: Iterable[str]) -> ApplyReport:
        """Removes members with the fewest calls; one outcome per user."""
        return await _run(self._native.remove_members(group_id, user_ids))  # type: ignore[no-any-return]

    async def approve_member(self, group_id: str, user_id: str) -> None:
        """Approves a pending join request (SSW)."""
        await _run(self._native.approve_member(group_id, user_id))

    async def reject_member(self, group_id: str, user_id: str) -> None:
        """Rejects a pending join request (SSW)."""
        await _run(self._native.reject_member(group_id, user_id))

    async def plan(
        self,
        group_id: str,
        desired: Iterable[str],
        *,
        mode: Mode,
        allow_empty: bool = False,
        allow_mass_removal: bool = False,
        max_removal_percent: int = 50,
        skip_unresolved: bool = False,
    ) -> MembershipPlan:
        """The dry run of a sync toward ``desired``; see :meth:`Client.plan`."""
        options = _options(
            mode, allow_empty, allow_mass_removal, max_removal_percent, skip_unresolved
        )
        return await _run(self._native.plan(group_id, desired, options))  # type: ignore[no-any-return]

    async def apply(self, plan: MembershipPlan) -> ApplyReport:
        """Applies a plan, additions first; one outcome per user.

        If the task is cancelled, the :class:`asyncio.CancelledError` carries
        the partial report as its ``report`` attribute.
        """
        progress = ApplyProgress()
        try:
            return await _run(self._native.apply(plan, progress))  # type: ignore[no-any-return]
        except asyncio.CancelledError as cancelled:
            progress.cancel()
            cancelled.report = progress.report()  # type: ignore[attr-defined]
            raise

    async def sync(
        self,
        group_id: str,
        desired: Iterable[str],
        *,
        mode: Mode,
        allow_empty: bool = False,
        allow_mass_removal: bool = False,
        max_removal_percent: int = 50,
        skip_unresolved: bool = False,
    ) -> ApplyReport:
        """Plans and applies a sync (see :meth:`plan` and :meth:`apply`)."""
        plan = await self.plan(
            group_id,
            desired,
            mode=mode,
            allow_empty=allow_empty,
            allow_mass_removal=allow_mass_removal,
            max_removal_percent=max_removal_percent,
            skip_unresolved=skip_unresolved,
        )
        return await self.apply(plan)

    async def call(
        self, endpoint_id: EndpointId, input: Mapping[str, Any] | None = None, **fields: Any
    ) -> Any:
        """One vendor endpoint by inventory id, with the vendor's own field names
        (as ``input``, as keywords, or both)."""
        return await _run(self._native.call(endpoint_id, _input(input, fields)))

    async def unified(self, op: Mapping[str, Any]) -> Any:
        """Any unified operation by name; see :meth:`Client.unified`."""
        return await _run(self._native.unified(op))

    async def pages(
        self,
        endpoint_id: EndpointId,
        input: Mapping[str, Any] | None = None,
        *,
        progress: bool = False,
        **fields: Any,
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """The pages of a list endpoint, fetched one at a time as you iterate."""
        with Progress(progress, desc=endpoint_id) as bar:
            async for page in self._native.pages(endpoint_id, _input(input, fields)):
                bar.update(len(page))
                yield page

    def iter_users(self, *, progress: bool = False) -> AsyncIterator[User]:
        """Every user, fetched a page at a time as you iterate."""
        return _aitems(self._native.user_pages(), progress, "users")

    def iter_groups(self, *, progress: bool = False) -> AsyncIterator[Group]:
        """Every group, fetched a page at a time as you iterate."""
        return _aitems(self._native.group_pages(), progress, "groups")

    def iter_members(self, group_id: str, *, progress: bool = False) -> AsyncIterator[Member]:
        """Every member of a group, fetched a page at a time as you iterate."""
        return _aitems(self._native.member_pages(group_id), progress, "members")
