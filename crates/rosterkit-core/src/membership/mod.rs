//! Membership changes, from who should be in a group to a truthful report of
//! what happened to each user.
//!
//! 1. **Plan** ([`plan_sync`], [`plan_changes`]): desired entries (vendor ids
//!    or emails) are resolved against the current members and, where the
//!    vendor can list users, its directory; guards refuse an empty desired
//!    list, a mass removal, a desired list that matches no current member, and
//!    entries that resolve to no user, each unless the caller overrides it
//!    explicitly ([`SyncOptions`]). The plan uses the fewest calls the
//!    vendor's API allows:
//!    - Spotnana: one PATCH carries every addition and removal.
//!    - Polaris: additions in batches of 100 per POST. There is no documented
//!      removal endpoint, so each removal is a read-modify-write of the user:
//!      GET, PUT the whole user back without the group (keeping every other
//!      field, see [`crate::providers::polaris::UserUpdate::from_user`]), then
//!      GET again to confirm, redoing it (at most three times) when another
//!      writer put the group back.
//!    - Alteryx: additions in batches of 100 per POST; one DELETE per removal.
//!    - SSW: one call per user, both ways.
//!    - B2Core: no membership endpoints; planning fails as unsupported.
//! 2. **Apply** ([`Apply`], [`apply_flow`]): additions run before removals,
//!    and removals are held back when an addition failed, so a failure leaves
//!    the group larger, never smaller. Hosts run steps concurrently through
//!    [`Apply`]; a cancelled apply still reports what it did.
//! 3. **Report** ([`ApplyReport`]): one outcome per user (added, removed,
//!    already a member, not a member, pending approval, failed, unknown, not
//!    run), including failures a vendor reports inside a 200; the failed ones
//!    can be planned again with [`replan`].

mod apply;
mod plan;
mod report;
mod steps;
mod sync;

pub use apply::{apply_flow, Apply, ApplyNext};
pub use plan::{plan_changes, Action, MembershipPlan, PlannedStep, StepKind};
pub use report::{
    replan, ApplyReport, Change, OutcomeStatus, StepOutcome, StepStatus, UserOutcome,
};
pub use steps::{StepResult, UserResult};
pub(crate) use sync::email_lookup;
pub use sync::{plan_sync, DesiredEntry, Resolution, SyncMode, SyncOptions};

/// Why `provider` cannot look up emails (empty when it can).
pub(crate) fn email_lookup_note(provider: crate::Provider) -> &'static str {
    email_lookup(provider).err().unwrap_or("")
}
