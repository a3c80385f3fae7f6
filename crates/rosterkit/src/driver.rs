//! The one host loop, shared by every language: it drives a core flow over a
//! [`Transport`], and runs a membership plan's steps concurrently through the
//! core's [`Apply`]. Bindings call this; none of them loops on its own.

use crate::cancel::Cancel;
use crate::hooks::{Hook, RequestInfo};
use crate::locks::UserLocks;
use crate::transport::{Transport, TransportError};
use futures_util::future::{select, Either};
use futures_util::stream::{FuturesUnordered, StreamExt};
use rosterkit_core::membership::{Apply, ApplyNext, ApplyReport, MembershipPlan, StepResult};
use rosterkit_core::{Context, Error, Flow, Step};
use std::sync::{Arc, Mutex};

/// What the driver needs to run flows.
#[derive(Clone)]
pub(crate) struct Driver {
    pub(crate) transport: Arc<dyn Transport>,
    pub(crate) hooks: Vec<Arc<dyn Hook>>,
    /// Headers added to every request (per-call options); never the
    /// credential, which only the core sets.
    pub(crate) extra_headers: Vec<rosterkit_core::Header>,
    /// Gives up on one exchange after this long (per-call options).
    pub(crate) timeout_ms: Option<u64>,
}

const CANCELLED: &str = "cancelled";

fn cancelled() -> Error {
    Error::transport(CANCELLED)
}

/// True for the error a cancelled run ends with.
pub(crate) fn is_cancelled(e: &Error) -> bool {
    matches!(e, Error::Transport { message } if message == CANCELLED)
}

/// Races `fut` against `cancel`.
async fn or_cancel<F: std::future::Future>(fut: F, cancel: Option<&Cancel>) -> Option<F::Output> {
    match cancel {
        None => Some(fut.await),
        Some(c) => {
            let fut = std::pin::pin!(fut);
            match select(fut, c.cancelled()).await {
                Either::Left((out, _)) => Some(out),
                Either::Right(_) => None,
            }
        }
    }
}

impl Driver {
    async fn send(
        &self,
        mut request: rosterkit_core::Request,
    ) -> Result<rosterkit_core::Response, TransportError> {
        for h in &self.extra_headers {
            request
                .headers
                .retain(|have| !have.name.eq_ignore_ascii_case(&h.name));
            request.headers.push(h.clone());
        }
        let info = RequestInfo::of(&request);
        for h in &self.hooks {
            h.on_request(&info);
        }
        let started = self.transport.now_ms();
        let result = match self.timeout_ms {
            None => self.transport.send(request).await,
            Some(ms) => {
                let send = std::pin::pin!(self.transport.send(request));
                let timer = std::pin::pin!(self.transport.sleep(ms));
                match select(send, timer).await {
                    Either::Left((out, _)) => out,
                    // The request may have arrived: only a safe retry repeats it.
                    Either::Right((Ok(()), _)) => {
                        Err(TransportError::Failed(format!("timed out after {ms} ms")))
                    }
                    Either::Right((Err(e), _)) => Err(e),
                }
            }
        };
        let elapsed = self.transport.now_ms().saturating_sub(started);
        let status = result.as_ref().ok().map(|r| r.status);
        tracing::debug!(
            method = %info.method,
            url = %info.url,
            status = ?status,
            elapsed_ms = elapsed,
            "rosterkit request"
        );
        for h in &self.hooks {
            h.on_response(&info, status, std::time::Duration::from_millis(elapsed));
        }
        result
    }

    /// Drives `flow` to its end: the host loop of the design.
    pub(crate) async fn run<T: Send + 'static>(
        &self,
        flow: &mut Flow<T>,
        cancel: Option<&Cancel>,
    ) -> Result<T, Error> {
        let started = self.transport.now_ms();
        let elapsed = |t: &dyn Transport| t.now_ms().saturating_sub(started);
        let mut step = flow.start();
        loop {
            if cancel.is_some_and(Cancel::is_cancelled) {
                return Err(cancelled());
            }
            step = match step {
                Step::Send { request } => match or_cancel(self.send(request), cancel).await {
                    None | Some(Err(TransportError::Cancelled)) => return Err(cancelled()),
                    Some(Ok(response)) => flow.on_response(response, elapsed(&*self.transport)),
                    Some(Err(TransportError::NotSent(m))) => {
                        flow.on_transport_error(false, &m, elapsed(&*self.transport))
                    }
                    Some(Err(TransportError::Failed(m))) => {
                        flow.on_transport_error(true, &m, elapsed(&*self.transport))
                    }
                },
                Step::Sleep { millis } => {
                    match or_cancel(self.transport.sleep(millis), cancel).await {
                        None | Some(Err(_)) => return Err(cancelled()),
                        Some(Ok(())) => flow.on_woken(elapsed(&*self.transport)),
                    }
                }
                Step::Done { result } => return result,
            };
        }
    }

    /// Runs a plan, at most `concurrency` steps at once, into `apply` (shared
    /// so a caller can read the report even if this future is dropped).
    pub(crate) async fn apply(
        &self,
        apply: Arc<Mutex<Apply>>,
        ctx: impl Fn() -> Context,
        concurrency: usize,
        locks: &UserLocks,
        cancel: Option<&Cancel>,
    ) -> ApplyReport {
        let mut running = FuturesUnordered::new();
        loop {
            while running.len() < concurrency.max(1) {
                let next = match apply.lock() {
                    Ok(mut a) => a.next(&ctx()),
                    Err(_) => ApplyNext::Finished,
                };
                match next {
                    ApplyNext::Run { index, flow } => {
                        running.push(self.step(index, flow, apply.clone(), locks, cancel));
                    }
                    ApplyNext::Wait | ApplyNext::Finished => break,
                }
            }
            if running.is_empty() {
                break;
            }
            if or_cancel(running.next(), cancel).await.is_none() {
                if let Ok(mut a) = apply.lock() {
                    a.cancel();
                }
                // Dropping the steps in flight records them as abandoned.
                drop(running);
                break;
            }
        }
        let report = match apply.lock() {
            Ok(a) => a.report(),
            Err(p) => p.into_inner().report(),
        };
        report
    }

    async fn step(
        &self,
        index: usize,
        flow: Flow<StepResult>,
        apply: Arc<Mutex<Apply>>,
        locks: &UserLocks,
        cancel: Option<&Cancel>,
    ) {
        let keys = apply
            .lock()
            .ok()
            .and_then(|a| a.plan().steps.get(index).map(|s| s.lock_keys()))
            .unwrap_or_default();
        let mut guard = StepGuard {
            apply,
            index,
            flow,
            finished: false,
        };
        let _held = locks.lock(&keys).await;
        let result = self.run(&mut guard.flow, cancel).await;
        if result.as_ref().is_err_and(is_cancelled) {
            // Left for the guard: a cancelled step is abandoned, not failed.
            return;
        }
        if let Ok(mut a) = guard.apply.lock() {
            a.complete(index, result);
        }
        guard.finished = true;
    }
}

/// Records a step as abandoned when its future is dropped unfinished.
struct StepGuard {
    apply: Arc<Mutex<Apply>>,
    index: usize,
    flow: Flow<StepResult>,
    finished: bool,
}

impl Drop for StepGuard {
    fn drop(&mut self) {
        if !self.finished {
            let sent = self.flow.has_sent_change();
            if let Ok(mut a) = self.apply.lock() {
                a.abandon(self.index, sent);
            }
        }
    }
}

/// An apply in progress, readable while it runs and after it was cancelled
/// (a dropped Rust future, a cancelled Kotlin coroutine): the report says
/// which changes ran, which are unknown, which never started.
#[derive(Clone)]
pub struct ApplyProgress(pub(crate) Arc<Mutex<Option<Arc<Mutex<Apply>>>>>);

impl std::fmt::Debug for ApplyProgress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApplyProgress")
    }
}

impl Default for ApplyProgress {
    fn default() -> Self {
        ApplyProgress::new()
    }
}

impl ApplyProgress {
    /// A tracker to hand to `apply_with`.
    pub fn new() -> ApplyProgress {
        ApplyProgress(Arc::new(Mutex::new(None)))
    }

    pub(crate) fn track(&self, apply: &Arc<Mutex<Apply>>) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some(apply.clone());
        }
    }

    /// Marks the apply cancelled: no further step starts, and the report
    /// says so at once, before the dropped future has unwound (an asyncio or
    /// coroutine cancellation drops it later, on another thread).
    pub fn cancel(&self) {
        let apply = self.0.lock().ok().and_then(|slot| slot.clone());
        if let Some(apply) = apply {
            if let Ok(mut a) = apply.lock() {
                a.cancel();
            }
        }
    }

    /// The report as things stand, once the apply has started.
    pub fn report(&self) -> Option<ApplyReport> {
        let apply = self.0.lock().ok()?.clone()?;
        let report = apply.lock().ok().map(|a| a.report());
        report
    }
}

/// Options of one apply.
#[derive(Clone, Debug, Default)]
pub struct ApplyControl {
    /// Cancels the apply: steps in flight are abandoned, the rest never start.
    pub cancel: Option<Cancel>,
    /// Tracks the apply, so its report can be read after a cancellation.
    pub progress: Option<ApplyProgress>,
    /// At most this many calls at once (the client's default otherwise).
    pub concurrency: Option<usize>,
}

pub(crate) fn check_plan(
    plan: &MembershipPlan,
    provider: rosterkit_core::Provider,
) -> Result<(), Error> {
    if plan.provider != provider {
        return Err(Error::invalid(
            "plan.provider",
            format!(
                "the plan is for {}; this client is for {provider}",
                plan.provider
            ),
        ));
    }
    Ok(())
}
