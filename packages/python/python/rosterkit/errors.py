"""The RosterKit exception hierarchy (defined by the compiled core).

Every error is a :class:`RosterKitError`. Each carries ``kind`` (the core's
snake_case variant name), ``details`` (the error as a dict, exactly as the Rust
core serializes it) and the attributes of its kind:

- :class:`InvalidInput` (also a :class:`ValueError`): ``field``, ``reason``
- :class:`Unsupported`: ``provider``, ``operation``, ``reason``
- :class:`ApiError`: ``status``, ``vendor_code``, ``message``; its subclasses
  :class:`AuthError` (401/403), :class:`NotFound` (404), :class:`Conflict` (409)
  and :class:`RateLimited` (429, plus ``retry_after`` in seconds or None)
- :class:`DecodeError`: ``message``, ``excerpt``
- :class:`TransportError`: ``message``

No message, ``str()`` or ``repr()`` of an error contains a credential.
"""

from rosterkit._native import (
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

__all__ = [
    "ApiError",
    "AuthError",
    "Conflict",
    "DecodeError",
    "InvalidInput",
    "NotFound",
    "RateLimited",
    "RosterKitError",
    "TransportError",
    "Unsupported",
]
