//! Every page of a list, in one machine: a loop over pages, not a chain of
//! continuations, so the stack stays flat and the time linear however many
//! pages there are.

use super::{BoxMachine, Call, Callable, Context, Machine, Step};
use crate::http::Response;
use crate::paging::{ListEndpoint, OperationPager, Pager};
use crate::{Error, Operation};

/// A page walk: the typed [`Pager`] or the by-id [`OperationPager`].
pub(crate) trait Walk: Send + 'static {
    type Call: Callable;
    type Item: Send + 'static;
    fn next_call(&self) -> Option<Self::Call>;
    fn advance(
        &mut self,
        output: <Self::Call as Callable>::Output,
    ) -> Result<Vec<Self::Item>, Error>;
    fn set_max_pages(&mut self, max_pages: u32);
}

impl<L: ListEndpoint> Walk for Pager<L>
where
    L::Output: Send + 'static,
{
    type Call = L;
    type Item = L::Item;
    fn next_call(&self) -> Option<L> {
        Pager::next_call(self)
    }
    fn advance(&mut self, output: L::Output) -> Result<Vec<L::Item>, Error> {
        Pager::advance(self, output)
    }
    fn set_max_pages(&mut self, max_pages: u32) {
        Pager::set_max_pages(self, max_pages);
    }
}

impl Walk for OperationPager {
    type Call = Operation;
    type Item = serde_json::Value;
    fn next_call(&self) -> Option<Operation> {
        self.next_operation()
    }
    fn advance(&mut self, output: crate::Output) -> Result<Vec<serde_json::Value>, Error> {
        OperationPager::advance(self, output)
    }
    fn set_max_pages(&mut self, max_pages: u32) {
        OperationPager::set_max_pages(self, max_pages);
    }
}

struct Paged<W: Walk> {
    pager: W,
    call: Option<Call<W::Call>>,
    items: Vec<W::Item>,
    started: bool,
}

/// Every item of every page of `op`, in order.
pub(crate) fn paged<L: ListEndpoint>(op: L) -> BoxMachine<Vec<L::Item>>
where
    L::Output: Send + 'static,
{
    walk(Pager::new(op))
}

/// Every item of every page of a walk, in order.
pub(crate) fn walk<W: Walk>(pager: W) -> BoxMachine<Vec<W::Item>> {
    Box::new(Paged {
        pager,
        call: None,
        items: Vec::new(),
        started: false,
    })
}

type Out<W> = <<W as Walk>::Call as Callable>::Output;

impl<W: Walk> Paged<W> {
    /// Turns the current call's step into the flow's step, moving on to the
    /// next page (in this loop, not by recursion) when a page is done.
    fn follow(&mut self, ctx: &mut Context, mut step: Step<Out<W>>) -> Step<Vec<W::Item>> {
        loop {
            let result = match step {
                Step::Send { request } => return Step::Send { request },
                Step::Sleep { millis } => return Step::Sleep { millis },
                Step::Done { result } => result,
            };
            let page = match result.and_then(|output| self.pager.advance(output)) {
                Ok(page) => page,
                Err(e) => return Step::err(e),
            };
            self.items.extend(page);
            match self.pager.next_call() {
                None => return Step::ok(std::mem::take(&mut self.items)),
                Some(op) => {
                    let call = self.call.insert(Call::new(op));
                    step = call.start(ctx);
                }
            }
        }
    }

    fn current(&mut self) -> Option<&mut Call<W::Call>> {
        self.call.as_mut()
    }
}

impl<W: Walk> Machine<Vec<W::Item>> for Paged<W> {
    fn start(&mut self, ctx: &mut Context) -> Step<Vec<W::Item>> {
        if !self.started {
            self.started = true;
            self.pager.set_max_pages(ctx.max_pages);
        }
        match self.pager.next_call() {
            None => Step::ok(std::mem::take(&mut self.items)),
            Some(op) => {
                let call = self.call.insert(Call::new(op));
                let step = call.start(ctx);
                self.follow(ctx, step)
            }
        }
    }

    fn on_response(
        &mut self,
        ctx: &mut Context,
        response: Response,
        elapsed_ms: u64,
    ) -> Step<Vec<W::Item>> {
        let Some(call) = self.current() else {
            return self.start(ctx);
        };
        let step = call.on_response(ctx, response, elapsed_ms);
        self.follow(ctx, step)
    }

    fn on_transport_error(
        &mut self,
        ctx: &mut Context,
        sent: bool,
        message: &str,
        elapsed_ms: u64,
    ) -> Step<Vec<W::Item>> {
        let Some(call) = self.current() else {
            return self.start(ctx);
        };
        let step = call.on_transport_error(ctx, sent, message, elapsed_ms);
        self.follow(ctx, step)
    }

    fn on_woken(&mut self, ctx: &mut Context, elapsed_ms: u64) -> Step<Vec<W::Item>> {
        let Some(call) = self.current() else {
            return self.start(ctx);
        };
        let step = call.on_woken(ctx, elapsed_ms);
        self.follow(ctx, step)
    }
}
