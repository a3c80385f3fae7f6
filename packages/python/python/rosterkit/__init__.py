"""RosterKit: users and groups across five SaaS admin APIs, from one Rust core.

Quick start::

    import rosterkit

    client = rosterkit.Client.b2core(base_url="https://backoffice.example.com", token="...")
    for group in client.list_groups():
        print(group.id, group.name)

See :mod:`rosterkit.sansio` to bring your own HTTP, and :mod:`rosterkit.testing`
for the embedded emulator.
"""

from rosterkit import _html
from rosterkit._native import (
    ApplyReport,
    Capabilities,
    DesiredEntry,
    Group,
    Member,
    MembershipPlan,
    Permission,
    PlannedStep,
    StepOutcome,
    User,
    UserOutcome,
    __version__,
)
from rosterkit.client import (
    AsyncClient,
    Client,
    EndpointId,
    GroupList,
    MemberList,
    Mode,
    PermissionLike,
    Provider,
    RetrySettings,
    Transport,
    UserList,
)
from rosterkit.errors import (
    ApiError,
    AuthError,
    Conflict,
    DecodeError,
    InvalidInput,
    NotFound,
    RateLimited,
    Refused,
    RosterKitError,
    TimeoutError,
    TransportError,
    Unsupported,
)
from rosterkit.sansio import capabilities

_html.install()

PROVIDERS: tuple[Provider, ...] = ("ssw", "spotnana", "b2core", "polaris", "alteryx")
"""The provider ids RosterKit speaks, in documentation order."""

__all__ = [
    "PROVIDERS",
    "ApiError",
    "ApplyReport",
    "AsyncClient",
    "AuthError",
    "Capabilities",
    "Client",
    "Conflict",
    "DecodeError",
    "DesiredEntry",
    "EndpointId",
    "Group",
    "GroupList",
    "InvalidInput",
    "Member",
    "MemberList",
    "MembershipPlan",
    "Mode",
    "NotFound",
    "Permission",
    "PermissionLike",
    "PlannedStep",
    "Provider",
    "RateLimited",
    "Refused",
    "RetrySettings",
    "RosterKitError",
    "StepOutcome",
    "TimeoutError",
    "Transport",
    "TransportError",
    "Unsupported",
    "User",
    "UserList",
    "UserOutcome",
    "__version__",
    "capabilities",
]
