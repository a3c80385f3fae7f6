//! Membership plans and their reports, as records. A [`SyncPlan`] is the
//! dry-run diff from `rosterkit_core::membership`; applying it re-plans the
//! same additions and removals with the core (planning is deterministic), so
//! no operation needs to travel through Kotlin or Swift and back.

use crate::error::RosterKitError;
use rosterkit_core::membership::{Action, MembershipPlan};
use rosterkit_core::Provider;
use serde_json::Value;

/// Which way a step moves members.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum MembershipAction {
    /// Adds the listed users.
    Add,
    /// Removes the listed users.
    Remove,
    /// Adds and removes in one call (Spotnana).
    AddAndRemove,
}

/// One step of a plan: one call, or Polaris's read-then-write of a user.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct PlannedStep {
    /// Add, remove, or both.
    pub action: MembershipAction,
    /// Users this step adds.
    pub add: Vec<String>,
    /// Users this step removes.
    pub remove: Vec<String>,
    /// The vendor endpoints it calls, in order, e.g. `["alteryx.add_users_to_user_group"]`.
    pub endpoint_ids: Vec<String>,
}

/// The dry-run diff of a membership sync and the calls that would apply it.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct SyncPlan {
    /// The provider.
    pub provider: Provider,
    /// The group.
    pub group_id: String,
    /// Users to add.
    pub to_add: Vec<String>,
    /// Users to remove.
    pub to_remove: Vec<String>,
    /// Members already as desired.
    pub unchanged: u64,
    /// The steps, in order.
    pub steps: Vec<PlannedStep>,
    /// HTTP calls the plan makes when nothing fails.
    pub call_count: u64,
}

/// The outcome of one step.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct StepResult {
    /// The step as planned.
    pub step: PlannedStep,
    /// The vendor's answer as JSON when the step succeeded (`null` when it
    /// answered without a body).
    pub result_json: Option<String>,
    /// Why the step failed; `null`/`nil` when it succeeded.
    pub error: Option<RosterKitError>,
}

/// Every step of an applied plan with its result: a partial failure is
/// never silent.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ApplyReport {
    /// Results in plan order.
    pub steps: Vec<StepResult>,
    /// Steps that succeeded.
    pub succeeded: u64,
    /// Steps that failed.
    pub failed: u64,
}

impl From<&rosterkit_core::membership::PlannedStep> for PlannedStep {
    fn from(s: &rosterkit_core::membership::PlannedStep) -> Self {
        PlannedStep {
            action: match s.action {
                Action::Add => MembershipAction::Add,
                Action::Remove => MembershipAction::Remove,
                Action::AddAndRemove => MembershipAction::AddAndRemove,
            },
            add: s.add.clone(),
            remove: s.remove.clone(),
            endpoint_ids: s.endpoint_ids().into_iter().map(str::to_owned).collect(),
        }
    }
}

impl From<&MembershipPlan> for SyncPlan {
    fn from(p: &MembershipPlan) -> Self {
        SyncPlan {
            provider: p.provider,
            group_id: p.group_id.clone(),
            to_add: p.to_add.clone(),
            to_remove: p.to_remove.clone(),
            unchanged: p.unchanged as u64,
            steps: p.steps.iter().map(PlannedStep::from).collect(),
            call_count: p.call_count() as u64,
        }
    }
}

impl ApplyReport {
    /// A report from each step and its outcome, in plan order.
    pub(crate) fn new(
        outcomes: Vec<(
            rosterkit_core::membership::PlannedStep,
            Result<Value, rosterkit_core::Error>,
        )>,
    ) -> Self {
        let steps: Vec<StepResult> = outcomes
            .into_iter()
            .map(|(step, result)| {
                let (result_json, error) = match result {
                    Ok(v) => (Some(v.to_string()), None),
                    Err(e) => (None, Some(e.into())),
                };
                StepResult {
                    step: (&step).into(),
                    result_json,
                    error,
                }
            })
            .collect();
        let failed = steps.iter().filter(|s| s.error.is_some()).count() as u64;
        ApplyReport {
            succeeded: steps.len() as u64 - failed,
            failed,
            steps,
        }
    }
}
