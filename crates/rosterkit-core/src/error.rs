//! The one public error type of RosterKit, shared by every host language.
//!
//! Each variant carries what a caller needs to act on it and nothing secret:
//! tokens never reach an error, and decode errors keep only a short, scrubbed
//! excerpt of the body.

use crate::provider::Provider;
use crate::retry_after::RetryAfter;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Everything that can go wrong, as one small enum.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Error {
    /// The caller passed a value the vendor document does not allow.
    InvalidInput {
        /// The offending field, e.g. `group_id` or `pagination.limit`.
        field: String,
        /// Why the value was rejected.
        reason: String,
    },
    /// The vendor's public API cannot do this operation.
    Unsupported {
        /// The provider asked.
        provider: Provider,
        /// The unified operation or endpoint asked for.
        operation: String,
        /// Why the vendor cannot do it.
        reason: String,
    },
    /// The vendor answered with an error not covered by a finer kind.
    Api {
        /// HTTP status code.
        status: u16,
        /// The vendor's own error code, when its body carries one.
        vendor_code: Option<String>,
        /// The vendor's message, or the HTTP reason.
        message: String,
    },
    /// 401 or 403: the credential is missing, wrong or lacks a permission.
    Auth {
        /// 401 or 403.
        status: u16,
        /// The vendor's own error code, when its body carries one.
        vendor_code: Option<String>,
        /// The vendor's message.
        message: String,
    },
    /// 404: the user, group or route does not exist.
    NotFound {
        /// The vendor's own error code, when its body carries one.
        vendor_code: Option<String>,
        /// The vendor's message.
        message: String,
    },
    /// 409: the change conflicts with the current state.
    Conflict {
        /// The vendor's own error code, when its body carries one.
        vendor_code: Option<String>,
        /// The vendor's message.
        message: String,
    },
    /// 429: too many requests.
    RateLimited {
        /// When to try again, read from `Retry-After` (seconds or HTTP date).
        retry_after: Option<RetryAfter>,
        /// The vendor's message.
        message: String,
    },
    /// The body could not be read as the documented shape.
    Decode {
        /// What did not match.
        message: String,
        /// At most 120 characters of the body, with secrets scrubbed.
        excerpt: String,
    },
    /// The host's transport failed (connection, timeout, deadline).
    Transport {
        /// What failed.
        message: String,
    },
}

impl Error {
    /// An invalid-input error naming the field.
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// An unsupported-operation error.
    pub fn unsupported(
        provider: Provider,
        operation: impl Into<String>,
        reason: impl Into<String>,
    ) -> Self {
        Error::Unsupported {
            provider,
            operation: operation.into(),
            reason: reason.into(),
        }
    }

    /// A transport error.
    pub fn transport(message: impl Into<String>) -> Self {
        Error::Transport {
            message: message.into(),
        }
    }

    /// A decode error with a scrubbed excerpt of the offending body.
    pub fn decode(message: impl Into<String>, body: &[u8]) -> Self {
        Error::Decode {
            message: message.into(),
            excerpt: crate::scrub::excerpt(body),
        }
    }

    /// The stable snake_case name of the variant, as bindings expose it.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::InvalidInput { .. } => "invalid_input",
            Error::Unsupported { .. } => "unsupported",
            Error::Api { .. } => "api",
            Error::Auth { .. } => "auth",
            Error::NotFound { .. } => "not_found",
            Error::Conflict { .. } => "conflict",
            Error::RateLimited { .. } => "rate_limited",
            Error::Decode { .. } => "decode",
            Error::Transport { .. } => "transport",
        }
    }

    /// The HTTP status behind this error, when there is one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. } | Error::Auth { status, .. } => Some(*status),
            Error::NotFound { .. } => Some(404),
            Error::Conflict { .. } => Some(409),
            Error::RateLimited { .. } => Some(429),
            _ => None,
        }
    }

    /// The vendor's own error code, when its body carried one.
    pub fn vendor_code(&self) -> Option<&str> {
        match self {
            Error::Api { vendor_code, .. }
            | Error::Auth { vendor_code, .. }
            | Error::NotFound { vendor_code, .. }
            | Error::Conflict { vendor_code, .. } => vendor_code.as_deref(),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = |c: &Option<String>| match c {
            Some(c) => format!(" (vendor code {c})"),
            None => String::new(),
        };
        match self {
            Error::InvalidInput { field, reason } => write!(f, "invalid input: {field}: {reason}"),
            Error::Unsupported {
                provider,
                operation,
                reason,
            } => write!(f, "unsupported: {provider} cannot {operation}: {reason}"),
            Error::Api {
                status,
                vendor_code,
                message,
            } => write!(
                f,
                "API error: HTTP {status}{}: {message}",
                code(vendor_code)
            ),
            Error::Auth {
                status,
                vendor_code,
                message,
            } => write!(
                f,
                "authentication failed: HTTP {status}{}: {message}",
                code(vendor_code)
            ),
            Error::NotFound {
                vendor_code,
                message,
            } => write!(f, "not found{}: {message}", code(vendor_code)),
            Error::Conflict {
                vendor_code,
                message,
            } => write!(f, "conflict{}: {message}", code(vendor_code)),
            Error::RateLimited {
                retry_after,
                message,
            } => match retry_after {
                Some(r) => write!(f, "rate limited (retry after {r}): {message}"),
                None => write!(f, "rate limited: {message}"),
            },
            Error::Decode { message, excerpt } => {
                write!(
                    f,
                    "could not decode response: {message}; body starts {excerpt:?}"
                )
            }
            Error::Transport { message } => write!(f, "transport error: {message}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Decode {
            message: e.to_string(),
            excerpt: String::new(),
        }
    }
}
