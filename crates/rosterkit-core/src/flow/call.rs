//! One call with retries: the leaf of every flow.

use super::{Context, Machine, Step};
use crate::http::Response;
use crate::retry::{splitmix64, Attempt, Decision};
use crate::{Endpoint, Error, Request, Target};

/// Anything that builds one request and parses one response: every typed
/// endpoint, and [`crate::Operation`] (any endpoint, by id).
pub trait Callable: Send + 'static {
    /// The parsed result.
    type Output: Send + 'static;
    /// The endpoint id, for error messages.
    fn endpoint_id(&self) -> &'static str;
    /// The request for `target`.
    fn build(&self, target: &Target) -> Result<Request, Error>;
    /// The typed result, or the vendor's error.
    fn parse_response(&self, response: &Response) -> Result<Self::Output, Error>;
    /// Whether a retry after an unknown outcome is safe.
    fn is_retry_safe(&self) -> bool;
}

impl<E> Callable for E
where
    E: Endpoint + Send + 'static,
    E::Output: Send + 'static,
{
    type Output = E::Output;
    fn endpoint_id(&self) -> &'static str {
        E::ID
    }
    fn build(&self, target: &Target) -> Result<Request, Error> {
        self.request(target)
    }
    fn parse_response(&self, response: &Response) -> Result<E::Output, Error> {
        self.parse(response)
    }
    fn is_retry_safe(&self) -> bool {
        self.retry_safe()
    }
}

/// Sends one operation, retrying as the context's policy decides.
pub struct Call<C> {
    op: C,
    request: Option<Request>,
    attempt: u32,
}

impl<C: Callable> Call<C> {
    /// A call of `op`.
    pub fn new(op: C) -> Call<C> {
        Call {
            op,
            request: None,
            attempt: 0,
        }
    }

    fn send(&mut self, ctx: &Context) -> Step<C::Output> {
        let request = match &self.request {
            Some(r) => r.clone(),
            None => match self.op.build(&ctx.target) {
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
            self.op.is_retry_safe(),
            self.attempt,
            outcome,
            elapsed_ms,
            ctx.seed,
        )
    }
}

impl<C: Callable> Machine<C::Output> for Call<C> {
    fn start(&mut self, ctx: &mut Context) -> Step<C::Output> {
        self.send(ctx)
    }

    fn on_response(
        &mut self,
        ctx: &mut Context,
        response: Response,
        elapsed_ms: u64,
    ) -> Step<C::Output> {
        if let Decision::Retry { after_ms } =
            self.decide(ctx, Attempt::Response(&response), elapsed_ms)
        {
            return Step::Sleep { millis: after_ms };
        }
        Step::Done {
            result: self
                .op
                .parse_response(&response)
                .map_err(|e| e.scrubbed(ctx.target.token.expose())),
        }
    }

    fn on_transport_error(
        &mut self,
        ctx: &mut Context,
        sent: bool,
        message: &str,
        elapsed_ms: u64,
    ) -> Step<C::Output> {
        if let Decision::Retry { after_ms } =
            self.decide(ctx, Attempt::Transport { sent }, elapsed_ms)
        {
            return Step::Sleep { millis: after_ms };
        }
        let error = Error::transport(format!(
            "{} after {} attempt(s): {message}",
            self.op.endpoint_id(),
            self.attempt,
        ));
        Step::err(error.scrubbed(ctx.target.token.expose()))
    }

    fn on_woken(&mut self, ctx: &mut Context, _elapsed_ms: u64) -> Step<C::Output> {
        self.send(ctx)
    }
}
