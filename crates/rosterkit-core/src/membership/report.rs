//! The apply report: one outcome per user, one per step, nothing silent.

use super::plan::{plan_changes, MembershipPlan, PlannedStep};
use crate::unified::Directory;
use crate::{Error, Provider};
use serde::{Deserialize, Serialize};

/// What a plan meant to do to a user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Change {
    /// Add them.
    Add,
    /// Remove them.
    Remove,
    /// Leave them: already as desired.
    Keep,
    /// Nothing: the desired entry named no user (skipped on request).
    Skip,
}

/// What happened to a user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum OutcomeStatus {
    /// Added to the group.
    Added,
    /// Removed from the group.
    Removed,
    /// Already a member: nothing to do (or the vendor said so when asked to add).
    AlreadyMember,
    /// Not a member: nothing to remove.
    NotMember,
    /// A join request is waiting for approval (SSW).
    PendingApproval,
    /// The change failed; `error` says why.
    Failed,
    /// The change was sent but its outcome is unknown (the response was lost,
    /// or the apply was cancelled while it was in flight).
    Unknown,
    /// The change was not attempted (cancelled, or held back because an
    /// addition failed); `error` says why.
    NotRun,
    /// The desired entry matched no user and was skipped on request.
    Unresolved,
}

impl OutcomeStatus {
    /// True when the user is as desired, or will be once approved.
    pub fn is_success(self) -> bool {
        matches!(
            self,
            OutcomeStatus::Added
                | OutcomeStatus::Removed
                | OutcomeStatus::AlreadyMember
                | OutcomeStatus::NotMember
                | OutcomeStatus::PendingApproval
        )
    }

    /// True when applying the change again could help.
    pub fn needs_retry(self) -> bool {
        matches!(
            self,
            OutcomeStatus::Failed | OutcomeStatus::Unknown | OutcomeStatus::NotRun
        )
    }
}

/// One user's outcome.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq, hash)
)]
pub struct UserOutcome {
    /// The vendor user id (empty for an unresolved entry).
    pub user_id: String,
    /// The desired entry that named this user, when it was not the id itself
    /// (an email).
    #[serde(default)]
    pub entry: Option<String>,
    /// What the plan meant to do.
    pub change: Change,
    /// What happened.
    pub status: OutcomeStatus,
    /// Why it failed, is unknown or did not run.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(type = "ErrorDetail | undefined", optional))]
    pub error: Option<Error>,
}

/// How one step went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum StepStatus {
    /// Every user of the step is as desired.
    Succeeded,
    /// Some users of the step failed (a partial failure inside a 200, say).
    PartiallyFailed,
    /// Every user of the step failed.
    Failed,
    /// The step's outcome is unknown for some user.
    Unknown,
    /// The step did not run.
    NotRun,
}

/// One step and how it went.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq)
)]
pub struct StepOutcome {
    /// The step as planned.
    pub step: PlannedStep,
    /// How it went.
    pub status: StepStatus,
    /// The first error among its users, if any.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(type = "ErrorDetail | undefined", optional))]
    pub error: Option<Error>,
}

/// Every user and every step of an applied plan. A partial failure is never
/// silent: `ok` is false and the failed users are listed with their errors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq)
)]
pub struct ApplyReport {
    /// The provider.
    pub provider: Provider,
    /// The group.
    pub group_id: String,
    /// One outcome per user: changed, kept, or skipped.
    pub outcomes: Vec<UserOutcome>,
    /// One outcome per step, in plan order.
    pub steps: Vec<StepOutcome>,
    /// True when the apply was cancelled before every step ran.
    pub cancelled: bool,
    /// True when every user is as desired (or pending approval) and nothing
    /// was cancelled.
    pub ok: bool,
    /// Users added.
    pub added: u64,
    /// Users removed.
    pub removed: u64,
    /// Users already as desired (members kept, adds of members, removals of non-members).
    pub unchanged: u64,
    /// Join requests waiting for approval.
    pub pending: u64,
    /// Users whose change failed.
    pub failed: u64,
    /// Users whose change has an unknown outcome.
    pub unknown: u64,
    /// Users whose change did not run.
    pub not_run: u64,
    /// Desired entries that matched no user (skipped on request).
    pub unresolved: u64,
}

impl ApplyReport {
    pub(crate) fn new(
        plan: &MembershipPlan,
        outcomes: Vec<UserOutcome>,
        steps: Vec<StepOutcome>,
        cancelled: bool,
    ) -> ApplyReport {
        let count =
            |f: fn(OutcomeStatus) -> bool| outcomes.iter().filter(|o| f(o.status)).count() as u64;
        let failed = count(|s| s == OutcomeStatus::Failed);
        let unknown = count(|s| s == OutcomeStatus::Unknown);
        let not_run = count(|s| s == OutcomeStatus::NotRun);
        ApplyReport {
            provider: plan.provider,
            group_id: plan.group_id.clone(),
            added: count(|s| s == OutcomeStatus::Added),
            removed: count(|s| s == OutcomeStatus::Removed),
            unchanged: count(|s| {
                matches!(s, OutcomeStatus::AlreadyMember | OutcomeStatus::NotMember)
            }),
            pending: count(|s| s == OutcomeStatus::PendingApproval),
            unresolved: count(|s| s == OutcomeStatus::Unresolved),
            ok: !cancelled && failed + unknown + not_run == 0,
            failed,
            unknown,
            not_run,
            cancelled,
            outcomes,
            steps,
        }
    }

    /// The users whose change failed, is unknown or did not run.
    pub fn failures(&self) -> impl Iterator<Item = &UserOutcome> {
        self.outcomes.iter().filter(|o| o.status.needs_retry())
    }

    /// The first failure as an error, for callers that want `?`.
    pub fn into_result(self) -> Result<ApplyReport, Error> {
        let first = self.failures().next().map(|o| o.error.clone());
        match first {
            None if !self.cancelled => Ok(self),
            first => Err(first.flatten().unwrap_or_else(|| {
                Error::transport("the apply was cancelled before every change ran")
            })),
        }
    }
}

/// A plan for the users of `report` whose change failed, is unknown or did
/// not run; `None` when there are none. Membership changes are idempotent,
/// so an unknown outcome is safe to try again.
pub fn replan(dir: &Directory, report: &ApplyReport) -> Result<Option<MembershipPlan>, Error> {
    let again = |change: super::report::Change| -> Vec<String> {
        report
            .failures()
            .filter(|o| o.change == change && !o.user_id.is_empty())
            .map(|o| o.user_id.clone())
            .collect()
    };
    let (add, remove) = (again(Change::Add), again(Change::Remove));
    if add.is_empty() && remove.is_empty() {
        return Ok(None);
    }
    plan_changes(dir, &report.group_id, &add, &remove).map(Some)
}
