//! What a [`crate::RosterKitClient`] is built from. The token is not here: it
//! is a separate constructor argument, because uniffi records print every
//! field in their generated `toString()`/`description`.

use crate::transport::HttpTransport;
use rosterkit_core::retry::RetryPolicy;
use rosterkit_core::Provider;
use std::sync::Arc;

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
    /// The retry policy; `null`/`nil` keeps the defaults (4 attempts, 250 ms
    /// doubling to 8 s, `Retry-After` honoured up to 60 s, 120 s overall).
    #[uniffi(default = None)]
    pub retry: Option<RetryPolicy>,
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
