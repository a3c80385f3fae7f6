//! # rosterkit-uniffi
//!
//! Swift and Kotlin bindings for RosterKit, generated with uniffi from this
//! crate's proc-macros. Everything here is conversion: requests, results and
//! errors come from `rosterkit-core`, the built-in transport is the
//! `rosterkit` crate's reqwest client, and the only loop is the host loop
//! that drives a core flow over a transport written in Kotlin or Swift.
//!
//! - [`RosterKitClient`]: the unified directory API plus full-fidelity
//!   vendor endpoints, as async methods (Swift `async`, Kotlin `suspend`).
//! - [`HttpTransport`]: implement it in Kotlin (OkHttp, `java.net.http`) or
//!   Swift (`URLSession`) to control proxies and certificate pinning.
//! - [`build_request`] and [`parse_response`]: the sans-IO layer, one
//!   endpoint at a time.
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
mod error;
mod http;
mod membership;
mod models;
mod sans_io;
mod transport;

pub use client::RosterKitClient;
pub use config::{ClientConfig, RetrySettings};
pub use error::RosterKitError;
pub use http::{HttpHeader, HttpRequest, HttpResponse};
pub use membership::{ApplyReport, MembershipAction, PlannedStep, StepResult, SyncPlan};
pub use models::{Capabilities, PagingStyle, Support};
pub use rosterkit_core::unified::{Group, Member, Permission, User};
pub use rosterkit_core::Provider;
pub use sans_io::{build_request, endpoint_ids, parse_response, provider_capabilities};
pub use transport::{HttpTransport, HttpTransportError};

uniffi::setup_scaffolding!();
