//! The core's plain enums as Python `str` values (`"ssw"`, `"added"`,
//! `"authoritative"`): the same spelling as their JSON, comparable with a
//! literal, and typed as `Literal[...]` in the stubs.

use crate::membership::{Action, Change, OutcomeStatus, Resolution, StepStatus, SyncMode};
use crate::paging::PageStyle;
use crate::Provider;
use pyo3::prelude::*;
use pyo3::types::PyString;

macro_rules! str_enum {
    ($($ty:ty),* $(,)?) => {$(
        impl<'py> IntoPyObject<'py> for $ty {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = std::convert::Infallible;
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(PyString::intern(py, &wire(&self)))
            }
        }

        impl<'py> IntoPyObject<'py> for &$ty {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = std::convert::Infallible;
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(PyString::intern(py, &wire(self)))
            }
        }

        impl<'a, 'py> FromPyObject<'a, 'py> for $ty {
            type Error = PyErr;
            fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
                let text: String = obj.extract()?;
                serde_json::from_value(serde_json::Value::String(text.clone())).map_err(|_| {
                    super::errors::invalid(
                        stringify!($ty).rsplit("::").next().unwrap_or("value"),
                        format!("{text:?} is not one of its values"),
                    )
                })
            }
        }
    )*};
}

/// The serde (JSON) name of a unit variant.
fn wire<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

str_enum!(
    Provider,
    PageStyle,
    Action,
    SyncMode,
    Resolution,
    Change,
    OutcomeStatus,
    StepStatus,
);
