"""RosterKit: users and groups across five SaaS admin APIs, from one Rust core.

Quick start::

    import rosterkit

    client = rosterkit.Client.b2core(base_url="https://backoffice.example.com", token="...")
    for group in client.list_groups():
        print(group.id, group.name)

See :mod:`rosterkit.sansio` to bring your own HTTP, and :mod:`rosterkit.testing`
for the embedded emulator.
"""

from rosterkit._native import (
    ApplyReport,
    Group,
    Member,
    Permission,
    PlanStep,
    StepResult,
    SyncPlan,
    User,
    __version__,
)
from rosterkit.client import (
    AsyncClient,
    Client,
    GroupList,
    MemberList,
    PermissionLike,
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
    RosterKitError,
    TransportError,
    Unsupported,
)
from rosterkit.sansio import capabilities

PROVIDERS = ("ssw", "spotnana", "b2core", "polaris", "alteryx")
"""The provider ids RosterKit speaks, in documentation order."""

__all__ = [
    "PROVIDERS",
    "ApiError",
    "ApplyReport",
    "AsyncClient",
    "AuthError",
    "Client",
    "Conflict",
    "DecodeError",
    "Group",
    "GroupList",
    "InvalidInput",
    "Member",
    "MemberList",
    "NotFound",
    "Permission",
    "PermissionLike",
    "PlanStep",
    "RateLimited",
    "RosterKitError",
    "StepResult",
    "SyncPlan",
    "TransportError",
    "Unsupported",
    "User",
    "UserList",
    "__version__",
    "capabilities",
]
