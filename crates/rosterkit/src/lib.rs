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

mod apply;
#[cfg(feature = "blocking")]
pub mod blocking;
mod builder;
mod client;
mod hooks;
mod transport;

pub use apply::{ApplyReport, StepOutcome};
pub use builder::ClientBuilder;
pub use client::Client;
pub use hooks::{Hook, RequestInfo};
pub use rosterkit_core::membership::MembershipPlan;
pub use rosterkit_core::retry::RetryPolicy;
pub use rosterkit_core::unified::{
    Capabilities, Directory, Group, Member, Permission, UnifiedOp, User,
};
pub use rosterkit_core::{Endpoint, Error, Operation, Provider, Request, Response, Secret};
