//! # rosterkit-uniffi
//!
//! Swift and Kotlin bindings for RosterKit. The models, plan, report and
//! error are the core's own types (their uniffi derives live in
//! `rosterkit-core` behind its `uniffi` feature); this crate adds only the
//! client object, which forwards to the `rosterkit` driver, the
//! `HttpTransport` interface an app implements to bring its own HTTP stack,
//! and the sans-IO functions.
//!
//! No call panics across the FFI (uniffi catches any panic at the boundary
//! and this crate uses no `unwrap`), and no credential reaches an error
//! message, a `toString()` or a `description`.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod client;
mod config;
mod pages;
mod progress;
mod sans_io;
mod transport;

pub use client::RosterKitClient;
pub use config::ClientConfig;
pub use pages::{GroupPages, MemberPages, UserPages};
pub use progress::ApplyProgress;
pub use sans_io::{build_request, endpoint_ids, parse_response, provider_capabilities};
pub use transport::{HttpTransport, HttpTransportError};

/// The error as one readable sentence, as the CLI prints it (the core's
/// `Display`), e.g. `authentication failed: HTTP 401: invalid token`. uniffi's
/// generated Kotlin `message` and Swift `errorDescription` list the fields
/// instead (`status=401, vendorCode=null, ...`); the packages' extension
/// files expose this as `description`.
#[uniffi::export]
pub fn describe_error(error: rosterkit_core::Error) -> String {
    error.to_string()
}

uniffi::setup_scaffolding!();
