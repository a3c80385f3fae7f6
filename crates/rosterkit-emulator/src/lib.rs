//! An in-memory HTTP emulator of five vendors' user-and-group admin APIs.
//!
//! One server hosts every vendor, each under its own path prefix
//! (`/ssw`, `/spotnana`, `/b2core`, `/polaris`, `/alteryx/webapi`), plus
//! unauthenticated admin routes under `/_emulator` for fault injection,
//! the request log and resetting the sample data.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let running = rosterkit_emulator::Emulator::new().start().await?;
//! let groups_url = format!("{}/api/v2/groups", running.base_url("b2core"));
//! // ... send requests with `Authorization: Bearer b2core-demo-token` ...
//! running.shutdown().await;
//! # Ok(())
//! # }
//! ```

mod admin;
mod background;
mod clock;
mod emulator;
mod errors;
mod extract;
mod faults;
mod gate;
mod ids;
mod paging;
mod request_log;
mod seed;
mod server;
mod state;
pub mod tokens;
mod vendor;
mod vendors;

pub use background::BackgroundEmulator;
pub use emulator::{Emulator, ExtraMembersError};
pub use faults::{Fault, FaultKind};
pub use request_log::LoggedRequest;
pub use server::RunningEmulator;

/// The SSW organization that the sample data lives in.
pub const SSW_ORGANIZATION_ID: &str = "org_demo";

/// The Spotnana company that owns every sample user and user group.
pub const SPOTNANA_COMPANY_ID: &str = "f49d00fe-1eda-4304-ba79-a980f565281d";

/// The vendor ids the emulator serves, in documentation order.
pub const PROVIDERS: [&str; 5] = ["ssw", "spotnana", "b2core", "polaris", "alteryx"];
