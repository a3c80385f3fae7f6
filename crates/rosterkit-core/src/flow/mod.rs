//! Driven operations: the host sends what the machine asks for and feeds back
//! what came. One loop serves every operation, in every language:
//!
//! ```text
//! step = flow.start()
//! loop:
//!     Send(request)  -> step = flow.on_response(transport(request), elapsed_ms)
//!                       (or flow.on_transport_error(sent, message, elapsed_ms))
//!     Sleep(millis)  -> sleep(millis); step = flow.on_woken(elapsed_ms)
//!     Done(result)   -> return result
//! ```
//!
//! A flow may be one call with retries, every page of a list, a
//! read-modify-write, or a membership plan; its result is typed (`Flow<T>`),
//! so hosts get the core's own values and never re-parse JSON.

mod call;
mod paged;
mod then;

pub use call::{Call, Callable};
pub(crate) use paged::{paged, walk};
pub(crate) use then::{map, settle, then, Next};

use crate::credentials::Target;
use crate::error::Error;
use crate::http::{Request, Response};
use crate::retry::RetryPolicy;
use serde::Serialize;

/// What the host must do next.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step<T> {
    /// Send this request and report the response.
    Send {
        /// The request.
        request: Request,
    },
    /// Wait, then call `on_woken`.
    Sleep {
        /// Milliseconds to wait.
        millis: u64,
    },
    /// Finished.
    Done {
        /// The result.
        result: Result<T, Error>,
    },
}

impl<T> Step<T> {
    pub(crate) fn ok(value: T) -> Step<T> {
        Step::Done { result: Ok(value) }
    }

    pub(crate) fn err(error: Error) -> Step<T> {
        Step::Done { result: Err(error) }
    }

    /// The same step with its result mapped.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Step<U> {
        match self {
            Step::Send { request } => Step::Send { request },
            Step::Sleep { millis } => Step::Sleep { millis },
            Step::Done { result } => Step::Done {
                result: result.map(f),
            },
        }
    }
}

/// What every machine shares: where to send, how to retry, the host's seed.
#[derive(Clone, Debug)]
pub struct Context {
    /// Base URL and credential.
    pub target: Target,
    /// Retry policy for each call.
    pub policy: RetryPolicy,
    /// Random seed from the host, for backoff jitter.
    pub seed: u64,
    /// The most pages one list walk may take before it is treated as a
    /// loop ([`crate::paging::MAX_PAGES`] by default).
    pub max_pages: u32,
}

impl Context {
    /// A context with the default page ceiling.
    pub fn new(target: Target, policy: RetryPolicy, seed: u64) -> Context {
        Context {
            target,
            policy,
            seed,
            max_pages: crate::paging::MAX_PAGES,
        }
    }
}

/// A state machine driven by the host. Machines compose: a flow is a tree
/// whose depth is fixed by the operation, never by the data (paging loops
/// inside one machine rather than nesting a machine per page).
pub(crate) trait Machine<T>: Send {
    fn start(&mut self, ctx: &mut Context) -> Step<T>;
    fn on_response(&mut self, ctx: &mut Context, response: Response, elapsed_ms: u64) -> Step<T>;
    fn on_transport_error(
        &mut self,
        ctx: &mut Context,
        sent: bool,
        message: &str,
        elapsed_ms: u64,
    ) -> Step<T>;
    fn on_woken(&mut self, ctx: &mut Context, elapsed_ms: u64) -> Step<T>;
}

pub(crate) type BoxMachine<T> = Box<dyn Machine<T>>;

/// A driven operation with a typed result. Build one from an
/// [`crate::Operation`] ([`Flow::call`], [`Flow::all_pages`]), from the
/// unified layer, or from a membership plan.
pub struct Flow<T> {
    ctx: Context,
    machine: BoxMachine<T>,
    finished: bool,
    mutated: bool,
}

impl<T> std::fmt::Debug for Flow<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Flow")
            .field("target", &self.ctx.target)
            .field("finished", &self.finished)
            .finish()
    }
}

impl<T: Send + 'static> Flow<T> {
    pub(crate) fn from_machine(ctx: Context, machine: BoxMachine<T>) -> Flow<T> {
        Flow {
            ctx,
            machine,
            finished: false,
            mutated: false,
        }
    }

    /// The first step.
    pub fn start(&mut self) -> Step<T> {
        let step = self.machine.start(&mut self.ctx);
        self.track(step)
    }

    /// Feeds back the response to the last `Send`.
    pub fn on_response(&mut self, response: Response, elapsed_ms: u64) -> Step<T> {
        if self.finished {
            return Step::err(finished());
        }
        let step = self
            .machine
            .on_response(&mut self.ctx, response, elapsed_ms);
        self.track(step)
    }

    /// Reports that the last `Send` got no response. `sent` is false when the
    /// request provably never left (connection refused).
    pub fn on_transport_error(&mut self, sent: bool, message: &str, elapsed_ms: u64) -> Step<T> {
        if self.finished {
            return Step::err(finished());
        }
        let step = self
            .machine
            .on_transport_error(&mut self.ctx, sent, message, elapsed_ms);
        self.track(step)
    }

    /// Reports that the last `Sleep` is over.
    pub fn on_woken(&mut self, elapsed_ms: u64) -> Step<T> {
        if self.finished {
            return Step::err(finished());
        }
        let step = self.machine.on_woken(&mut self.ctx, elapsed_ms);
        self.track(step)
    }

    /// True once the flow has asked to send a request that may change
    /// something (any method but GET and HEAD). A host that abandons a flow
    /// uses it to tell "not run" from "outcome unknown".
    pub fn has_sent_change(&self) -> bool {
        self.mutated
    }

    pub(crate) fn into_machine(self) -> BoxMachine<T> {
        self.machine
    }

    /// The same flow with its result mapped.
    pub fn map<U: Send + 'static>(self, f: impl FnOnce(T) -> U + Send + 'static) -> Flow<U> {
        Flow {
            ctx: self.ctx,
            machine: map(self.machine, f),
            finished: self.finished,
            mutated: self.mutated,
        }
    }

    fn track(&mut self, step: Step<T>) -> Step<T> {
        match &step {
            Step::Done { .. } => self.finished = true,
            Step::Send { request } => {
                if !matches!(request.method.as_str(), "GET" | "HEAD") {
                    self.mutated = true;
                }
            }
            Step::Sleep { .. } => {}
        }
        step
    }
}

impl Flow<()> {
    /// One call of a typed endpoint, retried as the policy allows.
    pub fn of<C: Callable>(op: C, ctx: Context) -> Flow<C::Output> {
        Flow::from_machine(ctx, Box::new(Call::new(op)))
    }
}

impl Flow<crate::Output> {
    /// One call of `op`, retried as the policy allows.
    pub fn call(op: crate::Operation, ctx: Context) -> Flow<crate::Output> {
        Flow::from_machine(ctx, Box::new(Call::new(op)))
    }
}

impl Flow<Vec<serde_json::Value>> {
    /// Every page of a list operation; the result is every item, as JSON.
    pub fn all_pages(op: crate::Operation, ctx: Context) -> Flow<Vec<serde_json::Value>> {
        Flow::from_machine(ctx, walk(crate::paging::OperationPager::new(op)))
    }
}

fn finished() -> Error {
    Error::invalid("flow", "this flow has already finished")
}
