//! Applying a plan: which step may run now, what each one did, and the
//! report, whether the apply finished or was cancelled halfway.
//!
//! Hosts that run steps concurrently drive an [`Apply`]: take flows from
//! [`Apply::next`] until it says wait, drive them, hand each result to
//! [`Apply::complete`]. A host that drops a step's flow unfinished calls
//! [`Apply::abandon`] so the report can say "unknown" (a change was sent) or
//! "not run". Hosts with one call at a time use [`apply_flow`].

use super::plan::{MembershipPlan, PlannedStep};
use super::report::{ApplyReport, Change, OutcomeStatus, StepOutcome, StepStatus, UserOutcome};
use super::steps::{StepResult, UserResult};
use crate::flow::{BoxMachine, Context, Flow, Machine, Step};
use crate::http::Response;
use crate::Error;
use std::collections::HashMap;

#[derive(Clone, Debug)]
enum State {
    Pending,
    Running,
    Done(StepResult),
    /// Dropped while running; `sent` when a change may have reached the vendor.
    Abandoned {
        sent: bool,
    },
    /// Held back, with the reason.
    Skipped(Error),
}

/// What the host should do next.
#[derive(Debug)]
pub enum ApplyNext {
    /// Run this step (its index in the plan) and report its result.
    Run {
        /// The step's index in the plan.
        index: usize,
        /// The flow that runs it.
        flow: Flow<StepResult>,
    },
    /// Wait for a running step to finish, then ask again.
    Wait,
    /// Every step has run (or been skipped); take the report.
    Finished,
}

/// A plan being applied.
#[derive(Clone, Debug)]
pub struct Apply {
    plan: MembershipPlan,
    states: Vec<State>,
    cancelled: bool,
}

impl Apply {
    /// Starts applying `plan`. A plan handed back by a caller is checked
    /// step by step first.
    pub fn new(plan: MembershipPlan) -> Result<Apply, Error> {
        for step in &plan.steps {
            step.check()?;
        }
        Ok(Apply {
            states: vec![State::Pending; plan.steps.len()],
            plan,
            cancelled: false,
        })
    }

    /// The plan being applied.
    pub fn plan(&self) -> &MembershipPlan {
        &self.plan
    }

    fn addition_failed(&self) -> bool {
        self.plan
            .steps
            .iter()
            .zip(&self.states)
            .filter(|(s, _)| s.is_addition())
            .any(|(_, state)| match state {
                State::Done(r) => r.users.iter().any(|u| !u.status.is_success()),
                State::Abandoned { .. } | State::Skipped(_) => true,
                State::Pending | State::Running => false,
            })
    }

    /// The next step to run. Additions run first; removals start only when
    /// every addition has finished and none failed, so a failure leaves the
    /// group larger, never smaller.
    pub fn next(&mut self, ctx: &Context) -> ApplyNext {
        let running = self.states.iter().any(|s| matches!(s, State::Running));
        if self.cancelled {
            return if running {
                ApplyNext::Wait
            } else {
                ApplyNext::Finished
            };
        }
        let pending = |additions: bool, states: &[State], steps: &[PlannedStep]| {
            steps.iter().zip(states).position(|(step, state)| {
                step.is_addition() == additions && matches!(state, State::Pending)
            })
        };
        if let Some(index) = pending(true, &self.states, &self.plan.steps) {
            return self.run(index, ctx);
        }
        let additions_running = self
            .plan
            .steps
            .iter()
            .zip(&self.states)
            .any(|(s, st)| s.is_addition() && matches!(st, State::Running));
        if additions_running {
            return ApplyNext::Wait;
        }
        if let Some(index) = pending(false, &self.states, &self.plan.steps) {
            if self.addition_failed() {
                let held = Error::refused(
                    "failed_additions",
                    "held back because an addition failed: removals wait until every addition succeeds, so a failed sync never leaves the group smaller; fix the failures and apply again",
                );
                for (step, state) in self.plan.steps.iter().zip(self.states.iter_mut()) {
                    if !step.is_addition() && matches!(state, State::Pending) {
                        *state = State::Skipped(held.clone());
                    }
                }
            } else {
                return self.run(index, ctx);
            }
        }
        if self.states.iter().any(|s| matches!(s, State::Running)) {
            ApplyNext::Wait
        } else {
            ApplyNext::Finished
        }
    }

    fn run(&mut self, index: usize, ctx: &Context) -> ApplyNext {
        self.states[index] = State::Running;
        ApplyNext::Run {
            index,
            flow: self.plan.steps[index].flow(ctx.clone()),
        }
    }

    /// Records what a step's flow returned.
    pub fn complete(&mut self, index: usize, result: Result<StepResult, Error>) {
        let Some(step) = self.plan.steps.get(index) else {
            return;
        };
        let result = result.unwrap_or_else(|e| StepResult::failed(step, e));
        self.states[index] = State::Done(result);
    }

    /// Records that a running step's flow was dropped before it finished;
    /// `sent_change` is the flow's [`Flow::has_sent_change`].
    /// A step is only dropped unfinished when its apply was stopped (cancelled
    /// or its future dropped), so this also marks the apply cancelled.
    pub fn abandon(&mut self, index: usize, sent_change: bool) {
        if let Some(state @ State::Running) = self.states.get_mut(index) {
            *state = State::Abandoned { sent: sent_change };
            self.cancelled = true;
        }
    }

    /// Stops handing out steps; running ones finish or are abandoned.
    pub fn cancel(&mut self) {
        self.cancelled = true;
    }

    /// True once cancelled.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled
    }

    /// The report as things stand: final once [`Apply::next`] said
    /// `Finished`, a snapshot before that.
    pub fn report(&self) -> ApplyReport {
        let mut outcomes = Vec::new();
        let mut steps = Vec::with_capacity(self.plan.steps.len());
        // Email (or other) entries by the id they resolved to.
        let named: HashMap<&str, &str> = self
            .plan
            .entries
            .iter()
            .filter_map(|e| Some((e.user_id.as_deref()?, e.entry.as_str())))
            .filter(|(id, entry)| id != entry)
            .collect();
        let outcome = |user_id: &str, change, status, error| UserOutcome {
            user_id: user_id.to_owned(),
            entry: named.get(user_id).map(|e| (*e).to_owned()),
            change,
            status,
            error,
        };
        for (step, state) in self.plan.steps.iter().zip(&self.states) {
            let users: Vec<UserResult> = match state {
                State::Done(r) => r.users.clone(),
                State::Running | State::Abandoned { sent: true } => StepResult::all(
                    step,
                    Some(Error::transport(
                        "cancelled while the change was in flight; it may or may not have taken effect",
                    )),
                    |_| OutcomeStatus::Unknown,
                )
                .users,
                State::Abandoned { sent: false } => StepResult::all(
                    step,
                    Some(Error::transport("cancelled before the change was sent")),
                    |_| OutcomeStatus::NotRun,
                )
                .users,
                State::Pending if self.cancelled => StepResult::all(
                    step,
                    Some(Error::transport("cancelled before this step started")),
                    |_| OutcomeStatus::NotRun,
                )
                .users,
                State::Pending => StepResult::all(step, None, |_| OutcomeStatus::NotRun).users,
                State::Skipped(e) => StepResult::all(step, Some(e.clone()), |_| OutcomeStatus::NotRun).users,
            };
            let failed = users
                .iter()
                .filter(|u| u.status == OutcomeStatus::Failed)
                .count();
            let status = if users.iter().all(|u| u.status.is_success()) {
                StepStatus::Succeeded
            } else if users.iter().any(|u| u.status == OutcomeStatus::Unknown) {
                StepStatus::Unknown
            } else if users.iter().all(|u| u.status == OutcomeStatus::NotRun) {
                StepStatus::NotRun
            } else if failed == users.len() {
                StepStatus::Failed
            } else {
                StepStatus::PartiallyFailed
            };
            steps.push(StepOutcome {
                step: step.clone(),
                status,
                error: users.iter().find_map(|u| u.error.clone()),
            });
            for u in users {
                let change = if step.remove.contains(&u.user_id) {
                    Change::Remove
                } else {
                    Change::Add
                };
                outcomes.push(outcome(&u.user_id, change, u.status, u.error));
            }
        }
        for id in &self.plan.unchanged {
            outcomes.push(outcome(
                id,
                Change::Keep,
                OutcomeStatus::AlreadyMember,
                None,
            ));
        }
        for entry in self.plan.unresolved() {
            outcomes.push(UserOutcome {
                user_id: String::new(),
                entry: Some(entry.entry.clone()),
                change: Change::Skip,
                status: OutcomeStatus::Unresolved,
                error: Some(Error::refused(
                    "unresolved",
                    format!("{:?} matches no user; skipped as asked", entry.entry),
                )),
            });
        }
        ApplyReport::new(&self.plan, outcomes, steps, self.cancelled)
    }
}

/// Applies a plan one step at a time, as one flow: for hosts that bring
/// their own HTTP and send one request at a time.
pub fn apply_flow(plan: MembershipPlan, ctx: Context) -> Result<Flow<ApplyReport>, Error> {
    Ok(Flow::from_machine(ctx, sequential(plan)?))
}

pub(crate) fn sequential(plan: MembershipPlan) -> Result<BoxMachine<ApplyReport>, Error> {
    Ok(Box::new(Sequential {
        apply: Apply::new(plan)?,
        current: None,
    }))
}

struct Sequential {
    apply: Apply,
    current: Option<(usize, BoxMachine<StepResult>)>,
}

impl Sequential {
    fn follow(
        &mut self,
        ctx: &mut Context,
        mut step: Option<Step<StepResult>>,
    ) -> Step<ApplyReport> {
        loop {
            match step {
                Some(Step::Send { request }) => return Step::Send { request },
                Some(Step::Sleep { millis }) => return Step::Sleep { millis },
                Some(Step::Done { result }) => {
                    if let Some((index, _)) = self.current.take() {
                        self.apply.complete(index, result);
                    }
                }
                None => {}
            }
            match self.apply.next(ctx) {
                ApplyNext::Run { index, flow } => {
                    let mut machine = flow.into_machine();
                    step = Some(machine.start(ctx));
                    self.current = Some((index, machine));
                }
                ApplyNext::Wait | ApplyNext::Finished => return Step::ok(self.apply.report()),
            }
        }
    }
}

impl Machine<ApplyReport> for Sequential {
    fn start(&mut self, ctx: &mut Context) -> Step<ApplyReport> {
        self.follow(ctx, None)
    }

    fn on_response(
        &mut self,
        ctx: &mut Context,
        response: Response,
        elapsed_ms: u64,
    ) -> Step<ApplyReport> {
        let step = self
            .current
            .as_mut()
            .map(|(_, m)| m.on_response(ctx, response, elapsed_ms));
        self.follow(ctx, step)
    }

    fn on_transport_error(
        &mut self,
        ctx: &mut Context,
        sent: bool,
        message: &str,
        elapsed_ms: u64,
    ) -> Step<ApplyReport> {
        let step = self
            .current
            .as_mut()
            .map(|(_, m)| m.on_transport_error(ctx, sent, message, elapsed_ms));
        self.follow(ctx, step)
    }

    fn on_woken(&mut self, ctx: &mut Context, elapsed_ms: u64) -> Step<ApplyReport> {
        let step = self
            .current
            .as_mut()
            .map(|(_, m)| m.on_woken(ctx, elapsed_ms));
        self.follow(ctx, step)
    }
}
