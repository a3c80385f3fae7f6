"""The RosterKit exception hierarchy (defined by the compiled core).

Every error is a :class:`RosterKitError`. Each carries ``kind`` (the core's
snake_case variant name), ``details`` (the error as a dict, exactly as the Rust
core serializes it), ``message`` and the attributes of its kind:

- :class:`InvalidInput` (also a :class:`ValueError`): ``field``, ``reason``
- :class:`Unsupported`: ``provider``, ``operation``, ``reason``
- :class:`ApiError`: ``status``, ``vendor_code``, ``debug_identifier``; its
  subclasses :class:`AuthError` (401/403), :class:`NotFound` (404),
  :class:`Conflict` (409) and :class:`RateLimited` (429, plus ``retry_after``
  in seconds or None)
- :class:`DecodeError`: ``excerpt``
- :class:`TransportError`: no response, or a change whose outcome is unknown;
  its subclass :class:`TimeoutError` (also the builtin ``TimeoutError``) when
  an HTTP exchange took longer than the ``timeout``
- :class:`Refused`: a sync guard refused the plan; ``guard`` names it

No message, ``str()`` or ``repr()`` of an error contains a credential, even
when a server echoes it back.
"""

from rosterkit._native import (
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

__all__ = [
    "ApiError",
    "AuthError",
    "Conflict",
    "DecodeError",
    "InvalidInput",
    "NotFound",
    "RateLimited",
    "Refused",
    "RosterKitError",
    "TimeoutError",
    "TransportError",
    "Unsupported",
]
