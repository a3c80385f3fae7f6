//! # rosterkit-core
//!
//! Sans-IO building blocks for five user-and-group admin APIs: Splashtop
//! Secure Workspace IAM, Spotnana Access Management v3, B2Broker B2Core,
//! Imply Polaris Identity and Alteryx Server v3.
//!
//! The core does no IO: it turns an operation into a plain [`Request`] and a
//! plain [`Response`] into a typed result or a typed [`Error`]. Paging,
//! retries and membership changes are state machines the host drives (see
//! [`flow`]). It reads no clock and no random source, and builds for wasm32.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod credentials;
pub mod encode;
pub mod endpoint;
pub mod error;
pub mod flow;
#[cfg(feature = "uniffi")]
pub mod foreign_transport;
pub mod http;
pub mod membership;
pub mod operation;
pub mod paging;
pub mod parse;
pub mod provider;
pub mod providers;
#[cfg(feature = "python")]
pub mod python;
pub mod retry;
pub mod retry_after;
pub mod scrub;
#[cfg(feature = "uniffi")]
mod uniffi_types;
pub mod unified;
pub mod validate;
pub mod verbatim;
#[cfg(feature = "wasm")]
mod wasm_types;

pub use credentials::{Secret, Target};
pub use endpoint::Endpoint;
pub use error::Error;
pub use flow::{Context, Flow, Step};
pub use http::{Header, Request, Response};
pub use operation::{Operation, Output};
pub use provider::Provider;
pub use retry_after::RetryAfter;
pub use verbatim::Verbatim;

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();
