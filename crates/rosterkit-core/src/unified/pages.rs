//! Lazy paging for hosts: one flow per page, handed out as the caller asks
//! for more. Each page's flow advances the shared pager when its response
//! arrives, so a host loop is just "drive the next flow, yield its items".

use crate::flow::{then, Call, Context, Flow, Next};
use crate::paging::{ListEndpoint, OperationPager, Pager};
use crate::{Error, Operation};
use std::sync::{Arc, Mutex};

type NextPage<T> = Box<dyn FnMut(&Context) -> Option<Flow<Vec<T>>> + Send>;

/// The pages of one list, as flows: call [`PageFlows::next`], drive the flow
/// it returns, and use its items; `None` means every page has been fetched.
pub struct PageFlows<T> {
    next: NextPage<T>,
}

impl<T> std::fmt::Debug for PageFlows<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PageFlows")
    }
}

impl<T: Send + 'static> PageFlows<T> {
    /// The flow that fetches the next page, or `None` when paging is over.
    /// Drive each flow to its end before asking for the next one.
    pub fn next_page(&mut self, ctx: Context) -> Option<Flow<Vec<T>>> {
        (self.next)(&ctx)
    }
}

fn poisoned() -> Error {
    Error::invalid("pages", "a previous page flow panicked")
}

/// Typed pages of `op`, each item converted with `convert`.
pub(crate) fn page_flows<L, T>(op: L, convert: fn(L::Item) -> T) -> PageFlows<T>
where
    L: ListEndpoint,
    L::Output: Send + 'static,
    T: Send + 'static,
{
    let pager = Arc::new(Mutex::new(Pager::new(op)));
    PageFlows {
        next: Box::new(move |ctx: &Context| {
            let call = {
                let mut p = pager.lock().ok()?;
                p.set_max_pages(ctx.max_pages);
                p.next_call()?
            };
            let pager = pager.clone();
            let machine = then(Box::new(Call::new(call)), move |output| {
                let items = pager.lock().map_err(|_| poisoned())?.advance(output)?;
                Ok(Next::Done(items.into_iter().map(convert).collect()))
            });
            Some(Flow::from_machine(ctx.clone(), machine))
        }),
    }
}

impl PageFlows<serde_json::Value> {
    /// The pages of any list endpoint named by id, items as the vendor's JSON.
    pub fn of_operation(op: Operation) -> PageFlows<serde_json::Value> {
        let pager = Arc::new(Mutex::new(OperationPager::new(op)));
        PageFlows {
            next: Box::new(move |ctx: &Context| {
                let call = {
                    let mut p = pager.lock().ok()?;
                    p.set_max_pages(ctx.max_pages);
                    p.next_operation()?
                };
                let pager = pager.clone();
                let machine = then(Box::new(Call::new(call)), move |output| {
                    let items = pager.lock().map_err(|_| poisoned())?.advance(output)?;
                    Ok(Next::Done(items))
                });
                Some(Flow::from_machine(ctx.clone(), machine))
            }),
        }
    }
}
