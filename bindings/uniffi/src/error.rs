//! The one error Swift and Kotlin see, mapped from `rosterkit_core::Error` in
//! one place ([`From<rosterkit_core::Error>`]). Kotlin names it
//! `RosterKitException`, Swift `RosterKitError`; each variant keeps the
//! fields a caller acts on, and none carries a credential.

use rosterkit_core::{Provider, RetryAfter};
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// Everything that can go wrong in a RosterKit call.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Error)]
pub enum RosterKitError {
    /// A value the vendor document does not allow; `field` names it.
    InvalidInput {
        /// The offending field, e.g. `group_id`, `input_json` or `pagination.limit`.
        field: String,
        /// Why it was rejected.
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
    /// 429: too many requests, after the retry policy gave up.
    RateLimited {
        /// How long the server asked to wait, in milliseconds. For an HTTP
        /// date with no `Date` header it is measured against this device's clock.
        retry_after_ms: Option<u64>,
        /// The instant the server named, when it sent an HTTP date that could
        /// not be measured against its own `Date` header (Unix milliseconds).
        retry_at_unix_ms: Option<u64>,
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
    /// The transport failed (connection, timeout, deadline), after retries.
    Transport {
        /// What failed.
        message: String,
    },
}

impl RosterKitError {
    /// An invalid-input error naming `field`.
    pub(crate) fn invalid(field: &str, reason: impl Into<String>) -> Self {
        RosterKitError::InvalidInput {
            field: field.to_owned(),
            reason: reason.into(),
        }
    }
}

fn now_unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

impl From<rosterkit_core::Error> for RosterKitError {
    fn from(e: rosterkit_core::Error) -> Self {
        use rosterkit_core::Error as E;
        match e {
            E::InvalidInput { field, reason } => RosterKitError::InvalidInput { field, reason },
            E::Unsupported {
                provider,
                operation,
                reason,
            } => RosterKitError::Unsupported {
                provider,
                operation,
                reason,
            },
            E::Api {
                status,
                vendor_code,
                message,
            } => RosterKitError::Api {
                status,
                vendor_code,
                message,
            },
            E::Auth {
                status,
                vendor_code,
                message,
            } => RosterKitError::Auth {
                status,
                vendor_code,
                message,
            },
            E::NotFound {
                vendor_code,
                message,
            } => RosterKitError::NotFound {
                vendor_code,
                message,
            },
            E::Conflict {
                vendor_code,
                message,
            } => RosterKitError::Conflict {
                vendor_code,
                message,
            },
            E::RateLimited {
                retry_after,
                message,
            } => RosterKitError::RateLimited {
                retry_after_ms: retry_after.map(|r| r.delay_millis(now_unix_ms())),
                retry_at_unix_ms: match retry_after {
                    Some(RetryAfter::At { unix_millis }) => Some(unix_millis),
                    _ => None,
                },
                message,
            },
            E::Decode { message, excerpt } => RosterKitError::Decode { message, excerpt },
            E::Transport { message } => RosterKitError::Transport { message },
            // The core error is non-exhaustive; a kind added later still
            // arrives typed by its status, with its own message.
            other => RosterKitError::Api {
                status: other.status().unwrap_or(0),
                vendor_code: other.vendor_code().map(str::to_owned),
                message: other.to_string(),
            },
        }
    }
}

impl From<serde_json::Error> for RosterKitError {
    fn from(e: serde_json::Error) -> Self {
        rosterkit_core::Error::from(e).into()
    }
}

impl fmt::Display for RosterKitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = |c: &Option<String>| c.as_ref().map(|c| format!(" ({c})")).unwrap_or_default();
        match self {
            RosterKitError::InvalidInput { field, reason } => {
                write!(f, "invalid input: {field}: {reason}")
            }
            RosterKitError::Unsupported {
                provider,
                operation,
                reason,
            } => write!(f, "unsupported: {provider} cannot {operation}: {reason}"),
            RosterKitError::Api {
                status,
                vendor_code,
                message,
            } => write!(
                f,
                "API error: HTTP {status}{}: {message}",
                code(vendor_code)
            ),
            RosterKitError::Auth {
                status,
                vendor_code,
                message,
            } => write!(
                f,
                "authentication failed: HTTP {status}{}: {message}",
                code(vendor_code)
            ),
            RosterKitError::NotFound {
                vendor_code,
                message,
            } => write!(f, "not found{}: {message}", code(vendor_code)),
            RosterKitError::Conflict {
                vendor_code,
                message,
            } => write!(f, "conflict{}: {message}", code(vendor_code)),
            RosterKitError::RateLimited {
                retry_after_ms,
                message,
                ..
            } => match retry_after_ms {
                Some(ms) => write!(f, "rate limited (retry after {ms} ms): {message}"),
                None => write!(f, "rate limited: {message}"),
            },
            RosterKitError::Decode { message, excerpt } => {
                write!(
                    f,
                    "could not decode response: {message}; body starts {excerpt:?}"
                )
            }
            RosterKitError::Transport { message } => write!(f, "transport error: {message}"),
        }
    }
}

impl std::error::Error for RosterKitError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_core_kind_maps_to_its_variant() {
        let e: RosterKitError = rosterkit_core::Error::invalid("group_id", "is empty").into();
        assert_eq!(e, RosterKitError::invalid("group_id", "is empty"));
        let rl: RosterKitError = rosterkit_core::Error::RateLimited {
            retry_after: Some(RetryAfter::Delay { millis: 3000 }),
            message: "slow down".into(),
        }
        .into();
        assert_eq!(
            rl,
            RosterKitError::RateLimited {
                retry_after_ms: Some(3000),
                retry_at_unix_ms: None,
                message: "slow down".into()
            }
        );
        let at: RosterKitError = rosterkit_core::Error::RateLimited {
            retry_after: Some(RetryAfter::At { unix_millis: 5 }),
            message: String::new(),
        }
        .into();
        assert!(matches!(
            at,
            RosterKitError::RateLimited {
                retry_after_ms: Some(0),
                retry_at_unix_ms: Some(5),
                ..
            }
        ));
    }
}
