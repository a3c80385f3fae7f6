//! Page-by-page iteration over a list endpoint, driven by the core `Pager`
//! through the Rust client's `pages` stream. One object serves `for` and
//! `async for`; each step fetches exactly one page.

use crate::errors::to_py_err;
use crate::json::value_to_py;
use crate::runtime::spawn;
use futures_util::{Stream, StreamExt};
use pyo3::exceptions::PyStopAsyncIteration;
use pyo3::prelude::*;
use rosterkit_core::Error;
use serde_json::Value;
use std::pin::Pin;
use std::sync::Arc;
use tokio::sync::Mutex;

type PageStream = Pin<Box<dyn Stream<Item = Result<Vec<Value>, Error>> + Send>>;

/// The pages of one list call; each item is a list of the vendor's raw items.
#[pyclass(module = "rosterkit._native", name = "Pages", frozen)]
pub struct Pages {
    // An async mutex: `__anext__` holds it across the awaited fetch.
    stream: Arc<Mutex<PageStream>>,
}

impl Pages {
    pub(crate) fn new(stream: PageStream) -> Self {
        Pages {
            stream: Arc::new(Mutex::new(stream)),
        }
    }
}

/// The next page, or `None` at the end.
struct NextPage(Option<Vec<Value>>);

impl crate::runtime::ToPython for NextPage {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        match self.0 {
            Some(items) => value_to_py(py, &Value::Array(items)),
            None => Err(PyStopAsyncIteration::new_err(())),
        }
    }
}

async fn next_page(stream: Arc<Mutex<PageStream>>) -> Result<NextPage, Error> {
    match stream.lock().await.next().await {
        Some(Ok(items)) => Ok(NextPage(Some(items))),
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
            Some(items) => Ok(Some(value_to_py(py, &Value::Array(items))?)),
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
