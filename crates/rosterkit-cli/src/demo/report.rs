//! The demo's report: one record per step, printed as it completes (text)
//! or all at once at the end (JSON).

use crate::output;
use serde::Serialize;
use std::sync::{Mutex, PoisonError};

/// How a step ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// It did what the vendor document says.
    Passed,
    /// The vendor cannot do it, and the client said so with a reason, as
    /// the document says it should.
    ExpectedUnsupported,
    /// It did not do what the document says.
    Failed,
}

/// One step's record.
#[derive(Clone, Debug, Serialize)]
pub struct StepRecord {
    /// Provider id.
    pub provider: String,
    /// Step name.
    pub step: String,
    /// Outcome.
    pub status: Status,
    /// Short result: counts, ids, or the error.
    pub detail: String,
    /// HTTP exchanges the step made.
    pub calls: usize,
    /// Wall time.
    pub elapsed_ms: u64,
}

/// Counts per status.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    /// Steps that passed.
    pub passed: usize,
    /// Steps that ended in the expected `Unsupported` error.
    pub expected_unsupported: usize,
    /// Steps that failed.
    pub failed: usize,
    /// All steps.
    pub total: usize,
}

/// Collects step records; prints each at once unless JSON was asked for.
pub struct Report {
    live: bool,
    steps: Mutex<Vec<StepRecord>>,
}

impl Report {
    /// A report that prints lines as steps finish when `live`.
    pub fn new(live: bool) -> Self {
        Report {
            live,
            steps: Mutex::new(Vec::new()),
        }
    }

    /// A section header, in text mode.
    pub fn header(&self, text: &str) {
        if self.live {
            output::print(&format!("\n{text}\n"));
        }
    }

    /// Records (and in text mode prints) a step.
    pub fn record(&self, record: StepRecord) {
        if self.live {
            output::print(&format!("{}\n", line(&record)));
        }
        self.steps
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(record);
    }

    /// Every record so far.
    pub fn steps(&self) -> Vec<StepRecord> {
        self.steps
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Counts per status.
    pub fn summary(&self) -> Summary {
        let steps = self.steps();
        let count = |s: Status| steps.iter().filter(|r| r.status == s).count();
        Summary {
            passed: count(Status::Passed),
            expected_unsupported: count(Status::ExpectedUnsupported),
            failed: count(Status::Failed),
            total: steps.len(),
        }
    }
}

/// `✔ ssw      list users                        12 ms  320 users`
pub fn line(r: &StepRecord) -> String {
    let mark = match r.status {
        Status::Passed | Status::ExpectedUnsupported => '✔',
        Status::Failed => '✘',
    };
    format!(
        "{mark} {:<9}{:<40}{:>6} ms  {}",
        r.provider, r.step, r.elapsed_ms, r.detail
    )
}
