//! Running a membership plan with a concurrency limit.

use crate::client::Client;
use futures_util::stream::{self, StreamExt};
use rosterkit_core::membership::{MembershipPlan, PlannedStep};
use rosterkit_core::Error;
use serde::Serialize;
use serde_json::Value;

/// The result of one planned step.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepOutcome {
    /// The step as planned.
    pub step: PlannedStep,
    /// What the vendor answered.
    pub result: Result<Value, Error>,
}

/// Every step of an applied plan with its result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ApplyReport {
    /// Results in plan order.
    pub steps: Vec<StepOutcome>,
}

impl ApplyReport {
    /// Steps that succeeded.
    pub fn succeeded(&self) -> usize {
        self.steps.iter().filter(|s| s.result.is_ok()).count()
    }

    /// Steps that failed.
    pub fn failed(&self) -> impl Iterator<Item = &StepOutcome> {
        self.steps.iter().filter(|s| s.result.is_err())
    }

    /// True when every step succeeded.
    pub fn is_success(&self) -> bool {
        self.steps.iter().all(|s| s.result.is_ok())
    }
}

pub(crate) async fn run(client: &Client, plan: &MembershipPlan, concurrency: usize) -> ApplyReport {
    let steps = stream::iter(plan.steps.iter().cloned())
        .map(|step| {
            let client = client.clone();
            async move {
                let result = client.run(step.flow(client.context())).await;
                StepOutcome { step, result }
            }
        })
        // `buffered` keeps plan order in the report while running in parallel.
        .buffered(concurrency.max(1))
        .collect()
        .await;
    ApplyReport { steps }
}
