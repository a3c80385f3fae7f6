//! Running one provider's workflow as a list of checked, timed steps.
//!
//! A step is an async block returning a value and a one-line result, or a
//! [`Problem`]. The first failing step ends that provider's workflow (later
//! steps depend on its result); the other providers still run.

use super::report::{Report, Status, StepRecord};
use rosterkit::{Client, Error, Hook, Member, Provider, RequestInfo};
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Why a step did not do what the document says.
#[derive(Debug)]
pub enum Problem {
    /// The client returned an error.
    Client(Error),
    /// The call worked but the result was wrong.
    Check(String),
}

impl From<Error> for Problem {
    fn from(e: Error) -> Self {
        Problem::Client(e)
    }
}

/// A failed check.
pub fn ensure(ok: bool, what: impl FnOnce() -> String) -> Result<(), Problem> {
    if ok {
        Ok(())
    } else {
        Err(Problem::Check(what()))
    }
}

/// A step failed, so the rest of this provider's workflow was skipped.
#[derive(Debug)]
pub struct Abort;

/// Statuses of every HTTP exchange, recorded by a client hook, so a step can
/// report its call count and, say, the 204 of a delete.
#[derive(Clone, Default)]
pub struct CallLog {
    statuses: Arc<Mutex<Vec<Option<u16>>>>,
    writes: Arc<Mutex<usize>>,
}

impl CallLog {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Option<u16>>> {
        self.statuses.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Requests so far that could change something (not GET).
    pub fn writes(&self) -> usize {
        *self.writes.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Exchanges so far.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Status of the latest exchange.
    pub fn last_status(&self) -> Option<u16> {
        self.lock().last().copied().flatten()
    }
}

impl Hook for CallLog {
    fn on_request(&self, request: &RequestInfo) {
        if request.method != "GET" {
            *self.writes.lock().unwrap_or_else(PoisonError::into_inner) += 1;
        }
    }

    fn on_response(&self, _request: &RequestInfo, status: Option<u16>, _elapsed: Duration) {
        self.lock().push(status);
    }
}

/// One provider's client, call log and the shared report.
pub struct Scenario<'a> {
    /// The provider.
    pub provider: Provider,
    /// Its client, pointed at the emulator.
    pub client: Client,
    /// Every exchange the client made.
    pub calls: CallLog,
    report: &'a Report,
}

impl<'a> Scenario<'a> {
    /// A scenario recording into `report`.
    pub fn new(provider: Provider, client: Client, calls: CallLog, report: &'a Report) -> Self {
        Scenario {
            provider,
            client,
            calls,
            report,
        }
    }

    fn record(&self, step: &str, status: Status, detail: String, calls: usize, started: Instant) {
        self.report.record(StepRecord {
            provider: self.provider.id().to_owned(),
            step: step.to_owned(),
            status,
            detail,
            calls,
            elapsed_ms: started.elapsed().as_millis() as u64,
        });
    }

    /// Runs a step that must succeed.
    pub async fn step<T>(
        &self,
        name: &str,
        work: impl Future<Output = Result<(T, String), Problem>>,
    ) -> Result<T, Abort> {
        let started = Instant::now();
        let before = self.calls.len();
        let result = work.await;
        let calls = self.calls.len() - before;
        match result {
            Ok((value, detail)) => {
                self.record(name, Status::Passed, detail, calls, started);
                Ok(value)
            }
            Err(problem) => {
                let detail = match problem {
                    Problem::Client(e) => e.to_string(),
                    Problem::Check(m) => m,
                };
                self.record(name, Status::Failed, detail, calls, started);
                self.report.header(&format!(
                    "  (remaining {} steps skipped)",
                    self.provider.id()
                ));
                Err(Abort)
            }
        }
    }

    /// Runs a step the vendor cannot do: it passes only when the client
    /// refuses with `Unsupported` and a reason, before sending anything.
    pub async fn unsupported<T>(
        &self,
        name: &str,
        work: impl Future<Output = Result<T, Error>>,
    ) -> Result<(), Abort> {
        let started = Instant::now();
        let before = self.calls.len();
        let result = work.await;
        let calls = self.calls.len() - before;
        match result {
            Err(Error::Unsupported { reason, .. }) if !reason.trim().is_empty() && calls == 0 => {
                self.record(
                    name,
                    Status::ExpectedUnsupported,
                    format!("unsupported (expected): {reason}"),
                    calls,
                    started,
                );
                Ok(())
            }
            other => {
                let detail = match other {
                    Ok(_) => "expected an Unsupported error, but the call succeeded".to_owned(),
                    Err(e) => format!("expected an Unsupported error before any request, got: {e}"),
                };
                self.record(name, Status::Failed, detail, calls, started);
                Err(Abort)
            }
        }
    }
}

/// Member ids of a group, sorted.
pub async fn member_ids(client: &Client, group_id: &str) -> Result<Vec<String>, Error> {
    let mut ids: Vec<String> = client
        .list_members(group_id)
        .await?
        .into_iter()
        .map(|m: Member| m.user_id)
        .collect();
    ids.sort();
    Ok(ids)
}

/// `a, b, c` or `-` for nothing; long lists end with `… (+N more)`.
pub fn list(ids: &[String]) -> String {
    const SHOWN: usize = 4;
    if ids.is_empty() {
        return "-".to_owned();
    }
    let mut s = ids
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > SHOWN {
        s.push_str(&format!(" … (+{} more)", ids.len() - SHOWN));
    }
    s
}

/// A group to create with just a name.
pub fn new_group(name: &str) -> rosterkit::NewGroup {
    rosterkit::NewGroup {
        name: name.to_owned(),
        ..rosterkit::NewGroup::default()
    }
}

/// Changes that rename a group.
pub fn rename(name: &str) -> rosterkit::GroupChanges {
    rosterkit::GroupChanges {
        name: Some(name.to_owned()),
        ..rosterkit::GroupChanges::default()
    }
}
