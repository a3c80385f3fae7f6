//! Page-by-page iteration over a list, driven by the core `Pager` through
//! the Rust client's page streams: `pages` (a vendor endpoint, raw items) and
//! `unified_pages` (users, groups or members as the unified models). One
//! object serves `for` and `async for`; each step fetches exactly one page.

use crate::errors::to_py_err;
use crate::runtime::{spawn, ToPython};
use futures_util::{Stream, StreamExt};
use pyo3::exceptions::PyStopAsyncIteration;
use pyo3::prelude::*;
use rosterkit::{Group, Member, User};
use rosterkit_core::Error;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::pin::Pin;
use std::sync::Arc;
use tokio::sync::Mutex;

/// One page as it crosses to Python: raw dicts, or the typed models the
/// `list_*` calls return.
pub(crate) enum Page {
    Raw(Vec<Value>),
    Users(Vec<User>),
    Groups(Vec<Group>),
    Members(Vec<Member>),
}

impl ToPython for Page {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        match self {
            Page::Raw(items) => Value::Array(items).to_python(py),
            Page::Users(items) => items.to_python(py),
            Page::Groups(items) => items.to_python(py),
            Page::Members(items) => items.to_python(py),
        }
    }
}

type PageStream = Pin<Box<dyn Stream<Item = Result<Page, Error>> + Send>>;

/// The pages of one list call; each item is a list (raw dicts for `pages`,
/// `User`/`Group`/`Member` for the unified lists).
#[pyclass(module = "rosterkit._native", name = "Pages", frozen)]
pub struct Pages {
    // An async mutex: `__anext__` holds it across the awaited fetch.
    stream: Arc<Mutex<PageStream>>,
}

impl Pages {
    fn from_stream(stream: impl Stream<Item = Result<Page, Error>> + Send + 'static) -> Self {
        Pages {
            stream: Arc::new(Mutex::new(Box::pin(stream))),
        }
    }

    /// Pages of the vendor's raw items.
    pub(crate) fn raw(
        stream: impl Stream<Item = Result<Vec<Value>, Error>> + Send + 'static,
    ) -> Self {
        Self::from_stream(stream.map(|page| page.map(Page::Raw)))
    }

    /// Pages of unified-model JSON, each item read into `T` while the page is
    /// fetched (off the GIL), then wrapped by `wrap`.
    pub(crate) fn typed<T: DeserializeOwned + 'static>(
        stream: impl Stream<Item = Result<Vec<Value>, Error>> + Send + 'static,
        wrap: fn(Vec<T>) -> Page,
    ) -> Self {
        Self::from_stream(stream.map(move |page| {
            page?
                .into_iter()
                .map(|item| serde_json::from_value(item).map_err(Error::from))
                .collect::<Result<Vec<T>, Error>>()
                .map(wrap)
        }))
    }
}

/// The next page, or `None` at the end.
struct NextPage(Option<Page>);

impl ToPython for NextPage {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        match self.0 {
            Some(page) => page.to_python(py),
            None => Err(PyStopAsyncIteration::new_err(())),
        }
    }
}

async fn next_page(stream: Arc<Mutex<PageStream>>) -> Result<NextPage, Error> {
    match stream.lock().await.next().await {
        Some(Ok(page)) => Ok(NextPage(Some(page))),
        Some(Err(e)) => Err(e),
        None => Ok(NextPage(None)),
    }
}

#[pymethods]
impl Pages {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let fut = next_page(self.stream.clone());
        let page = py.detach(|| crate::runtime::runtime().block_on(fut));
        match page.map_err(to_py_err)?.0 {
            Some(page) => Ok(Some(page.to_python(py)?)),
            // None ends a `for` loop (StopIteration).
            None => Ok(None),
        }
    }

    fn __aiter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __anext__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        spawn(py, next_page(self.stream.clone()))
    }

    fn __repr__(&self) -> &'static str {
        "Pages(...)"
    }
}
