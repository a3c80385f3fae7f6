//! The one public error type of RosterKit, shared by every host language.
//!
//! Each variant carries what a caller needs to act on it and nothing secret:
//! decode errors keep only a short, scrubbed excerpt of the body, and every
//! error that leaves a flow has the credential's value (raw, base64, or any
//! long piece of it) cut out by [`Error::scrubbed`], whatever text a server
//! wrapped around it.

use crate::provider::Provider;
use crate::retry_after::RetryAfter;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Everything that can go wrong, as one small enum.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error))]
#[cfg_attr(feature = "uniffi", uniffi(name = "RosterKitError"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
// In TypeScript, `Error` is the builtin class: this is the detail of a
// `RosterKitError` there.
#[cfg_attr(feature = "wasm", tsify(rename = "ErrorDetail"))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all_fields = "camelCase"))]
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
        /// HTTP status code (200 when the vendor reports a failure inside a
        /// successful response).
        status: u16,
        /// The vendor's own error code, when its body carries one.
        vendor_code: Option<String>,
        /// The vendor's message; every message when the body carries several.
        message: String,
        /// The id the vendor's support asks for (Spotnana `debugIdentifier`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        debug_identifier: Option<String>,
    },
    /// 401 or 403: the credential is missing, wrong or lacks a permission.
    Auth {
        /// 401 or 403.
        status: u16,
        /// The vendor's own error code, when its body carries one.
        vendor_code: Option<String>,
        /// The vendor's message.
        message: String,
        /// The id the vendor's support asks for (Spotnana `debugIdentifier`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        debug_identifier: Option<String>,
    },
    /// 404: the user, group or route does not exist.
    NotFound {
        /// The vendor's own error code, when its body carries one.
        vendor_code: Option<String>,
        /// The vendor's message.
        message: String,
        /// The id the vendor's support asks for (Spotnana `debugIdentifier`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        debug_identifier: Option<String>,
    },
    /// 409: the change conflicts with the current state.
    Conflict {
        /// The vendor's own error code, when its body carries one.
        vendor_code: Option<String>,
        /// The vendor's message.
        message: String,
        /// The id the vendor's support asks for (Spotnana `debugIdentifier`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        debug_identifier: Option<String>,
    },
    /// 429: too many requests.
    RateLimited {
        /// When to try again, read from `Retry-After` (seconds or HTTP date).
        retry_after: Option<RetryAfter>,
        /// The vendor's own error code, when its body carries one.
        #[serde(default)]
        vendor_code: Option<String>,
        /// The vendor's message.
        message: String,
        /// The id the vendor's support asks for (Spotnana `debugIdentifier`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        debug_identifier: Option<String>,
    },
    /// The body could not be read as the documented shape.
    Decode {
        /// What did not match.
        message: String,
        /// At most 120 characters of the body, with secrets scrubbed.
        excerpt: String,
    },
    /// The host's transport failed (connection, timeout, deadline), or the
    /// outcome of a change is unknown because its response was lost.
    Transport {
        /// What failed.
        message: String,
    },
    /// A membership sync was refused by a safety guard before any change.
    Refused {
        /// Which guard: `empty_desired`, `mass_removal`, `no_overlap` or
        /// `unresolved`.
        guard: String,
        /// Why, and the option that overrides it.
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

    /// A refusal by a sync guard.
    pub fn refused(guard: &str, message: impl Into<String>) -> Self {
        Error::Refused {
            guard: guard.to_owned(),
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
            Error::Refused { .. } => "refused",
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

    /// True for a transport error that is a timeout: an exchange took longer
    /// than allowed (transports report it as "timed out ..."). Python raises
    /// it as `rosterkit.TimeoutError`, also a builtin `TimeoutError`.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Transport { message } if message.contains("timed out"))
    }

    /// The vendor's own error code, when its body carried one.
    pub fn vendor_code(&self) -> Option<&str> {
        match self {
            Error::Api { vendor_code, .. }
            | Error::Auth { vendor_code, .. }
            | Error::NotFound { vendor_code, .. }
            | Error::Conflict { vendor_code, .. }
            | Error::RateLimited { vendor_code, .. } => vendor_code.as_deref(),
            _ => None,
        }
    }

    /// The id the vendor's support asks for, when its body carried one.
    pub fn debug_identifier(&self) -> Option<&str> {
        match self {
            Error::Api {
                debug_identifier, ..
            }
            | Error::Auth {
                debug_identifier, ..
            }
            | Error::NotFound {
                debug_identifier, ..
            }
            | Error::Conflict {
                debug_identifier, ..
            }
            | Error::RateLimited {
                debug_identifier, ..
            } => debug_identifier.as_deref(),
            _ => None,
        }
    }

    /// The human-readable message of any kind.
    pub fn message(&self) -> String {
        match self {
            Error::InvalidInput { field, reason } => format!("{field}: {reason}"),
            Error::Unsupported { reason, .. } => reason.clone(),
            Error::Api { message, .. }
            | Error::Auth { message, .. }
            | Error::NotFound { message, .. }
            | Error::Conflict { message, .. }
            | Error::RateLimited { message, .. }
            | Error::Decode { message, .. }
            | Error::Transport { message }
            | Error::Refused { message, .. } => message.clone(),
        }
    }

    /// The same error with every trace of `secret` cut out of its text: the
    /// value itself, its base64 forms (as Basic auth would carry it), and any
    /// piece of it long enough to identify it. Servers echo credentials in
    /// error bodies, JSON or HTML; this is the one place that removes them.
    pub fn scrubbed(self, secret: &str) -> Self {
        let s = |text: String| crate::scrub::redact(&text, secret);
        match self {
            Error::InvalidInput { field, reason } => Error::InvalidInput {
                field: s(field),
                reason: s(reason),
            },
            Error::Unsupported {
                provider,
                operation,
                reason,
            } => Error::Unsupported {
                provider,
                operation,
                reason: s(reason),
            },
            Error::Api {
                status,
                vendor_code,
                message,
                debug_identifier,
            } => Error::Api {
                status,
                vendor_code: vendor_code.map(s),
                message: s(message),
                debug_identifier: debug_identifier.map(s),
            },
            Error::Auth {
                status,
                vendor_code,
                message,
                debug_identifier,
            } => Error::Auth {
                status,
                vendor_code: vendor_code.map(s),
                message: s(message),
                debug_identifier: debug_identifier.map(s),
            },
            Error::NotFound {
                vendor_code,
                message,
                debug_identifier,
            } => Error::NotFound {
                vendor_code: vendor_code.map(s),
                message: s(message),
                debug_identifier: debug_identifier.map(s),
            },
            Error::Conflict {
                vendor_code,
                message,
                debug_identifier,
            } => Error::Conflict {
                vendor_code: vendor_code.map(s),
                message: s(message),
                debug_identifier: debug_identifier.map(s),
            },
            Error::RateLimited {
                retry_after,
                vendor_code,
                message,
                debug_identifier,
            } => Error::RateLimited {
                retry_after,
                vendor_code: vendor_code.map(s),
                message: s(message),
                debug_identifier: debug_identifier.map(s),
            },
            Error::Decode { message, excerpt } => Error::Decode {
                message: s(message),
                excerpt: s(excerpt),
            },
            Error::Transport { message } => Error::Transport {
                message: s(message),
            },
            Error::Refused { guard, message } => Error::Refused {
                guard,
                message: s(message),
            },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = |c: &Option<String>, d: &Option<String>| {
            let mut out = String::new();
            if let Some(c) = c {
                out.push_str(&format!(" (vendor code {c})"));
            }
            if let Some(d) = d {
                out.push_str(&format!(" [debug id {d}]"));
            }
            out
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
                debug_identifier,
            } => write!(
                f,
                "API error: HTTP {status}{}: {message}",
                code(vendor_code, debug_identifier)
            ),
            Error::Auth {
                status,
                vendor_code,
                message,
                debug_identifier,
            } => write!(
                f,
                "authentication failed: HTTP {status}{}: {message}",
                code(vendor_code, debug_identifier)
            ),
            Error::NotFound {
                vendor_code,
                message,
                debug_identifier,
            } => write!(
                f,
                "not found{}: {message}",
                code(vendor_code, debug_identifier)
            ),
            Error::Conflict {
                vendor_code,
                message,
                debug_identifier,
            } => write!(
                f,
                "conflict{}: {message}",
                code(vendor_code, debug_identifier)
            ),
            Error::RateLimited {
                retry_after,
                vendor_code,
                message,
                debug_identifier,
            } => {
                let code = code(vendor_code, debug_identifier);
                match retry_after {
                    Some(r) => write!(f, "rate limited{code} (retry after {r}): {message}"),
                    None => write!(f, "rate limited{code}: {message}"),
                }
            }
            Error::Decode { message, excerpt } => {
                write!(
                    f,
                    "could not decode response: {message}; body starts {excerpt:?}"
                )
            }
            Error::Transport { message } => write!(f, "transport error: {message}"),
            Error::Refused { guard, message } => write!(f, "refused ({guard}): {message}"),
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
