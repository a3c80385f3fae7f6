//! Sequencing machines: run one, then decide from its result what runs next.

use super::{BoxMachine, Context, Machine, Step};
use crate::http::Response;
use crate::Error;

/// What to do once the first machine has produced its value.
pub(crate) enum Next<T> {
    /// Finish with this value.
    Done(T),
    /// Run this machine next; its value is the result.
    Run(BoxMachine<T>),
}

type Cont<A, T> = Box<dyn FnOnce(Result<A, Error>) -> Result<Next<T>, Error> + Send>;

enum State<A, T> {
    First(BoxMachine<A>, Option<Cont<A, T>>),
    Second(BoxMachine<T>),
}

/// Runs `first`, then hands its value to `next`; an error of `first` ends
/// the whole machine.
pub(crate) fn then<A: Send + 'static, T: Send + 'static>(
    first: BoxMachine<A>,
    next: impl FnOnce(A) -> Result<Next<T>, Error> + Send + 'static,
) -> BoxMachine<T> {
    settle(first, move |result| result.and_then(next))
}

/// Runs `first`, then hands its result, success or error, to `next`.
pub(crate) fn settle<A: Send + 'static, T: Send + 'static>(
    first: BoxMachine<A>,
    next: impl FnOnce(Result<A, Error>) -> Result<Next<T>, Error> + Send + 'static,
) -> BoxMachine<T> {
    Box::new(Then {
        state: State::First(first, Some(Box::new(next))),
    })
}

/// Runs `machine` and maps its value.
pub(crate) fn map<A: Send + 'static, T: Send + 'static>(
    machine: BoxMachine<A>,
    f: impl FnOnce(A) -> T + Send + 'static,
) -> BoxMachine<T> {
    then(machine, move |a| Ok(Next::Done(f(a))))
}

struct Then<A, T> {
    state: State<A, T>,
}

impl<A: Send + 'static, T: Send + 'static> Then<A, T> {
    fn first_step(&mut self, ctx: &mut Context, step: Step<A>) -> Step<T> {
        let result = match step {
            Step::Send { request } => return Step::Send { request },
            Step::Sleep { millis } => return Step::Sleep { millis },
            Step::Done { result } => result,
        };
        let next = match &mut self.state {
            State::First(_, next) => next.take(),
            State::Second(_) => None,
        };
        let Some(next) = next else {
            return Step::err(Error::invalid("flow", "machine sequenced twice"));
        };
        match next(result) {
            Err(e) => Step::err(e),
            Ok(Next::Done(value)) => Step::ok(value),
            Ok(Next::Run(mut machine)) => {
                let step = machine.start(ctx);
                self.state = State::Second(machine);
                step
            }
        }
    }
}

impl<A: Send + 'static, T: Send + 'static> Machine<T> for Then<A, T> {
    fn start(&mut self, ctx: &mut Context) -> Step<T> {
        match &mut self.state {
            State::First(m, _) => {
                let step = m.start(ctx);
                self.first_step(ctx, step)
            }
            State::Second(m) => m.start(ctx),
        }
    }

    fn on_response(&mut self, ctx: &mut Context, response: Response, elapsed_ms: u64) -> Step<T> {
        match &mut self.state {
            State::First(m, _) => {
                let step = m.on_response(ctx, response, elapsed_ms);
                self.first_step(ctx, step)
            }
            State::Second(m) => m.on_response(ctx, response, elapsed_ms),
        }
    }

    fn on_transport_error(
        &mut self,
        ctx: &mut Context,
        sent: bool,
        message: &str,
        elapsed_ms: u64,
    ) -> Step<T> {
        match &mut self.state {
            State::First(m, _) => {
                let step = m.on_transport_error(ctx, sent, message, elapsed_ms);
                self.first_step(ctx, step)
            }
            State::Second(m) => m.on_transport_error(ctx, sent, message, elapsed_ms),
        }
    }

    fn on_woken(&mut self, ctx: &mut Context, elapsed_ms: u64) -> Step<T> {
        match &mut self.state {
            State::First(m, _) => {
                let step = m.on_woken(ctx, elapsed_ms);
                self.first_step(ctx, step)
            }
            State::Second(m) => m.on_woken(ctx, elapsed_ms),
        }
    }
}
