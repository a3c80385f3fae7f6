//! What a call hands back to Python, decided in Rust and converted once the
//! GIL is held: core types become their Python classes (`User`, `ApplyReport`,
//! ...), vendor outputs plain dicts and lists in the vendor's field names.

use pyo3::prelude::*;
use pyo3::BoundObject;
use serde::Serialize;

/// A result waiting for the GIL to become a Python object.
pub(crate) trait ToPy: Send {
    fn to_py(self: Box<Self>, py: Python<'_>) -> PyResult<Py<PyAny>>;
}

impl<T> ToPy for T
where
    T: for<'py> IntoPyObject<'py> + Send,
{
    fn to_py(self: Box<Self>, py: Python<'_>) -> PyResult<Py<PyAny>> {
        match (*self).into_pyobject(py) {
            Ok(o) => Ok(o.into_any().into_bound().unbind()),
            Err(e) => Err(e.into()),
        }
    }
}

/// A boxed result.
pub(crate) type PyValue = Box<dyn ToPy>;

/// Boxes a result for the trip back to Python.
pub(crate) fn boxed<T: ToPy + 'static>(value: T) -> PyValue {
    Box::new(value)
}

/// A serializable value (a vendor's output, JSON items) as plain Python data.
pub(crate) struct Json<T>(pub(crate) T);

impl<'py, T: Serialize> IntoPyObject<'py> for Json<T> {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        rosterkit_core::python::to_py(py, &self.0)
    }
}

/// A raw call's result: the body's own JSON text goes to `json.loads` when
/// the core found it already is the result.
pub(crate) struct HostJson(pub(crate) rosterkit_core::operation::HostOutput);

impl<'py> IntoPyObject<'py> for HostJson {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        use rosterkit_core::operation::HostOutput;
        match self.0 {
            HostOutput::Json(text) => rosterkit_core::python::loads(py, &text),
            HostOutput::Value(output) => rosterkit_core::python::to_py(py, &output),
        }
    }
}
