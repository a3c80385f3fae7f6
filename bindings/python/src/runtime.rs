//! Running the Rust client's futures from Python: blocking with the GIL
//! released, or as an asyncio awaitable. Both use the one tokio runtime the
//! module owns (pyo3-async-runtimes' multi-threaded runtime).

use crate::errors::to_py_err;
use crate::json::value_to_py;
use crate::models::{PyGroup, PyMember, PyUser};
use crate::plan::{PyApplyReport, PySyncPlan};
use pyo3::prelude::*;
use pyo3::types::PyList;
use rosterkit::{ApplyReport, Group, Member, MembershipPlan, User};
use rosterkit_core::Error;
use serde_json::Value;
use std::future::Future;

/// What a client call returns, turned into its Python object.
pub(crate) trait ToPython: Send + 'static {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>>;
}

fn list<T, P>(py: Python<'_>, items: Vec<T>, wrap: impl Fn(T) -> P) -> PyResult<Py<PyAny>>
where
    P: for<'py> IntoPyObject<'py>,
{
    Ok(PyList::new(py, items.into_iter().map(wrap))?
        .into_any()
        .unbind())
}

impl ToPython for Vec<User> {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        list(py, self, PyUser)
    }
}

impl ToPython for Vec<Group> {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        list(py, self, PyGroup)
    }
}

impl ToPython for Vec<Member> {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        list(py, self, PyMember)
    }
}

impl ToPython for Group {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(Py::new(py, PyGroup(self))?.into_any())
    }
}

impl ToPython for Option<Group> {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        match self {
            Some(g) => g.to_python(py),
            None => Ok(py.None()),
        }
    }
}

impl ToPython for () {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(py.None())
    }
}

impl ToPython for ApplyReport {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(Py::new(py, PyApplyReport::from(self))?.into_any())
    }
}

impl ToPython for MembershipPlan {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(Py::new(py, PySyncPlan(self))?.into_any())
    }
}

impl ToPython for Value {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        value_to_py(py, &self)
    }
}

/// The module's tokio runtime.
pub(crate) fn runtime() -> &'static tokio::runtime::Runtime {
    pyo3_async_runtimes::tokio::get_runtime()
}

/// Runs `fut` to completion with the GIL released, so other Python threads
/// keep running while the HTTP exchange is in flight.
pub(crate) fn block<T, F>(py: Python<'_>, fut: F) -> PyResult<Py<PyAny>>
where
    T: ToPython,
    F: Future<Output = Result<T, Error>> + Send,
{
    let out = py.detach(|| runtime().block_on(fut));
    out.map_err(to_py_err)?.to_python(py)
}

/// Wraps `fut` as an asyncio awaitable that resolves on the running loop.
pub(crate) fn spawn<'py, T, F>(py: Python<'py>, fut: F) -> PyResult<Bound<'py, PyAny>>
where
    T: ToPython,
    F: Future<Output = Result<T, Error>> + Send + 'static,
{
    pyo3_async_runtimes::tokio::future_into_py(py, async move {
        let out = fut.await.map_err(to_py_err)?;
        Python::attach(|py| out.to_python(py))
    })
}
