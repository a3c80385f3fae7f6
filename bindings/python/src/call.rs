//! A call in flight. `wait()` blocks with the GIL released and answers
//! Ctrl-C within a tenth of a second; `awaitable()` hands it to asyncio.
//! Either way the same Rust future, driven by the one driver, runs.

use crate::value::PyValue;
use futures_util::future::BoxFuture;
use pyo3::prelude::*;
use rosterkit::Cancel;
use rosterkit_core::Error;
use std::sync::Mutex;
use std::time::Duration;

type Fut = BoxFuture<'static, Result<PyValue, Error>>;

/// How often a blocking wait looks for Ctrl-C.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// A call that has not run yet; run it once with `wait()` or `awaitable()`.
#[pyclass(module = "rosterkit._native", frozen)]
pub struct PendingCall {
    fut: Mutex<Option<Fut>>,
    /// Set on Ctrl-C: an apply stops starting steps and returns what it did.
    cancel: Option<Cancel>,
}

impl PendingCall {
    /// A call; `cancel` makes Ctrl-C end it with a result (an apply's
    /// partial report) instead of dropping it.
    pub(crate) fn new(fut: Fut, cancel: Option<Cancel>) -> PendingCall {
        PendingCall {
            fut: Mutex::new(Some(fut)),
            cancel,
        }
    }

    fn take(&self) -> PyResult<Fut> {
        self.fut
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
            .ok_or_else(|| Error::invalid("call", "this call has already run").into())
    }
}

/// The module's tokio runtime.
pub(crate) fn runtime() -> &'static tokio::runtime::Runtime {
    pyo3_async_runtimes::tokio::get_runtime()
}

fn finish(py: Python<'_>, out: Result<PyValue, Error>) -> PyResult<Py<PyAny>> {
    out.map_err(PyErr::from)?.to_py(py)
}

#[pymethods]
impl PendingCall {
    /// Runs the call to its end with the GIL released, so other Python
    /// threads keep going. Ctrl-C interrupts it within 0.1 s; an interrupted
    /// apply raises `KeyboardInterrupt` carrying the partial report as `.report`.
    fn wait(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let mut fut = self.take()?;
        loop {
            let slice = py.detach(|| {
                runtime().block_on(async { tokio::time::timeout(SIGNAL_CHECK, &mut fut).await })
            });
            match slice {
                Ok(out) => return finish(py, out),
                Err(_) => {
                    if let Err(interrupt) = py.check_signals() {
                        let Some(cancel) = &self.cancel else {
                            return Err(interrupt);
                        };
                        // Let the apply record what was in flight, then report.
                        cancel.cancel();
                        let out = py.detach(|| runtime().block_on(fut));
                        if let Ok(report) = finish(py, out) {
                            interrupt.value(py).setattr("report", report)?;
                        }
                        return Err(interrupt);
                    }
                }
            }
        }
    }

    /// The call as an asyncio awaitable. Cancelling the task drops the call;
    /// an apply tracked by an `ApplyProgress` still reports what it did.
    fn awaitable<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let fut = self.take()?;
        pyo3_async_runtimes::tokio::future_into_py(py, async move {
            let out = fut.await;
            Python::attach(|py| finish(py, out))
        })
    }

    fn __repr__(&self) -> &'static str {
        "PendingCall(...)"
    }
}
