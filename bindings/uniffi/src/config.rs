//! What a [`crate::RosterKitClient`] is built from. The token is not here: it
//! is a separate constructor argument, because uniffi records print every
//! field in their generated `toString()`/`description`.

use crate::transport::HttpTransport;
use rosterkit_core::retry::RetryPolicy;
use rosterkit_core::Provider;
use std::sync::Arc;

/// Retry settings; a field left `null`/`nil` keeps the core's default
/// (4 attempts, 250 ms doubling to 8 s, `Retry-After` honoured up to 60 s,
/// 120 s overall deadline).
#[derive(Clone, Debug, Default, PartialEq, Eq, uniffi::Record)]
pub struct RetrySettings {
    /// Attempts in all, the first included; 1 disables retries.
    #[uniffi(default = None)]
    pub max_attempts: Option<u32>,
    /// First backoff step in milliseconds; it doubles per attempt.
    #[uniffi(default = None)]
    pub base_delay_ms: Option<u64>,
    /// Cap on one backoff step, in milliseconds.
    #[uniffi(default = None)]
    pub max_delay_ms: Option<u64>,
    /// Longest `Retry-After` honoured, in milliseconds.
    #[uniffi(default = None)]
    pub max_retry_after_ms: Option<u64>,
    /// Overall deadline for one operation, retries and waits included.
    #[uniffi(default = None)]
    pub deadline_ms: Option<u64>,
}

impl From<&RetrySettings> for RetryPolicy {
    fn from(s: &RetrySettings) -> Self {
        let d = RetryPolicy::default();
        RetryPolicy {
            max_attempts: s.max_attempts.unwrap_or(d.max_attempts),
            base_delay_ms: s.base_delay_ms.unwrap_or(d.base_delay_ms),
            max_delay_ms: s.max_delay_ms.unwrap_or(d.max_delay_ms),
            max_retry_after_ms: s.max_retry_after_ms.unwrap_or(d.max_retry_after_ms),
            deadline_ms: s.deadline_ms.unwrap_or(d.deadline_ms),
        }
    }
}

/// Which directory to talk to and how.
#[derive(Clone, uniffi::Record)]
pub struct ClientConfig {
    /// The vendor API.
    pub provider: Provider,
    /// The tenant's base URL, e.g. `https://acme.app.imply.io`; for Alteryx
    /// it includes the `/webapi` prefix.
    pub base_url: String,
    /// SSW organization id or Spotnana company id; the others have none.
    #[uniffi(default = None)]
    pub tenant_id: Option<String>,
    /// Retry settings; `null`/`nil` keeps the defaults.
    #[uniffi(default = None)]
    pub retry: Option<RetrySettings>,
    /// Timeout of one HTTP exchange with the built-in transport (default 30 s).
    #[uniffi(default = None)]
    pub timeout_ms: Option<u64>,
    /// Calls `apply` and the membership methods run at once (default 8).
    #[uniffi(default = None)]
    pub concurrency: Option<u32>,
    /// Your own HTTP stack (OkHttp, `URLSession`, ...). `null`/`nil` uses
    /// the built-in one (reqwest with rustls).
    #[uniffi(default = None)]
    pub transport: Option<Arc<dyn HttpTransport>>,
}
