//! # rosterkit
//!
//! The Rust client for RosterKit: it drives [`rosterkit_core`] flows over
//! reqwest (rustls), with retries that honour `Retry-After`, an overall
//! deadline, paging as a [`futures_util::Stream`] (or an iterator in
//! [`blocking`]), membership sync with a concurrency limit, and `tracing`
//! logs that never show a credential.
//!
//! ```no_run
//! # async fn demo() -> Result<(), rosterkit::Error> {
//! use rosterkit::{Client, Provider};
//! let client = Client::builder(Provider::Polaris, "https://acme.app.imply.io", "api-key").build()?;
//! for group in client.list_groups().await? {
//!     println!("{} {:?}", group.id, group.name);
//! }
//! # Ok(()) }
//! ```

// On wasm32 nothing is `Send` (JavaScript values live on one thread); the
// same `Arc`s serve both targets rather than forking the code for `Rc`.
#![cfg_attr(target_arch = "wasm32", allow(clippy::arc_with_non_send_sync))]

#[cfg(feature = "blocking")]
pub mod blocking;
mod builder;
mod cancel;
mod client;
mod driver;
mod hooks;
mod locks;
#[cfg(feature = "reqwest")]
mod reqwest_transport;
mod transport;

pub use builder::ClientBuilder;
pub use cancel::{Cancel, Cancelled};
pub use client::{CallOptions, Client};
pub use driver::{ApplyControl, ApplyProgress};
pub use hooks::{log_line, Hook, RequestInfo};
#[cfg(feature = "reqwest")]
pub use reqwest_transport::ReqwestSender;
#[cfg(feature = "reqwest")]
pub use reqwest_transport::ReqwestTransport;
pub use rosterkit_core::membership::{
    ApplyReport, MembershipPlan, OutcomeStatus, StepOutcome, SyncMode, SyncOptions, UserOutcome,
};
pub use rosterkit_core::retry::RetryPolicy;
pub use rosterkit_core::unified::{
    Capabilities, Directory, Group, GroupChanges, Member, NewGroup, Permission, UnifiedOp, User,
};
pub use rosterkit_core::{Endpoint, Error, Operation, Output, Provider, Request, Response, Secret};
#[cfg(feature = "reqwest")]
pub use transport::TokioTransport;
pub use transport::{BoxFuture, MaybeSendSync, Sender, Transport, TransportError};
