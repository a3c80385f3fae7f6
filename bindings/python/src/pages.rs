//! A list fetched one page at a time as Python iterates (`for` or
//! `async for`); each step fetches exactly one page.

use crate::call::runtime;
use crate::value::{boxed, PyValue};
use futures_util::stream::BoxStream;
use futures_util::StreamExt;
use pyo3::exceptions::PyStopAsyncIteration;
use pyo3::prelude::*;
use rosterkit_core::Error;
use std::sync::Arc;
use tokio::sync::Mutex;

type PageStream = BoxStream<'static, Result<PyValue, Error>>;

/// The pages of one list; each item is a list of the list's models.
#[pyclass(module = "rosterkit._native", frozen)]
pub struct Pages {
    // An async mutex: `__anext__` holds it across the awaited fetch.
    stream: Arc<Mutex<PageStream>>,
}

impl Pages {
    /// Pages of `T`s, each page converted to a Python list.
    pub(crate) fn of<T>(
        stream: impl futures_util::Stream<Item = Result<Vec<T>, Error>> + Send + 'static,
    ) -> Pages
    where
        Vec<T>: crate::value::ToPy + 'static,
    {
        Pages {
            stream: Arc::new(Mutex::new(stream.map(|p| p.map(boxed)).boxed())),
        }
    }
}

async fn next(stream: Arc<Mutex<PageStream>>) -> Result<Option<PyValue>, Error> {
    stream.lock().await.next().await.transpose()
}

#[pymethods]
impl Pages {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let fut = next(self.stream.clone());
        match py.detach(|| runtime().block_on(fut))? {
            Some(page) => Ok(Some(page.to_py(py)?)),
            None => Ok(None),
        }
    }

    fn __aiter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __anext__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let stream = self.stream.clone();
        pyo3_async_runtimes::tokio::future_into_py(py, async move {
            let page = next(stream).await?;
            Python::attach(|py| match page {
                Some(page) => page.to_py(py),
                None => Err(PyStopAsyncIteration::new_err(())),
            })
        })
    }

    fn __repr__(&self) -> &'static str {
        "Pages(...)"
    }
}
