//! Running one planned step, and reading what the vendor did to each user:
//! idempotent answers ("already a member") are successes, a 200 that lists
//! users it did not add is a partial failure, and a change whose response was
//! lost is "unknown", never "failed" or "done".

use super::plan::{PlannedStep, StepKind};
use super::report::OutcomeStatus;
use crate::flow::{settle, BoxMachine, Call, Context, Flow, Machine, Next, Step};
use crate::http::Response;
use crate::operation::{Operation, Output};
use crate::providers::polaris::{self, GetUser, UpdateUser, UserUpdate};
use crate::Error;
use serde::{Deserialize, Serialize};

/// What one step did to one user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserResult {
    /// The user.
    pub user_id: String,
    /// What happened.
    pub status: OutcomeStatus,
    /// Why it failed, or why the outcome is unknown.
    #[serde(default)]
    pub error: Option<Error>,
}

/// What one step did to each of its users.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepResult {
    /// One entry per user of the step.
    pub users: Vec<UserResult>,
}

impl StepResult {
    /// Every user of `step` with the same status.
    pub(crate) fn all(
        step: &PlannedStep,
        error: Option<Error>,
        status: impl Fn(bool) -> OutcomeStatus,
    ) -> StepResult {
        let users = step
            .add
            .iter()
            .map(|u| (u, true))
            .chain(step.remove.iter().map(|u| (u, false)))
            .map(|(user, adding)| UserResult {
                user_id: user.clone(),
                status: status(adding),
                error: error.clone(),
            })
            .collect();
        StepResult { users }
    }

    /// Every user of `step` with the outcome an error implies: a transport
    /// failure after sending leaves the change unknown; anything else failed.
    pub(crate) fn failed(step: &PlannedStep, error: Error) -> StepResult {
        let status = match error {
            Error::Transport { .. } => OutcomeStatus::Unknown,
            _ => OutcomeStatus::Failed,
        };
        StepResult::all(step, Some(error), |_| status)
    }
}

fn done(adding: bool) -> OutcomeStatus {
    if adding {
        OutcomeStatus::Added
    } else {
        OutcomeStatus::Removed
    }
}

/// Reads a call's result into per-user outcomes.
fn outcomes(step: &PlannedStep, result: Result<Output, Error>) -> StepResult {
    match result {
        // SSW: a group with approval on answers "pending approval" (the
        // document's optional approve/reject flow).
        Ok(Output::SswAddGroupMember(ack)) => {
            let pending = ack
                .message
                .as_deref()
                .is_some_and(|m| m.to_ascii_lowercase().contains("pending"));
            StepResult::all(step, None, |_| {
                if pending {
                    OutcomeStatus::PendingApproval
                } else {
                    OutcomeStatus::Added
                }
            })
        }
        // Alteryx: `failedUserReasons` names the users a 200 did not add.
        Ok(Output::AlteryxAddUsersToUserGroup(added)) => StepResult {
            users: step
                .add
                .iter()
                .map(|user| match added.failed_user_reasons.get(user) {
                    Some(reason) => UserResult {
                        user_id: user.clone(),
                        status: OutcomeStatus::Failed,
                        error: Some(Error::Api {
                            status: 200,
                            vendor_code: Some("failedUserReasons".to_owned()),
                            message: reason.clone(),
                            debug_identifier: None,
                        }),
                    },
                    None => UserResult {
                        user_id: user.clone(),
                        status: OutcomeStatus::Added,
                        error: None,
                    },
                })
                .collect(),
        },
        Ok(_) => StepResult::all(step, None, done),
        // Adding someone already in the group leaves the group as desired.
        Err(Error::Conflict { .. }) if step.remove.is_empty() && step.add.len() == 1 => {
            StepResult::all(step, None, |_| OutcomeStatus::AlreadyMember)
        }
        Err(e) => StepResult::failed(step, e),
    }
}

/// The machine that runs `step` and reports each user's outcome. It never
/// fails as a whole: errors become the outcome of the step's users.
fn machine(step: &PlannedStep) -> BoxMachine<StepResult> {
    match &step.kind {
        StepKind::Call { operation } => {
            let step = step.clone();
            settle(
                Box::new(Call::new(operation.clone())),
                move |result: Result<Output, Error>| Ok(Next::Done(outcomes(&step, result))),
            )
        }
        StepKind::ReplaceUserGroups {
            user_id,
            remove_group_id,
        } => Box::new(RemoveViaUpdate {
            user_id: user_id.clone(),
            group_id: remove_group_id.clone(),
            phase: Phase::Read,
            current: read(user_id),
            rewrites: 0,
        }),
    }
}

impl PlannedStep {
    /// A flow that runs just this step and reports each user's outcome.
    pub fn flow(&self, ctx: Context) -> Flow<StepResult> {
        // Per-user errors built from a successful answer (a 200's
        // `failedUserReasons` may quote the credential) never pass the call's
        // own scrubbing of failures, so the step's result is scrubbed here,
        // the one way every apply runs a step.
        let secret = ctx.target.token.clone();
        Flow::from_machine(ctx, machine(self)).map(move |mut result| {
            for user in &mut result.users {
                user.error = user.error.take().map(|e| e.scrubbed(secret.expose()));
            }
            result
        })
    }

    /// The step, checked: a plan handed back by a caller is read again here,
    /// so a step whose users and call disagree is refused before it runs.
    pub(crate) fn check(&self) -> Result<(), Error> {
        if let StepKind::Call { operation } = &self.kind {
            let (add, remove): (Vec<&str>, Vec<&str>) = match operation {
                Operation::SswAddGroupMember(o) => (vec![&o.user_id], vec![]),
                Operation::SswRemoveGroupMember(o) => (vec![], vec![&o.user_id]),
                Operation::SpotnanaUpdateUserGroupMembers(o) => (
                    o.user_ids_to_add.iter().map(String::as_str).collect(),
                    o.user_ids_to_remove.iter().map(String::as_str).collect(),
                ),
                Operation::PolarisAddGroupMembers(o) => {
                    (o.user_ids.iter().map(String::as_str).collect(), vec![])
                }
                Operation::AlteryxAddUsersToUserGroup(o) => {
                    (o.user_ids.iter().map(String::as_str).collect(), vec![])
                }
                Operation::AlteryxRemoveUserFromUserGroup(o) => (vec![], vec![&o.user_id]),
                other => {
                    return Err(Error::invalid(
                        "steps.kind.operation",
                        format!("{} is not a membership change", other.id()),
                    ))
                }
            };
            let same = |a: &[&str], b: &[String]| {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| *x == y)
            };
            if !same(&add, &self.add) || !same(&remove, &self.remove) {
                return Err(Error::invalid(
                    "steps",
                    format!(
                        "the users of a {} step do not match its call",
                        operation.id()
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// Polaris rewrites of one user before giving up on confirming a removal.
const MAX_REWRITES: u32 = 3;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Read,
    Write,
    Confirm,
}

/// Polaris removal: GET the user, PUT it back without the group (every other
/// field as it was), GET again to confirm. Another writer can put the group
/// back between our GET and PUT; then the rewrite is redone from the fresh
/// read, at most [`MAX_REWRITES`] times. Polaris offers no ETag, so a write
/// by someone else between our GET and PUT can still be lost to us: no client
/// can prevent that; within one process the driver serializes these steps.
struct RemoveViaUpdate {
    user_id: String,
    group_id: String,
    phase: Phase,
    current: BoxMachine<polaris::User>,
    rewrites: u32,
}

fn read(user_id: &str) -> BoxMachine<polaris::User> {
    Box::new(Call::new(GetUser {
        user_id: user_id.to_owned(),
    }))
}

impl RemoveViaUpdate {
    fn finish(&self, status: OutcomeStatus, error: Option<Error>) -> Step<StepResult> {
        Step::ok(StepResult {
            users: vec![UserResult {
                user_id: self.user_id.clone(),
                status,
                error,
            }],
        })
    }

    fn in_group(&self, user: &polaris::User) -> bool {
        user.groups.iter().any(|g| g.id == self.group_id)
    }

    fn rewrite(&mut self, ctx: &mut Context, user: &polaris::User) -> Step<polaris::User> {
        let mut update = UserUpdate::from_user(user);
        update.groups.retain(|g| g.id != self.group_id);
        self.rewrites += 1;
        self.phase = Phase::Write;
        self.current = Box::new(Call::new(UpdateUser {
            user_id: self.user_id.clone(),
            user: update,
        }));
        self.current.start(ctx)
    }

    fn follow(&mut self, ctx: &mut Context, mut step: Step<polaris::User>) -> Step<StepResult> {
        loop {
            let result = match step {
                Step::Send { request } => return Step::Send { request },
                Step::Sleep { millis } => return Step::Sleep { millis },
                Step::Done { result } => result,
            };
            step = match (self.phase, result) {
                (Phase::Read, Ok(user)) if !self.in_group(&user) => {
                    return self.finish(OutcomeStatus::NotMember, None)
                }
                (Phase::Read, Ok(user)) => self.rewrite(ctx, &user),
                (Phase::Read, Err(e)) => return self.finish(OutcomeStatus::Failed, Some(e)),
                (Phase::Write, Ok(_)) => {
                    self.phase = Phase::Confirm;
                    self.current = read(&self.user_id);
                    self.current.start(ctx)
                }
                (Phase::Write, Err(e @ Error::Transport { .. })) => {
                    return self.finish(OutcomeStatus::Unknown, Some(e))
                }
                (Phase::Write, Err(e)) => return self.finish(OutcomeStatus::Failed, Some(e)),
                (Phase::Confirm, Ok(user)) if !self.in_group(&user) => {
                    return self.finish(OutcomeStatus::Removed, None)
                }
                (Phase::Confirm, Ok(user)) if self.rewrites < MAX_REWRITES => {
                    self.rewrite(ctx, &user)
                }
                (Phase::Confirm, Ok(_)) => {
                    let message = format!(
                        "could not confirm removing {} from group {}: after {} rewrites the user still lists the group; another writer keeps changing this user (Polaris has no ETag to make the change atomic)",
                        self.user_id, self.group_id, self.rewrites
                    );
                    return self.finish(
                        OutcomeStatus::Failed,
                        Some(Error::Conflict {
                            vendor_code: None,
                            message,
                            debug_identifier: None,
                        }),
                    );
                }
                (Phase::Confirm, Err(e)) => {
                    let message = format!("the removal was sent but could not be confirmed: {e}");
                    return self.finish(OutcomeStatus::Unknown, Some(Error::transport(message)));
                }
            };
        }
    }
}

impl Machine<StepResult> for RemoveViaUpdate {
    fn start(&mut self, ctx: &mut Context) -> Step<StepResult> {
        let step = self.current.start(ctx);
        self.follow(ctx, step)
    }

    fn on_response(
        &mut self,
        ctx: &mut Context,
        response: Response,
        elapsed_ms: u64,
    ) -> Step<StepResult> {
        let step = self.current.on_response(ctx, response, elapsed_ms);
        self.follow(ctx, step)
    }

    fn on_transport_error(
        &mut self,
        ctx: &mut Context,
        sent: bool,
        message: &str,
        elapsed_ms: u64,
    ) -> Step<StepResult> {
        let step = self
            .current
            .on_transport_error(ctx, sent, message, elapsed_ms);
        self.follow(ctx, step)
    }

    fn on_woken(&mut self, ctx: &mut Context, elapsed_ms: u64) -> Step<StepResult> {
        let step = self.current.on_woken(ctx, elapsed_ms);
        self.follow(ctx, step)
    }
}
