//! `Pages`: a listing fetched one page per `next()`, so a `for await` loop
//! over a 50,000-member group starts after the first page.

use crate::convert::{fail, thrown, to_js, Names};
use futures_util::stream::{LocalBoxStream, Stream, StreamExt};
use js_sys::Promise;
use rosterkit_core::Error;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

type PageStream = LocalBoxStream<'static, Result<JsValue, JsValue>>;

enum State {
    Ready(PageStream),
    Fetching,
    Done,
}

/// The pages of one listing.
#[wasm_bindgen]
pub struct Pages(Rc<RefCell<State>>);

impl Pages {
    pub(crate) fn of<T, S>(stream: S, names: Names) -> Pages
    where
        T: Serialize,
        S: Stream<Item = Result<Vec<T>, Error>> + 'static,
    {
        let stream = stream.map(move |page| match page {
            Ok(items) => to_js(&items),
            Err(e) => Err(fail(e, names)),
        });
        Pages(Rc::new(RefCell::new(State::Ready(stream.boxed_local()))))
    }
}

#[wasm_bindgen]
impl Pages {
    /// The next page's items, or `null` after the last page. One page at a
    /// time: a second `next()` before the first settles is refused.
    #[wasm_bindgen(unchecked_return_type = "Promise<unknown[] | null>")]
    pub fn next(&self) -> Promise {
        let slot = self.0.clone();
        future_to_promise(async move {
            let taken = std::mem::replace(&mut *slot.borrow_mut(), State::Fetching);
            let mut stream = match taken {
                State::Ready(s) => s,
                State::Done => {
                    *slot.borrow_mut() = State::Done;
                    return Ok(JsValue::NULL);
                }
                State::Fetching => {
                    return Err(thrown(&Error::invalid(
                        "next",
                        "the previous page is still being fetched; await it first",
                    )));
                }
            };
            let page = stream.next().await;
            *slot.borrow_mut() = match &page {
                Some(Ok(_)) => State::Ready(stream),
                _ => State::Done,
            };
            page.unwrap_or(Ok(JsValue::NULL))
        })
    }
}
