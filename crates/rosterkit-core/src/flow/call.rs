//! One call with retries: the leaf of every flow.

use super::{Context, Machine, Step};
use crate::http::Response;
use crate::retry::{splitmix64, Attempt, Decision};
use crate::{Error, Operation, Request};

/// Sends one operation, retrying as the context's policy decides.
pub struct Call {
    op: Operation,
    request: Option<Request>,
    attempt: u32,
}

impl Call {
    /// A call of `op`.
    pub fn new(op: Operation) -> Call {
        Call {
            op,
            request: None,
            attempt: 0,
        }
    }

    fn send(&mut self, ctx: &Context) -> Step {
        let request = match &self.request {
            Some(r) => r.clone(),
            None => match self.op.request(&ctx.target) {
                Ok(r) => {
                    self.request = Some(r.clone());
                    r
                }
                Err(e) => return Step::err(e),
            },
        };
        self.attempt += 1;
        Step::Send { request }
    }

    fn decide(&self, ctx: &mut Context, outcome: Attempt<'_>, elapsed_ms: u64) -> Decision {
        // Each decision draws fresh jitter from the host's seed.
        ctx.seed = splitmix64(ctx.seed);
        ctx.policy.decide(
            self.op.retry_safe(),
            self.attempt,
            outcome,
            elapsed_ms,
            ctx.seed,
        )
    }
}

impl Machine for Call {
    fn start(&mut self, ctx: &mut Context) -> Step {
        self.send(ctx)
    }

    fn on_response(&mut self, ctx: &mut Context, response: Response, elapsed_ms: u64) -> Step {
        if let Decision::Retry { after_ms } =
            self.decide(ctx, Attempt::Response(&response), elapsed_ms)
        {
            return Step::Sleep { millis: after_ms };
        }
        Step::Done {
            result: self.op.parse(&response),
        }
    }

    fn on_transport_error(
        &mut self,
        ctx: &mut Context,
        sent: bool,
        message: String,
        elapsed_ms: u64,
    ) -> Step {
        if let Decision::Retry { after_ms } =
            self.decide(ctx, Attempt::Transport { sent }, elapsed_ms)
        {
            return Step::Sleep { millis: after_ms };
        }
        Step::err(Error::transport(format!(
            "{} after {} attempt(s): {}",
            self.op.id(),
            self.attempt,
            crate::scrub::scrub_secrets(&message)
        )))
    }

    fn on_woken(&mut self, ctx: &mut Context, _elapsed_ms: u64) -> Step {
        self.send(ctx)
    }
}
