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
//! read-modify-write, or a sequence whose items each report their own result.

mod call;
pub(crate) mod combinators;

pub use call::Call;
pub(crate) use combinators::{each, then, Continue};

use crate::credentials::Target;
use crate::error::Error;
use crate::http::{Request, Response};
use crate::retry::RetryPolicy;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What the host must do next.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
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
        result: Result<Value, Error>,
    },
}

impl Step {
    pub(crate) fn ok(value: Value) -> Step {
        Step::Done { result: Ok(value) }
    }

    pub(crate) fn err(error: Error) -> Step {
        Step::Done { result: Err(error) }
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
}

/// A state machine driven by the host. Machines compose: a flow is a tree.
pub(crate) trait Machine: Send {
    fn start(&mut self, ctx: &mut Context) -> Step;
    fn on_response(&mut self, ctx: &mut Context, response: Response, elapsed_ms: u64) -> Step;
    fn on_transport_error(
        &mut self,
        ctx: &mut Context,
        sent: bool,
        message: String,
        elapsed_ms: u64,
    ) -> Step;
    fn on_woken(&mut self, ctx: &mut Context, elapsed_ms: u64) -> Step;
}

/// A driven operation. Build one from an [`crate::Operation`] (one call with
/// retries), with [`Flow::all_pages`], or from the unified layer.
pub struct Flow {
    ctx: Context,
    machine: Box<dyn Machine>,
    finished: bool,
}

impl std::fmt::Debug for Flow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Flow")
            .field("target", &self.ctx.target)
            .field("finished", &self.finished)
            .finish()
    }
}

impl Flow {
    pub(crate) fn from_machine(ctx: Context, machine: Box<dyn Machine>) -> Flow {
        Flow {
            ctx,
            machine,
            finished: false,
        }
    }

    /// One call of `op`, retried as the policy allows.
    pub fn call(op: crate::Operation, ctx: Context) -> Flow {
        Flow::from_machine(ctx, Box::new(Call::new(op)))
    }

    /// Every page of a list operation; the result is the array of all items.
    pub fn all_pages(op: crate::Operation, ctx: Context) -> Flow {
        Flow::from_machine(ctx, combinators::all_pages(op))
    }

    /// The first step.
    pub fn start(&mut self) -> Step {
        let step = self.machine.start(&mut self.ctx);
        self.track(step)
    }

    /// Feeds back the response to the last `Send`.
    pub fn on_response(&mut self, response: Response, elapsed_ms: u64) -> Step {
        if self.finished {
            return finished_error();
        }
        let step = self
            .machine
            .on_response(&mut self.ctx, response, elapsed_ms);
        self.track(step)
    }

    /// Reports that the last `Send` got no response. `sent` is false when the
    /// request provably never left (connection refused).
    pub fn on_transport_error(&mut self, sent: bool, message: &str, elapsed_ms: u64) -> Step {
        if self.finished {
            return finished_error();
        }
        let step =
            self.machine
                .on_transport_error(&mut self.ctx, sent, message.to_owned(), elapsed_ms);
        self.track(step)
    }

    /// Reports that the last `Sleep` is over.
    pub fn on_woken(&mut self, elapsed_ms: u64) -> Step {
        if self.finished {
            return finished_error();
        }
        let step = self.machine.on_woken(&mut self.ctx, elapsed_ms);
        self.track(step)
    }

    fn track(&mut self, step: Step) -> Step {
        if matches!(step, Step::Done { .. }) {
            self.finished = true;
        }
        step
    }
}

fn finished_error() -> Step {
    Step::err(Error::invalid("flow", "this flow has already finished"))
}
