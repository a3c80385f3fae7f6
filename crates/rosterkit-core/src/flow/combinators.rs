//! Composing machines: run one, then decide what runs next from its result;
//! run several independently and collect each one's result; walk pages.

use super::{Call, Context, Machine, Step};
use crate::http::Response;
use crate::paging::Pager;
use crate::{Error, Operation};
use serde_json::{json, Value};

/// What to do once a machine has produced its value.
pub(crate) enum Continue {
    /// Finish with this value.
    Done(Value),
    /// Run this machine next.
    Run(Box<dyn Machine>),
}

type Next = Box<dyn FnOnce(Value) -> Result<Continue, Error> + Send>;

/// Runs `first`, then hands its value to `next`.
pub(crate) fn then(
    first: Box<dyn Machine>,
    next: impl FnOnce(Value) -> Result<Continue, Error> + Send + 'static,
) -> Box<dyn Machine> {
    Box::new(Then {
        current: first,
        next: Some(Box::new(next)),
    })
}

struct Then {
    current: Box<dyn Machine>,
    next: Option<Next>,
}

impl Then {
    fn follow(&mut self, ctx: &mut Context, step: Step) -> Step {
        match step {
            Step::Done { result: Ok(value) } => match self.next.take() {
                None => Step::ok(value),
                Some(next) => match next(value) {
                    Ok(Continue::Done(v)) => Step::ok(v),
                    Ok(Continue::Run(machine)) => {
                        self.current = machine;
                        let step = self.current.start(ctx);
                        self.follow(ctx, step)
                    }
                    Err(e) => Step::err(e),
                },
            },
            other => other,
        }
    }
}

impl Machine for Then {
    fn start(&mut self, ctx: &mut Context) -> Step {
        let step = self.current.start(ctx);
        self.follow(ctx, step)
    }

    fn on_response(&mut self, ctx: &mut Context, response: Response, elapsed_ms: u64) -> Step {
        let step = self.current.on_response(ctx, response, elapsed_ms);
        self.follow(ctx, step)
    }

    fn on_transport_error(
        &mut self,
        ctx: &mut Context,
        sent: bool,
        message: String,
        elapsed_ms: u64,
    ) -> Step {
        let step = self
            .current
            .on_transport_error(ctx, sent, message, elapsed_ms);
        self.follow(ctx, step)
    }

    fn on_woken(&mut self, ctx: &mut Context, elapsed_ms: u64) -> Step {
        let step = self.current.on_woken(ctx, elapsed_ms);
        self.follow(ctx, step)
    }
}

/// Every page of `op`; the value is the array of all items.
pub(crate) fn all_pages(op: Operation) -> Box<dyn Machine> {
    pages(Pager::new(op), Vec::new())
}

fn pages(mut pager: Pager, mut acc: Vec<Value>) -> Box<dyn Machine> {
    let Some(op) = pager.next_operation() else {
        return Box::new(Ready(Some(Value::Array(acc))));
    };
    then(Box::new(Call::new(op)), move |page| {
        acc.extend(pager.advance(page)?);
        Ok(if pager.is_done() {
            Continue::Done(Value::Array(acc))
        } else {
            Continue::Run(pages(pager, acc))
        })
    })
}

/// A machine that is already finished.
pub(crate) struct Ready(pub(crate) Option<Value>);

impl Machine for Ready {
    fn start(&mut self, _: &mut Context) -> Step {
        Step::ok(self.0.take().unwrap_or(Value::Null))
    }
    fn on_response(&mut self, ctx: &mut Context, _: Response, _: u64) -> Step {
        self.start(ctx)
    }
    fn on_transport_error(&mut self, ctx: &mut Context, _: bool, _: String, _: u64) -> Step {
        self.start(ctx)
    }
    fn on_woken(&mut self, ctx: &mut Context, _: u64) -> Step {
        self.start(ctx)
    }
}

/// Runs labelled machines one after another. A failure is recorded against
/// its item and the rest still run, so a partial failure is never silent.
/// The value is `[{"item": label, "ok": value} | {"item": label, "error": error}]`.
pub(crate) fn each(items: Vec<(Value, Box<dyn Machine>)>) -> Box<dyn Machine> {
    let mut items: std::collections::VecDeque<_> = items.into();
    let current = items.pop_front();
    Box::new(Each {
        current,
        rest: items,
        results: Vec::new(),
    })
}

struct Each {
    current: Option<(Value, Box<dyn Machine>)>,
    rest: std::collections::VecDeque<(Value, Box<dyn Machine>)>,
    results: Vec<Value>,
}

impl Each {
    fn follow(&mut self, ctx: &mut Context, mut step: Step) -> Step {
        loop {
            let Step::Done { result } = step else {
                return step;
            };
            if let Some((label, _)) = self.current.take() {
                self.results.push(match result {
                    Ok(v) => json!({"item": label, "ok": v}),
                    Err(e) => json!({"item": label, "error": e}),
                });
            }
            match self.rest.pop_front() {
                None => return Step::ok(Value::Array(std::mem::take(&mut self.results))),
                Some((label, mut machine)) => {
                    step = machine.start(ctx);
                    self.current = Some((label, machine));
                }
            }
        }
    }
}

impl Machine for Each {
    fn start(&mut self, ctx: &mut Context) -> Step {
        let step = match &mut self.current {
            Some((_, m)) => m.start(ctx),
            None => Step::ok(Value::Array(Vec::new())),
        };
        self.follow(ctx, step)
    }

    fn on_response(&mut self, ctx: &mut Context, response: Response, elapsed_ms: u64) -> Step {
        let step = match &mut self.current {
            Some((_, m)) => m.on_response(ctx, response, elapsed_ms),
            None => Step::ok(Value::Null),
        };
        self.follow(ctx, step)
    }

    fn on_transport_error(
        &mut self,
        ctx: &mut Context,
        sent: bool,
        message: String,
        elapsed_ms: u64,
    ) -> Step {
        let step = match &mut self.current {
            Some((_, m)) => m.on_transport_error(ctx, sent, message, elapsed_ms),
            None => Step::ok(Value::Null),
        };
        self.follow(ctx, step)
    }

    fn on_woken(&mut self, ctx: &mut Context, elapsed_ms: u64) -> Step {
        let step = match &mut self.current {
            Some((_, m)) => m.on_woken(ctx, elapsed_ms),
            None => Step::ok(Value::Null),
        };
        self.follow(ctx, step)
    }
}
