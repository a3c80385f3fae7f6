//! # rosterkit-wasm
//!
//! The WebAssembly face of [`rosterkit_core`] for the `rosterkit` npm
//! package. It holds no logic of its own: it converts JavaScript values to
//! core types (naming the offending field when they do not fit), hands out
//! core flows for the TypeScript host loop to drive over `fetch`, and
//! converts results back to camelCase JavaScript values whose TypeScript
//! declarations are generated from the mirror types here (tsify).
//!
//! Nothing here panics on bad input; a panic hook still records any panic's
//! message so the host can turn the resulting trap into a typed error.

mod args;
mod error;
mod flow;
mod http;
mod models;
mod ops;
mod pager;
mod panic;
mod plan;
mod sansio;
mod session;

pub use error::{ErrorInfo, ErrorKind};
pub use flow::{DirectoryOptions, Flow, FlowOptions, FlowStep, RetryOptions};
pub use http::{HttpRequest, HttpResponse, Target};
pub use models::{Capabilities, Group, Member, PageStyle, Permission, Provider, Support, User};
pub use ops::{DeleteOptions, GroupChanges, NewGroup, Shaped, UnifiedOp};
pub use pager::{Pager, UnifiedPager};
pub use plan::{Action, EndpointCall, MembershipPlan, PlannedStep, StepKind};
pub use sansio::{RetryDecision, RetryQuery};
pub use session::{Session, SessionOptions};
